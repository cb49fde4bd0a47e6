"""The coordinators' inbox of messages to the secretariat: reading, answering, closing, and deleting old ones."""

import datetime
import smtplib
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.models import ContactMessage

LIST = reverse("members:contact-messages")
OTHER_ROLES = ["member", "editor", "other_editor", "stakeholder", "steering"]


def make_message(subject="Interview request", **extra):
    fields = {
        "name": "Farida Nazarova",
        "email": "farida@example.org",
        "organization": "Radio Ozodi",
        "country_id": "TJ",
        "subject": subject,
        "message": "Could someone from the network speak on our radio programme?",
        "language": "en",
    }
    fields.update(extra)
    return ContactMessage.objects.create(**fields)


def received(message, days_ago):
    """Pretend `message` arrived `days_ago` days ago (created_at is set on creation)."""
    ContactMessage.objects.filter(pk=message.pk).update(created_at=timezone.now() - datetime.timedelta(days=days_ago))


@pytest.fixture
def message(db):
    return make_message()


def detail(message):
    return reverse("members:contact-message", args=[message.pk])


# --- Who may open what ---------------------------------------------------------------------------------------


def test_the_coordinator_reads_the_inbox_and_a_message(client_as, message):
    client = client_as("coordinator")
    page = client.get(LIST).content.decode()
    assert "Interview request" in page and detail(message) in page
    response = client.get(detail(message))
    assert response.status_code == 200
    page = response.content.decode()
    assert "farida@example.org" in page
    assert "Could someone from the network speak on our radio programme?" in page
    assert 'name="reply"' in page and 'value="close"' in page


@pytest.mark.parametrize("role", OTHER_ROLES)
def test_other_users_may_not_read_messages(client_as, message, mailoutbox, role):
    client = client_as(role)
    assert client.get(LIST).status_code == 403
    assert client.get(detail(message)).status_code == 403
    assert client.post(detail(message), {"action": "reply", "reply": "Hello"}).status_code == 403
    assert client.post(detail(message), {"action": "close"}).status_code == 403
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.NEW
    assert mailoutbox == []


def test_anonymous_visitors_are_sent_to_log_in(client, message):
    for response in (client.get(LIST), client.get(detail(message)), client.post(detail(message), {"action": "close"})):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.NEW


def test_a_missing_message_is_404(client_as, db):
    client = client_as("coordinator")
    assert client.get(reverse("members:contact-message", args=[999])).status_code == 404
    assert client.post(reverse("members:contact-message", args=[999]), {"action": "close"}).status_code == 404


# --- The inbox -------------------------------------------------------------------------------------------------


def test_the_inbox_lists_newest_first_and_counts_the_new_ones(client_as, users):
    old = make_message("Old question")
    received(old, 3)
    make_message("Answered one", status=ContactMessage.Status.ANSWERED, answered_by=users["coordinator"])
    make_message("Newest question")
    response = client_as("coordinator").get(LIST)
    subjects = [item.subject for item in response.context["contact_messages"]]
    assert subjects == ["Newest question", "Answered one", "Old question"]
    assert response.context["new_count"] == 2
    assert "2 new messages." in response.content.decode()


@pytest.mark.parametrize(
    "status, expected",
    [("new", ["New one"]), ("answered", ["Answered one"]), ("closed", ["Closed one"]), ("bogus", None)],
)
def test_the_inbox_filters_by_status(client_as, db, status, expected):
    make_message("New one")
    make_message("Answered one", status=ContactMessage.Status.ANSWERED)
    make_message("Closed one", status=ContactMessage.Status.CLOSED)
    response = client_as("coordinator").get(LIST, {"status": status})
    subjects = [item.subject for item in response.context["contact_messages"]]
    assert subjects == (expected or ["Closed one", "Answered one", "New one"])


def test_the_inbox_is_paginated_keeping_the_filter(client_as, db):
    for number in range(30):
        make_message(f"Question {number}")
    client = client_as("coordinator")
    first = client.get(LIST, {"status": "new"})
    assert len(first.context["contact_messages"]) == 25
    assert "?status=new&amp;page=2" in first.content.decode()
    second = client.get(LIST, {"status": "new", "page": 2})
    assert [item.subject for item in second.context["contact_messages"]] == [f"Question {n}" for n in range(4, -1, -1)]


def test_the_inbox_runs_a_fixed_number_of_queries(client_as, users, django_assert_num_queries):
    client = client_as("coordinator")
    make_message(status=ContactMessage.Status.ANSWERED, answered_by=users["coordinator"])
    client.get(LIST)  # the session's first request may write it
    with django_assert_num_queries(7):  # session, user, second factor, nav counts; status counts, page count, page
        client.get(LIST)
    for number in range(5):
        make_message(f"Question {number}", answered_by=users["coordinator"], country_id="PK")
    with django_assert_num_queries(7):
        response = client.get(LIST)
    assert len(response.context["contact_messages"]) == 6


def test_the_message_page_runs_a_fixed_number_of_queries(client_as, users, message, django_assert_num_queries):
    client = client_as("coordinator")
    client.get(detail(message))
    with django_assert_num_queries(5):  # session, user, second factor, nav counts; the message
        client.get(detail(message))


def test_coordinators_get_the_number_of_new_messages_for_the_navigation(client_as, db):
    make_message()
    make_message(status=ContactMessage.Status.CLOSED)
    assert client_as("coordinator").get("/").context["new_contact_messages_count"] == 1
    assert "new_contact_messages_count" not in client_as("member").get("/").context


# --- Answering and closing ---------------------------------------------------------------------------------


def test_an_answer_is_e_mailed_to_the_sender_and_recorded(client_as, users, message, mailoutbox, settings):
    settings.DEFAULT_FROM_EMAIL = "CTIP Secretariat <secretariat@ctip.example.org>"
    response = client_as("coordinator").post(
        detail(message), {"action": "reply", "reply": "Yes, our chair can speak on Tuesday.\nBest regards, Aziza"}
    )
    assert response.status_code == 302
    assert response["Location"] == detail(message)
    [mail] = mailoutbox
    assert mail.to == ["farida@example.org"]
    assert mail.reply_to == ["secretariat@ctip.example.org"]
    assert mail.subject == "[Regional CTIP Network] Re: Interview request"
    assert "Yes, our chair can speak on Tuesday." in mail.body
    assert "> Could someone from the network speak on our radio programme?" in mail.body
    assert "coordinator@example.org" not in mail.body  # sent in the secretariat's name
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.ANSWERED
    assert message.reply == "Yes, our chair can speak on Tuesday.\nBest regards, Aziza"
    assert message.answered_by == users["coordinator"]
    assert timezone.now() - message.answered_at < datetime.timedelta(minutes=1)
    page = client_as("coordinator").get(detail(message)).content.decode()
    assert "Yes, our chair can speak on Tuesday." in page
    assert 'name="reply"' not in page


def test_the_answer_wraps_the_text_in_the_senders_language(client_as, db, mailoutbox):
    message = make_message(language="ru")
    assert client_as("coordinator").post(detail(message), {"action": "reply", "reply": "Да."}).status_code == 302
    [mail] = mailoutbox
    assert mail.subject.startswith("[Региональная сеть противодействия торговле людьми]")
    assert "Regional CTIP Network" not in mail.subject


def test_an_empty_answer_is_refused(client_as, message, mailoutbox):
    response = client_as("coordinator").post(detail(message), {"action": "reply", "reply": "  "})
    assert response.status_code == 400
    assert response.context["form"].errors["reply"]
    assert mailoutbox == []
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.NEW


def test_an_answer_the_mail_server_refused_is_not_recorded_and_stays_in_the_form(client_as, message):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=smtplib.SMTPException("refused")):
        response = client_as("coordinator").post(detail(message), {"action": "reply", "reply": "Our answer."})
    assert response.status_code == 503
    page = response.content.decode()
    assert "The e-mail could not be sent, so your answer was not recorded." in page
    assert "Our answer." in page
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.NEW
    assert message.reply == ""


def test_a_message_is_answered_once(client_as, users, message, mailoutbox):
    client = client_as("coordinator")
    assert client.post(detail(message), {"action": "reply", "reply": "First."}).status_code == 302
    assert client.post(detail(message), {"action": "reply", "reply": "Second."}).status_code == 302
    assert len(mailoutbox) == 1
    message.refresh_from_db()
    assert message.reply == "First."


def test_closing_without_an_answer_sends_nothing(client_as, users, message, mailoutbox):
    response = client_as("coordinator").post(detail(message), {"action": "close"})
    assert response.status_code == 302
    assert mailoutbox == []
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.CLOSED
    assert message.answered_by == users["coordinator"]
    page = client_as("coordinator").get(detail(message)).content.decode()
    assert 'value="close"' not in page
    assert 'name="reply"' in page  # a closed message can still be answered


def test_an_answered_message_cannot_be_closed(client_as, message):
    client = client_as("coordinator")
    client.post(detail(message), {"action": "reply", "reply": "Done."})
    client.post(detail(message), {"action": "close"})
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.ANSWERED


def test_an_unknown_action_is_a_bad_request(client_as, message, mailoutbox):
    assert client_as("coordinator").post(detail(message), {"action": "delete", "reply": "x"}).status_code == 400
    assert client_as("coordinator").post(detail(message)).status_code == 400
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.NEW
    assert mailoutbox == []


def test_the_actions_need_the_csrf_token(users, message):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["coordinator"])
    assert client.post(detail(message), {"action": "close"}).status_code == 403
    message.refresh_from_db()
    assert message.status == ContactMessage.Status.NEW


# --- The admin ---------------------------------------------------------------------------------------------------


def test_coordinators_can_delete_a_message_in_the_admin_but_not_add_one(client_as, message):
    client = client_as("coordinator")
    assert client.get(reverse("admin:members_contactmessage_changelist")).status_code == 200
    assert client.get(reverse("admin:members_contactmessage_change", args=[message.pk])).status_code == 200
    assert client.get(reverse("admin:members_contactmessage_add")).status_code == 403
    assert client.post(reverse("admin:members_contactmessage_delete", args=[message.pk]), {"post": "yes"}).status_code == 302
    assert not ContactMessage.objects.exists()


# --- Retention -----------------------------------------------------------------------------------------------


def test_messages_older_than_the_retention_period_are_deleted(db, settings):
    settings.CONTACT_MESSAGE_DAYS = 365
    old, recent = make_message("Old"), make_message("Recent")
    received(old, 366)
    received(recent, 364)
    output = StringIO()
    call_command("prune_contact_messages", stdout=output)
    assert list(ContactMessage.objects.values_list("subject", flat=True)) == ["Recent"]
    assert "older than 365 days deleted: 1" in output.getvalue()


def test_the_retention_period_comes_from_the_setting_or_the_option(db, settings):
    settings.CONTACT_MESSAGE_DAYS = 30
    message = make_message()
    received(message, 31)
    call_command("prune_contact_messages", "--days", "60", stdout=StringIO())
    assert ContactMessage.objects.exists()
    call_command("prune_contact_messages", stdout=StringIO())
    assert not ContactMessage.objects.exists()
