"""The map of members (/members/map/): member organizations and services by city, an SVG drawn on the server with the
same content as a list; public, members-only services counted for members only, no request to another host."""

import re
import xml.etree.ElementTree as ET

import pytest

from members import geo
from members.geo.cities import CITIES
from members.models import Country, Organization, Service

from ..factories import make_organization, make_service
from ..html import elements

URL = "/members/map/"


def page(client, query="", **headers) -> str:
    response = client.get(URL + query, **headers)
    assert response.status_code == 200
    return response.content.decode()


def svg(html: str, css_class="region-map") -> ET.Element:
    """The map's drawing (or, with css_class="region-map region-map-links", the links laid over it), parsed as XML: it
    must be well-formed."""
    match = re.search(rf'<svg class="{css_class}" .*?</svg>', html, re.S)
    assert match, f"no {css_class} on the page"
    return ET.fromstring(match.group(0))


def links(html: str) -> ET.Element:
    return svg(html, "region-map region-map-links")


def marker_titles(html: str) -> dict:
    """{anchor: tooltip} of every city marker on the map."""
    return {a.get("href"): a.find("title").text for a in links(html).iter("a") if a.get("class") == "map-marker-link"}


def list_entry(html: str, anchor: str) -> str:
    """The text of a city's entry in the list below the map."""
    return elements(html, "div", id=anchor)[0]


@pytest.mark.parametrize("role", ["anonymous", "member", "stakeholder", "coordinator"])
def test_the_map_is_public_and_draws_the_five_countries(client_as, role):
    html = page(client_as(role))
    drawing = svg(html)
    assert drawing.get("role") == "img"
    title, desc = drawing.get("aria-labelledby").split()
    assert drawing.find("title").get("id") == title and drawing.find("desc").get("id") == desc
    assert not list(drawing.iter("a"))  # an image holds no links: they are laid over it, hidden from screen readers
    names = [text.text for text in drawing.iter("text") if text.get("class") == "map-country-name"]
    assert names == ["Afghanistan", "Pakistan", "Tajikistan", "Turkmenistan", "Uzbekistan"]
    overlay = links(html)
    assert overlay.get("aria-hidden") == "true"
    assert {a.get("tabindex") for a in overlay.iter("a")} == {"-1"}
    countries = [a.get("href") for a in overlay.iter("a") if a.get("class") == "map-country-link"]
    assert countries == ["/members/af/", "/members/pk/", "/members/tj/", "/members/tm/", "/members/uz/"]


def test_a_city_with_member_organizations_has_a_marker_and_an_entry_in_the_list(client, db):
    first = make_organization("TJ", name="Dushanbe Women's Centre", slug="dwc", city="Dushanbe")
    make_organization("TJ", name="Second Dushanbe NGO", slug="sdn", city="Dushanbe")
    make_service(first, Service.Kind.HOTLINE)
    html = page(client)
    assert marker_titles(html)["#city-tj-dushanbe"] == "Dushanbe: 2 organizations, 1 service"
    entry = list_entry(html, "city-tj-dushanbe")
    assert entry.startswith("Dushanbe · 2 organizations, 1 service")
    assert '<a href="/members/org/dwc/">Dushanbe Women&#x27;s Centre</a>' in html
    assert "#city-af-kabul" not in marker_titles(html)  # no marker where there is nothing


def test_an_unknown_or_missing_city_is_listed_as_not_on_the_map(client, db):
    make_organization("TJ", name="Mountain Village NGO", slug="mvn", city="Darvoz village")
    make_organization("TJ", name="No City NGO", slug="ncn")
    html = page(client)
    assert not any("tj" in anchor for anchor in marker_titles(html))
    entry = list_entry(html, "elsewhere-tj")
    assert entry.startswith("Location not on the map · 2 organizations, 0 services")
    assert "Mountain Village NGO (Darvoz village)" in entry and "No City NGO" in entry


@pytest.mark.parametrize("written", ["Душанбе", "dushanbe", "Dushanbe city", "г. Душанбе", "Душанбе шаҳри",
                                     "Dushanbe, Tajikistan"])
def test_a_city_is_recognized_in_any_script_and_spelling(written):
    assert geo.find_city("TJ", written).slug == "dushanbe"


@pytest.mark.parametrize(("country", "written", "slug"), [
    ("AF", "كابل", "kabul"),  # Arabic kaf and yeh, as some keyboards type it
    ("AF", "کابل", "kabul"),
    ("AF", "Mazar-e-Sharif", "mazar-i-sharif"),
    ("AF", "جلال آباد", "jalalabad"),
    ("PK", "اسلام آباد", "islamabad"),
    ("PK", "لاہور", "lahore"),
    ("TJ", "Хуҷанд", "khujand"),
    ("TJ", "Kulyab", "kulob"),
    ("TJ", "Qurghonteppa", "bokhtar"),
    ("TM", "Aşgabat", "ashgabat"),
    ("TM", "Türkmenbaşy", "turkmenbashi"),
    ("UZ", "Jizzax", "jizzakh"),
    ("UZ", "Samarqand", "samarkand"),
])
def test_other_spellings_and_scripts_find_the_city(country, written, slug):
    assert geo.find_city(country, written).slug == slug


def test_a_city_is_looked_for_in_the_organizations_own_country_only():
    assert geo.find_city("TJ", "Kabul") is None
    assert geo.find_city("AF", "") is None
    assert geo.find_city("AF", "city") is None


def test_no_two_cities_of_a_country_share_a_spelling():
    seen = {}
    for city in CITIES:
        for name in (*city.names.values(), *city.spellings):
            key = (city.country, geo.city_key(name))
            assert seen.setdefault(key, city.slug) == city.slug, (name, seen[key], city.slug)


def test_every_city_lies_inside_the_drawing():
    width, height = geo.outlines()["projection"]["width"], geo.outlines()["projection"]["height"]
    for city in CITIES:
        x, y = geo.position(city.lat, city.lon)
        assert 0 < x < width and 0 < y < height, city.slug


def test_names_written_differently_make_one_marker(client, db):
    for n, written in enumerate(["Душанбе", "Dushanbe city", "dushanbe"]):
        make_organization("TJ", slug=f"org-dushanbe-{n}", city=written)
    html = page(client)
    assert marker_titles(html)["#city-tj-dushanbe"] == "Dushanbe: 3 organizations, 0 services"


@pytest.mark.parametrize(("role", "counted"), [
    ("anonymous", False), ("stakeholder", False), ("member", True), ("coordinator", True),
])
def test_members_only_services_count_for_network_members_only(client_as, users, organization, role, counted):
    organization.city = "Dushanbe"
    organization.save()
    make_service(organization, Service.Kind.SHELTER, name="Hidden shelter", members_only=True)
    make_service(organization, Service.Kind.HOTLINE, name="Public hotline")
    html = page(client_as(role))
    services = "2 services" if counted else "1 service"
    assert marker_titles(html)["#city-tj-dushanbe"] == f"Dushanbe: 1 organization, {services}"
    assert "Hidden shelter" not in html  # the map names no service, members-only or not
    shelters = page(client_as(role), "?service=shelter")
    assert ("#city-tj-dushanbe" in marker_titles(shelters)) is counted


def test_a_service_is_placed_in_its_own_city_else_its_organizations(client, db):
    organization = make_organization("TJ", slug="dushanbe-ngo", city="Dushanbe")
    make_service(organization, Service.Kind.SHELTER, city="Khujand")
    make_service(organization, Service.Kind.HOTLINE)
    titles = marker_titles(page(client))
    assert titles["#city-tj-khujand"] == "Khujand: 0 organizations, 1 service"
    assert titles["#city-tj-dushanbe"] == "Dushanbe: 1 organization, 1 service"


@pytest.mark.parametrize("role", ["anonymous", "coordinator"])
def test_only_member_organizations_and_their_services_are_on_the_map(client_as, users, role):
    for status in ("stakeholder", "applicant", "former"):
        other = make_organization("TJ", name=f"The {status} body", slug=f"body-{status}", city="Khujand",
                                  membership_status=status)
        make_service(other, Service.Kind.HOTLINE)
    html = page(client_as(role))
    assert "#city-tj-khujand" not in marker_titles(html)
    assert "The stakeholder body" not in html and "The applicant body" not in html and "The former body" not in html


def test_a_kind_of_service_shows_its_services_and_the_organizations_offering_them(client, db):
    shelter = make_organization("TJ", name="Shelter NGO", slug="shelter-ngo", city="Dushanbe")
    make_service(shelter, Service.Kind.SHELTER)
    make_service(shelter, Service.Kind.HOTLINE)
    make_organization("TJ", name="Awareness NGO", slug="awareness-ngo", city="Dushanbe")
    hotline = make_organization("UZ", name="Hotline NGO", slug="hotline-ngo", city="Tashkent")
    make_service(hotline, Service.Kind.HOTLINE)
    html = page(client, "?service=shelter")
    assert marker_titles(html) == {"#city-tj-dushanbe": "Dushanbe: 1 organization, 1 service"}
    assert "Shelter NGO" in html and "Awareness NGO" not in html and "Hotline NGO" not in html
    assert '<option value="shelter" selected>' in html


def test_a_kind_nobody_offers_says_so(client, db):
    make_organization("TJ", slug="dushanbe-ngo", city="Dushanbe")
    html = page(client, "?service=medical")
    assert marker_titles(html) == {}
    assert "No member organization offers this kind of service yet." in html


def test_an_unknown_kind_shows_everything(client, db):
    make_organization("TJ", slug="dushanbe-ngo", city="Dushanbe")
    html = page(client, "?service=nonsense")
    assert "#city-tj-dushanbe" in marker_titles(html)
    assert 'aria-invalid="true"' in html


def test_an_organization_of_a_country_without_an_outline_is_listed_not_drawn(client, db):
    Country.objects.create(code="KG", name="Kyrgyzstan", order=9)
    make_organization("KG", name="Osh Migrants NGO", slug="osh", city="Osh")
    html = page(client)
    assert "Kyrgyzstan" not in "".join(svg(html).itertext())
    assert "Osh Migrants NGO (Osh)" in list_entry(html, "elsewhere-kg")


def test_a_city_with_many_organizations_names_the_first_and_leads_to_the_directory(client, db):
    for n in range(geo.LIST_LIMIT + 3):
        make_organization("UZ", name=f"Tashkent NGO {n:02d}", slug=f"tashkent-{n}", city="Toshkent")
    html = page(client)
    entry = list_entry(html, "city-uz-tashkent")
    assert f"Tashkent NGO {geo.LIST_LIMIT - 1:02d}" in entry and f"Tashkent NGO {geo.LIST_LIMIT:02d}" not in entry
    assert '<a href="/members/?country=uz&amp;q=Tashkent">And 3 more, in the directory</a>' in html


def test_the_drawing_is_well_formed_and_stays_left_to_right_in_dari(client, db):
    make_organization("AF", name="Kabul <Women> & Girls", slug="kabul-women", city="کابل")
    Country.objects.filter(code="TM").update(name="Turkmenistan <&> “quoted” 'too'")  # as a coordinator may write it
    html = page(client, HTTP_ACCEPT_LANGUAGE="fa")
    assert '<html lang="fa" dir="rtl">' in html
    drawing = svg(html)  # parses: escaped names, no HTML entities
    assert drawing.get("direction") == "ltr" and links(html).get("direction") == "ltr"
    assert "کابل" in marker_titles(html)["#city-af-kabul"]
    assert "Kabul &lt;Women&gt; &amp; Girls" in html


def test_every_marker_has_a_tooltip_and_leads_to_its_entry_in_the_list(client, db):
    make_organization("PK", slug="karachi-ngo", city="Karachi")
    make_organization("TM", slug="mary-ngo", city="Mary")
    html = page(client)
    titles = marker_titles(html)
    assert set(titles) == {"#city-pk-karachi", "#city-tm-mary"}
    for anchor in titles:
        assert elements(html, "div", id=anchor[1:])


def test_the_page_asks_nothing_of_another_host(client, db):
    make_organization("TJ", slug="dushanbe-ngo", city="Dushanbe", website="https://example.org/")
    html = page(client)
    hosts = set(re.findall(r"https?://([^/\"'\s<>]+)", html))
    assert hosts <= {"testserver"}, hosts
    assert "<script" not in html and "<iframe" not in html


def test_the_directory_links_to_the_map(client, db):
    html = client.get("/members/").content.decode()
    assert '<a href="/members/map/">Map of member organizations and services</a>' in html


# The map's own three (countries, organizations, services); for a logged-in user also the session, the user, the second
# factor, their memberships and the navigation's counts.
@pytest.mark.parametrize(("role", "expected"), [("anonymous", 3), ("member", 8), ("coordinator", 7)])
def test_the_map_runs_a_fixed_number_of_queries(client_as, users, role, expected, django_assert_num_queries):
    client = client_as(role)
    first = make_organization("TJ", slug="first", city="Dushanbe")
    make_service(first, Service.Kind.HOTLINE)
    with django_assert_num_queries(expected):
        client.get(URL)
    for n, city in enumerate(["Kabul", "Karachi", "Ashgabat", "Tashkent", "Nowhere"]):
        organization = make_organization(["AF", "PK", "TM", "UZ", "TJ"][n], slug=f"more-{n}", city=city)
        make_service(organization, Service.Kind.SHELTER, members_only=n % 2 == 0)
    assert Organization.objects.members().count() > 6
    with django_assert_num_queries(expected):
        client.get(URL)
