import datetime

import pytest
from django.urls import reverse

from forums.models import ActionItem, Forum, today
from members.models import Notification, NotificationPreference, Topic

from ..forums.factories import make_action_item, make_forum


@pytest.fixture
def prefer(db):
    """prefer(user, frequency="immediate", **topics) saves a user's notification settings."""

    def build(user, frequency="immediate", **topics):
        preference, _ = NotificationPreference.objects.update_or_create(
            user=user, defaults={"frequency": frequency, **topics}
        )
        return preference

    return build


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
    """The forum's edit form as it stands, with some fields changed."""
    data = {
        "title": forum.title, "slug": forum.slug, "kind": forum.kind, "status": forum.status,
        "start_date": forum.start_date.isoformat(), "end_date": forum.end_date.isoformat(),
        "city": forum.city, "country": forum.country_id, "venue": forum.venue,
        "organizers": [o.pk for o in forum.organizers.all()], "organizers_text": forum.organizers_text,
        "funders": [o.pk for o in forum.funders.all()], "funders_text": forum.funders_text,
        "summary": forum.summary,
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
