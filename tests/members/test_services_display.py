"""How services are shown: channels as links a phone opens, hours, languages, who they serve; members-only services
and addresses never reach the public; the numbers to call come first on a phone; fixed query counts."""

import datetime

import pytest
from django.utils import timezone

from members.models import Service
from tests.html import elements, parse

from ..factories import make_organization, make_service

PROFILE = "/members/org/madina-test/"
COUNTRY = "/members/tj/"
DIRECTORY = "/members/"

PUBLIC_ROLES = ["anonymous", "stakeholder"]  # the stakeholder has an account but is not a network member
MEMBER_ROLES = ["member", "editor", "other_editor", "steering", "coordinator"]


def links(html: str) -> dict[str, dict]:
    """Each link of the page by its address, with its attributes and text."""
    return {attrs["href"]: {**attrs, "text": "".join(parts).strip()} for tag, attrs, parts in parse(html)
            if tag == "a" and "href" in attrs}


@pytest.fixture
def reachable(organization):
    return make_service(
        organization, Service.Kind.HOTLINE, name="Madina helpline", phone="+992 (37) 000-11 22", toll_free=True,
        sms="1190", whatsapp="+992 90 000 0001", telegram="@madina_help", signal="+992 90 000 0002",
        email="help@madina.example.org", walk_in=True, city="Dushanbe", areas_served="Khatlon, Sughd",
        opening_hours={"0": "09:00-17:00", "1": "09:00-17:00", "2": "09:00-17:00", "3": "09:00-17:00",
                       "4": "09:00-12:00, 14:00-17:00", "5": "10:00-14:00"},
        hours="Closed on public holidays.", languages=",tg,ru,fa,", populations=",women,migrants,",
        address="7 Placeholder Street",
    )


@pytest.fixture
def members_only(organization):
    return make_service(organization, Service.Kind.SHELTER, name="Quiet safe house", phone="+992 37 000 9999",
                        members_only=True, city="Vahdat")


# --- channels, hours, languages ----------------------------------------------------------------------------------


def test_each_channel_is_a_link_a_phone_opens(client, reachable):
    found = links(client.get(PROFILE).content.decode())
    assert found["tel:+992370001122"]["text"] == "+992 (37) 000-11 22"
    assert found["sms:1190"]["text"] == "1190"
    assert found["https://wa.me/992900000001"]["text"] == "+992 90 000 0001"
    assert found["https://t.me/madina_help"]["text"] == "@madina_help"
    assert found["https://signal.me/#p/+992900000002"]["text"] == "+992 90 000 0002"
    assert found["mailto:help@madina.example.org"]["text"] == "help@madina.example.org"
    for href in ("tel:+992370001122", "sms:1190", "https://wa.me/992900000001", "https://signal.me/#p/+992900000002"):
        assert found[href]["dir"] == "ltr"
    for href in ("https://wa.me/992900000001", "https://t.me/madina_help"):
        assert "noreferrer" in found[href]["rel"]  # the app's site does not learn which page the reader was on


def test_a_telegram_number_links_to_the_number(client, organization):
    make_service(organization, name="Line", telegram="+992 90 000 0003")
    assert "https://t.me/+992900000003" in links(client.get(PROFILE).content.decode())


def test_a_toll_free_number_is_marked(client, reachable):
    item = elements(client.get(PROFILE).content.decode(), tag="li", css_class="service")[0]
    assert "Phone: +992 (37) 000-11 22 toll-free" in item
    assert "SMS: 1190" in item and "toll-free SMS" not in item


def test_hours_languages_and_who_it_serves_are_shown(client, reachable):
    item = elements(client.get(PROFILE).content.decode(), tag="li", css_class="service")[0]
    assert ("Opening hours: Monday–Thursday 09:00-17:00; Friday 09:00-12:00, 14:00-17:00; Saturday 10:00-14:00 · "
            "Closed on public holidays.") in item
    assert "Languages spoken: Tajik, Russian, Dari" in item
    assert "Who it serves: Women, Labour migrants" in item
    assert "Provinces or areas served: Khatlon, Sughd" in item
    assert "City: Dushanbe" in item
    assert "People may walk in" in item


def test_hours_are_read_left_to_right_on_a_right_to_left_page(client, reachable):
    html = client.get(PROFILE, {"lang": "fa"}).content.decode()
    assert '<html lang="fa" dir="rtl">' in html
    assert "09:00-12:00, 14:00-17:00" in elements(html, tag="span", dir="ltr")


def test_a_round_the_clock_service_says_so(client, organization):
    make_service(organization, name="Night line", phone="1098", open_24_7=True, opening_hours={"0": "09:00-17:00"})
    item = elements(client.get(PROFILE).content.decode(), tag="li", css_class="service")[0]
    assert "Opening hours: Open 24 hours, 7 days a week" in item
    assert "Monday" not in item


def test_hours_across_the_weekend_are_one_range(client, organization):
    days = {str(day): "08:00-16:00" for day in (0, 1, 2, 3, 5, 6)}  # Saturday to Thursday, as in Afghanistan
    make_service(organization, name="Kabul line", opening_hours=days)
    item = elements(client.get(PROFILE).content.decode(), tag="li", css_class="service")[0]
    assert "Opening hours: Saturday–Thursday 08:00-16:00" in item


def test_a_service_without_details_shows_only_its_name(client, organization):
    make_service(organization, name="Bare service")
    item = elements(client.get(PROFILE).content.decode(), tag="li", css_class="service")[0]
    assert item.startswith("Bare service")
    for label in ("Phone:", "Opening hours:", "Languages spoken:", "Who it serves:", "City:", "Address:"):
        assert label not in item


def test_each_service_says_when_it_was_verified(client, organization):
    make_service(organization, name="Fresh", verified_at=timezone.now(), verified_as="organization")
    make_service(organization, name="Old", verified_at=timezone.now() - datetime.timedelta(days=425),
                 verified_as="secretariat")
    items = elements(client.get(PROFILE).content.decode(), tag="li", css_class="service")
    fresh, old = sorted(items)
    assert "Confirmed by the organization on" in fresh and "May be out of date" not in fresh
    assert "Verified by the secretariat on" in old and "May be out of date" in old


# --- the numbers to call come first on a phone -----------------------------------------------------------------------


def test_the_contact_block_comes_first_on_a_phone_with_the_hotline_numbers(client, organization, reachable):
    organization.public_phone = "+992 37 000 5555"
    organization.save()
    html = client.get(PROFILE).content.decode()
    aside = next(attrs for tag, attrs, _ in parse(html) if tag == "aside")
    assert {"order-first", "order-lg-last"} <= set(aside["class"].split())
    contact = elements(html, tag="aside")[0]
    assert "Madina helpline" in contact and "+992 (37) 000-11 22 toll-free" in contact
    found = links(html)
    assert found["tel:+992370005555"]["dir"] == "ltr"
    aside_html = html[html.index("<aside"):html.index("</aside>")]
    assert 'href="tel:+992370001122" dir="ltr"' in aside_html and 'href="tel:+992370005555" dir="ltr"' in aside_html


def test_the_directory_card_links_the_hotline_number(client, reachable):
    found = links(client.get(DIRECTORY).content.decode())
    assert found["tel:+992370001122"]["text"] == "+992 (37) 000-11 22"


# --- members-only services and addresses -------------------------------------------------------------------------------


@pytest.mark.parametrize("role", PUBLIC_ROLES)
def test_the_public_never_sees_a_members_only_service(client_as, role, members_only, reachable):
    client = client_as(role)
    for path in (PROFILE, COUNTRY, DIRECTORY, f"{DIRECTORY}?q=quiet", f"{DIRECTORY}?q=safe+house",
                 f"{DIRECTORY}?service=shelter", f"{DIRECTORY}?country=tj&service=shelter"):
        html = client.get(path).content.decode()
        assert "Quiet safe house" not in html, path
        assert "000 9999" not in html, path
        assert "Vahdat" not in html, path
    card = elements(client.get(DIRECTORY).content.decode(), tag="article", css_class="org-card")[0]
    assert "Madina Test NGO" in card and "Shelter" not in card
    assert "Madina Test NGO" not in client.get(f"{DIRECTORY}?service=shelter").content.decode()
    assert "Madina Test NGO" not in client.get(f"{DIRECTORY}?q=quiet").content.decode()
    assert "No shelter is listed for this country." in client.get(COUNTRY).content.decode()


@pytest.mark.parametrize("role", MEMBER_ROLES)
def test_network_members_see_a_members_only_service_marked(client_as, role, members_only):
    client = client_as(role)
    for path in (PROFILE, COUNTRY):
        html = client.get(path).content.decode()
        assert "000 9999" in html, path
    card = elements(client.get(DIRECTORY).content.decode(), tag="article", css_class="org-card")[0]
    assert "Madina Test NGO" in card and "Shelter" in card
    item = elements(client.get(PROFILE).content.decode(), tag="li", css_class="service")[0]
    assert item.startswith("Quiet safe house Members only")
    assert "Madina Test NGO" in client.get(f"{DIRECTORY}?service=shelter").content.decode()


def test_a_members_only_service_is_not_counted_for_the_public(client, organization, members_only):
    for n in range(21):
        make_service(organization, Service.Kind.SHELTER, name=f"Shelter {n:02d}")
    html = client.get(COUNTRY).content.decode()
    assert "All 21 shelters in Tajikistan, in the directory" in html


def test_search_does_not_find_an_organization_by_a_members_only_service(organization, members_only):
    from members.models import Organization

    assert not Organization.objects.search("quiet safe house").exists()
    members_only.members_only = False
    members_only.save()
    assert list(Organization.objects.search("quiet safe house")) == [organization]


@pytest.mark.parametrize("role", ["anonymous", "stakeholder", "member", "steering", "coordinator"])
def test_the_address_is_shown_to_network_members_only(client_as, role, reachable):
    item = elements(client_as(role).get(PROFILE).content.decode(), tag="li", css_class="service")[0]
    if role in PUBLIC_ROLES:
        assert "7 Placeholder Street" not in item and "Address:" not in item
    else:
        assert "Address: 7 Placeholder Street Members only" in item


def test_the_address_never_reaches_the_public_country_page_or_directory(client, reachable):
    for path in (COUNTRY, DIRECTORY, PROFILE):
        assert "7 Placeholder Street" not in client.get(path).content.decode()


def test_an_applicants_services_are_seen_by_coordinators_only(client_as, users):
    applicant = make_organization("TJ", name="Applicant NGO", slug="applicant", membership_status="applicant")
    make_service(applicant, name="Applicant line", phone="+992 37 000 7777")
    assert "000 7777" not in client_as("member").get(COUNTRY).content.decode()
    assert "000 7777" in client_as("coordinator").get(COUNTRY).content.decode()


# --- a fixed number of queries -----------------------------------------------------------------------------------------


def _services(organization, count, start=0):
    for n in range(start, start + count):
        make_service(
            organization, Service.Kind.HOTLINE if n % 2 else Service.Kind.SHELTER, name=f"Service {n:02d}",
            phone=f"+992 37 000 {n:04d}", languages=",tg,ru,", populations=",women,", members_only=n % 3 == 0,
            opening_hours={"0": "09:00-17:00"}, address="Placeholder", verified_at=timezone.now(),
            verified_as="organization",
        )


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "coordinator"])
@pytest.mark.parametrize("path", [PROFILE, COUNTRY, DIRECTORY])
def test_pages_with_services_run_a_fixed_number_of_queries(client_as, users, organization, role, path,
                                                            django_assert_num_queries, django_assert_max_num_queries):
    client = client_as(role)
    _services(organization, 1)
    with django_assert_max_num_queries(25) as few:
        assert client.get(path).status_code == 200
    _services(organization, 6, start=1)
    other = make_organization("TJ", name="Second NGO")
    _services(other, 4, start=10)
    with django_assert_num_queries(len(few), exact=True):
        assert client.get(path).status_code == 200
