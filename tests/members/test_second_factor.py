"""A second factor (django-allauth MFA): who must set one up, logging in with it, losing it, and asking again
before the admin and the security settings."""

import re
import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from allauth.usersessions.models import UserSession
from django.core.management import call_command
from django.test import Client

from members.forms.accounts import AuthenticateWebAuthnForm
from members.models import Membership
from members.permissions import must_set_up_second_factor

from ..factories import PASSWORD, make_membership, make_person, make_seat, make_user, totp_code

pytestmark = pytest.mark.django_db

SETUP = "/accounts/2fa/"


def _without_factor(users, role):
    user = users[role]
    Authenticator.objects.filter(user=user).delete()
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("role", ["editor", "steering", "coordinator"])
@pytest.mark.parametrize("path", ["/", "/members/", "/members/org/madina-test/edit/", "/admin/", "/reviews/"])
def test_powers_without_a_second_factor_lead_to_its_set_up(users, role, path):
    response = _without_factor(users, role).get(path)
    assert response.status_code == 302
    assert response["Location"] == SETUP


def test_staff_without_coordinator_role_also_needs_one(db):
    staff = make_user("staff@example.org", second_factor=False, is_staff=True)
    client = Client()
    client.force_login(staff)
    assert client.get("/members/")["Location"] == SETUP


@pytest.mark.parametrize("role", ["member", "stakeholder"])
def test_members_may_work_without_one(users, role):
    client = _without_factor(users, role)
    assert client.get("/members/").status_code == 200
    assert not must_set_up_second_factor(users[role])


def test_the_set_up_page_and_logging_out_stay_open(users):
    client = _without_factor(users, "editor")
    page = client.get(SETUP)
    assert page.status_code == 200
    assert "Set up an authenticator app" in page.content.decode()
    assert client.get("/accounts/2fa/totp/activate/").status_code == 200
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_redirect_says_why_once(users):
    client = _without_factor(users, "editor")
    page = client.get("/members/", follow=True)
    assert page.content.decode().count("protect it with a second factor") == 1


def test_a_seat_ended_or_an_editor_demoted_no_longer_needs_one(users):
    editor = users["editor"]
    Authenticator.objects.filter(user=editor).delete()
    Membership.objects.filter(user=editor).update(role=Membership.Role.MEMBER)
    assert not must_set_up_second_factor(editor)


def test_a_new_representative_needs_one_from_the_next_request(users, other_organization):
    user = make_user("new.rep@example.org", second_factor=False)
    make_membership(user, other_organization)
    client = Client()
    client.force_login(user)
    assert client.get("/members/").status_code == 200
    make_seat(other_organization, make_person(other_organization, user=user))
    assert client.get("/members/")["Location"] == SETUP


def test_setting_up_an_authenticator_app_opens_the_portal(users):
    client = _without_factor(users, "editor")
    client.get("/accounts/2fa/totp/activate/")
    secret = client.session[SECRET_SESSION_KEY]
    wrong = client.post("/accounts/2fa/totp/activate/", {"code": "000000"})
    assert wrong.status_code == 200
    assert "Incorrect code." in wrong.content.decode()
    response = client.post("/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=users["editor"], type=Authenticator.Type.TOTP).exists()
    assert client.get("/members/org/madina-test/edit/").status_code == 200


def _log_in(client, email, password=PASSWORD, next_url=""):
    return client.post(f"/accounts/login/{next_url}", {"login": email, "password": password})


def test_logging_in_asks_for_the_code_after_the_password(users):
    client = Client()
    response = _log_in(client, "coordinator@example.org")
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    wrong = client.post("/accounts/2fa/authenticate/", {"code": "123456"})
    assert "Incorrect code." in wrong.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.post("/accounts/2fa/authenticate/", {"code": totp_code()}).status_code == 302
    assert int(client.session["_auth_user_id"]) == users["coordinator"].pk


def test_the_admin_login_asks_for_the_code_too(users):
    client = Client()
    login_page = client.get("/admin/login/?next=/admin/")["Location"]
    response = client.post(login_page, {"login": "coordinator@example.org", "password": PASSWORD})
    assert response["Location"] == "/accounts/2fa/authenticate/"
    assert client.get("/admin/").status_code == 302
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code()})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_code_works_once(users):
    code = totp_code()
    first, second = Client(), Client()
    _log_in(first, "coordinator@example.org")
    first.post("/accounts/2fa/authenticate/", {"code": code})
    _log_in(second, "coordinator@example.org")
    second.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" in first.session
    assert "_auth_user_id" not in second.session


def test_a_recovery_code_replaces_a_lost_phone_once(users):
    codes = RecoveryCodes.activate(users["editor"]).get_unused_codes()
    client = Client()
    _log_in(client, "editor@example.org")
    client.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert int(client.session["_auth_user_id"]) == users["editor"].pk
    again = Client()
    _log_in(again, "editor@example.org")
    again.post("/accounts/2fa/authenticate/", {"code": codes[0]})
    assert "_auth_user_id" not in again.session


def test_a_coordinator_removes_a_lost_factor_in_the_admin(users, client_as):
    editor_factor = Authenticator.objects.get(user=users["editor"])
    coordinator = client_as("coordinator")
    assert coordinator.get("/admin/mfa/authenticator/").status_code == 200
    response = coordinator.post(f"/admin/mfa/authenticator/{editor_factor.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=users["editor"]).exists()
    # The editor logs in with the password alone and is sent to set up the new phone.
    client = Client()
    _log_in(client, "editor@example.org")
    assert client.get("/members/")["Location"] == SETUP


@pytest.mark.parametrize("role", ["editor", "steering"])
def test_nobody_else_reaches_the_factors_in_the_admin(client_as, role):
    assert client_as(role).get("/admin/mfa/authenticator/").status_code == 302


def test_passwords_have_at_least_twelve_characters(users, client_as):
    client = client_as("member")
    short = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "Kx9#mLq2pW7", "password2": "Kx9#mLq2pW7"},
    )
    assert short.status_code == 200
    assert "at least 12 characters" in short.content.decode()
    ok = client.post(
        "/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": "Kx9#mLq2pW7z", "password2": "Kx9#mLq2pW7z"},
    )
    assert ok.status_code == 302


def test_an_idle_session_ends(users, client_as, settings):
    client = client_as("member")
    assert client.get("/members/account/").status_code == 200
    session = client.session
    session["portal_last_seen"] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get("/members/account/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=/members/account/")
    assert "_auth_user_id" not in client.session
    assert "period of inactivity" in client.get(response["Location"]).content.decode()


def test_an_active_session_goes_on(users, client_as, settings):
    client = client_as("member")
    client.get("/members/account/")
    session = client.session
    session["portal_last_seen"] = int(time.time()) - settings.SESSION_IDLE_TIMEOUT + 60
    session.save()
    assert client.get("/members/account/").status_code == 200
    assert client.session["portal_last_seen"] >= int(time.time()) - 5


def _age_the_login(client, seconds):
    session = client.session
    for record in session.get("account_authentication_methods", []):
        record["at"] -= seconds
    session.pop("portal_admin_seen", None)
    session.save()


def _logged_in_through_the_form(email, step=0):
    client = Client()
    _log_in(client, email)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(step=step)})
    assert "_auth_user_id" in client.session
    return client


def test_the_admin_asks_for_the_password_again_after_a_while(users):
    client = _logged_in_through_the_form("coordinator@example.org")
    assert client.get("/admin/").status_code == 200  # just logged in
    _age_the_login(client, 3600)
    response = client.get("/admin/members/organization/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    confirmed = client.post(response["Location"], {"password": PASSWORD})
    assert confirmed["Location"] == "/admin/members/organization/"
    assert client.get("/admin/members/organization/").status_code == 200


def test_working_in_the_admin_keeps_it_open(users):
    client = _logged_in_through_the_form("coordinator@example.org")
    client.get("/admin/")
    _age_the_login(client, 3600)
    session = client.session
    session["portal_admin_seen"] = time.time() - 60
    session.save()
    assert client.get("/admin/").status_code == 200


def test_changing_a_second_factor_asks_for_the_password_again_after_a_while(users):
    client = _logged_in_through_the_form("editor@example.org")
    assert client.get("/accounts/2fa/totp/deactivate/").status_code == 200
    _age_the_login(client, 3600)
    response = client.get("/accounts/2fa/totp/deactivate/")
    assert response["Location"].startswith("/accounts/reauthenticate/")
    assert client.get("/accounts/2fa/recovery-codes/generate/")["Location"].startswith("/accounts/reauthenticate/")


def test_a_user_sees_their_sessions_and_ends_the_others(users):
    phone = _logged_in_through_the_form("member@example.org")
    laptop = _logged_in_through_the_form("member@example.org", step=-1)  # a code is accepted once
    assert UserSession.objects.filter(user=users["member"]).count() == 2
    page = laptop.get("/accounts/sessions/").content.decode()
    assert "This browser" in page
    assert "Log out everywhere else" in page
    laptop.post("/accounts/sessions/")
    assert phone.get("/members/account/").status_code == 302
    assert laptop.get("/members/account/").status_code == 200


def test_the_account_page_links_the_security_settings(client_as, users):
    page = client_as("member").get("/members/account/").content.decode()
    assert 'href="/accounts/2fa/"' in page
    assert 'href="/accounts/sessions/"' in page
    Authenticator.objects.filter(user=users["member"]).delete()
    assert "not set up" in client_as("member").get("/members/account/").content.decode()


def test_the_demo_accounts_accept_the_published_demo_code(settings, capsys):
    settings.DEBUG = True
    call_command("seed_demo")
    call_command("demo_code")
    code = capsys.readouterr().out.strip().splitlines()[-1].split()[0]
    client = Client()
    _log_in(client, "coordinator@example.org", password="demo-pass-2017")
    client.post("/accounts/2fa/authenticate/", {"code": code})
    assert "_auth_user_id" in client.session


def test_the_security_key_page_speaks_the_users_language(client_as):
    page = client_as("member").get("/accounts/2fa/webauthn/add/?lang=ru").content.decode()
    assert 'id="mfa_webauthn_add"' in page
    assert re.search(r'for="id_name" class="form-label">\s*Имя\s*</label>', page)


def test_the_code_step_offers_a_security_key_only_to_who_has_one(users):
    client = Client()
    _log_in(client, "editor@example.org")
    assert "mfa_webauthn_authenticate" not in client.get("/accounts/2fa/authenticate/").content.decode()
    Authenticator.objects.create(user=users["editor"], type=Authenticator.Type.WEBAUTHN, data={"name": "Key"})
    assert AuthenticateWebAuthnForm(user=users["editor"]).has_keys
