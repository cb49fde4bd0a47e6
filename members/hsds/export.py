"""What the public sees of the directory, as HSDS 3.0 objects: the JSON API's, and the CSV data package's rows.

Only the public's view, whoever asks: organizations of `visible_organizations(anonymous)` and services of
`visible_services(anonymous)`; no people; a location is a city with its country, never a street address. Texts are
in English where written, otherwise in their original language. Optional fields without a value are left out
(HSDS types them as strings or numbers: a null would not validate).
"""

import re
from functools import wraps

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q
from django.utils import timezone, translation

from .. import permissions
from ..content import CONTENT_LANGUAGES, localized_name
from ..models import Country, Organization, Population, Service
from ..models.directory import SPOKEN_LANGUAGE_NAMES, WEEKDAYS
from ..search import fold_for_search, query_terms
from . import uid

PUBLIC = AnonymousUser()

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ALL_WEEK = ",".join(DAYS)
OPEN_24_7 = "Open 24 hours, 7 days a week"
WALK_IN = "People may walk in without an appointment."
TOLL_FREE = "Toll-free"
# Each channel a number is given for: the HSDS phone type (RFC 6350) and the description that names the app.
PHONE_CHANNELS = {
    "phone": ("voice", ""),
    "sms": ("text", "SMS"),
    "whatsapp": ("text", "WhatsApp"),
    "telegram": ("text", "Telegram"),
    "signal": ("text", "Signal"),
}
# None of the network's countries changes its clocks: one offset each, in minutes.
UTC_OFFSETS = {"AF": 270, "PK": 300, "TJ": 300, "TM": 300, "UZ": 300}
HOURS = re.compile(r"(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})")

# The network's own classifications, published as HSDS taxonomies: (name, description, attribute link_type).
TAXONOMIES = {
    "service-kind": (
        "Regional CTIP Network: kinds of service",
        "What kind of help a service gives, as the network's directory sorts services.",
        "service_type",
    ),
    "population": (
        "Regional CTIP Network: who a service is for",
        "The groups of people a service is meant for.",
        "eligibility",
    ),
}


def in_english(function):
    """Labels (kinds, languages, populations) come out in English, whatever the reader's language."""

    @wraps(function)
    def wrapped(*args, **kwargs):
        with translation.override("en"):
            return function(*args, **kwargs)

    return wrapped


def compact(record: dict) -> dict:
    return {key: value for key, value in record.items() if value is not None and value != []}


def english(record, field: str) -> str:
    """The text in English where written, else in its original language."""
    return record.localized(field, "en").text


# --- what is published ------------------------------------------------------------------------------------------


def public_services():
    return permissions.visible_services(PUBLIC)


def public_organizations(with_services=True):
    """The organizations of the public directory (with `public_services`, a list, when asked), in name order."""
    organizations = permissions.visible_organizations(PUBLIC).select_related("country").order_by("name", "pk")
    if with_services:
        services = public_services().order_by("kind", "name", "pk")
        organizations = organizations.prefetch_related(Prefetch("services", queryset=services, to_attr="public_services"))
    return organizations


def search_services(queryset, query: str):
    """Services whose name, or whose organization's name, contains every word of `query` (members/search.py)."""
    for folded, key in query_terms(query):
        match = Q(organization__search_names__contains=folded) | Q(organization__search_names_latin__contains=key)
        for language in CONTENT_LANGUAGES:
            match |= Q(**{f"{localized_name('name', language)}__icontains": folded})
        queryset = queryset.filter(match)
    return queryset


def find(queryset, kind: str, identifier: str):
    """The record of `queryset` whose published identifier is `identifier`, or None (one query for the keys)."""
    identifier = str(identifier).lower()
    pk = next((pk for pk in queryset.order_by().values_list("pk", flat=True) if uid(kind, pk) == identifier), None)
    return None if pk is None else queryset.filter(pk=pk).first()


# --- organizations ----------------------------------------------------------------------------------------------


def organization_fields(organization: Organization, base_url: str) -> dict:
    """The organization's own fields (HSDS organization_list)."""
    return compact(
        {
            "id": uid("organization", organization.pk),
            "name": organization.name,
            "alternate_name": organization.acronym or organization.name_local or None,
            "description": english(organization, "description"),
            "email": organization.public_email or None,
            "website": organization.website or None,
            "year_incorporated": organization.founded,
            "legal_status": str(organization.get_kind_display()),
            "uri": base_url + organization.get_absolute_url(),
        }
    )


@in_english
def organization_list_item(organization: Organization, base_url: str, full=False, full_service=False) -> dict:
    if not (full or full_service):
        return organization_fields(organization, base_url)
    return organization_detail(organization, base_url, full_service=full_service)


@in_english
def organization_detail(organization: Organization, base_url: str, full_service=False) -> dict:
    """The organization with its public phone, its locations (cities) and its public services."""
    services = organization.public_services
    record = organization_fields(organization, base_url)
    if organization.public_phone:
        record["phones"] = [
            {
                "id": uid("phone", "organization", organization.pk),
                "organization_id": record["id"],
                "number": organization.public_phone,
                "type": "voice",
            }
        ]
    record["locations"] = locations(organization, services)
    record["services"] = [
        service_detail(s, organization, base_url, with_organization=False)
        if full_service
        else service_fields(s, organization)
        for s in services
    ]
    return compact(record)


def locations(organization: Organization, services) -> list[dict]:
    """The organization's own city (its country alone where none is known) and the cities of its public services,
    each once. The organization's own is a location of its own, used by no service, so that an import tells it from
    the services' (members/hsds/importer.py)."""
    cities = {fold_for_search(s.city): s.city.strip() for s in services if s.city.strip()}
    own = location(organization, organization.city.strip(), own=True)
    return [own, *(location(organization, city) for city in cities.values())]


def location(organization: Organization, city: str, own=False) -> dict:
    """A location is a city (or the country): never a street address."""
    key = (organization.pk, "organization" if own else fold_for_search(city))
    location_id = uid("location", *key)
    country = organization.country
    return {
        "id": location_id,
        "location_type": "physical",
        "organization_id": uid("organization", organization.pk),
        "name": city or country_name(country),
        "addresses": [
            {
                "id": uid("address", *key),
                "location_id": location_id,
                "address_1": "",
                "city": city,
                "state_province": "",
                "postal_code": "",
                "country": country.code,
                "address_type": "physical",
            }
        ],
    }


def country_name(country: Country) -> str:
    with translation.override("en"):
        return str(country)


# --- services ---------------------------------------------------------------------------------------------------


def service_fields(service: Service, organization: Organization) -> dict:
    """The service's own fields (HSDS service_list, without its organization)."""
    populations = dict(Population.choices)
    return compact(
        {
            "id": uid("service", service.pk),
            "organization_id": uid("organization", organization.pk),
            "name": english(service, "name"),
            "description": english(service, "description") or None,
            "email": service.email or None,
            "status": "active",
            "application_process": WALK_IN if service.walk_in else None,
            "eligibility_description": ", ".join(
                str(populations[code]) for code in service.served_populations if code in populations
            )
            or None,
            "assured_date": timezone.localdate(service.verified_at).isoformat() if service.verified_at else None,
        }
    )


@in_english
def service_list_item(service: Service, base_url: str, full=False) -> dict:
    organization = service.organization
    if full:
        return service_detail(service, organization, base_url)
    return {**service_fields(service, organization), "organization": organization_fields(organization, base_url)}


@in_english
def service_detail(service: Service, organization: Organization, base_url: str, with_organization=True) -> dict:
    """The service with how to reach it, when, in which languages, where (a city), and for whom."""
    record = service_fields(service, organization)
    service_id = record["id"]
    record.update(
        phones=phones(service, service_id),
        schedules=schedules(service, service_id, organization.country_id),
        service_areas=[
            {"id": uid("service_area", service.pk, fold_for_search(area)), "service_id": service_id, "name": area}
            for area in areas(service.areas_served)
        ],
        service_at_locations=[
            {
                "id": uid("service_at_location", service.pk),
                "service_id": service_id,
                "location_id": place["id"],
                "location": place,
            }
            for place in ([location(organization, service.city.strip())] if service.city.strip() else [])
        ],
        languages=[
            {"id": uid("language", service.pk, code), "service_id": service_id, "name": str(name), "code": code}
            for code in service.spoken_languages
            if (name := SPOKEN_LANGUAGE_NAMES.get(code))
        ],
        attributes=attributes(service, service_id),
    )
    if with_organization:
        record["organization"] = organization_fields(organization, base_url)
    return compact(record)


def phones(service: Service, service_id: str) -> list[dict]:
    found = []
    for channel, (kind, description) in PHONE_CHANNELS.items():
        number = getattr(service, channel).strip()
        if not number:
            continue
        if channel == "phone" and service.toll_free:
            description = TOLL_FREE
        found.append(
            compact(
                {
                    "id": uid("phone", service.pk, channel),
                    "service_id": service_id,
                    "number": number,
                    "type": kind,
                    "description": description or None,
                }
            )
        )
    return found


def opening_times(service: Service) -> list[tuple[str, str, str]]:
    """(days, opens, closes) of each weekly opening: days with the same hours together, e.g. ("MO,TU", "09:00", …)."""
    if service.open_24_7:
        return [(ALL_WEEK, "00:00", "23:59")]
    days_of = {}
    for day, _name in WEEKDAYS:
        for match in HOURS.finditer(str(service.opening_hours.get(str(day)) or "")):
            opens = f"{int(match[1]):02d}:{match[2]}"
            closes = f"{int(match[3]):02d}:{match[4]}"
            days_of.setdefault((opens, closes), []).append(DAYS[day])
    return [(",".join(days), opens, closes) for (opens, closes), days in days_of.items()]


def schedules(service: Service, service_id: str, country_code: str) -> list[dict]:
    """Weekly opening times (HSDS schedules) in the country's time, with the notes on hours."""
    minutes = UTC_OFFSETS.get(country_code, 0)
    offset = f"{'+' if minutes >= 0 else '-'}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    notes = english(service, "hours") or None
    found = [
        compact(
            {
                "id": uid("schedule", service.pk, days, opens, closes),
                "service_id": service_id,
                "freq": "WEEKLY",
                "byday": days,
                "opens_at": opens + offset,
                "closes_at": closes + offset,
                "timezone": minutes / 60 if minutes % 60 else minutes // 60,
                "description": OPEN_24_7 if service.open_24_7 else None,
                "notes": notes,
            }
        )
        for days, opens, closes in opening_times(service)
    ]
    if not found and notes:
        found.append({"id": uid("schedule", service.pk, "notes"), "service_id": service_id, "notes": notes})
    return found


def areas(text: str) -> list[str]:
    return [area.strip() for area in re.split(r"[,;\n]", text or "") if area.strip()]


def taxonomy(key: str) -> dict:
    name, description, _link_type = TAXONOMIES[key]
    return {"id": uid("taxonomy", key), "name": name, "description": description}


def taxonomy_term(key: str, code: str, label) -> dict:
    return {
        "id": uid("taxonomy_term", key, code),
        "code": code,
        "name": str(label),
        "description": str(label),
        "taxonomy": TAXONOMIES[key][0],
        "language": "en",
        "taxonomy_id": uid("taxonomy", key),
    }


def attributes(service: Service, service_id: str) -> list[dict]:
    """The kind of service and who it serves, as terms of the network's taxonomies."""
    populations = dict(Population.choices)
    terms = [("service-kind", service.kind, service.get_kind_display())]
    terms += [("population", code, populations[code]) for code in service.served_populations if code in populations]
    return [
        {
            "id": uid("attribute", service.pk, key, code),
            "link_id": service_id,
            "link_type": TAXONOMIES[key][2],
            "link_entity": "service",
            "taxonomy_term_id": uid("taxonomy_term", key, code),
            "taxonomy_term": {**taxonomy_term(key, code, label), "taxonomy_detail": taxonomy(key)},
        }
        for key, code, label in terms
    ]
