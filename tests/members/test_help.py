"""Find help (/help/): hotlines first, then services, in the country where the person is and the one they come
from; the person's language marked and first; what the public may see only; the region's hotlines by default."""

import re

import pytest
from django.urls import reverse

from members.models import Organization, Service
from members.templatetags.help_finder import opening_runs, reach, tel

from ..conftest import ROLES
from ..factories import make_organization, make_service

URL = reverse("members:help")
NETWORK_MEMBERS = {"member", "editor", "other_editor", "steering", "coordinator"}


@pytest.fixture
def afghan(db):
    return make_organization("AF", name="Afghan Help NGO", slug="afghan-help")


def names_in_order(html: str, *names: str) -> list[str]:
    """`names` in the order the page shows them (each must be there)."""
    positions = {name: html.index(name) for name in names}
    return sorted(names, key=positions.get)


def test_it_shows_the_form_and_says_it_keeps_nothing(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Where is the person now?" in html
    assert "Which country do they come from or return to?" in html
    assert "This page never asks for the person's name or any detail about them" in html
    assert '<form method="get" action="/help/#results"' in html
    assert "<script>" not in html


def test_the_main_menu_and_the_home_page_lead_here(client, db):
    html = client.get(reverse("home")).content.decode()
    assert html.count(f'href="{URL}"') == 2
    assert re.search(r'<a class="nav-link find-help" href="/help/">Find help</a>', html)
    assert 'class="nav-link find-help active" href="/help/"' in client.get(URL).content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_members_only_services_are_for_network_members(client_as, role, organization):
    make_service(organization, name="Public Line 1190", phone="1190")
    make_service(organization, name="Members Duty Line", phone="+992 90 000 9999", members_only=True)
    make_service(organization, Service.Kind.SHELTER, name="Members Safe House", members_only=True)
    for query, secrets in (
        ("", ("Members Duty Line", "+992 90 000 9999", "+992900009999")),  # the region's hotlines
        ("?country=tj", ("Members Duty Line", "+992 90 000 9999", "+992900009999", "Members Safe House")),
    ):
        html = client_as(role).get(URL + query).content.decode()
        assert "Public Line 1190" in html
        for secret in secrets:
            assert (secret in html) == (role in NETWORK_MEMBERS), (role, query, secret)


def test_applicants_services_are_not_listed(client, db):
    applicant = make_organization("TJ", name="Applicant NGO", membership_status=Organization.MembershipStatus.APPLICANT)
    make_service(applicant, name="Unvetted Line")
    assert "Unvetted Line" not in client.get(URL + "?country=tj").content.decode()
    assert "Unvetted Line" not in client.get(URL).content.decode()


def test_hotlines_come_first_those_of_the_country_where_the_person_is_first(client, organization, afghan):
    make_service(organization, Service.Kind.SHELTER, name="Aaa Tajik Shelter")
    make_service(afghan, Service.Kind.LEGAL_AID, name="Aaa Afghan Legal Aid")
    make_service(afghan, name="Zzz Afghan Hotline")
    make_service(organization, name="Zzz Tajik Hotline")
    html = client.get(URL + "?country=tj&origin=af").content.decode()
    assert names_in_order(html, "Aaa Tajik Shelter", "Aaa Afghan Legal Aid", "Zzz Afghan Hotline", "Zzz Tajik Hotline") == [
        "Zzz Tajik Hotline",
        "Zzz Afghan Hotline",
        "Aaa Tajik Shelter",
        "Aaa Afghan Legal Aid",
    ]
    assert names_in_order(
        html, "Hotlines in Tajikistan", "Hotlines in Afghanistan", "Services in Tajikistan", "Services in Afghanistan"
    ) == ["Hotlines in Tajikistan", "Hotlines in Afghanistan", "Services in Tajikistan", "Services in Afghanistan"]


def test_the_other_country_is_optional_and_other_countries_are_left_out(client, organization, afghan, other_organization):
    make_service(organization, name="Tajik Hotline")
    make_service(afghan, name="Afghan Hotline")
    make_service(other_organization, name="Pakistani Hotline")
    html = client.get(URL + "?country=af").content.decode()
    assert "Afghan Hotline" in html
    assert "Tajik Hotline" not in html and "Pakistani Hotline" not in html
    html = client.get(URL + "?country=af&origin=tj").content.decode()
    assert "Afghan Hotline" in html and "Tajik Hotline" in html
    assert "Pakistani Hotline" not in html


def test_the_same_country_twice_is_listed_once(client, organization):
    make_service(organization, name="Tajik Hotline")
    html = client.get(URL + "?country=tj&origin=tj").content.decode()
    assert html.count("Tajik Hotline") == 1
    assert html.count("Hotlines in Tajikistan") == 1


def test_services_speaking_the_language_are_marked_and_first_in_each_group(client, organization, afghan):
    make_service(organization, name="Alpha Russian Line", languages=",ru,tg,")
    make_service(organization, name="Beta Dari Line", languages=",tg,fa,")
    make_service(afghan, Service.Kind.SHELTER, name="Alpha Pashto Shelter", languages=",ps,")
    make_service(afghan, Service.Kind.SHELTER, name="Beta Dari Shelter", languages=",fa,ps,")
    html = client.get(URL + "?country=tj&origin=af&language=fa").content.decode()
    assert names_in_order(html, "Alpha Russian Line", "Beta Dari Line") == ["Beta Dari Line", "Alpha Russian Line"]
    assert names_in_order(html, "Alpha Pashto Shelter", "Beta Dari Shelter") == ["Beta Dari Shelter", "Alpha Pashto Shelter"]
    assert html.count("Speaks Dari") == 2
    assert "Languages: Tajik, Dari" in html
    # Without a language, the order is the organizations' and the services' names, and nothing is marked.
    html = client.get(URL + "?country=tj").content.decode()
    assert names_in_order(html, "Alpha Russian Line", "Beta Dari Line") == ["Alpha Russian Line", "Beta Dari Line"]
    assert "Speaks" not in html


def test_the_kind_of_help_narrows_the_services_and_keeps_the_hotlines(client, organization, afghan):
    make_service(organization, name="Tajik Hotline")
    make_service(organization, Service.Kind.LEGAL_AID, name="Tajik Legal Aid")
    make_service(organization, Service.Kind.SHELTER, name="Tajik Shelter")
    make_service(afghan, Service.Kind.LEGAL_AID, name="Afghan Legal Aid")
    html = client.get(URL + "?country=tj&origin=af&kind=legal_aid").content.decode()
    assert "Tajik Hotline" in html and "Tajik Legal Aid" in html and "Afghan Legal Aid" in html
    assert "Tajik Shelter" not in html
    assert "Kind of help: Legal aid" in html
    html = client.get(URL + "?country=tj&kind=hotline").content.decode()
    assert "Tajik Hotline" in html
    assert "Tajik Legal Aid" not in html and "Services in Tajikistan" not in html


def test_a_service_shows_its_organization_city_channels_and_hours(client, organization):
    make_service(
        organization,
        name="Tajik Hotline",
        phone="+992 (44) 600-11-90",
        toll_free=True,
        sms="1190",
        whatsapp="+992 90 111 2233",
        telegram="@tj_help",
        email="help@example.org",
        city="Dushanbe",
        address="12 Hidden Street",
        walk_in=True,
        opening_hours={"0": "09:00-17:00", "1": "09:00-17:00", "2": "09:00-17:00", "5": "10:00-14:00"},
    )
    html = client.get(URL + "?country=tj").content.decode()
    assert f'<a href="{organization.get_absolute_url()}">Madina Test NGO (MTN)</a> · Dushanbe' in html
    assert '<a class="help-phone" href="tel:+992446001190" dir="ltr">+992 (44) 600-11-90</a>' in html
    assert "toll-free" in html
    assert 'href="sms:1190"' in html
    assert 'href="https://wa.me/992901112233"' in html
    assert 'href="https://t.me/tj_help"' in html
    assert 'href="mailto:help@example.org"' in html
    assert "People may walk in." in html
    assert 'Monday–Wednesday <span dir="ltr">09:00-17:00</span>; Saturday' in html
    assert "12 Hidden Street" not in html  # the city only, even for members


def test_members_never_see_a_service_address_here_either(client_as, organization):
    make_service(organization, Service.Kind.SHELTER, name="Tajik Shelter", city="Khujand", address="12 Hidden Street")
    html = client_as("member").get(URL + "?country=tj").content.decode()
    assert "Khujand" in html and "12 Hidden Street" not in html


def test_a_country_without_services_says_so_and_leads_to_the_secretariat(client, organization):
    make_service(organization, Service.Kind.SHELTER, name="Tajik Shelter")
    html = client.get(URL + "?country=tm&origin=tj").content.decode()
    assert "No services listed for Turkmenistan." in html
    assert html.count("No hotline is listed for this country.") == 2
    assert "No services listed for Tajikistan." not in html  # it has a shelter, if no hotline
    assert f'href="{reverse("members:contact")}"' in html


def test_without_a_country_the_regions_hotlines_are_the_emergency_numbers(client, organization, afghan, other_organization):
    make_service(organization, name="Tajik Hotline", phone="1190")
    make_service(afghan, name="Afghan Hotline", phone="116")
    make_service(other_organization, name="Pakistani Hotline", phone="1098")
    make_service(organization, Service.Kind.SHELTER, name="Tajik Shelter")
    html = client.get(URL).content.decode()
    assert "Emergency numbers in the region" in html
    assert names_in_order(html, "Tajik Hotline", "Afghan Hotline", "Pakistani Hotline") == [
        "Afghan Hotline",
        "Pakistani Hotline",
        "Tajik Hotline",  # the countries' order
    ]
    assert 'href="tel:1098"' in html
    assert "Tajik Shelter" not in html


@pytest.mark.parametrize("query", ["?country=TJ", "?country=Tj", "?country=+tj+", "?country=tj&origin=AF"])
def test_a_country_is_understood_in_any_case(client, organization, query):
    make_service(organization, name="Tajik Hotline")
    response = client.get(URL + query)
    assert response.status_code == 200
    assert "Hotlines in Tajikistan" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("?country=xx", "country"),
        ("?country=kz", "country"),
        ("?country=tj&origin=zz", "origin"),
        ("?origin=af", "country"),  # where the person is must be chosen
        ("?country=tj&kind=spaceship", "kind"),
        ("?country=tj&language=klingon", "language"),
        ("?country=%00", "country"),
        ("?country=tj%27%3B--", "country"),
    ],
)
def test_a_wrong_choice_is_a_form_error_with_the_emergency_numbers_below(client, organization, query, field):
    make_service(organization, name="Tajik Hotline")
    response = client.get(URL + query)
    assert response.status_code == 400
    assert list(response.context["form"].errors) == [field]
    html = response.content.decode()
    assert f'id="id_{field}_error"' in html
    assert "Emergency numbers in the region" in html and "Tajik Hotline" in html


def test_an_empty_form_is_a_first_visit(client, organization):
    response = client.get(URL + "?country=&origin=&kind=&language=")
    assert response.status_code == 200
    assert not response.context["form"].errors


def _queries(client, django_assert_max_num_queries, query) -> int:
    with django_assert_max_num_queries(30) as captured:
        response = client.get(URL + query)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("query", ["", "?country=tj&origin=af&language=fa", "?country=tj&kind=shelter"])
@pytest.mark.parametrize("role", ["anonymous", "member"])
def test_it_runs_a_fixed_number_of_queries(client_as, users, afghan, django_assert_max_num_queries, query, role):
    client = client_as(role)
    organization = Organization.objects.get(slug="madina-test")
    make_service(organization, name="First Hotline")
    make_service(afghan, Service.Kind.SHELTER, name="First Shelter")
    few = _queries(client, django_assert_max_num_queries, query)
    for n in range(5):
        make_service(make_organization("TJ"), name=f"Hotline {n}", languages=",fa,")
        make_service(make_organization("AF"), Service.Kind.SHELTER, name=f"Shelter {n}", members_only=True)
    assert _queries(client, django_assert_max_num_queries, query) == few
    if role == "anonymous":
        assert few == 2  # the countries (the form's) and the services


@pytest.mark.parametrize(
    ("hours", "expected"),
    [
        ({}, []),
        ({"0": "09:00-17:00"}, [("Monday", "09:00-17:00")]),
        ({"0": "09:00-17:00", "1": "09:00-17:00"}, [("Monday, Tuesday", "09:00-17:00")]),
        (
            {"0": "09:00-17:00", "1": "09:00-17:00", "2": "09:00-17:00", "3": "10:00-12:00", "6": "10:00-12:00"},
            [("Monday–Wednesday", "09:00-17:00"), ("Thursday", "10:00-12:00"), ("Sunday", "10:00-12:00")],
        ),
    ],
)
def test_opening_hours_join_days_in_a_row_with_the_same_hours(hours, expected):
    assert opening_runs(Service(opening_hours=hours)) == expected


def test_channels_link_where_they_can():
    service = Service(sms="+992 (90) 11", whatsapp="none", telegram="+992 90 111", signal="+992 90 222", email="a@example.org")
    assert [(channel["label"], channel["href"]) for channel in reach(service)] == [
        ("SMS", "sms:+9929011"),
        ("WhatsApp", ""),  # no number to link
        ("Telegram", ""),  # a number: the app finds it, a link cannot
        ("Signal", ""),
        ("E-mail", "mailto:a@example.org"),
    ]
    assert tel(" 1190 ") == "tel:1190"
