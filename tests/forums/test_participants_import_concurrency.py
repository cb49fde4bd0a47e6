"""One import preview confirmed several times at once (a double click, two tabs): the participants are created
once, and the other confirmations say so instead of failing or creating duplicates. Issue 13.

The second confirmation is made inside the first one, after it has recorded the import and before it has created
the participants (as it would arrive meanwhile from another tab): the test database is one connection.
tests/test_concurrent_connections.py confirms three times at once for real, on PostgreSQL.
"""

from http.cookies import SimpleCookie
from unittest import mock

import pytest
from django.test import Client

from forums import participants_csv
from forums.models import ParticipantImport

from .test_participants_import import GOOD, confirm, upload

pytestmark = pytest.mark.django_db


def another_tab(client):
    """A client with the same session: another tab of the same browser."""
    tab = Client()
    tab.cookies = SimpleCookie(client.cookies)
    return tab


def test_a_confirmation_arriving_while_the_first_is_imported_says_already_imported(client_as, forum):
    client = client_as("coordinator")
    preview = upload(client, forum, GOOD)
    tab = another_tab(client)
    before = forum.participants.count()
    second = None
    check_rows = participants_csv.check_rows

    def check_while_confirmed_again(*args):
        nonlocal second
        if second is None:
            second = "confirming"
            second = confirm(tab, forum, preview)
        return check_rows(*args)

    with mock.patch("forums.participants_csv.check_rows", check_while_confirmed_again):
        first = confirm(client, forum, preview)

    assert first.status_code == second.status_code == 302
    assert forum.participants.count() == before + 3
    assert ParticipantImport.objects.filter(forum=forum).count() == 1
    assert second["Location"] == f"/forums/{forum.slug}/#participants"
    page = tab.get(second["Location"]).content.decode()
    assert "These participants were already imported" in page


def test_the_same_file_can_be_imported_again_after_its_participants_were_removed(client_as, forum):
    client = client_as("coordinator")
    before = forum.participants.count()
    confirm(client, forum, upload(client, forum, GOOD))
    forum.participants.filter(name__in=["Nodira Karimova", "Ali Raza", "Guest Observer"]).delete()
    response = confirm(client, forum, upload(client, forum, GOOD))
    assert response.status_code == 302
    assert forum.participants.count() == before + 3
