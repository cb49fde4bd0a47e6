"""Participant lists as CSV: checking an uploaded file row by row, importing it, exporting a forum's list.

An uploaded list adds the participants it does not know and updates those it names (by e-mail, else by
name and organization); it deletes nothing. Each row is planned as new, update, unchanged or problem;
`import_rows` imports the clean rows, skips the problem rows, and checks them all again inside the
transaction: if the plan is no longer the one the preview showed, it imports nothing.

Countries, roles and yes/no are read in any of the portal's languages (the catalogues' own words), and
organizations by name, acronym or local name in any script (members/search.py).
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from members.exports import neutralize, unneutralize
from members.models import Country, Organization, Person
from members.search import fold_for_search, latin_key

from .models import Forum, Participant, ParticipantImport

HEADER = ["name", "organization", "country", "role", "position", "e-mail", "phone", "attended"]
OPTIONAL = {"position"}  # files written before it was added still import
MAX_BYTES = 1024 * 1024
MAX_ROWS = 2000
# Besides each catalogue's "yes" and "no".
YES = {"yes", "y", "true", "1", "x", "bale", "бале", "ok"}
NO = {"no", "n", "false", "0"}
DELIMITERS = ",;\t"  # comma first: it wins a tie
# What changes on an update, in this order; the name changes only when the row was matched by e-mail.
UPDATED_FIELDS = ["name", "organization", "country", "role", "position", "attended", "email", "phone"]
_QUOTED = re.compile(r"[«“„\"']([^«»“”„\"']+)[»”\"']")


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
    role: str = ""  # empty: not given (a new participant is an NGO delegate, an update keeps the role)
    attended: bool | None = None  # None: not given (a new participant attended, an update keeps it)
    participant: Participant | None = None  # the participant of this forum the row updates
    matched_by_email: bool = False
    changes: list = field(default_factory=list)  # [{"field", "label", "old", "new"}] for an update

    @property
    def email(self) -> str:
        return self.values.get("e-mail", "")

    @property
    def status(self) -> str:
        if self.errors:
            return "problem"
        if self.participant is None:
            return "new"
        return "update" if self.changes else "unchanged"


def fold(text: str) -> str:
    return fold_for_search(text or "")


def keys(text: str) -> list[str]:
    """The forms a text is matched by: folded, then its Latin key (the same word in another script)."""
    return [key for key in dict.fromkeys((fold_for_search(text or ""), latin_key(text or ""))) if key]


class NameIndex:
    """People by name within an organization: the name folded, or written in another script.

    The Latin key joins «Нодира Каримова» and "Nodira Karimova", but not two Latin spellings ("Ana" and
    "Anna" are two people): it is used only when one of the two names is not in Latin letters.
    """

    def __init__(self):
        self.folded: dict[tuple, list] = {}
        self.latin: dict[tuple, list] = {}

    def add(self, name: str, organization_key, item) -> None:
        self.folded.setdefault((fold(name), organization_key), []).append((name, item))
        self.latin.setdefault((latin_key(name or ""), organization_key), []).append((name, item))

    def find(self, name: str, organization_key) -> list:
        found = self.folded.get((fold(name), organization_key))
        if not found and latin_key(name or ""):
            found = [(other, item) for other, item in self.latin.get((latin_key(name), organization_key), [])
                     if not (fold(name).isascii() and fold(other).isascii())]
        return [item for _name, item in found or []]


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
    check_header(header, delimiter)
    rows = []
    for values in reader:
        if not any(v.strip() for v in values):
            continue
        line = reader.line_num
        if len(values) != len(header):
            rows.append({"_line": line, "_width": len(values), "_expected": len(header),
                         **dict(zip(header, values, strict=False))})
        else:
            rows.append({"_line": line, **{k: unneutralize(v.strip()) for k, v in zip(header, values, strict=True)}})
        if len(rows) > MAX_ROWS:
            raise CsvFileError(_("The file has more than %(max)s participants. Split it.") % {"max": MAX_ROWS})
    if not rows:
        raise CsvFileError(_("The file has a header but no participants."))
    return rows


def check_header(header: list[str], delimiter: str) -> None:
    missing = [h for h in HEADER if h not in header and h not in OPTIONAL]
    unknown = [h for h in header if h not in HEADER]
    if not missing and not unknown and len(set(header)) == len(header):
        return
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


def _index(words: dict[str, set[str]]) -> dict[str, str]:
    """{value: words} as {key of a word: value}; a key two values share (in two languages) matches neither."""
    index, shared = {}, set()
    for value, texts in words.items():
        for text in texts:
            for key in keys(text):
                if index.setdefault(key, value) != value:
                    shared.add(key)
    return {key: value for key, value in index.items() if key not in shared}


def _in_every_language(*texts) -> set[str]:
    """Each text (a catalogue's msgid or a lazy label) as every language of the portal writes it."""
    found = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            found.update(_(text) if isinstance(text, str) else str(text) for text in texts)
    return found


def _quoted(text: str) -> str:
    """The name inside quotes: «Мадина» of ОО «Мадина», Madina of NGO “Madina”."""
    match = _QUOTED.search(text or "")
    return match.group(1) if match else ""


class OrganizationIndex:
    """The directory's organizations of some countries, found by name, acronym or local name in any script.

    Three levels, tried in turn: the text folded (case, letter variants), its Latin key (the same name in
    another script or transliteration), and the name inside quotes. The first level with a match decides;
    several organizations there is an ambiguity, not a guess.
    """

    def __init__(self, countries):
        self.levels: list[dict[tuple[str, str], set]] = [{}, {}, {}]
        self.by_pk = {}
        for org in Organization.objects.filter(country__in=countries).only("name", "acronym", "name_local", "country"):
            self.by_pk[org.pk] = org
            texts = [org.name, org.acronym, org.name_local]
            for text in texts:
                self._add(0, org, fold(text))
                self._add(1, org, latin_key(text or ""))
            for text in (_quoted(org.name), _quoted(org.name_local)):
                for key in keys(text):
                    self._add(2, org, key)

    def _add(self, level, org, key):
        if key:
            self.levels[level].setdefault((org.country_id, key), set()).add(org.pk)

    def find(self, country: Country, text: str) -> list[Organization]:
        """The organizations of `country` that `text` names: none, one, or the ambiguous several."""
        tries = [(0, fold(text)), (1, latin_key(text)), *((2, key) for key in keys(_quoted(text) or text))]
        for level, key in tries:
            found = self.levels[level].get((country.pk, key)) if key else None
            if found:
                return sorted((self.by_pk[pk] for pk in found), key=lambda org: org.name)
        return []


class Lookup:
    """Countries, roles, yes/no, organizations, people and the forum's participants, loaded once per check."""

    def __init__(self, forum: Forum, rows: list[dict]):
        countries = list(Country.objects.all())
        self.countries = _index(
            {c.code: {c.code, c.name, *_in_every_language(c.name)} for c in countries}
        )
        self.country_by_code = {c.code: c for c in countries}
        # Codes and labels in every language (the export writes the English ones).
        self.roles = _index({value: {value, *_in_every_language(label)} for value, label in Participant.Role.choices})
        self.yes_no = _index({"yes": YES | _in_every_language("yes", "Yes"), "no": NO | _in_every_language("no", "No")})
        named = {self.country(raw.get("country", "")) for raw in rows} - {None}
        self.organizations = OrganizationIndex(named)
        self.people = NameIndex()
        for person in Person.objects.filter(organization__country__in=named).only("name", "organization"):
            self.people.add(person.name, person.organization_id, person)
        self.participants = list(forum.participants.select_related("organization", "country"))
        self.by_email: dict[str, list[Participant]] = {}
        self.by_name = NameIndex()
        for p in self.participants:
            if p.email:
                self.by_email.setdefault(p.email.casefold(), []).append(p)
            self.by_name.add(p.name, organization_key(p.organization, p.organization_name), p)

    def country(self, text: str) -> Country | None:
        for key in keys(text):
            if key in self.countries:
                return self.country_by_code[self.countries[key]]
        return None

    def word(self, index: dict, text: str) -> str:
        for key in keys(text):
            if key in index:
                return index[key]
        return ""


def organization_key(organization: Organization | None, organization_name: str):
    """The organization of a row or a participant: the directory's, or the text kept instead."""
    return organization.pk if organization else fold(organization_name)


def check_rows(forum: Forum, rows: list[dict]) -> list[CheckedRow]:
    lookup = Lookup(forum, rows)
    seen_keys: dict[tuple, int] = {}
    seen_emails: dict[str, int] = {}
    seen_participants: dict[int, int] = {}
    checked = []
    for raw in rows:
        row = CheckedRow(line=raw["_line"], values={k: raw.get(k, "") for k in HEADER if k in raw or k not in OPTIONAL})
        checked.append(row)
        if "_width" in raw:
            row.errors.append(
                _("This line has %(found)s fields instead of %(expected)s.")
                % {"found": raw["_width"], "expected": raw.get("_expected", len(HEADER))}
            )
            continue
        _check_values(row, lookup)
        _match(row, lookup)
        key = (fold(row.values["name"]), organization_key(row.organization, row.values["organization"]))
        if not row.values["name"]:
            continue
        if key in seen_keys:
            row.errors.append(_("Same name and organization as line %(line)s.") % {"line": seen_keys[key]})
            continue
        seen_keys[key] = row.line
        email = row.email.casefold()
        earlier = seen_emails.get(email) if email else None
        if earlier is None and row.participant:
            earlier = seen_participants.get(row.participant.pk)
        if earlier is not None:
            row.errors.append(_("Same participant as line %(line)s.") % {"line": earlier})
            continue
        if email:
            seen_emails[email] = row.line
        if row.participant:
            seen_participants[row.participant.pk] = row.line
    for row in checked:
        if not row.errors and row.participant:
            row.changes = _changes(row)
    return checked


def _check_values(row: CheckedRow, lookup: Lookup) -> None:
    v = row.values
    if not v["name"]:
        row.errors.append(_("The name is empty."))
    elif len(v["name"]) > 200:
        row.errors.append(_("The name is longer than 200 characters."))
    if v["country"]:
        row.country = lookup.country(v["country"])
        if row.country is None:
            row.errors.append(
                _("Unknown country “%(country)s”: use a country name or ISO code such as AF, PK, TJ, TM, UZ.")
                % {"country": v["country"]}
            )
    else:
        row.errors.append(_("The country is empty."))
    if len(v["organization"]) > 200:
        row.errors.append(_("The organization is longer than 200 characters."))
    elif v["organization"] and row.country:
        found = lookup.organizations.find(row.country, v["organization"])
        if len(found) == 1:
            row.organization = found[0]
        elif found:
            row.errors.append(
                _("“%(organization)s” matches several organizations in the directory: %(candidates)s. Write its full name.")
                % {"organization": v["organization"], "candidates": "; ".join(str(org) for org in found)}
            )
    if len(v.get("position", "")) > 200:
        row.errors.append(_("The position is longer than 200 characters."))
    if v["role"]:
        row.role = lookup.word(lookup.roles, v["role"])
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
    if v["attended"]:
        answer = lookup.word(lookup.yes_no, v["attended"])
        if answer:
            row.attended = answer == "yes"
        else:
            row.errors.append(_("“attended” must be yes or no, not “%(value)s”.") % {"value": v["attended"]})
    if row.organization:
        people = lookup.people.find(v["name"], row.organization.pk)
        row.person = people[0] if len(people) == 1 else None


def _match(row: CheckedRow, lookup: Lookup) -> None:
    """The participant of this forum the row names: by e-mail if one has it, else by name and organization."""
    if not row.values["name"]:
        return
    found = lookup.by_email.get(row.email.casefold(), []) if row.email else []
    row.matched_by_email = bool(found)
    if not found:
        found = lookup.by_name.find(row.values["name"], organization_key(row.organization, row.values["organization"]))
    if len(found) == 1:
        row.participant = found[0]
    elif found:
        row.errors.append(
            _("This line matches several participants already recorded for this forum: %(names)s.")
            % {"names": "; ".join(f"{p.name} ({p.organization_label})" for p in found)}
        )


def planned_values(row: CheckedRow) -> dict:
    """The fields the row sets: all of them for a new participant; for an update, the cells that are not empty."""
    v, new = row.values, row.participant is None
    values = {"country": row.country}
    if new or (row.matched_by_email and v["name"]):
        values["name"] = v["name"]
    if new or v["organization"]:
        values["organization"] = row.organization
        values["organization_name"] = "" if row.organization else v["organization"]
    if new or row.person:
        values["person"] = row.person
    for name, value, default in (
        ("role", row.role, Participant.Role.NGO),
        ("position", v.get("position", ""), ""),
        ("attended", row.attended, True),
        ("email", v["e-mail"], ""),
        ("phone", v["phone"], ""),
    ):
        if value not in ("", None):
            values[name] = value
        elif new:
            values[name] = default
    return values


def _display(participant: Participant, name: str) -> str:
    if name == "organization":
        return participant.organization_label
    if name == "country":
        return str(participant.country) if participant.country_id else ""
    if name == "role":
        return participant.get_role_display()
    if name == "attended":
        return _("yes") if participant.attended else _("no")
    return getattr(participant, name)


def _changes(row: CheckedRow) -> list[dict]:
    """What an update changes, field by field, as the page shows it."""
    before = row.participant
    after = Participant(**{**{f: getattr(before, f) for f in (*UPDATED_FIELDS, "organization_name")}, **planned_values(row)})
    changes = []
    for name in UPDATED_FIELDS:
        old, new = _display(before, name), _display(after, name)
        if old != new:
            label = Participant._meta.get_field(name).verbose_name
            changes.append({"field": name, "label": label, "old": old, "new": new})
    return changes


def plan(checked: list[CheckedRow]) -> list[list]:
    """What an import of these rows does, line by line: compared on confirmation with what the preview showed."""
    # An update that became "unchanged" meanwhile (or the reverse) still ends as the preview said.
    kinds = {"update": "existing", "unchanged": "existing"}
    return [[row.line, kinds.get(row.status, row.status), row.participant.pk if row.participant else None] for row in checked]


def importable(checked: list[CheckedRow]) -> bool:
    return any(row.status in ("new", "update") for row in checked)


def has_errors(checked: list[CheckedRow]) -> bool:
    return any(row.errors for row in checked)


class AlreadyImported(Exception):
    """This preview was imported already: it was confirmed twice (a double click, a second tab)."""


@dataclass
class ImportResult:
    created: int
    updated: int
    skipped: list  # the line numbers of the problem rows


@transaction.atomic
def import_rows(forum: Forum, rows: list[dict], *, token: str, user, expected: list | None = None) -> ImportResult:
    """Add the new participants and update the named ones, skipping the problem rows. Raises ValueError (and
    changes nothing) if the rows now plan something else than `expected`, the plan the preview showed, and
    AlreadyImported if the preview `token` was imported already.

    Recording the import is the transaction's first statement, so a second confirmation of the same preview
    waits for the first to commit (PostgreSQL: on the unique index; SQLite: for the write lock, instead of
    failing "database is locked") and then hits the unique constraint: the rows are never imported twice.
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
    if expected is not None and plan(checked) != expected:
        raise ValueError("the rows changed since the preview")
    new = [row for row in checked if row.status == "new"]
    updates = [row for row in checked if row.status == "update"]
    Participant.objects.bulk_create([Participant(forum=forum, **planned_values(row)) for row in new])
    for row in updates:
        for name, value in planned_values(row).items():
            setattr(row.participant, name, value)
        row.participant.save()
    return ImportResult(len(new), len(updates), [row.line for row in checked if row.errors])


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
            p.position,
            p.email,
            p.phone,
            "yes" if p.attended else "no",
        ]
        writer.writerow([neutralize(cell) for cell in row])
    return out.getvalue()
