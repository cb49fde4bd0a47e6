import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from forums.models import ActionItem, Forum

from .factories import make_action_item, make_forum

pytestmark = pytest.mark.django_db


def test_the_database_refuses_a_forum_that_ends_before_it_starts(db):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_forum(start=datetime.date(2018, 8, 28), end=datetime.date(2018, 8, 27))


def test_clean_explains_the_date_order_and_reserved_slugs(db):
    forum = Forum(slug="follow-up", start_date=datetime.date(2018, 8, 28), end_date=datetime.date(2018, 8, 27))
    with pytest.raises(ValidationError) as excinfo:
        forum.clean()
    assert "slug" in excinfo.value.message_dict


def test_full_clean_shows_the_dates_constraint_under_the_end_date(db):
    forum = Forum(
        title="Forum", slug="kabul-2018", country_id="AF",
        start_date=datetime.date(2018, 8, 28), end_date=datetime.date(2018, 8, 27),
    )
    with pytest.raises(ValidationError) as excinfo:
        forum.full_clean()
    assert excinfo.value.message_dict == {"end_date": ["The end date cannot be before the start date."]}


def test_a_one_day_meeting_ends_the_day_it_starts(db):
    forum = make_forum(start=datetime.date(2019, 3, 1))
    forum.end_date = None
    forum.save()
    assert forum.end_date == datetime.date(2019, 3, 1)


@pytest.mark.parametrize(
    ("due", "status", "overdue"),
    [
        (datetime.date(2018, 1, 1), ActionItem.Status.PLANNED, True),
        (datetime.date(2018, 1, 1), ActionItem.Status.IN_PROGRESS, True),
        (datetime.date(2018, 1, 1), ActionItem.Status.DONE, False),
        (datetime.date(2018, 1, 1), ActionItem.Status.DROPPED, False),
        (datetime.date(2999, 1, 1), ActionItem.Status.PLANNED, False),
        (None, ActionItem.Status.PLANNED, False),
    ],
)
def test_overdue_means_past_due_and_not_closed(db, due, status, overdue):
    item = make_action_item(make_forum(), due_date=due, status=status)
    assert item.is_overdue is overdue
    assert ActionItem.objects.overdue().filter(pk=item.pk).exists() is overdue


def test_an_update_shows_the_authors_name_never_their_email(users):
    from .factories import make_update

    item = make_action_item(make_forum())
    assert make_update(item, author=users["steering"]).author_name == "Network member"
    users["steering"].first_name = "Nabot"
    assert make_update(item, author=users["steering"]).author_name == "Nabot"
