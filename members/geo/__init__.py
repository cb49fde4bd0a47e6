"""The map of /members/map/: the network's countries drawn from outlines shipped with the project, cities on them.

countries.json holds the outlines as SVG path data (Natural Earth, public domain, simplified by build.py) and the
projection they were drawn in, so that `position()` puts a city's latitude and longitude on the same drawing.
`find_city()` recognizes a city however the directory writes it; `region_map()` groups the organizations and services
a reader may see by country and city, for the page to draw and list. Nothing here queries the database.
"""

import functools
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from ..search import search_key
from .cities import CITIES, City

# Words written around a city's name ("Dushanbe city", «г. Душанбе», «Душанбе шаҳри», «شهر کابل»), as Latin keys.
_CITY_WORDS = {search_key(word) for word in ("city", "town", "г", "город", "шаҳри", "shahri", "shahr", "shahar",
                                             "şäheri", "شهر", "ښار")}

# Circles grow with the square root of what is in the city, so that their area tells the number (SVG units).
MIN_RADIUS, MAX_RADIUS = 13, 34
LABEL_SIZE = 20  # the city names' font size, to keep labels from overlapping
# The list names this many organizations of a city, then links to the directory for the others.
LIST_LIMIT = 20


def city_key(text: str) -> str:
    """A city as written in the directory, as one Latin key: "Dushanbe city", «Душанбе» → "dushanbe"."""
    text = (text or "").split(",")[0].split("(")[0]
    return "".join(word for word in search_key(text).split() if word not in _CITY_WORDS)


@functools.cache
def _cities() -> dict:
    index = {}
    for city in CITIES:
        for name in (*city.names.values(), *city.spellings):
            index[(city.country, city_key(name))] = city
    return index


def find_city(country_code: str, text: str) -> City | None:
    """The city of a country that `text` names, in any script or spelling; None if the map does not know it."""
    key = city_key(text)
    return _cities().get((country_code, key)) if key else None


@functools.cache
def outlines() -> dict:
    """The drawing: {"projection": …, "countries": {code: {"path", "label"}}, "neighbours": {code: path}}."""
    return json.loads(Path(__file__).with_name("countries.json").read_text(encoding="utf-8"))


def position(lat: float, lon: float) -> tuple[float, float]:
    """Where a latitude and longitude fall on the drawing (SVG units)."""
    drawn = outlines()["projection"]
    return (lon - drawn["west"]) * drawn["cos"] * drawn["scale"], (drawn["north"] - lat) * drawn["scale"]


def counts_text(organizations: int, services: int) -> str:
    """ "5 organizations, 3 services" in the reader's language."""
    return _("%(organizations)s, %(services)s") % {
        "organizations": ngettext("%(count)s organization", "%(count)s organizations", organizations)
        % {"count": organizations},
        "services": ngettext("%(count)s service", "%(count)s services", services) % {"count": services},
    }


@dataclass
class Place:
    """A city of a country (or, with no city, the country's entries the map cannot place) and what is there."""

    country: str
    city: City | None = None
    organizations: list = field(default_factory=list)
    services: int = 0
    label_side: str | None = "start"  # its name's text-anchor on the drawing: east of the circle, west, or none

    @property
    def name(self) -> str:
        return self.city.name(get_language() or "en") if self.city else ""

    @property
    def anchor(self) -> str:
        """The id of its entry in the page's list, which its marker links to."""
        return f"city-{self.country.lower()}-{self.city.slug}" if self.city else f"elsewhere-{self.country.lower()}"

    @property
    def count(self) -> int:
        return len(self.organizations) + self.services

    @property
    def first_organizations(self) -> list:
        return self.organizations[:LIST_LIMIT]

    @property
    def more_organizations(self) -> int:
        return max(len(self.organizations) - LIST_LIMIT, 0)

    @property
    def search(self) -> str:
        """What finds its organizations in the directory's search (which also looks at their city)."""
        return self.city.names["en"] if self.city else ""

    @property
    def counts(self) -> str:
        return counts_text(len(self.organizations), self.services)

    @property
    def summary(self) -> str:
        """ "Dushanbe: 5 organizations, 3 services", the marker's tooltip."""
        return _("%(place)s: %(counts)s") % {"place": self.name, "counts": self.counts}

    @property
    def xy(self) -> tuple[float, float]:
        return position(self.city.lat, self.city.lon)

    @property
    def x(self) -> float:
        return self.xy[0]

    @property
    def y(self) -> float:
        return self.xy[1]

    @property
    def radius(self) -> float:
        return min(MAX_RADIUS, MIN_RADIUS + 4 * math.sqrt(max(self.count - 1, 0)))

    @property
    def label_x(self) -> float:
        """Where its name is anchored: at the circle's east side, or its west side."""
        return self.x + self.radius + 3 if self.label_side == "start" else self.x - self.radius - 3


@dataclass
class CountryEntries:
    """A country of the map's list: its outline (if drawn), its cities, and its entries the map cannot place."""

    country: object  # members.models.Country
    outline: str = ""
    label: tuple | None = None
    cities: dict = field(default_factory=dict)
    elsewhere: Place | None = None

    @property
    def places(self) -> list[Place]:
        return sorted(self.cities.values(), key=lambda place: place.name.casefold())

    @property
    def organization_count(self) -> int:
        return sum(len(place.organizations) for place in self.all_places)

    @property
    def service_count(self) -> int:
        return sum(place.services for place in self.all_places)

    @property
    def all_places(self) -> list[Place]:
        return [*self.cities.values(), self.elsewhere]

    @property
    def counts(self) -> str:
        return counts_text(self.organization_count, self.service_count)

    @property
    def summary(self) -> str:
        return _("%(place)s: %(counts)s") % {"place": self.country, "counts": self.counts}

    def place(self, city_text: str) -> Place:
        """The place an entry written with this city goes to: its city, or the country's "not on the map"."""
        city = find_city(self.country.pk, city_text)
        if city is None:
            return self.elsewhere
        if city.slug not in self.cities:
            self.cities[city.slug] = Place(self.country.pk, city)
        return self.cities[city.slug]


@dataclass
class RegionMap:
    """What the page draws and lists: the countries (drawn ones first, in their order) and the markers."""

    countries: list[CountryEntries]
    width: int
    height: int
    neighbours: list[str]

    @property
    def drawn(self) -> list[CountryEntries]:
        return [entry for entry in self.countries if entry.outline]

    @property
    def listed(self) -> list[CountryEntries]:
        """The countries of the text list: those drawn, and any other with entries."""
        return [entry for entry in self.countries if entry.outline or entry.organization_count or entry.service_count]

    @functools.cached_property
    def markers(self) -> list[Place]:
        """Every city with something in it, largest first (so that smaller circles are drawn on top)."""
        places = [place for entry in self.drawn for place in entry.cities.values() if place.count]
        return sorted(places, key=lambda place: (-place.count, place.name))

    @property
    def is_empty(self) -> bool:
        return not any(entry.organization_count or entry.service_count for entry in self.countries)

    @property
    def description(self) -> str:
        return "; ".join(entry.summary for entry in self.drawn) + "."

    def label_cities(self) -> None:
        """Name the cities on the drawing, largest first: east of the circle, else west of it, else not at all, so that
        no name covers another name or a circle."""
        markers = self.markers
        taken = [(p.x - p.radius, p.y - p.radius, 2 * p.radius, 2 * p.radius) for p in markers]
        for index, place in enumerate(markers):
            own = taken[index]
            width = LABEL_SIZE * 0.6 * len(place.name)
            place.label_side = None
            for side, left in (("start", place.x + place.radius + 3), ("end", place.x - place.radius - 3 - width)):
                box = (left, place.y - LABEL_SIZE / 2, width, LABEL_SIZE)
                if 0 <= left and left + width <= self.width and not any(
                    other is not own and _overlap(box, other) for other in taken
                ):
                    place.label_side = side
                    taken.append(box)
                    break


def _overlap(a, b) -> bool:
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


def region_map(countries, organizations, services) -> RegionMap:
    """Group entries by country and city.

    countries: Country objects in their order; organizations: Organization objects (with `country_id` and `city`);
    services: (country code, the service's city, its organization's city) for each service, placed in its own city
    or, where it gives none, in its organization's.
    """
    drawing = outlines()
    entries = {}
    for country in countries:
        shape = drawing["countries"].get(country.pk, {})
        entries[country.pk] = CountryEntries(
            country, shape.get("path", ""), shape.get("label"), elsewhere=Place(country.pk)
        )
    for organization in organizations:
        entries[organization.country_id].place(organization.city).organizations.append(organization)
    for country_code, city, organization_city in services:
        entries[country_code].place(city or organization_city).services += 1
    projection = drawing["projection"]
    result = RegionMap(
        sorted(entries.values(), key=lambda entry: not entry.outline),
        projection["width"],
        projection["height"],
        list(drawing["neighbours"].values()),
    )
    result.label_cities()
    return result
