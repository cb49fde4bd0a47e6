"""send_notifications run twice at once (cron and a manual run, a slow run overlapping the next): every e-mail goes
out exactly once and neither run crashes. Issue 13.

The second run is started inside the first one's send, after the first has claimed its row (as it would run
meanwhile in another process): the test database is one connection. tests/test_concurrent_connections.py runs
two at once for real, on PostgreSQL.
"""

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.utils import timezone

from members.models import Notification

from ..factories import make_user
from .test_send_notifications import queue


@pytest.fixture
def digest_users(db, prefer):
    users = [make_user(f"weekly{n}@example.org", is_coordinator=True) for n in range(2)]
    for user in users:
        prefer(user, frequency="weekly")
    return users


class SecondRunWhileSending(EmailBackend):
    """A mail server that is slow with the first message: another run of the command happens meanwhile."""

    def __init__(self, *args, command_args=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.command_args = command_args
        self.second_run_done = False

    def send_messages(self, messages):
        if not self.second_run_done:
            self.second_run_done = True
            call_command("send_notifications", *self.command_args)
        return super().send_messages(messages)


def sent_to():
    return sorted(m.to[0] for m in mail.outbox)


def test_a_second_run_during_a_send_never_sends_the_same_e_mail_again(immediate_users):
    queue()
    backend = SecondRunWhileSending()
    with mock.patch("members.notifications.get_connection", return_value=backend):
        call_command("send_notifications")
    assert backend.second_run_done
    assert sent_to() == [u.email for u in immediate_users]
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_a_second_digest_run_during_a_send_sends_no_second_digest(digest_users):
    queue(key="forum-1", subject="Forum in Almaty announced")
    queue(key="forum-2", subject="Forum in Almaty moved to June")
    backend = SecondRunWhileSending(command_args=["--digest"])
    with mock.patch("members.notifications.get_connection", return_value=backend):
        call_command("send_notifications", "--digest")
    assert backend.second_run_done
    assert sent_to() == [u.email for u in digest_users]
    assert all("2 updates" in m.subject for m in mail.outbox)
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_an_e_mail_being_sent_by_another_run_is_left_to_it(immediate_users):
    queue()
    Notification.objects.filter(user=immediate_users[0]).update(status="sending", claimed_at=timezone.now())
    call_command("send_notifications")
    assert sent_to() == [u.email for u in immediate_users[1:]]
    assert Notification.objects.get(user=immediate_users[0]).status == "sending"


def test_an_e_mail_left_sending_by_a_crashed_run_is_sent_by_a_later_run(immediate_users, digest_users):
    queue()
    an_hour_ago = timezone.now() - timedelta(hours=1)
    Notification.objects.update(status="sending", claim="crashed-run", claimed_at=an_hour_ago)
    call_command("send_notifications")
    call_command("send_notifications", "--digest")
    assert sent_to() == sorted(u.email for u in immediate_users + digest_users)
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}
