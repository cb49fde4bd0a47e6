"""Fixtures and helpers of the forums tests: forum records, the tracker, notifications and history."""

import datetime

import pytest
from django.urls import reverse

from forums.models import ActionItem, Forum, today
from members.models import Notification, Topic

from .factories import make_action_item, make_forum, make_participant, make_update


@pytest.fixture
def forum(db, organization, other_organization):
    """A held forum in Dushanbe with two participants, one action item and one progress update."""
    forum = make_forum(slug="dushanbe-test", start=datetime.date(2017, 6, 22), end=datetime.date(2017, 6, 23),
                       title="Dushanbe test forum")
    make_participant(forum, organization, name="Tajik Delegate", email="tajik.delegate@example.org",
                     phone="+992 90 000 7777")
    make_participant(forum, other_organization, name="Pakistani Delegate")
    item = make_action_item(forum, organizations=[organization], countries=["TJ"], text="Form a national network",
                            due_date=datetime.date(2018, 6, 30), status=ActionItem.Status.IN_PROGRESS)
    make_update(item, text="Network forming", date=datetime.date(2018, 1, 10))
    return forum


@pytest.fixture
def action_item(forum):
    return forum.action_items.get()


@pytest.fixture
def upcoming_forum(db):
    start = datetime.date.today() + datetime.timedelta(days=60)
    return make_forum(slug="upcoming-test", start=start, end=start + datetime.timedelta(days=1),
                      status=Forum.Status.PLANNED, title="Upcoming annual meeting", country="AF", city="Kabul",
                      kind=Forum.Kind.ANNUAL)


@pytest.fixture
def planned_forum(db):
    """An upcoming forum in Kabul, created outside the portal forms (nothing queued yet)."""
    start = today() + datetime.timedelta(days=90)
    return make_forum(
        slug="kabul-test", start=start, end=start + datetime.timedelta(days=1), country="AF", city="Kabul",
        venue="Serena Hotel", status=Forum.Status.PLANNED, title="Kabul test forum",
    )


@pytest.fixture
def make_item(planned_forum):
    """make_item(days, *organizations, status=...) is an action item due `days` from today."""

    def build(days, *organizations, status=ActionItem.Status.IN_PROGRESS, **extra):
        return make_action_item(
            planned_forum, organizations=organizations, due_date=today() + datetime.timedelta(days=days),
            status=status, **extra,
        )

    return build


def edit_data(forum, **changes):
    """The forum's edit form as it stands (its title and summary in English), with some fields changed."""
    data = {
        "title_en": forum.title_en or "", "slug": forum.slug, "kind": forum.kind, "status": forum.status,
        "start_date": forum.start_date.isoformat(), "end_date": forum.end_date.isoformat(),
        "city": forum.city, "country": forum.country_id, "venue": forum.venue,
        "organizers": [o.pk for o in forum.organizers.all()], "organizers_text": forum.organizers_text,
        "funders": [o.pk for o in forum.funders.all()], "funders_text": forum.funders_text,
        "summary_en": forum.summary_en or "",
    }
    if forum.dates_tentative:
        data["dates_tentative"] = "on"
    data.update(changes)
    return data


def post_edit(client, forum, **changes):
    return client.post(reverse("forums:edit", args=[forum.slug]), edit_data(forum, **changes))


def queued(topic):
    """{(user e-mail, dedupe key)} of the notifications queued on `topic`."""
    return set(Notification.objects.filter(topic=topic).values_list("user__email", "dedupe_key"))


def recipients(topic=Topic.FORUMS):
    return sorted(Notification.objects.filter(topic=topic).values_list("user__email", flat=True))
