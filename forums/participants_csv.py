"""Participant lists as CSV: checking an uploaded file row by row, importing it, exporting a forum's list.

An import is all or nothing: `check_rows` reports every problem line by line, and `import_rows`
runs only on rows that `check_rows` found clean (it checks them again, inside the transaction).
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from members.exports import neutralize, unneutralize
from members.models import Country, Organization, Person

from .models import Forum, Participant, ParticipantImport

HEADER = ["name", "organization", "country", "role", "e-mail", "phone", "attended"]
MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
YES = {"yes", "y", "true", "1", "x", ""}
NO = {"no", "n", "false", "0"}
DELIMITERS = ",;\t"  # comma first: it wins a tie


class CsvFileError(Exception):
    """The file as a whole cannot be read (encoding, header, size); nothing is checked row by row."""


@dataclass
class CheckedRow:
    line: int
    values: dict
    errors: list = field(default_factory=list)
    organization: Organization | None = None
    country: Country | None = None
    person: Person | None = None
    role: str = ""
    attended: bool = True

    @property
    def email(self) -> str:
        return self.values.get("e-mail", "")


def fold(text: str) -> str:
    return " ".join((text or "").split()).casefold()


def read_rows(data: bytes) -> list[dict]:
    """The rows of an uploaded file as dicts keyed by the header, with their line numbers."""
    if len(data) > MAX_BYTES:
        raise CsvFileError(_("The file is larger than 1 MB. Split it into smaller files."))
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise CsvFileError(
            _("This is a spreadsheet workbook, not a CSV file. In your spreadsheet, use “Save as” → “CSV UTF-8”.")
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CsvFileError(
            _(
                "The file is not in UTF-8 encoding (the byte at position %(position)s cannot be read). "
                "Save it again as “CSV UTF-8” (in Excel: Save as → CSV UTF-8; in LibreOffice: "
                "character set Unicode (UTF-8))."
            )
            % {"position": exc.start}
        ) from exc
    if "\x00" in text:
        raise CsvFileError(_("The file contains null bytes: it is not a text CSV file. Save it as “CSV UTF-8”."))
    delimiter = detect_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise CsvFileError(_("The file is empty.")) from None
    header = [h.strip().lower() for h in header]
    missing = [h for h in HEADER if h not in header]
    unknown = [h for h in header if h not in HEADER]
    if missing or unknown or len(header) != len(HEADER):
        problems = []
        if missing:
            problems.append(_("missing columns: %(columns)s") % {"columns": ", ".join(missing)})
        if unknown:
            problems.append(_("unknown columns: %(columns)s") % {"columns": ", ".join(c or '(empty)' for c in unknown)})
        if not problems:
            problems.append(_("a column appears twice"))
        message = _("The first line must be exactly: %(header)s — %(problems)s.") % {
            "header": ",".join(HEADER), "problems": "; ".join(problems),
        }
        if delimiter == ";" or (len(header) == 1 and ";" in header[0]):
            message = _(
                "The columns are separated by semicolons. That is accepted, but the column names are wrong. %(message)s"
            ) % {"message": message}
        raise CsvFileError(message)
    rows = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        line = reader.line_num
        if len(values) != len(HEADER):
            rows.append({"_line": line, "_width": len(values), **dict(zip(header, values, strict=False))})
        else:
            rows.append({"_line": line, **{k: unneutralize(v.strip()) for k, v in zip(header, values, strict=True)}})
        if len(rows) > MAX_ROWS:
            raise CsvFileError(_("The file has more than %(max)s participants. Split it.") % {"max": MAX_ROWS})
    if not rows:
        raise CsvFileError(_("The file has a header but no participants."))
    return rows


def detect_delimiter(text: str) -> str:
    """Comma, semicolon or tab: the one that splits the first line into the expected column names.

    Spreadsheets with Russian (and many European) regional settings save "CSV" with semicolons.
    """
    first_line = text.split("\n", 1)[0]
    best, best_score = ",", -1
    for delimiter in DELIMITERS:
        names = {h.strip().lower() for h in next(csv.reader([first_line], delimiter=delimiter), [])}
        score = len(names & set(HEADER))
        if score > best_score:
            best, best_score = delimiter, score
    return best


class Lookup:
    """Countries, organizations, people and existing participants, loaded once per check."""

    def __init__(self, forum: Forum):
        self.countries = {}
        for country in Country.objects.all():
            self.countries[fold(country.code)] = country
            self.countries[fold(country.name)] = country
            self.countries[fold(str(country))] = country  # the name in the page's language, too
        self.organizations: dict[tuple[str, str], Organization] = {}
        for org in Organization.objects.all():
            for key in (org.name, org.acronym):
                if key:
                    self.organizations.setdefault((org.country_id, fold(key)), org)
        self.people = {(p.organization_id, fold(p.name)): p for p in Person.objects.exclude(organization=None)}
        self.existing = {
            (fold(p.name), fold(p.organization_label)) for p in forum.participants.select_related("organization")
        }
        # Codes, English labels (what the export writes) and labels in the page's language.
        self.roles = {}
        with translation.override("en"):
            english = {value: str(label) for value, label in Participant.Role.choices}
        for value, label in Participant.Role.choices:
            for key in (value, english[value], str(label)):
                self.roles[fold(key)] = value


def check_rows(forum: Forum, rows: list[dict]) -> list[CheckedRow]:
    lookup = Lookup(forum)
    seen: dict[tuple[str, str], int] = {}
    checked = []
    for raw in rows:
        row = CheckedRow(line=raw["_line"], values={k: raw.get(k, "") for k in HEADER})
        checked.append(row)
        if "_width" in raw:
            row.errors.append(
                _("This line has %(found)s fields instead of %(expected)s.") % {"found": raw["_width"], "expected": len(HEADER)}
            )
            continue
        v = row.values
        if not v["name"]:
            row.errors.append(_("The name is empty."))
        elif len(v["name"]) > 200:
            row.errors.append(_("The name is longer than 200 characters."))
        if v["country"]:
            row.country = lookup.countries.get(fold(v["country"]))
            if row.country is None:
                row.errors.append(
                    _("Unknown country “%(country)s”: use a country name or ISO code such as AF, PK, TJ, TM, UZ.")
                    % {"country": v["country"]}
                )
        else:
            row.errors.append(_("The country is empty."))
        if v["organization"] and row.country:
            row.organization = lookup.organizations.get((row.country.code, fold(v["organization"])))
        if len(v["organization"]) > 200:
            row.errors.append(_("The organization is longer than 200 characters."))
        row.role = lookup.roles.get(fold(v["role"]), "") if v["role"] else Participant.Role.NGO
        if not row.role:
            row.errors.append(
                _("Unknown role “%(role)s”: use one of %(roles)s.")
                % {"role": v["role"], "roles": ", ".join(str(label) for _v, label in Participant.Role.choices)}
            )
        if v["e-mail"]:
            try:
                validate_email(v["e-mail"])
            except ValidationError:
                row.errors.append(_("“%(email)s” is not a valid e-mail address.") % {"email": v["e-mail"]})
        if len(v["phone"]) > 40 or any(ch.isalpha() for ch in v["phone"]):
            row.errors.append(_("“%(phone)s” is not a phone number.") % {"phone": v["phone"]})
        attended = fold(v["attended"])
        if attended in YES:
            row.attended = True
        elif attended in NO:
            row.attended = False
        else:
            row.errors.append(_("“attended” must be yes or no, not “%(value)s”.") % {"value": v["attended"]})
        if row.organization:
            row.person = lookup.people.get((row.organization.pk, fold(v["name"])))
        key = (fold(v["name"]), fold(str(row.organization) if row.organization else v["organization"]))
        if v["name"]:
            if key in seen:
                row.errors.append(
                    _("Same name and organization as line %(line)s.") % {"line": seen[key]}
                )
            else:
                seen[key] = row.line
            if key in lookup.existing:
                row.errors.append(_("Already a participant of this forum."))
    return checked


def has_errors(checked: list[CheckedRow]) -> bool:
    return any(row.errors for row in checked)


class AlreadyImported(Exception):
    """This preview was imported already: it was confirmed twice (a double click, a second tab)."""


@transaction.atomic
def import_rows(forum: Forum, rows: list[dict], *, token: str, user) -> int:
    """Create the participants, or nothing: raises ValueError if any row has an error now, and AlreadyImported
    if the preview `token` was imported already.

    Recording the import is the transaction's first statement, so a second confirmation of the same preview
    waits for the first to commit (PostgreSQL: on the unique index; SQLite: for the write lock, instead of
    failing "database is locked") and then hits the unique constraint: the rows are never created twice.
    """
    try:
        with transaction.atomic():
            ParticipantImport.objects.create(forum=forum, token=token, imported_by=user)
    except IntegrityError:
        raise AlreadyImported from None
    # Imports of other files into this forum wait here, so each checks against what the other one added.
    # (FOR NO KEY UPDATE: the row just created holds a key share on the forum, which FOR UPDATE would wait for.)
    Forum.objects.select_for_update(no_key=True).values("pk").get(pk=forum.pk)
    checked = check_rows(forum, rows)
    if has_errors(checked):
        raise ValueError("rows with errors")
    Participant.objects.bulk_create(
        [
            Participant(
                forum=forum,
                name=row.values["name"],
                person=row.person,
                organization=row.organization,
                organization_name="" if row.organization else row.values["organization"],
                country=row.country,
                role=row.role,
                attended=row.attended,
                email=row.values["e-mail"],
                phone=row.values["phone"],
            )
            for row in checked
        ]
    )
    return len(checked)


def export_participants(forum: Forum) -> str:
    """The forum's participants in the same columns the import reads, so a list can round-trip.

    Roles are written as their English labels ("NGO delegate"), as the import page documents them.
    """
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    with translation.override("en"):
        roles = {value: str(label) for value, label in Participant.Role.choices}
    for p in forum.participants.select_related("organization", "country").order_by("country__order", "name", "pk"):
        row = [
            p.name,
            p.organization.name if p.organization_id else p.organization_name,
            p.country.name if p.country_id else "",
            roles.get(p.role, p.role),
            p.email,
            p.phone,
            "yes" if p.attended else "no",
        ]
        writer.writerow([neutralize(cell) for cell in row])
    return out.getvalue()

