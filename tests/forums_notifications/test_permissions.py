"""Who may read a forum's change history (GET). Anonymous users go to login."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

EXPECTED = {"anonymous": 302, "member": 403, "editor": 403, "other_editor": 403, "steering": 403, "coordinator": 200}


@pytest.mark.parametrize(("role", "expected"), EXPECTED.items())
def test_forum_history_status_by_role(client_as, planned_forum, role, expected):
    url = reverse("forums:history", args=[planned_forum.slug])
    response = client_as(role).get(url)
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(("role", "expected"), EXPECTED.items())
def test_recent_changes_status_by_role(client_as, role, expected):
    response = client_as(role).get(reverse("members:recent-changes"))
    assert response.status_code == expected


def test_an_unknown_forum_has_no_history_page(client_as):
    assert client_as("coordinator").get(reverse("forums:history", args=["nowhere-1999"])).status_code == 404
