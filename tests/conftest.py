"""Shared fixtures: the roles of the portal, built once per test.

Roles (see DESIGN.md): anonymous, member (of `organization`), editor (of `organization`),
other_editor (editor of `other_organization`, in another country), steering (holds the current
seat of Tajikistan for `seat_organization` and edits it), coordinator.
"""

import pytest
from django.test import Client

from members.models import Membership, Person

from .factories import make_membership, make_organization, make_person, make_seat, make_user

ROLES = ["anonymous", "member", "editor", "other_editor", "steering", "coordinator"]


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def organization(db):
    return make_organization("TJ", name="Madina Test NGO", acronym="MTN", slug="madina-test")


@pytest.fixture
def other_organization(db):
    return make_organization("PK", name="Other Pakistani NGO", acronym="OPN", slug="other-pk")


@pytest.fixture
def seat_organization(db):
    return make_organization("TJ", name="Seat Holder NGO", acronym="SHN", slug="seat-holder")


@pytest.fixture
def users(db, organization, other_organization, seat_organization):
    member = make_user("member@example.org")
    make_membership(member, organization, Membership.Role.MEMBER)
    editor = make_user("editor@example.org")
    make_membership(editor, organization, Membership.Role.EDITOR)
    other_editor = make_user("other.editor@example.org")
    make_membership(other_editor, other_organization, Membership.Role.EDITOR)
    steering = make_user("steering@example.org")
    make_membership(steering, seat_organization, Membership.Role.EDITOR)
    representative = make_person(
        seat_organization, name="Seat Representative", user=steering, contact_visibility=Person.Visibility.PUBLIC
    )
    make_seat(seat_organization, representative)
    coordinator = make_user("coordinator@example.org", is_coordinator=True, is_staff=True)
    return {
        "anonymous": None,
        "member": member,
        "editor": editor,
        "other_editor": other_editor,
        "steering": steering,
        "coordinator": coordinator,
    }


@pytest.fixture
def client_as(users):
    """client_as("editor") is a test client logged in as that role (anonymous: not logged in)."""

    def build(role):
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return build
