"""Who gets which status on every forums URL (GET). Anonymous users on login-only pages go to login."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC = {"anonymous": 200, "member": 200, "editor": 200, "other_editor": 200, "steering": 200, "coordinator": 200}
COORDINATOR_ONLY = {"anonymous": 302, "member": 403, "editor": 403, "other_editor": 403, "steering": 403,
                    "coordinator": 200}
UPDATERS = {"anonymous": 302, "member": 403, "editor": 403, "other_editor": 403, "steering": 200, "coordinator": 200}

URLS = [
    ("forums:list", {}, PUBLIC),
    ("forums:follow-up", {}, PUBLIC),
    ("forums:calendar", {}, PUBLIC),
    ("forums:detail", {"slug": "dushanbe-test"}, PUBLIC),
    ("forums:forum-calendar", {"slug": "dushanbe-test"}, PUBLIC),
    ("forums:create", {}, COORDINATOR_ONLY),
    ("forums:edit", {"slug": "dushanbe-test"}, COORDINATOR_ONLY),
    ("forums:part-edit", {"slug": "dushanbe-test", "part": "sessions"}, COORDINATOR_ONLY),
    ("forums:part-edit", {"slug": "dushanbe-test", "part": "recommendations"}, COORDINATOR_ONLY),
    ("forums:part-edit", {"slug": "dushanbe-test", "part": "action-items"}, COORDINATOR_ONLY),
    ("forums:documents", {"slug": "dushanbe-test"}, COORDINATOR_ONLY),
    ("forums:participants-import", {"slug": "dushanbe-test"}, COORDINATOR_ONLY),
    ("forums:participants-export", {"slug": "dushanbe-test"}, COORDINATOR_ONLY),
    ("forums:action-item-update", {"pk": "ACTION"}, UPDATERS),
]

CASES = [(name, kwargs, role, expected[role]) for name, kwargs, expected in URLS for role in expected]


@pytest.mark.parametrize(("name", "kwargs", "role", "expected"), CASES)
def test_status_by_role(client_as, forum, action_item, name, kwargs, role, expected):
    kwargs = {k: (action_item.pk if v == "ACTION" else v) for k, v in kwargs.items()}
    url = reverse(name, kwargs=kwargs)
    response = client_as(role).get(url)
    assert response.status_code == expected
    if expected == 302:
        assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize(
    "name", ["forums:detail", "forums:edit", "forums:documents", "forums:participants-import",
             "forums:participants-export", "forums:forum-calendar"],
)
def test_unknown_forum_is_a_404_even_for_coordinators(client_as, users, name):
    assert client_as("coordinator").get(reverse(name, args=["no-such-forum"])).status_code == 404


def test_unknown_action_item_is_a_404_for_a_steering_representative(client_as, users):
    assert client_as("steering").get(reverse("forums:action-item-update", args=[999999])).status_code == 404


def test_fixed_paths_are_not_taken_for_forum_slugs():
    assert reverse("forums:follow-up") == "/forums/follow-up/"
    assert reverse("forums:calendar") == "/forums/calendar.ics"
    assert reverse("forums:forum-calendar", args=["kabul-2018"]) == "/forums/kabul-2018/calendar.ics"
