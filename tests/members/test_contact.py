"""The public contact form (/contact/): anyone writes to the secretariat; scripts and floods are kept out."""

import email
import email.policy
import logging
import smtplib
from unittest import mock

import pytest
from django.urls import reverse

from members.models import ContactMessage

from .conftest import started

URL = reverse("members:contact")
THANKS = reverse("members:contact-thanks")
TEXT = "Could someone from the network speak on our radio programme about the new law?"


@pytest.fixture
def contact_data(db):
    return {
        "name": "Farida Nazarova",
        "email": "farida@example.org",
        "organization": "Radio Ozodi",
        "country": "TJ",
        "subject": "Interview request",
        "message": TEXT,
        "started": started(),
        "homepage": "",
    }


@pytest.mark.parametrize("role", ["anonymous", "member", "stakeholder", "coordinator"])
def test_everyone_sees_the_form_with_the_warnings(client_as, role):
    response = client_as(role).get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert 'name="started"' in page and 'name="homepage"' in page
    assert "Please do not write the names or any details of individual victims or cases." in page
    assert 'href="/members/?service=hotline"' in page
    assert "Only the network's coordinators read your message. It is deleted 365 days after" in page


def test_a_logged_in_user_finds_their_name_and_address_filled_in(client_as, users):
    users["member"].first_name, users["member"].last_name = "Madina", "Member"
    users["member"].save()
    form = client_as("member").get(URL).context["form"]
    assert form["name"].value() == "Madina Member"
    assert form["email"].value() == "member@example.org"


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
def test_a_good_message_is_stored_and_e_mailed_to_the_secretariat(client_as, contact_data, mailoutbox, settings, role):
    settings.DEFAULT_FROM_EMAIL = "CTIP Secretariat <secretariat@ctip.example.org>"
    response = client_as(role).post(URL, contact_data)
    assert response.status_code == 302
    assert response["Location"] == THANKS
    message = ContactMessage.objects.get()
    assert (message.name, message.email, message.organization, message.country_id) == (
        "Farida Nazarova", "farida@example.org", "Radio Ozodi", "TJ"
    )
    assert message.message == TEXT
    assert message.status == ContactMessage.Status.NEW
    assert message.language == "en"
    [mail] = mailoutbox
    assert mail.to == ["secretariat@ctip.example.org"]
    assert mail.reply_to == ["Farida Nazarova <farida@example.org>"]
    assert mail.subject == "[Regional CTIP Network] Message to the secretariat: Interview request"
    assert settings.PORTAL_BASE_URL + reverse("members:contact-message", args=[message.pk]) in mail.body
    assert "Radio Ozodi" in mail.body
    # The text stays in the portal (coordinators only, deleted after a year), not in mailboxes.
    assert TEXT not in mail.body


def test_the_message_goes_to_secretariat_email_when_it_is_set(client, contact_data, mailoutbox, settings):
    settings.SECRETARIAT_EMAIL = "inbox@ctip.example.org"
    assert client.post(URL, contact_data).status_code == 302
    assert mailoutbox[0].to == ["inbox@ctip.example.org"]


def test_the_page_language_is_kept_with_the_message(client, contact_data):
    assert client.post(URL, contact_data, HTTP_ACCEPT_LANGUAGE="ru").status_code == 302
    assert ContactMessage.objects.get().language == "ru"


def test_a_name_in_another_script_makes_a_valid_reply_to_header(client, contact_data, mailoutbox):
    contact_data["name"] = "Назарова, Фарида"
    assert client.post(URL, contact_data).status_code == 302
    parsed = email.message_from_bytes(mailoutbox[0].message().as_bytes(), policy=email.policy.default)
    [address] = parsed["Reply-To"].addresses
    assert (address.display_name, address.addr_spec) == ("Назарова, Фарида", "farida@example.org")


def test_the_thanks_page_says_what_happens_next(client, db):
    page = client.get(THANKS).content.decode()
    assert "A coordinator will read it and answer by e-mail to the address you gave." in page
    assert "kept for the coordinators for 365 days" in page


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", ""),
        ("email", ""),
        ("email", "not-an-e-mail"),
        ("subject", ""),
        ("message", ""),
        ("message", "x" * 5001),
        ("country", "FR"),
        ("name", "Farida\nBcc: victim@example.org"),
        ("subject", "Hello\r\nBcc: everyone@example.org"),
        ("subject", "Invoice \u202egnp.exe"),
        ("organization", "Radio\tOzodi"),
    ],
)
def test_bad_input_is_refused_with_the_errors_and_nothing_is_sent(client, contact_data, mailoutbox, field, value):
    contact_data[field] = value
    response = client.post(URL, contact_data)
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert "Your message was not sent. Please correct the errors below." in response.content.decode()
    assert not ContactMessage.objects.exists()
    assert mailoutbox == []


def test_a_message_on_several_lines_is_fine(client, contact_data):
    contact_data["message"] = "First line.\r\nSecond line.\r\n\r\nThird paragraph."
    assert client.post(URL, contact_data).status_code == 302
    assert ContactMessage.objects.get().message.count("\n") == 3


def test_a_filled_honeypot_pretends_success_and_stores_nothing(client, contact_data, mailoutbox):
    contact_data["homepage"] = "http://spam.example.com"
    response = client.post(URL, contact_data)
    assert response.status_code == 302
    assert response["Location"] == THANKS
    assert not ContactMessage.objects.exists()
    assert mailoutbox == []


def test_a_form_sent_within_seconds_is_refused(client, contact_data):
    contact_data["started"] = started(seconds_ago=1)
    response = client.post(URL, contact_data)
    assert response.status_code == 400
    assert "very fast" in response.content.decode()
    assert not ContactMessage.objects.exists()


@pytest.mark.parametrize("stamp", ["", "garbage", "tampered"])
def test_a_missing_or_tampered_time_stamp_is_refused(client, contact_data, stamp):
    contact_data["started"] = contact_data["started"][:-2] + "xx" if stamp == "tampered" else stamp
    assert client.post(URL, contact_data).status_code == 400
    assert not ContactMessage.objects.exists()


def test_the_same_form_sent_twice_stores_one_message(client, contact_data, mailoutbox):
    assert client.post(URL, contact_data).status_code == 302
    response = client.post(URL, contact_data)
    assert response.status_code == 400
    page = response.content.decode()
    assert "This form was already sent, and that message was received." in page
    assert contact_data["started"] not in page  # a fresh stamp: it can be sent again on purpose
    assert ContactMessage.objects.count() == 1
    assert len(mailoutbox) == 1


def test_a_join_form_stamp_used_for_an_application_cannot_be_used_here(client, contact_data, join_data):
    assert client.post(reverse("members:join"), join_data).status_code == 302
    contact_data["started"] = join_data["started"]
    assert client.post(URL, contact_data).status_code == 400
    assert not ContactMessage.objects.exists()


def test_the_sixth_message_in_an_hour_is_refused_keeping_what_was_typed(client, contact_data, mailoutbox):
    for _ in range(5):
        assert client.post(URL, dict(contact_data, started=started())).status_code == 302
    response = client.post(URL, dict(contact_data, started=started()))
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert ContactMessage.objects.count() == 5
    assert len(mailoutbox) == 5
    page = response.content.decode()
    assert "Please send this form again in an hour" in page
    assert TEXT in page
    assert 'value="Interview request"' in page


def test_the_limit_is_per_address(client, contact_data):
    for _ in range(5):
        assert client.post(URL, dict(contact_data, started=started())).status_code == 302
    other = client.post(URL, dict(contact_data, started=started()), REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 302


def test_forms_with_errors_do_not_count_towards_the_limit(client, contact_data):
    for _ in range(8):
        assert client.post(URL, dict(contact_data, email="not an address")).status_code == 400
    assert client.post(URL, contact_data).status_code == 302


def test_a_refused_message_over_the_limit_can_be_sent_again_as_it_is(client, contact_data):
    with mock.patch("members.views.contact.CONTACT_LIMIT.exceeded", return_value=True):
        assert client.post(URL, contact_data).status_code == 429
    assert client.post(URL, contact_data).status_code == 302


def test_a_failing_mail_server_loses_nothing_and_shows_no_error(client, contact_data, mailoutbox, caplog):
    with mock.patch(
        "django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPServerDisconnected("connection lost")
    ), caplog.at_level(logging.ERROR, logger="members.views.contact"):
        response = client.post(URL, contact_data)
    assert response.status_code == 302
    assert response["Location"] == THANKS
    message = ContactMessage.objects.get()
    assert message.status == ContactMessage.Status.NEW
    assert f"E-mail to the secretariat about contact message {message.pk} failed" in caplog.text
    assert "connection lost" in caplog.text


def test_the_contact_page_is_linked_from_the_footer_and_the_403_page(client_as, users):
    client = client_as("member")
    assert f'href="{URL}"' in client.get("/").content.decode()
    response = client.get(reverse("members:contact-messages"))
    assert response.status_code == 403
    assert f'<a href="{URL}">write to the secretariat</a>' in response.content.decode()
