import datetime

import pytest

from forums.models import ActionItem, Forum

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
