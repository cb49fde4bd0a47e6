"""The privacy rule: a person's e-mail and phone are never public; visibility decides who sees a person at all."""

import pytest
from django.urls import reverse

from members.models import Person

from ..factories import make_person

PUBLIC_EMAIL = "public.person@private-mail.test"
PUBLIC_PHONE = "+992 91 111 1111"
MEMBERS_EMAIL = "members.person@private-mail.test"
MEMBERS_PHONE = "+992 92 222 2222"
COORD_EMAIL = "coord.person@private-mail.test"
COORD_PHONE = "+992 93 333 3333"


@pytest.fixture
def people(users, organization, seat_organization):
    seat_person = Person.objects.get(name="Seat Representative")
    seat_person.email = "seat.rep@private-mail.test"
    seat_person.phone = "+992 94 444 4444"
    seat_person.save()
    return {
        "public": make_person(
            organization, name="Pub Lic", email=PUBLIC_EMAIL, phone=PUBLIC_PHONE, contact_visibility="public"
        ),
        "members": make_person(
            organization, name="Mem Bers", email=MEMBERS_EMAIL, phone=MEMBERS_PHONE, contact_visibility="members"
        ),
        "coordinators": make_person(
            organization, name="Coor Dinators", email=COORD_EMAIL, phone=COORD_PHONE, contact_visibility="coordinators"
        ),
        "seat": seat_person,
    }


PUBLIC_PAGES = [
    "/",
    "/members/",
    "/members/tj/",
    "/members/org/madina-test/",
    "/members/org/seat-holder/",
    "/steering-committee/",
    "/members/?q=madina",
]

ALL_PERSONAL = [
    PUBLIC_EMAIL,
    PUBLIC_PHONE,
    MEMBERS_EMAIL,
    MEMBERS_PHONE,
    COORD_EMAIL,
    COORD_PHONE,
    "seat.rep@private-mail.test",
    "+992 94 444 4444",
]


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_no_personal_email_or_phone_appears_on_public_pages_for_anonymous_users(client, people, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    for secret in ALL_PERSONAL:
        assert secret not in html
    assert "private-mail.test" not in html


def profile(client):
    return client.get(reverse("members:organization", args=["madina-test"])).content.decode()


def test_anonymous_users_see_only_public_names_without_contacts(client, people):
    html = profile(client)
    assert "Pub Lic" in html
    assert "Mem Bers" not in html
    assert "Coor Dinators" not in html


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "steering"])
def test_network_members_see_members_level_people_and_contacts(client_as, role, people):
    html = profile(client_as(role))
    assert "Pub Lic" in html
    assert PUBLIC_EMAIL in html
    assert PUBLIC_PHONE in html
    assert "Mem Bers" in html
    assert MEMBERS_EMAIL in html
    assert MEMBERS_PHONE in html


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "steering"])
def test_coordinators_only_people_are_hidden_from_members(client_as, role, people):
    html = profile(client_as(role))
    assert "Coor Dinators" not in html
    assert COORD_EMAIL not in html
    assert COORD_PHONE not in html


def test_coordinators_see_everyone_with_contacts(client_as, people):
    html = profile(client_as("coordinator"))
    for name in ["Pub Lic", "Mem Bers", "Coor Dinators"]:
        assert name in html
    for contact in [PUBLIC_EMAIL, MEMBERS_EMAIL, COORD_EMAIL, PUBLIC_PHONE, MEMBERS_PHONE, COORD_PHONE]:
        assert contact in html


def test_a_logged_in_user_without_an_organization_is_treated_like_the_public(client, people):
    from ..factories import make_user

    client.force_login(make_user("lonely@example.org"))
    html = profile(client)
    assert "Pub Lic" in html
    assert PUBLIC_EMAIL not in html
    assert "Mem Bers" not in html


def test_an_inactive_member_is_treated_like_the_public(client, people, users):
    member = users["member"]
    member.is_active = False
    member.save()
    client.force_login(member)  # the session is refused for inactive users, so the page is anonymous
    html = profile(client)
    assert MEMBERS_EMAIL not in html


@pytest.mark.parametrize("role", ["anonymous", "member", "editor", "other_editor", "steering", "coordinator"])
def test_organization_public_contacts_are_shown_to_everyone(client_as, role, people, organization):
    organization.public_email = "office@madina-ngo.test"
    organization.public_phone = "+992 37 555 5555"
    organization.save()
    html = profile(client_as(role))
    assert "office@madina-ngo.test" in html
    assert "+992 37 555 5555" in html


def test_a_hotline_number_is_public(client, organization):
    from ..factories import make_service

    make_service(organization, name="Madina Helpline", phone="+992 44 600 0000")
    for path in ["/members/", "/members/tj/", "/members/org/madina-test/"]:
        assert "+992 44 600 0000" in client.get(path).content.decode()


@pytest.mark.parametrize("path", ["/steering-committee/", "/members/tj/", "/members/org/seat-holder/"])
def test_a_seat_representative_hidden_from_the_public_is_not_named_to_anonymous_users(client, users, path):
    Person.objects.filter(name="Seat Representative").update(contact_visibility=Person.Visibility.MEMBERS)
    assert "Seat Representative" not in client.get(path).content.decode()


@pytest.mark.parametrize("path", ["/steering-committee/", "/members/tj/", "/members/org/seat-holder/"])
def test_a_public_seat_representative_is_named_to_everyone(client, users, path):
    assert "Seat Representative" in client.get(path).content.decode()


@pytest.mark.parametrize("status", ["applicant", "former", "stakeholder"])
def test_staff_of_organizations_that_are_not_members_do_not_see_member_only_contacts(client, people, status):
    from ..factories import make_membership, make_organization, make_user

    outsider_org = make_organization("TJ", name=f"Outsider {status}", membership_status=status, kind="government")
    outsider = make_user(f"outsider.{status}@example.org")
    make_membership(outsider, outsider_org)
    client.force_login(outsider)
    html = profile(client)
    assert MEMBERS_EMAIL not in html
    assert "Mem Bers" not in html
    assert PUBLIC_EMAIL not in html


def test_staff_of_a_member_organization_see_member_only_contacts(client, people):
    from ..factories import make_membership, make_organization, make_user

    insider = make_user("insider@example.org")
    make_membership(insider, make_organization("UZ", name="Insider NGO"))
    client.force_login(insider)
    assert MEMBERS_EMAIL in profile(client)
