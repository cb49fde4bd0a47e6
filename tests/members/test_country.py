"""Country pages /members/<cc>/: national network, seat, hotlines and shelters, members, stakeholders."""

import datetime

import pytest
from django.urls import reverse

from members.models import NationalNetwork, Organization, Service

from ..conftest import ROLES
from ..factories import make_organization, make_person, make_seat, make_service
from .conftest import bulk_organizations

URL = reverse("members:country", args=["tj"])


@pytest.mark.parametrize("code", ["af", "pk", "tj", "tm", "uz", "TJ"])
def test_each_country_of_the_network_has_a_page(client, db, code):
    assert client.get(f"/members/{code}/").status_code == 200


@pytest.mark.parametrize("code", ["kz", "xx", "or"])
def test_other_countries_are_not_found(client, db, code):
    assert client.get(f"/members/{code}/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_the_country_page(client_as, role, organization, other_organization):
    response = client_as(role).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 class="h2">Tajikistan</h1>' in html  # the name alone is in every page's footer
    assert "Madina Test NGO" in html
    assert "Seat Holder NGO" in html
    assert "Other Pakistani NGO" not in html


@pytest.mark.parametrize("role", ROLES)
def test_the_steering_representative_is_shown(client_as, role, users):
    html = client_as(role).get(URL).content.decode()
    assert "Seat Representative" in html
    assert "The seat of this country is vacant." not in html


def test_a_vacant_seat_says_so(client, db):
    html = client.get(reverse("members:country", args=["tm"])).content.decode()
    assert "The seat of this country is vacant." in html
    assert "No hotline is listed for this country." in html
    assert "No shelter is listed for this country." in html
    assert "No member organizations yet." in html
    assert "No national CTIP network is registered for this country yet." in html


def test_the_national_network_is_shown(client, db):
    NationalNetwork.objects.create(country_id="TJ", name="Umed network", acronym="Umed")
    html = client.get(URL).content.decode()
    assert "Umed network (Umed)" in html


def test_hotlines_and_shelters_of_the_country_are_listed(client, organization, other_organization):
    make_service(organization, Service.Kind.HOTLINE, name="Tajik Hotline", phone="1190", toll_free=True)
    make_service(organization, Service.Kind.SHELTER, name="Tajik Shelter")
    make_service(organization, Service.Kind.LEGAL_AID, name="Tajik Legal Aid")
    make_service(other_organization, Service.Kind.HOTLINE, name="Pakistani Hotline")
    html = client.get(URL).content.decode()
    assert "Tajik Hotline" in html
    assert "1190" in html
    assert "toll-free" in html
    assert "Tajik Shelter" in html
    assert "Tajik Legal Aid" not in html
    assert "Pakistani Hotline" not in html


def test_stakeholders_are_listed_apart_from_members(client, organization):
    make_organization("TJ", name="Tajik Commission", membership_status="stakeholder", kind="government")
    html = client.get(URL).content.decode()
    members_part, _, stakeholders_part = html.partition("Other organizations")
    assert "Madina Test NGO" in members_part
    assert "Tajik Commission" in stakeholders_part


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "other_editor", "steering"])
def test_applicants_and_their_services_are_hidden_from_non_coordinators(client_as, role, users):
    applicant = make_organization("TJ", name="Applicant Hopeful", membership_status="applicant")
    make_service(applicant, Service.Kind.HOTLINE, name="Applicant Hotline")
    html = client_as(role).get(URL).content.decode()
    assert "Applicant Hopeful" not in html
    assert "Applicant Hotline" not in html


def test_coordinators_see_applicants(client_as):
    make_organization("TJ", name="Applicant Hopeful", membership_status="applicant")
    assert "Applicant Hopeful" in client_as("coordinator").get(URL).content.decode()


def test_a_past_seat_is_not_shown_as_the_current_representative(client, organization):
    former = make_person(organization, name="Former Representative", contact_visibility="public")
    make_seat(organization, former, start=datetime.date(2015, 1, 1), end=datetime.date(2017, 1, 1))
    html = client.get(URL).content.decode()
    assert "Former Representative" not in html
    assert "The seat of this country is vacant." in html


def _country_queries(client, django_assert_max_num_queries, bound=20):
    with django_assert_max_num_queries(bound) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["anonymous", "editor"])
def test_the_country_page_runs_a_fixed_number_of_queries(client_as, role, users, django_assert_max_num_queries):
    client = client_as(role)
    bulk_organizations(5, prefix="Few")
    few = _country_queries(client, django_assert_max_num_queries)
    bulk_organizations(300, prefix="Many")
    many = _country_queries(client, django_assert_max_num_queries)
    assert many == few


def test_the_country_page_shows_the_first_members_and_leads_to_all_of_them(client, db):
    """10,000 organizations must not make a 2 MB country page: the first cards, then the directory for the rest."""
    bulk_organizations(30, prefix="Many", membership_status=Organization.MembershipStatus.MEMBER)
    html = client.get(URL).content.decode()
    assert "Many Organization 000" in html and "Many Organization 023" in html
    assert "Many Organization 024" not in html
    assert '<span class="badge text-bg-secondary">30</span>' in html
    link = '<a class="btn btn-outline-primary" href="/members/?country=tj">'
    assert link + "All 30 organizations in Tajikistan, in the directory</a>" in html
    directory = client.get("/members/?country=tj").content.decode()
    assert "30 organizations found." in directory


def test_a_country_with_few_members_shows_them_all_without_a_link(client, db):
    bulk_organizations(3, prefix="Few", membership_status=Organization.MembershipStatus.MEMBER)
    html = client.get(URL).content.decode()
    assert "Few Organization 002" in html and "in the directory</a>" not in html


def test_service_details_have_no_stray_separator(client, db):
    from ..factories import make_organization, make_service

    org = make_organization("PK", name="Helpline NGO", membership_status="member")
    make_service(org, name="Night helpline", open_24_7=True, hours="Closed on 1 January", languages=",ur,")
    html = client.get("/members/pk/").content.decode()
    assert "Open 24 hours, 7 days a week · Closed on 1 January</div>" in html
    assert 'Languages spoken:</span> Urdu</div>' in html


def test_the_country_page_shows_the_first_hotlines_and_leads_to_all_of_them(client, db):
    from ..factories import make_organization, make_service

    org = make_organization("TJ", name="Helpline Network", membership_status="member")
    for n in range(25):
        make_service(org, name=f"Helpline {n:02d}", kind="hotline")
    html = client.get(URL).content.decode()
    assert "Helpline 19" in html and "Helpline 20" not in html
    assert '<a href="/members/?country=tj&amp;service=hotline">All 25 hotlines in Tajikistan, in the directory</a>' in html
    directory = client.get("/members/?country=tj&service=hotline").content.decode()
    assert "Helpline Network" in directory
