"""The predicates of members/permissions.py for each role (the status each role gets on each URL is in
tests/test_permissions.py)."""

import pytest

from members import permissions
from members.models import Person

from ..conftest import ROLES
from ..factories import make_person

# --- the predicates --------------------------------------------------------------------------

PREDICATES = {
    #                 coordinator, network member, steering rep, edits organization
    "anonymous": (False, False, False, False),
    "member": (False, True, False, False),
    "editor": (False, True, False, True),
    "other_editor": (False, True, False, False),
    "stakeholder": (False, False, False, False),
    "steering": (False, True, True, False),
    "coordinator": (True, True, False, True),
}


@pytest.mark.parametrize("role", ROLES)
def test_permission_predicates_for_each_role(users, organization, role):
    from django.contrib.auth.models import AnonymousUser

    user = users[role] or AnonymousUser()
    expected = PREDICATES[role]
    assert permissions.is_coordinator(user) is expected[0]
    assert permissions.is_network_member(user) is expected[1]
    assert permissions.is_steering_representative(user) is expected[2]
    assert permissions.can_edit_organization(user, organization) is expected[3]


def test_member_and_steering_countries(users):
    assert permissions.member_countries(users["member"]) == {"TJ"}
    assert permissions.member_countries(users["other_editor"]) == {"PK"}
    assert permissions.member_countries(users["stakeholder"]) == set()  # a stakeholder is no member country's
    assert permissions.steering_countries(users["steering"]) == {"TJ"}
    assert permissions.is_steering_representative(users["steering"], "tj")
    assert not permissions.is_steering_representative(users["steering"], "PK")
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
        ("stakeholder", {"public"}),
        ("steering", {"public", "members"}),
        ("coordinator", {"public", "members", "coordinators"}),
    ],
)
def test_visible_people_by_role(users, organization, role, visible):
    for visibility in Person.Visibility.values:
        make_person(organization, name=f"Vis {visibility}", contact_visibility=visibility)
    from django.contrib.auth.models import AnonymousUser

    user = users[role] or AnonymousUser()
    names = set(permissions.visible_people(user, organization.people.all()).values_list("contact_visibility", flat=True))
    assert names == visible
