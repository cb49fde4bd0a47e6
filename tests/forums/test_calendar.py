import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from forums.models import Forum

from .factories import make_forum

pytestmark = pytest.mark.django_db


def events(response):
    calendar = Calendar.from_ical(response.content)
    return [c for c in calendar.walk("VEVENT")]


def test_feed_lists_upcoming_forums_only(client_as, forum, upcoming_forum):
    start = upcoming_forum.start_date + datetime.timedelta(days=10)
    make_forum(start=start, status=Forum.Status.CANCELLED, title="Called off")
    response = client_as("anonymous").get(reverse("forums:calendar"))
    assert response["Content-Type"].startswith("text/calendar")
    [event] = events(response)
    assert str(event["SUMMARY"]) == "Upcoming annual meeting"
    assert event.decoded("DTSTART") == upcoming_forum.start_date
    # All-day events end the day after the last day (exclusive end).
    assert event.decoded("DTEND") == upcoming_forum.end_date + datetime.timedelta(days=1)
    assert str(event["LOCATION"]) == "Kabul, Afghanistan"
    assert str(event["URL"]) == "http://testserver/forums/upcoming-test/"


def test_uid_is_stable_across_requests_and_edits(client_as, upcoming_forum):
    client = client_as("anonymous")
    first = events(client.get(reverse("forums:calendar")))[0]["UID"]
    upcoming_forum.title = "Renamed"
    upcoming_forum.save()
    second = events(client.get(reverse("forums:forum-calendar", args=[upcoming_forum.slug])))[0]["UID"]
    assert first == second


def test_per_forum_ics_has_one_event_with_dates_as_dates(client_as, forum):
    response = client_as("anonymous").get(reverse("forums:forum-calendar", args=[forum.slug]))
    [event] = events(response)
    assert event.decoded("DTSTART") == datetime.date(2017, 6, 22)
    assert not isinstance(event.decoded("DTSTART"), datetime.datetime)
    assert event.decoded("DTEND") == datetime.date(2017, 6, 24)
    assert "dushanbe-test.ics" in response["Content-Disposition"]


def test_empty_feed_is_still_a_valid_calendar(client_as, db):
    response = client_as("anonymous").get(reverse("forums:calendar"))
    assert Calendar.from_ical(response.content)["PRODID"]
    assert events(response) == []
