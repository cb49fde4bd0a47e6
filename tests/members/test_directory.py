"""The regional directory /members/: each role, applicants, empty state, query budget."""

import pytest
from django.urls import reverse

from members.models import Organization

from ..conftest import ROLES
from ..factories import make_organization
from .conftest import bulk_organizations

URL = reverse("members:directory")


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_the_member_organizations(client_as, role, organization, other_organization):
    response = client_as(role).get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Madina Test NGO" in html
    assert "Other Pakistani NGO" in html
    assert organization.get_absolute_url() in html


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "other_editor", "steering"])
def test_applicants_are_not_listed_for_non_coordinators(client_as, role, users):
    make_organization("TJ", name="Applicant Hopeful", membership_status=Organization.MembershipStatus.APPLICANT)
    response = client_as(role).get(URL)
    assert "Applicant Hopeful" not in response.content.decode()


def test_applicants_are_listed_for_coordinators(client_as):
    make_organization("TJ", name="Applicant Hopeful", membership_status=Organization.MembershipStatus.APPLICANT)
    response = client_as("coordinator").get(URL)
    assert "Applicant Hopeful" in response.content.decode()


def test_stakeholders_and_former_members_are_listed_with_their_status(client, db):
    make_organization("AF", name="Government Commission", membership_status="stakeholder", kind="government")
    make_organization("AF", name="Old Partner", membership_status="former")
    html = client.get(URL).content.decode()
    assert "Government Commission" in html
    assert "Stakeholder (not a member)" in html
    assert "Old Partner" in html
    assert "Former member" in html


def test_the_count_of_results_is_shown(client, organization, other_organization):
    html = client.get(URL).content.decode()
    assert "2 organizations found." in html


def test_an_empty_directory_says_so(client, db):
    response = client.get(URL)
    assert response.status_code == 200
    assert "The directory has no organizations yet." in response.content.decode()


def test_cards_show_focus_areas_and_hotline_numbers(client, db):
    bulk_organizations(1, prefix="Card")
    html = client.get(URL).content.decode()
    assert "Prevention &amp; awareness" in html
    assert "+992 00 000 0000" in html
    assert "Shelter" in html


def _directory_queries(client, django_assert_max_num_queries, bound):
    with django_assert_max_num_queries(bound) as captured:
        response = client.get(URL)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["anonymous", "editor", "coordinator"])
def test_the_directory_runs_a_fixed_number_of_queries(client_as, role, django_assert_max_num_queries):
    client = client_as(role)
    bulk_organizations(5, prefix="Few")
    few = _directory_queries(client, django_assert_max_num_queries, 15)
    bulk_organizations(300, prefix="Many", country="AF")
    many = _directory_queries(client, django_assert_max_num_queries, 15)
    assert many == few


def test_the_filtered_directory_runs_a_fixed_number_of_queries(client, db, django_assert_max_num_queries):
    bulk_organizations(300, prefix="Many", country="AF")
    with django_assert_max_num_queries(15):
        response = client.get(URL, {"q": "many", "country": "af", "service": "hotline", "focus": "prevention"})
    assert response.status_code == 200
    assert "300 organizations found." in response.content.decode()


def test_the_country_filter_names_the_countries_in_the_readers_language(client, db):
    client.cookies["django_language"] = "ru"
    html = client.get(reverse("members:directory")).content.decode()
    assert '<option value="tj">Таджикистан</option>' in html
