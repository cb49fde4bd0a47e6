"""The admin's login goes through allauth (issue 13's "High" finding: /admin/login/ took unlimited guesses)."""

import uuid

import pytest

from tests.factories import make_user, totp_code

pytestmark = pytest.mark.django_db


@pytest.fixture
def own_cache(settings):
    """A cache of this test's own, so its failed logins throttle nobody else's test."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": uuid.uuid4().hex}
    }


def coordinator():
    user = make_user("admin.login@example.org", is_coordinator=True, is_staff=True)
    return user


def test_the_admin_login_page_sends_to_the_portals_login(client):
    response = client.get("/admin/login/", {"next": "/admin/members/organization/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2Fmembers%2Forganization%2F"


def test_the_admin_login_form_accepts_no_password(client):
    coordinator()
    response = client.post("/admin/login/", {"username": "admin.login@example.org", "password": "test-pass-123"})
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_the_admin_login_does_not_send_elsewhere(client):
    response = client.get("/admin/login/", {"next": "https://evil.example/"})
    assert response["Location"] == "/accounts/login/?next=%2Fadmin%2F"


def test_a_logged_in_member_without_admin_powers_gets_403_not_a_login_loop(client):
    client.force_login(make_user("plain.member@example.org"))
    assert client.get("/admin/login/", {"next": "/admin/"}).status_code == 403


def test_a_coordinator_already_logged_in_goes_to_the_admin(client):
    client.force_login(coordinator())
    assert client.get("/admin/login/")["Location"] == "/admin/"


def test_a_coordinator_logs_in_through_the_portal_and_reaches_the_admin(client):
    coordinator()
    response = client.post(
        "/accounts/login/?next=/admin/", {"login": "admin.login@example.org", "password": "test-pass-123"}
    )
    assert response["Location"] == "/accounts/2fa/authenticate/"  # then the second factor
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_thirty_wrong_passwords_then_the_right_one_do_not_get_in(client, own_cache):
    """allauth counts failed logins: after them, even the right password is refused for a while."""
    coordinator()
    for _attempt in range(30):
        client.post("/accounts/login/", {"login": "admin.login@example.org", "password": "wrong-password-1"})
    client.post("/accounts/login/", {"login": "admin.login@example.org", "password": "test-pass-123"})
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
