"""Each feed runs the same few queries for 3 items as for 30."""

import datetime

import pytest

from countryreviews.models import ReviewRevision
from members.models import Audience, PublicStatus
from tests.countryreviews.factories import make_overview, make_revision
from tests.factories import make_announcement, make_organization, make_resource
from tests.forums.factories import make_forum

from .conftest import atom_entries

pytestmark = pytest.mark.django_db

CODES = ["AF", "PK", "TJ", "TM", "UZ"]
FEEDS = [
    "/feeds/reviews/",
    "/feeds/reviews/rss/",
    "/feeds/overview/",
    "/feeds/overview/rss/",
    "/feeds/forums/",
    "/feeds/forums/rss/",
    "/feeds/members/",
    "/feeds/members/rss/",
    "/feeds/news/",
    "/feeds/library/",
]
MAX_QUERIES = 1  # the items; no session, user or site lookups for an anonymous reader


def build(count: int) -> None:
    """`count` published revisions, overview editions, forums, member organizations, public announcements and
    library resources, with drafts, members-only and waiting posts alongside."""
    revisions = []
    for i in range(count):
        code, year = CODES[i % 5], 2000 + i // 5
        revisions.append(make_revision(code, year, ReviewRevision.Status.PUBLISHED))
        make_revision(code, year)  # an open draft next to each published revision
    for i in range(count):
        make_overview(2000 + i, revisions[i : i + 5], published=True, introduction=f"Edition {i}")
    make_overview(2095, [])  # a draft edition
    for i in range(count):
        forum = make_forum(start=datetime.date(2017, 1, 1) + datetime.timedelta(days=30 * i), country=CODES[i % 5])
        forum.organizers.add(make_organization(CODES[i % 5]))
    for i in range(count):
        make_announcement(title=f"News {i}", countries=[CODES[i % 5]])
        make_resource(title=f"Report {i}", countries=[CODES[i % 5]])
    for make in (make_announcement, make_resource):
        make(audience=Audience.MEMBERS)
        make(public_status=PublicStatus.PENDING)


@pytest.mark.parametrize("url", FEEDS)
@pytest.mark.parametrize("count", [3, 30])
def test_feed_queries_do_not_grow_with_the_data(client, django_assert_max_num_queries, url, count):
    build(count)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.count(b"<item>" if url.endswith("/rss/") else b"<entry>") == count


def test_feeds_stop_at_thirty_items(client):
    build(30)
    make_revision("AF", 2030, ReviewRevision.Status.PUBLISHED, summary="Newest review.")
    entries = atom_entries(client.get("/feeds/reviews/"))
    assert len(entries) == 30
    assert entries[0]["summary"] == "Newest review."
