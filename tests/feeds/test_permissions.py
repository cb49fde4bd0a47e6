"""Every feed is public: the same answer for every role, anonymous readers included."""

import pytest

from tests.conftest import ROLES

FEEDS = [
    ("/feeds/reviews/", "application/atom+xml"),
    ("/feeds/reviews/rss/", "application/rss+xml"),
    ("/feeds/overview/", "application/atom+xml"),
    ("/feeds/overview/rss/", "application/rss+xml"),
    ("/feeds/forums/", "application/atom+xml"),
    ("/feeds/forums/rss/", "application/rss+xml"),
    ("/feeds/members/", "application/atom+xml"),
    ("/feeds/members/rss/", "application/rss+xml"),
]


@pytest.mark.parametrize(("url", "content_type"), FEEDS)
def test_anonymous_reader_gets_each_feed(client, db, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "content_type"), FEEDS)
def test_every_role_gets_the_same_public_feed(client_as, reviews, role, url, content_type):
    anonymous = client_as("anonymous").get(url).content
    response = client_as(role).get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    # A logged-in reader, even one who may see drafts, gets the public feed, never drafts.
    assert b"draft summary" not in response.content
    assert response.content.count(b"<entry>") == anonymous.count(b"<entry>")
    assert response.content.count(b"<item>") == anonymous.count(b"<item>")

