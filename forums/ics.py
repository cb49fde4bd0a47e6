"""Forums as iCalendar events (RFC 5545), built with the icalendar library."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Regional CTIP Network Portal//Forums//EN"


def forum_event(forum, request) -> Event:
    event = Event()
    # Stable across edits and servers: the database key never changes, the slug might.
    event.add("uid", f"forum-{forum.pk}@ctip-network-portal")
    event.add("summary", forum.title)
    event.add("dtstart", forum.start_date)
    # DTEND of an all-day event is exclusive: the day after the last day.
    event.add("dtend", forum.end_date + datetime.timedelta(days=1))
    event.add("dtstamp", forum.updated_at or timezone.now())
    if forum.place:
        event.add("location", forum.place)
    description = forum.summary or forum.get_kind_display()
    event.add("description", description)
    event.add("url", request.build_absolute_uri(forum.get_absolute_url()))
    event.add("status", "CANCELLED" if forum.status == forum.Status.CANCELLED else "CONFIRMED")
    return event


def build_calendar(forums, request, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for forum in forums:
        calendar.add_component(forum_event(forum, request))
    return calendar.to_ical()
