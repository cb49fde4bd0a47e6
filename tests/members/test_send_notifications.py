"""send_notifications: sends outside the request, exactly once, retries failures, weekly digests."""

from unittest import mock

from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command

from members.models import Notification, Topic
from members.notifications import notify


def queue(key="forum-1", subject="Forum in Almaty announced"):
    notify(
        Topic.FORUMS,
        message=lambda: (subject, "The annual meeting takes place in May."),
        url="/forums/almaty/",
        dedupe_key=key,
    )


def test_queued_e_mails_are_sent_once_even_when_the_command_runs_twice(immediate_users, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    queue()
    call_command("send_notifications")
    call_command("send_notifications")
    assert sorted(m.to[0] for m in mail.outbox) == [u.email for u in immediate_users]
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}
    message = mail.outbox[0]
    assert message.subject == "Forum in Almaty announced"
    assert "https://portal.example.org/forums/almaty/" in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<https://portal.example.org/members/unsubscribe/")
    assert "/members/unsubscribe/" in message.extra_headers["List-Unsubscribe"]
    assert "/members/unsubscribe/" in message.body


class FailOnSecond(EmailBackend):
    """A mail server that refuses the second message it is given."""

    calls = 0

    def send_messages(self, messages):
        FailOnSecond.calls += 1
        if FailOnSecond.calls == 2:
            raise ConnectionRefusedError("mail server down")
        return super().send_messages(messages)


def test_a_failure_midway_leaves_that_e_mail_queued_and_the_next_run_sends_it_once(immediate_users, settings):
    queue()
    FailOnSecond.calls = 0
    with mock.patch("members.notifications.get_connection", return_value=FailOnSecond()):
        call_command("send_notifications")
    assert len(mail.outbox) == 2
    failed = Notification.objects.get(status="queued")
    assert failed.attempts == 1
    assert "mail server down" in failed.last_error
    call_command("send_notifications")
    call_command("send_notifications")
    assert len(mail.outbox) == 3
    assert sorted(m.to[0] for m in mail.outbox) == [u.email for u in immediate_users]


def test_sending_gives_up_after_the_maximum_attempts(immediate_users, settings):
    settings.NOTIFICATION_MAX_ATTEMPTS = 2
    queue()
    broken = mock.Mock()
    broken.send_messages.side_effect = OSError("no route")
    with mock.patch("members.notifications.get_connection", return_value=broken):
        call_command("send_notifications")
        call_command("send_notifications")
        call_command("send_notifications")
    assert set(Notification.objects.values_list("status", "attempts")) == {("failed", 2)}
    assert broken.send_messages.call_count == 6


def test_digest_rows_wait_for_the_digest_run(users):
    queue()
    call_command("send_notifications")
    assert not mail.outbox
    assert Notification.objects.queued().count() == 5


def test_the_weekly_digest_sends_one_e_mail_per_user_with_all_updates(users):
    queue(key="forum-1", subject="Forum in Almaty announced")
    queue(key="forum-2", subject="Forum in Almaty moved to June")
    call_command("send_notifications", "--digest")
    call_command("send_notifications", "--digest")
    assert len(mail.outbox) == 5
    message = next(m for m in mail.outbox if m.to == ["member@example.org"])
    assert "2 updates" in message.subject
    assert "Forum in Almaty announced" in message.body and "moved to June" in message.body
    assert "List-Unsubscribe" in message.extra_headers
    assert not Notification.objects.queued().exists()


def test_a_failed_digest_is_retried_as_a_whole(users):
    queue()
    broken = mock.Mock()
    broken.send_messages.side_effect = OSError("down")
    with mock.patch("members.notifications.get_connection", return_value=broken):
        call_command("send_notifications", "--digest")
    assert Notification.objects.queued().count() == 5
    call_command("send_notifications", "--digest")
    assert len(mail.outbox) == 5


def test_users_deactivated_after_queueing_get_nothing(immediate_users):
    queue()
    immediate_users[0].is_active = False
    immediate_users[0].save()
    call_command("send_notifications")
    assert sorted(m.to[0] for m in mail.outbox) == [u.email for u in immediate_users[1:]]
    assert Notification.objects.get(user=immediate_users[0]).status == "failed"
