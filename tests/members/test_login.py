"""Logging in with e-mail and password through django-allauth; sign-up is closed. (A member without a second
factor; with one, see test_second_factor.py.)"""

import pytest

from members.models import User

from ..factories import make_user

pytestmark = pytest.mark.django_db


def test_the_login_page_answers(client):
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="login"' in html
    assert 'name="password"' in html
    assert "there is no open sign-up" in html


def test_a_member_logs_in_with_email_and_password(client):
    user = make_user("login.test@example.org", second_factor=False)
    response = client.post("/accounts/login/", {"login": "login.test@example.org", "password": "test-pass-123"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert int(client.session["_auth_user_id"]) == user.pk
    html = client.get("/").content.decode()
    assert "Log out" in html
    assert "login.test@example.org" in html


def test_the_email_is_case_insensitive(client):
    user = make_user("login.test@example.org", second_factor=False)
    client.post("/accounts/login/", {"login": "Login.Test@Example.ORG", "password": "test-pass-123"})
    assert int(client.session["_auth_user_id"]) == user.pk


def test_login_returns_to_the_next_page(client, organization):
    make_user("login.test@example.org", second_factor=False)
    next_url = "/members/org/madina-test/"
    response = client.post(
        f"/accounts/login/?next={next_url}", {"login": "login.test@example.org", "password": "test-pass-123"}
    )
    assert response["Location"] == next_url


def test_a_wrong_password_shows_an_error_and_does_not_log_in(client):
    make_user("login.test@example.org", second_factor=False)
    response = client.post("/accounts/login/", {"login": "login.test@example.org", "password": "wrong-password"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "The email address and/or password you specified are not correct." in response.content.decode()


def test_an_unknown_email_shows_the_same_error(client):
    response = client.post("/accounts/login/", {"login": "nobody@example.org", "password": "whatever-123"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert "not correct" in response.content.decode()


def test_an_inactive_user_cannot_log_in(client):
    make_user("gone@example.org", is_active=False, second_factor=False)
    client.post("/accounts/login/", {"login": "gone@example.org", "password": "test-pass-123"})
    assert "_auth_user_id" not in client.session


def test_signup_is_closed(client):
    response = client.get("/accounts/signup/")
    assert response.status_code == 200
    assert 'name="password1"' not in response.content.decode()
    client.post(
        "/accounts/signup/",
        {"email": "newcomer@example.org", "password1": "Strong-pass-4821", "password2": "Strong-pass-4821"},
    )
    assert not User.objects.filter(email="newcomer@example.org").exists()
    assert "_auth_user_id" not in client.session


def test_logging_out_ends_the_session(client):
    user = make_user("login.test@example.org", second_factor=False)
    client.force_login(user)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_login_does_not_redirect_to_another_site(client):
    make_user("login.test@example.org", second_factor=False)
    response = client.post(
        "/accounts/login/?next=https://evil.example/", {"login": "login.test@example.org", "password": "test-pass-123"}
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
