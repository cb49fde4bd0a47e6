"""Organization profiles /members/org/<slug>/: each role, the edit link, applicants, query budget."""

import pytest
from django.urls import reverse

from members.models import Organization, Service

from ..conftest import ROLES
from ..factories import make_organization, make_person, make_service
from .conftest import bulk_organizations


def url(org):
    return reverse("members:organization", args=[org.slug])


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_a_member_profile(client_as, role, organization):
    response = client_as(role).get(url(organization))
    assert response.status_code == 200
    assert "Madina Test NGO" in response.content.decode()


@pytest.mark.parametrize(
    "role, sees_link",
    [
        ("anonymous", False),
        ("member", False),
        ("editor", True),
        ("other_editor", False),
        ("steering", False),
        ("coordinator", True),
    ],
)
def test_the_edit_link_is_shown_only_to_editors_of_the_organization_and_coordinators(
    client_as, role, sees_link, organization
):
    html = client_as(role).get(url(organization)).content.decode()
    edit_url = reverse("members:organization-edit", args=[organization.slug])
    assert (edit_url in html) is sees_link
    assert ("Edit profile" in html) is sees_link


def test_the_steering_representative_sees_the_edit_link_on_their_own_organization(client_as, seat_organization):
    html = client_as("steering").get(url(seat_organization)).content.decode()
    assert reverse("members:organization-edit", args=[seat_organization.slug]) in html


@pytest.mark.parametrize(
    "role, status",
    [("anonymous", 404), ("member", 404), ("editor", 404), ("other_editor", 404), ("steering", 404), ("coordinator", 200)],
)
def test_applicants_are_found_only_by_coordinators(client_as, role, status, users, organization):
    organization.membership_status = Organization.MembershipStatus.APPLICANT
    organization.save()
    assert client_as(role).get(url(organization)).status_code == status


@pytest.mark.parametrize("status", ["stakeholder", "former"])
def test_stakeholders_and_former_members_have_public_profiles(client, db, status):
    org = make_organization("AF", name="Some Body", membership_status=status)
    assert client.get(url(org)).status_code == 200


def test_an_unknown_slug_is_not_found(client, db):
    assert client.get("/members/org/no-such-org/").status_code == 404


def test_the_profile_shows_focus_areas_services_and_public_contacts(client, organization):
    organization.focus_areas.set([1])
    organization.public_email = "office@madina.example.org"
    organization.public_phone = "+992 37 000 1111"
    organization.website = "https://madina.example.org"
    organization.description = "We help."
    organization.save()
    make_service(organization, Service.Kind.HOTLINE, name="Madina Hotline", phone="1191")
    html = client.get(url(organization)).content.decode()
    assert "Prevention &amp; awareness" in html
    assert "?focus=prevention" in html
    assert "Madina Hotline" in html
    assert "1191" in html
    assert "office@madina.example.org" in html
    assert "+992 37 000 1111" in html
    assert 'href="https://madina.example.org"' in html
    assert "We help." in html


def test_an_empty_profile_says_what_is_missing(client, organization):
    html = client.get(url(organization)).content.decode()
    assert "This organization has not written a description yet." in html
    assert "No services listed." in html
    assert "No public contact listed." in html


def test_the_seat_holder_profile_names_the_seat(client, users, seat_organization):
    html = client.get(url(seat_organization)).content.decode()
    assert "Holds the steering committee seat of Tajikistan" in html
    assert "Seat Representative" in html


def test_anonymous_visitors_are_invited_to_log_in_for_contacts(client, organization):
    html = client.get(url(organization)).content.decode()
    assert "Personal contacts are shown to logged-in network members only." in html
    assert "/accounts/login/?next=/members/org/madina-test/" in html


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_the_profile_runs_a_fixed_number_of_queries(client_as, role, users, organization, django_assert_max_num_queries):
    client = client_as(role)
    make_service(organization, Service.Kind.HOTLINE)
    make_person(organization, contact_visibility="public")
    with django_assert_max_num_queries(20) as few:
        assert client.get(url(organization)).status_code == 200
    for i in range(25):
        make_service(organization, Service.Kind.SHELTER, name=f"Shelter {i}")
        make_person(organization, contact_visibility="members")
    organization.focus_areas.set([1, 2, 3, 4, 5])
    bulk_organizations(50, prefix="Noise")
    with django_assert_max_num_queries(20) as many:
        assert client.get(url(organization)).status_code == 200
    assert len(many) == len(few)
