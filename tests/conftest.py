"""Shared fixtures: the roles of the portal, built once per test.

Roles (see DESIGN.md): anonymous, member (of `organization`), editor (of `organization`),
other_editor (editor of `other_organization`, in another country), stakeholder (staff of
`stakeholder_organization`, a Tajik body that is not a network member: sees what the public sees),
steering (holds the current seat of Tajikistan for `seat_organization` and edits it), coordinator.
"""

import uuid

import pytest
from django.test import Client, override_settings
from django.utils import translation

from members.models import Membership, NotificationPreference, Organization, Person

from .factories import (
    add_second_factor,
    make_membership,
    make_organization,
    make_person,
    make_seat,
    make_user,
    record_fresh_login,
)

ROLES = ["anonymous", "member", "editor", "other_editor", "stakeholder", "steering", "coordinator"]


@pytest.fixture(autouse=True, scope="session")
def _plain_http():
    """The tests run with DEBUG off, whose default redirects http to https (SECURE_SSL_REDIRECT), and the test
    client and the live server speak http. Session-wide, so the live server is built without the redirect too;
    tests/network_portal/test_headers.py turns it back on."""
    with override_settings(SECURE_SSL_REDIRECT=False):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each test has a cache of its own: rate limits, used second-factor codes and pages of one test (or of an
    # earlier run, with the file cache) never reach another.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}}
    # Tests run inside a transaction that never commits, so a change would never make a cached page stale:
    # the public page cache is off here, and tests/network_portal/test_page_cache.py tests it with commits.
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture(autouse=True)
def _force_login_is_a_fresh_login(monkeypatch):
    """`client.force_login()` stands for a user who has just logged in: allauth's record of the login (which the
    admin and the security settings look at before asking for the password again) is written as a login would."""
    original = Client._login

    def _login(self, user, backend=None):
        original(self, user, backend)
        record_fresh_login(self, user)

    monkeypatch.setattr(Client, "_login", _login)


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's superuser, with the second factor that the portal asks of everyone with powers."""
    add_second_factor(admin_user)
    return admin_user


@pytest.fixture(autouse=True)
def _default_language_outside_requests(settings):
    """Each test starts in the default language: a request (?lang=, a login) leaves its language active in the
    thread, and records made afterwards would be written into that language's columns (modeltranslation)."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


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
def stakeholder_organization(db):
    return make_organization(
        "TJ", name="Tajik Anti-Trafficking Commission", acronym="TATC", slug="tj-commission",
        membership_status=Organization.MembershipStatus.STAKEHOLDER,
    )


def make_role_users(organization, other_organization, seat_organization, stakeholder_organization) -> dict:
    """The users of the roles in ROLES (anonymous: None); `users` and the permissions table share this."""
    member = make_user("member@example.org")
    make_membership(member, organization, Membership.Role.MEMBER)
    editor = make_user("editor@example.org")
    make_membership(editor, organization, Membership.Role.EDITOR)
    other_editor = make_user("other.editor@example.org")
    make_membership(other_editor, other_organization, Membership.Role.EDITOR)
    stakeholder = make_user("stakeholder@example.org")
    make_membership(stakeholder, stakeholder_organization, Membership.Role.MEMBER)
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
        "stakeholder": stakeholder,
        "steering": steering,
        "coordinator": coordinator,
    }


@pytest.fixture
def users(db, organization, other_organization, seat_organization, stakeholder_organization):
    return make_role_users(organization, other_organization, seat_organization, stakeholder_organization)


@pytest.fixture
def client_as(users):
    """client_as("editor") is a test client logged in as that role (anonymous: not logged in)."""

    def build(role):
        client = Client()
        if users[role] is not None:
            client.force_login(users[role])
        return client

    return build


@pytest.fixture
def prefer(db):
    """prefer(user, frequency="immediate", countries=None, **topics) saves a user's notification settings."""

    def build(user, frequency="immediate", countries=None, **topics):
        preference, _ = NotificationPreference.objects.update_or_create(
            user=user, defaults={"frequency": frequency, "review_all_countries": countries is None, **topics}
        )
        if countries:
            preference.review_countries.set(countries)
        return preference

    return build
