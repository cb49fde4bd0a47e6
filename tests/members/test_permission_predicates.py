"""Who gets what: every members URL, the home page, /healthz and the admin index, for the six roles."""

import pytest

from members import permissions
from members.models import Organization, Person

from ..conftest import ROLES
from ..factories import make_organization, make_person

ORG = "/members/org/madina-test/"
EDIT = "/members/org/madina-test/edit/"
OTHER_EDIT = "/members/org/other-pk/edit/"
SEAT_EDIT = "/members/org/seat-holder/edit/"
APPLICANT = "/members/org/applicant/"
APPLICANT_EDIT = "/members/org/applicant/edit/"

# (url, {role: expected status}); 302 for anonymous on login-required pages.
TABLE = {
    "/": dict.fromkeys(ROLES, 200),
    "/healthz": dict.fromkeys(ROLES, 200),
    "/members/": dict.fromkeys(ROLES, 200),
    "/members/?q=madina&country=tj&page=2": dict.fromkeys(ROLES, 200),
    "/members/af/": dict.fromkeys(ROLES, 200),
    "/members/pk/": dict.fromkeys(ROLES, 200),
    "/members/tj/": dict.fromkeys(ROLES, 200),
    "/members/tm/": dict.fromkeys(ROLES, 200),
    "/members/uz/": dict.fromkeys(ROLES, 200),
    "/members/xx/": dict.fromkeys(ROLES, 404),
    "/steering-committee/": dict.fromkeys(ROLES, 200),
    ORG: dict.fromkeys(ROLES, 200),
    "/members/org/former/": dict.fromkeys(ROLES, 200),
    "/members/org/stakeholder/": dict.fromkeys(ROLES, 200),
    "/members/org/no-such-org/": dict.fromkeys(ROLES, 404),
    APPLICANT: {"anonymous": 404, "member": 404, "editor": 404, "other_editor": 404, "steering": 404, "coordinator": 200},
    EDIT: {"anonymous": 302, "member": 403, "editor": 200, "other_editor": 403, "steering": 403, "coordinator": 200},
    OTHER_EDIT: {"anonymous": 302, "member": 403, "editor": 403, "other_editor": 200, "steering": 403, "coordinator": 200},
    SEAT_EDIT: {"anonymous": 302, "member": 403, "editor": 403, "other_editor": 403, "steering": 200, "coordinator": 200},
    APPLICANT_EDIT: {
        "anonymous": 302, "member": 404, "editor": 404, "other_editor": 404, "steering": 404, "coordinator": 200,
    },
    "/members/org/no-such-org/edit/": {
        "anonymous": 302, "member": 404, "editor": 404, "other_editor": 404, "steering": 404, "coordinator": 404,
    },
    "/admin/": {"anonymous": 302, "member": 302, "editor": 302, "other_editor": 302, "steering": 302, "coordinator": 200},
    "/admin/members/organization/": {
        "anonymous": 302, "member": 302, "editor": 302, "other_editor": 302, "steering": 302, "coordinator": 200,
    },
    "/accounts/login/": {"anonymous": 200, "member": 302, "editor": 302, "other_editor": 302, "steering": 302,
                         "coordinator": 302},
}

CASES = [(role, url, status) for url, by_role in TABLE.items() for role, status in by_role.items()]


@pytest.fixture
def world(users, organization):
    make_organization("TJ", name="Applicant NGO", slug="applicant", membership_status=Organization.MembershipStatus.APPLICANT)
    make_organization("TJ", name="Former NGO", slug="former", membership_status=Organization.MembershipStatus.FORMER)
    make_organization(
        "AF", name="Stakeholder Body", slug="stakeholder", membership_status=Organization.MembershipStatus.STAKEHOLDER
    )
    return users


@pytest.mark.parametrize("role, url, status", CASES)
def test_status_codes_by_role(client_as, world, role, url, status):
    response = client_as(role).get(url)
    assert response.status_code == status
    if status == 302 and role == "anonymous" and url.startswith("/members/"):
        assert response["Location"] == f"/accounts/login/?next={url}"


@pytest.mark.parametrize("role, status", [("anonymous", 302), ("member", 403), ("other_editor", 403), ("steering", 403)])
def test_posting_to_an_edit_page_without_rights_is_refused(client_as, world, organization, role, status):
    response = client_as(role).post(EDIT, {"description": "Nope"})
    assert response.status_code == status
    organization.refresh_from_db()
    assert organization.description != "Nope"


# --- the predicates themselves --------------------------------------------------------------------------

PREDICATES = {
    #                 coordinator, network member, steering rep, edits organization
    "anonymous": (False, False, False, False),
    "member": (False, True, False, False),
    "editor": (False, True, False, True),
    "other_editor": (False, True, False, False),
    "steering": (False, True, True, False),
    "coordinator": (True, True, False, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_permission_predicates_for_each_role(rf, world, organization, role):
    from django.contrib.auth.models import AnonymousUser

    user = world[role] or AnonymousUser()
    expected = PREDICATES[role]
    assert permissions.is_coordinator(user) is expected[0]
    assert permissions.is_network_member(user) is expected[1]
    assert permissions.is_steering_representative(user) is expected[2]
    assert permissions.can_edit_organization(user, organization) is expected[3]


def test_member_and_steering_countries(world):
    assert permissions.member_countries(world["member"]) == {"TJ"}
    assert permissions.member_countries(world["other_editor"]) == {"PK"}
    assert permissions.steering_countries(world["steering"]) == {"TJ"}
    assert permissions.is_steering_representative(world["steering"], "tj")
    assert not permissions.is_steering_representative(world["steering"], "PK")
    from django.contrib.auth.models import AnonymousUser

    assert permissions.member_countries(AnonymousUser()) == set()


def test_a_past_seat_does_not_make_a_steering_representative(db, organization):
    import datetime

    from ..factories import make_membership, make_seat, make_user

    user = make_user("former.rep@example.org")
    make_membership(user, organization)
    person = make_person(organization, user=user)
    make_seat(organization, person, start=datetime.date(2014, 1, 1), end=datetime.date(2016, 1, 1))
    assert not permissions.is_steering_representative(user)


def test_an_inactive_coordinator_is_not_a_coordinator(db):
    from ..factories import make_user

    user = make_user("old.coordinator@example.org", is_coordinator=True, is_active=False)
    assert not permissions.is_coordinator(user)
    assert not permissions.is_network_member(user)


def test_a_superuser_is_a_coordinator(db):
    from members.models import User

    assert permissions.is_coordinator(User.objects.create_superuser("root@example.org", "x-pass-123"))


@pytest.mark.parametrize(
    "role, visible",
    [
        ("anonymous", {"public"}),
        ("member", {"public", "members"}),
        ("steering", {"public", "members"}),
        ("coordinator", {"public", "members", "coordinators"}),
    ],
)
def test_visible_people_by_role(world, organization, role, visible):
    for visibility in Person.Visibility.values:
        make_person(organization, name=f"Vis {visibility}", contact_visibility=visibility)
    from django.contrib.auth.models import AnonymousUser

    user = world[role] or AnonymousUser()
    names = set(permissions.visible_people(user, organization.people.all()).values_list("contact_visibility", flat=True))
    assert names == visible
