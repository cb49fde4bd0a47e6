import pytest
from django.urls import reverse

from forums.home import home_section
from forums.models import Forum

from .factories import make_forum

pytestmark = pytest.mark.django_db


def test_home_shows_the_next_upcoming_forum(client_as, forum, upcoming_forum):
    response = client_as("anonymous").get(reverse("home"))
    content = response.content.decode()
    assert "Next forum" in content
    assert "Upcoming annual meeting" in content


def test_home_falls_back_to_the_latest_forum_held(client_as, forum, rf):
    make_forum(title="Cancelled later forum", status=Forum.Status.CANCELLED)
    section = home_section(rf.get("/"))
    assert section["forum"] == forum
    assert not section["upcoming"]
    assert section["open_actions"] == 1
    assert "Latest forum" in client_as("anonymous").get(reverse("home")).content.decode()


def test_home_shows_nothing_without_forums(rf, db):
    assert home_section(rf.get("/")) is None
