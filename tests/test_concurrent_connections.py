"""Issue 13 with real concurrency: two or three requests or command runs at the same moment, each in its own
thread and database connection. PostgreSQL only (CI runs the suite on it too).

The SQLite test database lives in memory, so threads cannot work on it at once; the tests beside each feature
(test_send_notifications_concurrency.py, test_participants_import_concurrency.py, test_edit_concurrency.py)
simulate the same races on both databases by starting the second request inside the first one.

Threads see only committed data, so these tests are transactional: each one empties the database afterwards.
"""

import threading
import time
from http.cookies import SimpleCookie
from unittest import mock

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.test import Client

from forums import participants_csv
from forums.models import ParticipantImport
from members.models import Notification, Topic
from members.notifications import notify

from .countryreviews.conftest import edit_data
from .countryreviews.factories import make_revision
from .factories import make_user
from .forums.factories import make_forum
from .forums.test_participants_import import GOOD

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: DATABASE_URL=postgres://…"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_put_back(django_db_setup, django_db_blocker):
    """Put back what the migrations created (countries, focus areas…) once the last test here has emptied the
    database, as serialized_rollback does before each test here: pytest-xdist may run other files after this one
    in the same database."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def at_once(target, arguments):
    """Call target(*args) for each args in its own thread, all released together; the exceptions they raised."""
    start = threading.Barrier(len(arguments))
    errors = []

    def run(*args):
        try:
            start.wait()
            target(*args)
        except Exception as error:  # noqa: BLE001 - asserted by the caller
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=args) for args in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


class SlowBackend(EmailBackend):
    """Each message takes a while, so two runs overlap."""

    def send_messages(self, messages):
        time.sleep(0.05)
        return super().send_messages(messages)


@pytest.mark.parametrize("digest", [False, True])
def test_two_send_notifications_runs_at_once_send_each_e_mail_once(prefer, digest):
    users = [make_user(f"reader{n}@example.org", is_coordinator=True) for n in range(6)]
    for user in users:
        prefer(user, frequency="weekly" if digest else "immediate")
    for key in ("forum-1", "forum-2"):
        notify(Topic.FORUMS, message=lambda: ("Forum in Almaty", "In May."), url="/forums/almaty/", dedupe_key=key)
    arguments = ["--digest"] if digest else []

    with mock.patch("members.notifications.get_connection", side_effect=SlowBackend):
        errors = at_once(lambda: call_command("send_notifications", *arguments), [(), ()])

    assert not errors
    assert sorted(m.to[0] for m in mail.outbox) == sorted([u.email for u in users] * (1 if digest else 2))
    assert set(Notification.objects.values_list("status", flat=True)) == {"sent"}


def test_three_confirmations_of_one_import_at_once_import_it_once(client_as):
    forum = make_forum(slug="dushanbe-test")
    client = client_as("coordinator")
    url = f"/forums/{forum.slug}/participants/import/"
    preview = client.post(url, {"file": SimpleUploadedFile("list.csv", GOOD.encode(), content_type="text/csv")})
    statuses = []
    check_rows = participants_csv.check_rows

    def slow_check_rows(*args):
        checked = check_rows(*args)
        time.sleep(0.2)  # the rows are checked, not created yet: the others check meanwhile
        return checked

    def confirm():
        tab = Client()  # another tab of the same browser: the same session
        tab.cookies = SimpleCookie(client.cookies)
        statuses.append(tab.post(url, {"confirm": "1", "token": preview.context["token"]}).status_code)

    with mock.patch("forums.participants_csv.check_rows", slow_check_rows):
        errors = at_once(confirm, [(), (), ()])

    assert not errors
    assert statuses == [302, 302, 302]
    assert forum.participants.count() == 3
    assert ParticipantImport.objects.filter(forum=forum).count() == 1


def test_two_saves_of_one_draft_at_once_give_one_save_and_one_conflict(client_as):
    draft = make_revision("TJ", 2018, summary="Draft text of the 2018 review.")
    edit = "/reviews/tj/2018/edit/"
    clients = {role: client_as(role) for role in ("member", "editor")}
    forms = {role: edit_data(client.get(edit), summary_en=f"Summary of the {role}.") for role, client in clients.items()}
    statuses = {}

    def save(role):
        statuses[role] = clients[role].post(edit, forms[role]).status_code

    errors = at_once(save, [(role,) for role in clients])

    assert not errors
    assert sorted(statuses.values()) == [302, 409]
    winner = next(role for role, status in statuses.items() if status == 302)
    draft.refresh_from_db()
    assert (draft.summary_en, draft.version) == (f"Summary of the {winner}.", 2)
    assert draft.changes.filter(action="saved").count() == 1
