"""Reading an HSDS data package into the directory (manage.py import_hsds).

A package is read into organizations nested as the JSON API gives them (services, phones, schedules, locations…),
from a folder or zip of CSV files with datapackage.json, or from a JSON file of organizations. Each organization
is then matched with the directory's: by the portal's own identifier (a package exported here), by the identifier
it had in the last import (`source_id`), or by name, acronym or website in the same country, in any script
(members/search.py). A matched organization only gets its blank fields filled: what editors wrote is never
overwritten, and the differences are listed. An unmatched one is created as an applicant, with its services, for
coordinators to vet. Nothing about people (HSDS contacts) is read.
"""

import csv
import io
import json
import re
import unicodedata
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation

from ..exports import unneutralize
from ..models import Country, Organization, Population, Service
from ..models.directory import SPOKEN_LANGUAGE_NAMES
from ..models.joining import unique_organization_slug
from ..search import search_key
from ..validators import BIDI_CONTROLS
from . import uid
from .export import DAYS, PHONE_CHANNELS, TAXONOMIES, TOLL_FREE, WALK_IN
from .package import RESOURCES

MAX_FILE_BYTES = 50 * 1024 * 1024
TABLES = ("organization", "service", "location", "address", "service_at_location", "phone", "schedule", "language",
          "service_area", "attribute", "taxonomy_term")
# ISO 639-2/3 codes of languages the portal knows by their two-letter code.
LANGUAGE_ALIASES = {"prs": "fa", "fas": "fa", "per": "fa", "pus": "ps", "pbu": "ps", "pbt": "ps", "urd": "ur",
                    "uzb": "uz", "uzn": "uz", "tgk": "tg", "tuk": "tk", "rus": "ru", "eng": "en", "ara": "ar",
                    "hin": "hi", "pan": "pa", "pnb": "pa", "snd": "sd", "kir": "ky", "kaz": "kk", "bal": "bal"}
COUNTRY_ALIASES = {"AFG": "AF", "PAK": "PK", "TJK": "TJ", "TKM": "TM", "UZB": "UZ"}


class PackageError(Exception):
    """The file is not an HSDS package this command can read."""


# --- reading a package ------------------------------------------------------------------------------------------


def read_package(path: Path) -> list[dict]:
    """The organizations of the package at `path` (a folder, a .zip or a .json file), nested."""
    path = Path(path)
    if path.is_dir():
        return nest(read_tables(lambda name: _read_file(path / name)))
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = {info.filename: info for info in archive.infolist() if not info.is_dir()}
            # A zip may hold the package in a folder of its own: the tables are next to datapackage.json.
            described = sorted((n for n in names if n.rsplit("/", 1)[-1] == "datapackage.json"), key=len)
            base = described[0][: -len("datapackage.json")] if described else ""

            def read(name):
                info = names.get(base + name)
                if info is None:
                    return None
                if info.file_size > MAX_FILE_BYTES:
                    raise PackageError(f"{info.filename} is larger than {MAX_FILE_BYTES // 2**20} MB.")
                with archive.open(info) as part:
                    return part.read(MAX_FILE_BYTES + 1)

            return nest(read_tables(read))
    if path.suffix.lower() == ".json":
        return organizations_from_json(json.loads(_read_file(path) or b"null"))
    raise PackageError("Give a folder or a .zip with datapackage.json and CSV files, or a .json file of organizations.")


def _read_file(path: Path) -> bytes | None:
    if not path.is_file():
        return None
    if path.stat().st_size > MAX_FILE_BYTES:
        raise PackageError(f"{path.name} is larger than {MAX_FILE_BYTES // 2**20} MB.")
    return path.read_bytes()


def organizations_from_json(data) -> list[dict]:
    """A page of the API ({"contents": […]}), a list of organizations, or one organization."""
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data = data["contents"]
    if isinstance(data, dict) and "name" in data:
        data = [data]
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise PackageError("The JSON file holds no list of organizations.")
    return data


def read_tables(read) -> dict[str, list[dict]]:
    """Each table's rows; `read(name)` gives a file of the package as bytes, or None if it has none."""
    described = read("datapackage.json")
    paths = {}
    if described is not None:
        try:
            paths = {r["name"]: r["path"] for r in json.loads(described).get("resources", []) if isinstance(r.get("path"), str)}
        except (ValueError, AttributeError, KeyError, TypeError) as error:
            raise PackageError(f"datapackage.json cannot be read: {error}") from None
    tables = {}
    for table in TABLES:
        candidates = [paths.get(table), RESOURCES[table]["path"], f"{table}.csv"]
        data = next((found for name in candidates if name and (found := read(name)) is not None), None)
        tables[table] = _rows(data) if data is not None else []
    if not tables["organization"]:
        raise PackageError("The package has no organizations (organizations.csv).")
    return tables


def _rows(data: bytes) -> list[dict]:
    if len(data) > MAX_FILE_BYTES:
        raise PackageError(f"A table is larger than {MAX_FILE_BYTES // 2**20} MB.")
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig")))
    # Cells of our own exports were neutralized against spreadsheet formulas: read them as they were.
    return [{key: unneutralize(value or "").strip() for key, value in row.items() if key} for row in reader]


def nest(tables: dict[str, list[dict]]) -> list[dict]:
    """The tables joined into organizations as the JSON API nests them."""

    def by(table, key):
        grouped = defaultdict(list)
        for row in tables[table]:
            if row.get(key):
                grouped[row[key]].append(row)
        return grouped

    addresses = by("address", "location_id")
    locations = {row["id"]: {**row, "addresses": addresses[row["id"]]} for row in tables["location"] if row.get("id")}
    terms = {row["id"]: row for row in tables["taxonomy_term"] if row.get("id")}
    phones, schedules, languages = by("phone", "service_id"), by("schedule", "service_id"), by("language", "service_id")
    areas, at_locations, attributes = by("service_area", "service_id"), by("service_at_location", "service_id"), by(
        "attribute", "link_id"
    )
    services = defaultdict(list)
    for row in tables["service"]:
        services[row.get("organization_id")].append(
            {
                **row,
                "phones": phones[row.get("id")],
                "schedules": schedules[row.get("id")],
                "languages": languages[row.get("id")],
                "service_areas": areas[row.get("id")],
                "service_at_locations": [
                    {**link, "location": locations.get(link.get("location_id"), {})} for link in at_locations[row.get("id")]
                ],
                "attributes": [
                    {**attribute, "taxonomy_term": terms.get(attribute.get("taxonomy_term_id"), {})}
                    for attribute in attributes[row.get("id")]
                ],
            }
        )
    organization_phones, organization_locations = by("phone", "organization_id"), defaultdict(list)
    for place in locations.values():
        organization_locations[place.get("organization_id")].append(place)
    return [
        {
            **row,
            "phones": [p for p in organization_phones[row.get("id")] if not p.get("service_id")],
            "locations": organization_locations[row.get("id")],
            "services": services[row.get("id")],
        }
        for row in tables["organization"]
    ]


# --- cleaning what comes in -------------------------------------------------------------------------------------


def _control(ch: str) -> bool:
    return unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS


def line(value, max_length: int) -> str:
    """One line of text: control characters (line breaks, tabs, direction overrides) stripped, shortened."""
    value = "".join(ch for ch in str(value if value is not None else "") if ch not in BIDI_CONTROLS)
    text = "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in value)
    return " ".join(text.split())[:max_length].strip()


def text(value, max_length: int) -> str:
    """A text of several lines: line breaks kept, every other control character stripped, shortened."""
    value = str(value if value is not None else "").replace("\r\n", "\n")
    cleaned = "".join(ch for ch in value if ch == "\n" or not _control(ch))
    return cleaned.strip()[:max_length].strip()


def email(value) -> str:
    value = line(value, 254)
    try:
        EmailValidator()(value)
    except ValidationError:
        return ""
    return value


def website(value) -> str:
    value = line(value, 200)
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        return ""
    return value


def year(value) -> int | None:
    try:
        found = int(float(value))
    except (TypeError, ValueError):
        return None
    return found if 1900 <= found <= 2100 else None


def country_code(value, countries: dict[str, str]) -> str:
    """One of `countries` ({code: English name}) from an ISO code (two or three letters) or its name; "" if none."""
    value = line(value, 100)
    code = COUNTRY_ALIASES.get(value.upper(), value.upper())
    if code in countries:
        return code
    return next((c for c, name in countries.items() if name.casefold() == value.casefold()), "")


def addresses_of(record: dict) -> list[dict]:
    places = list(record.get("locations") or [])
    places += [link.get("location") for link in record.get("service_at_locations") or [] if isinstance(link, dict)]
    return [address for place in places if isinstance(place, dict) for address in place.get("addresses") or []]


def website_key(url: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", url.strip().lower()).rstrip("/")


def name_keys(*names) -> set[str]:
    """Names in any script as their Latin keys; keys shorter than three letters match too much."""
    return {key for name in names if name and len(key := search_key(name)) >= 3}


def same_name(name: str, *names: str) -> bool:
    """Is `name` one of `names`, however spelled (a short one, such as a two-letter acronym, as typed)?"""
    if name_keys(name):
        return bool(name_keys(name) & name_keys(*names))
    return name.casefold() in {other.casefold() for other in names if other}


# --- mapping back -----------------------------------------------------------------------------------------------


def organization_values(record: dict) -> dict:
    """The directory's fields of an organization from an HSDS organization (cleaned)."""
    alternate = line(record.get("alternate_name"), 200)
    phones = [line(p.get("number"), 40) for p in record.get("phones") or [] if isinstance(p, dict)]
    # The organization's own city is that of a location none of its services is at, if it has one.
    at_services = {link.get("location_id") for s in record.get("services") or [] for link in s.get("service_at_locations") or []}
    places = [place for place in record.get("locations") or [] if isinstance(place, dict)]
    own = [place for place in places if place.get("id") not in at_services] or places
    cities = [line(a.get("city"), 100) for a in addresses_of({"locations": own})]
    kinds = {str(label).casefold(): value for value, label in Organization.Kind.choices}
    return {
        "name": line(record.get("name"), 200),
        "acronym": alternate if alternate and len(alternate) <= 30 and " " not in alternate else "",
        "name_local": alternate if alternate and (len(alternate) > 30 or " " in alternate) else "",
        "description": text(record.get("description"), 3000),
        "website": website(record.get("website")),
        "public_email": email(record.get("email")),
        "public_phone": next((p for p in phones if p), ""),
        "founded": year(record.get("year_incorporated")),
        "city": next((c for c in cities if c), ""),
        "kind": kinds.get(line(record.get("legal_status"), 100).casefold(), Organization.Kind.NGO),
    }


def service_values(record: dict) -> dict:
    """The directory's fields of a service from an HSDS service (cleaned)."""
    values = {
        "name": line(record.get("name"), 200),
        "description": text(record.get("description"), 1000),
        "email": email(record.get("email")),
        "walk_in": WALK_IN.casefold() in str(record.get("application_process") or "").casefold(),
        "areas_served": line(", ".join(line(a.get("name"), 300) for a in record.get("service_areas") or []), 300),
        "city": next((c for a in addresses_of(record) if (c := line(a.get("city"), 100))), ""),
        "languages": language_codes(record.get("languages") or []),
        **channels(record.get("phones") or []),
        **hours(record.get("schedules") or []),
    }
    values["kind"], values["populations"] = classification(record)
    return values


def channels(phones: list[dict]) -> dict:
    by_description = {description.casefold(): channel for channel, (_kind, description) in PHONE_CHANNELS.items() if description}
    found = {"phone": "", "toll_free": False, "sms": "", "whatsapp": "", "telegram": "", "signal": ""}
    for phone in phones:
        number, description = line(phone.get("number"), 40), line(phone.get("description"), 100).casefold()
        if not number:
            continue
        channel = by_description.get(description) or ("sms" if line(phone.get("type"), 20) == "text" else "phone")
        if not found[channel]:
            found[channel] = number
            if channel == "phone":
                found["toll_free"] = TOLL_FREE.casefold() in description or "toll free" in description
    return found


TIME = re.compile(r"^(\d{1,2}):(\d{2})")
OWN_TAXONOMIES = {uid("taxonomy", key): key for key in TAXONOMIES}


def hours(schedules: list[dict]) -> dict:
    """Weekly schedules as the directory keeps them: round the clock, or hours per weekday; and the notes."""
    opening, notes = {}, ""
    for schedule in schedules:
        notes = notes or text(schedule.get("notes"), 100)
        days = [DAYS.index(d) for d in line(schedule.get("byday"), 50).upper().replace(" ", "").split(",") if d in DAYS]
        opens, closes = TIME.match(str(schedule.get("opens_at") or "")), TIME.match(str(schedule.get("closes_at") or ""))
        if str(schedule.get("freq") or "WEEKLY").upper() != "WEEKLY" or not (days and opens and closes):
            notes = notes or line(schedule.get("description"), 100)
            continue
        span = f"{int(opens[1]):02d}:{opens[2]}-{int(closes[1]):02d}:{closes[2]}"
        for day in days:
            opening[str(day)] = f"{opening[str(day)]}, {span}" if str(day) in opening else span
    open_24_7 = len(opening) == 7 and all(span in ("00:00-23:59", "00:00-24:00", "00:00-00:00") for span in opening.values())
    return {"open_24_7": open_24_7, "opening_hours": {} if open_24_7 else opening, "hours": notes}


def language_codes(languages: list[dict]) -> str:
    by_name = {str(name).casefold(): code for code, name in SPOKEN_LANGUAGE_NAMES.items()}
    codes = []
    for language in languages:
        code = line(language.get("code"), 10).lower()
        code = LANGUAGE_ALIASES.get(code, code)
        if code not in SPOKEN_LANGUAGE_NAMES:
            code = by_name.get(line(language.get("name"), 100).casefold(), "")
        if code and code not in codes:
            codes.append(code)
    return "," + ",".join(codes) + "," if codes else ""


def classification(record: dict) -> tuple[str, str]:
    """The kind of service and who it serves: from the network's taxonomy terms, else from their names."""
    kinds = {**{v: v for v in Service.Kind.values}, **{str(label).casefold(): v for v, label in Service.Kind.choices}}
    groups = {**{v: v for v in Population.values}, **{str(label).casefold(): v for v, label in Population.choices}}
    kind, populations = "", []
    for attribute in record.get("attributes") or []:
        term = (attribute.get("taxonomy_term") or {}) if isinstance(attribute, dict) else {}
        own = OWN_TAXONOMIES.get(term.get("taxonomy_id"))
        code, name = line(term.get("code"), 50), line(term.get("name"), 100).casefold()
        if own != "population" and not kind:
            kind = kinds.get(code) or kinds.get(name, "")
        if own != "service-kind" and (group := groups.get(code) or groups.get(name)) and group not in populations:
            populations.append(group)
    for name in str(record.get("eligibility_description") or "").split(","):
        if (group := groups.get(line(name, 100).casefold())) and group not in populations:
            populations.append(group)
    return kind or Service.Kind.OTHER, "," + ",".join(populations) + "," if populations else ""


# --- the import -------------------------------------------------------------------------------------------------


@dataclass
class Result:
    created: int = 0
    matched: int = 0
    filled: int = 0
    skipped: int = 0
    lines: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Organizations: {self.created} created as applicants, {self.matched} matched "
            f"({self.filled} with blank fields filled), {self.skipped} skipped."
        )


ORGANIZATION_FIELDS = ("website", "public_email", "public_phone", "founded", "city")
SERVICE_FIELDS = ("email", "phone", "sms", "whatsapp", "telegram", "signal", "walk_in", "city", "areas_served",
                  "languages", "populations")


class Importer:
    """Imports organizations (as `read_package` gives them) whose texts are in `language`."""

    def __init__(self, language: str = "en"):
        self.language = language
        self.result = Result()
        self.own_ids = {uid("organization", pk): pk for pk in Organization.objects.values_list("pk", flat=True)}
        self.own_service_ids = {uid("service", pk): pk for pk in Service.objects.values_list("pk", flat=True)}
        self.countries = dict(Country.objects.values_list("code", "name"))
        self.known = defaultdict(list)  # country code -> its organizations, loaded when first needed

    def run(self, organizations: list[dict]) -> Result:
        # Kinds, groups and languages are matched by their English names, as the portal's exports write them.
        with translation.override("en"):
            for record in organizations:
                self.one(record)
        return self.result

    def one(self, record: dict) -> None:
        values = organization_values(record)
        name, identifier = values["name"], line(record.get("id"), 100)
        if not name:
            return self.skip(f"an organization without a name ({identifier or 'no identifier'})")
        codes = [code for address in addresses_of(record) if (code := line(address.get("country"), 100))]
        for service in record.get("services") or []:
            codes += [code for address in addresses_of(service) if (code := line(address.get("country"), 100))]
        country = next((c for code in codes if (c := country_code(code, self.countries))), "")
        existing, how = self.match(identifier, values, country)
        if existing == "ambiguous":
            return self.skip(f"{name}: it matches several organizations ({how}); merge or rename them first")
        if existing is not None:
            return self.update(existing, how, identifier, values, record.get("services") or [])
        if not country:
            found = ", ".join(dict.fromkeys(codes)) or "none given"
            return self.skip(f"{name}: its country is not one of the network's ({found})")
        self.create(identifier, values, country, record.get("services") or [])

    def skip(self, why: str) -> None:
        self.result.skipped += 1
        self.result.lines.append(f"Skipped: {why}.")

    def match(self, identifier: str, values: dict, country: str):
        """(organization, how it was matched), ("ambiguous", slugs) or (None, "")."""
        if identifier and (pk := self.own_ids.get(identifier.lower())):
            return Organization.objects.get(pk=pk), "by the portal's own identifier"
        if identifier and (found := Organization.objects.filter(source_id=identifier).first()):
            return found, "by its identifier in the last import"
        if not country:
            return None, ""
        keys = name_keys(values["name"], values["acronym"], values["name_local"])
        site = website_key(values["website"]) if values["website"] else ""
        if country not in self.known:
            self.known[country] = list(Organization.objects.filter(country=country))
        found = [
            organization
            for organization in self.known[country]
            if keys & name_keys(organization.name, organization.acronym, organization.name_local)
            or (site and organization.website and website_key(organization.website) == site)
        ]
        if len(found) > 1:
            return "ambiguous", ", ".join(organization.slug for organization in found)
        return (found[0], "by name or website") if found else (None, "")

    def update(self, organization: Organization, how: str, identifier: str, values: dict, services: list) -> None:
        """Fill the blank fields of a matched organization and of its matched services; list the differences."""
        filled, differs = fill(organization, values, ORGANIZATION_FIELDS)
        description = values["description"]
        if description and not organization.all_texts("description"):
            organization.set_texts({self.language: {"description": description}})
            filled.append("description")
        elif description and description != organization.localized("description", self.language).text:
            differs.append("description")
        alternate = values["acronym"] or values["name_local"]
        if alternate and not same_name(alternate, organization.name, organization.acronym, organization.name_local):
            if organization.acronym or organization.name_local:
                differs.append("alternate name")
            else:
                organization.acronym, organization.name_local = values["acronym"], values["name_local"]
                filled.append("acronym" if values["acronym"] else "name_local")
        # Matched by name, it is found by this identifier next time (the portal's own need not be kept).
        remember = identifier and not organization.source_id and identifier.lower() not in self.own_ids
        if remember:
            organization.source_id = identifier
        if filled or remember:
            organization.save()
        lines = [f"Matched {how}: {values['name']} → {organization.slug}"]
        lines += [f"  filled in: {', '.join(filled)}"] if filled else []
        lines += [f"  differs (kept as it is): {', '.join(differs)}"] if differs else []
        existing = list(organization.services.all())
        services_filled = False
        for service_record in services:
            service_lines, service_filled = self.update_service(existing, service_record)
            lines += service_lines
            services_filled = services_filled or service_filled
        self.result.matched += 1
        self.result.filled += bool(filled or services_filled)
        self.result.lines += lines

    def update_service(self, existing: list[Service], record: dict) -> tuple[list[str], bool]:
        """Fill the blank fields of the organization's service that `record` is, if it has it."""
        values = service_values(record)
        identifier = line(record.get("id"), 100).lower()
        own = self.own_service_ids.get(identifier)
        keys = name_keys(values["name"])
        service = next((s for s in existing if s.pk == own), None) or next(
            (s for s in existing if keys & name_keys(*s.all_texts("name"))), None
        )
        if service is None:
            return ([f"  service not in the directory (not added): {values['name']}"] if values["name"] else []), False
        filled, differs = fill(service, values, SERVICE_FIELDS)
        if "phone" in filled:
            service.toll_free = values["toll_free"]
        if not (service.open_24_7 or service.opening_hours) and (values["open_24_7"] or values["opening_hours"]):
            service.open_24_7, service.opening_hours = values["open_24_7"], values["opening_hours"]
            filled.append("opening hours")
        for name in ("description", "hours"):
            if values[name] and not service.all_texts(name):
                service.set_texts({self.language: {name: values[name]}})
                filled.append(name)
        if filled:
            service.save()
        label = service.localized("name").text
        lines = [f"  service {label}: filled in: {', '.join(filled)}"] if filled else []
        lines += [f"  service {label}: differs (kept as it is): {', '.join(differs)}"] if differs else []
        return lines, bool(filled)

    def create(self, identifier: str, values: dict, country: str, services: list) -> None:
        """A new organization, as an applicant for coordinators to vet, with its services."""
        organization = Organization(
            **{name: values[name] for name in ("name", "acronym", "name_local", *ORGANIZATION_FIELDS, "kind")},
            slug=unique_organization_slug(anyascii(values["name"])),
            country_id=country,
            membership_status=Organization.MembershipStatus.APPLICANT,
            source_id=identifier,
            original_language=self.language,
        )
        organization.set_texts({self.language: {"description": values["description"]}})
        organization.save()
        self.known[country].append(organization)
        created = [self.create_service(organization, record) for record in services]
        created = [service for service in created if service]
        self.result.created += 1
        self.result.lines.append(
            f"Created as an applicant: {organization.name} ({country}) → {organization.slug}, {len(created)} services"
        )

    def create_service(self, organization: Organization, record: dict) -> Service | None:
        values = service_values(record)
        if not values["name"]:
            return None
        texts = {name: values.pop(name) for name in ("name", "description", "hours")}
        service = Service(organization=organization, original_language=self.language, **values)
        service.set_texts({self.language: texts})
        service.save()
        return service


def fill(record, values: dict, fields) -> tuple[list[str], list[str]]:
    """Set the blank fields of `record` that `values` has; the names of those filled and of those that differ."""
    filled, differs = [], []
    for name in fields:
        new, current = values.get(name), getattr(record, name)
        if new in (None, "", False):
            continue
        if current in (None, "") or current is False:
            setattr(record, name, new)
            filled.append(name)
        elif str(current).strip().casefold() != str(new).strip().casefold():
            differs.append(name)
    return filled, differs
