"""Password reset pages and allauth's e-mails name the portal, never the server's host, and point people who lost
their e-mail address to the secretariat."""

import re

import pytest
from django.urls import reverse

from ..factories import PASSWORD, make_user

RESET = reverse("account_reset_password")
CONTACT = reverse("members:contact")
NAME = "Regional CTIP Network"
NAME_RU = "Региональная сеть противодействия торговле людьми"


def without_links(text: str) -> str:
    return re.sub(r"https?://\S+", "", text)


@pytest.fixture
def user(db):
    return make_user("dilnoza@example.org")


def test_the_reset_e_mail_names_the_portal_not_the_host(client, user, mailoutbox):
    assert client.post(RESET, {"email": user.email}).status_code == 302
    [mail] = mailoutbox
    assert mail.subject == f"[{NAME}] Reset your password"
    assert "testserver" not in mail.subject and "example.com" not in mail.subject
    assert NAME in mail.body
    assert "testserver" not in without_links(mail.body)
    assert "example.com" not in mail.body
    assert "/accounts/password/reset/key/" in mail.body


def test_the_reset_e_mail_in_russian_names_the_portal_in_russian(client, user, mailoutbox):
    user.language = "ru"
    user.save()
    assert client.post(RESET, {"email": user.email}).status_code == 302
    [mail] = mailoutbox
    assert mail.subject == f"[{NAME_RU}] Сброс пароля"
    assert NAME_RU in mail.body
    assert "testserver" not in without_links(mail.body)


def test_a_reset_asked_from_a_russian_page_for_an_account_without_a_language_is_in_russian(client, user, mailoutbox):
    assert client.post(RESET, {"email": user.email}, HTTP_ACCEPT_LANGUAGE="ru").status_code == 302
    assert mailoutbox[0].subject.startswith(f"[{NAME_RU}]")


def test_an_unknown_address_gets_the_secretariat_not_a_sign_up_link(client, db, mailoutbox, settings):
    assert client.post(RESET, {"email": "nobody@example.org"}).status_code == 302
    [mail] = mailoutbox
    assert mail.subject == f"[{NAME}] Reset your password"
    assert settings.PORTAL_BASE_URL + CONTACT in mail.body
    assert reverse("account_signup") not in mail.body
    assert "testserver" not in without_links(mail.body)


def test_the_e_mail_after_the_new_password_is_set_names_the_portal(client, user, mailoutbox):
    client.post(RESET, {"email": user.email})
    link = re.search(r"https?://testserver(\S+)", mailoutbox[0].body).group(1)
    form_url = client.get(link)["Location"]  # the key moves into the session
    new_password = PASSWORD + "-renewed"
    response = client.post(form_url, {"password1": new_password, "password2": new_password})
    assert response.status_code == 302
    notice = mailoutbox[-1]
    assert len(mailoutbox) == 2
    assert notice.subject.startswith(f"[{NAME}] ")
    assert "testserver" not in notice.subject


@pytest.mark.parametrize("url", [RESET, reverse("account_reset_password_done")])
def test_the_reset_pages_point_to_the_secretariat(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert f'<a href="{CONTACT}">Write to the secretariat</a>' in response.content.decode()


def test_an_invalid_reset_link_points_to_the_secretariat(client, user):
    response = client.get(reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"}))
    assert response.status_code == 200
    page = response.content.decode()
    assert "This password reset link is invalid" in page
    assert f'<a href="{CONTACT}">Write to the secretariat</a>' in page
