"""The public Atom and RSS feeds: content type, valid XML, only public items, stable ids, escaped text."""

import pytest
from django.test import override_settings

from forums.models import Forum

from ..conftest import ROLES
from .conftest import atom_entries, rss_items

pytestmark = pytest.mark.django_db

ATOM_TYPE = "application/atom+xml; charset=utf-8"
RSS_TYPE = "application/rss+xml; charset=utf-8"

FEEDS = [
    ("/feeds/reviews/", ATOM_TYPE),
    ("/feeds/reviews/rss/", RSS_TYPE),
    ("/feeds/overview/", ATOM_TYPE),
    ("/feeds/overview/rss/", RSS_TYPE),
    ("/feeds/forums/", ATOM_TYPE),
    ("/feeds/forums/rss/", RSS_TYPE),
    ("/feeds/members/", ATOM_TYPE),
    ("/feeds/members/rss/", RSS_TYPE),
]


@pytest.mark.parametrize(("url", "content_type"), FEEDS)
def test_an_anonymous_reader_gets_each_feed(client, url, content_type):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "content_type"), FEEDS)
def test_every_role_gets_the_same_public_feed(client_as, reviews, role, url, content_type):
    anonymous = client_as("anonymous").get(url).content
    response = client_as(role).get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    # A logged-in reader, even one who may see drafts, gets the public feed, never drafts.
    assert b"draft summary" not in response.content
    assert response.content.count(b"<entry>") == anonymous.count(b"<entry>")
    assert response.content.count(b"<item>") == anonymous.count(b"<item>")


def test_reviews_feed_lists_each_published_revision_and_no_draft_or_withdrawn_one(client, reviews):
    response = client.get("/feeds/reviews/")
    assert response.status_code == 200
    assert response["Content-Type"] == ATOM_TYPE
    entries = atom_entries(response)
    links = {entry["link"] for entry in entries}
    assert links == {
        "http://testserver/reviews/tj/2017/r1/",
        "http://testserver/reviews/pk/2017/r1/",
    }
    text = response.content.decode()
    assert "Tajik published summary." in text
    assert "withdrawn summary" not in text
    assert "draft summary" not in text
    assert "/uz/" not in text


def test_reviews_feed_entries_have_titles_ids_and_dates(client, reviews):
    entry = next(e for e in atom_entries(client.get("/feeds/reviews/")) if "/tj/" in e["link"])
    assert entry["title"] == "Tajikistan: country review 2017"
    assert entry["id"] == entry["link"]
    assert entry["published"] and entry["updated"]
    assert entry["summary"] == "Tajik published summary."


def test_a_later_published_revision_is_a_new_entry_with_its_own_link(client, reviews):
    from tests.countryreviews.factories import make_revision

    reviews["pk3"].delete()
    make_revision("PK", 2017, "published", number=4, summary="Pakistani fourth text.")
    entries = atom_entries(client.get("/feeds/reviews/"))
    titles = [e["title"] for e in entries]
    assert titles[0] == "Pakistan: country review 2017, revision 4"
    assert entries[0]["link"] == "http://testserver/reviews/pk/2017/r4/"
    assert "http://testserver/reviews/pk/2017/r1/" in {e["link"] for e in entries}


def test_reviews_feed_escapes_the_summary_once(client):
    from tests.countryreviews.factories import make_revision

    make_revision("TJ", 2017, "published", summary='<script>alert("x")</script> & more')
    entry = atom_entries(client.get("/feeds/reviews/"))[0]
    # The summary is declared HTML, so after XML parsing it must still be escaped text.
    assert entry["summary"] == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more"


def test_reviews_feed_shortens_a_long_summary(client):
    from tests.countryreviews.factories import make_revision

    make_revision("TJ", 2017, "published", summary="word " * 200)
    entry = atom_entries(client.get("/feeds/reviews/"))[0]
    assert len(entry["summary"].split()) == 60
    assert entry["summary"].endswith("…")


def test_reviews_rss_feed_is_valid_rss_with_the_same_items(client, reviews):
    response = client.get("/feeds/reviews/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == RSS_TYPE
    items = rss_items(response)
    assert {item["link"] for item in items} == {
        "http://testserver/reviews/tj/2017/r1/",
        "http://testserver/reviews/pk/2017/r1/",
    }
    assert all(item["guid"] == item["link"] and item["pubDate"] for item in items)
    assert "withdrawn" not in response.content.decode()


def test_overview_feed_lists_published_editions_only(client, overviews):
    response = client.get("/feeds/overview/")
    assert response.status_code == 200
    assert response["Content-Type"] == ATOM_TYPE
    entries = atom_entries(response)
    assert [e["link"] for e in entries] == ["http://testserver/reviews/overview/2017/"]
    assert entries[0]["title"] == "Regional overview 2017"
    assert entries[0]["summary"] == "The 2017 edition. Country reviews of 2 countries."
    assert "Draft edition" not in response.content.decode()


def test_overview_rss_feed_is_valid_rss(client, overviews):
    response = client.get("/feeds/overview/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == RSS_TYPE
    items = rss_items(response)
    assert [item["link"] for item in items] == ["http://testserver/reviews/overview/2017/"]


def test_overview_feed_is_empty_but_valid_without_a_published_edition(client, db):
    response = client.get("/feeds/overview/")
    assert response.status_code == 200
    assert atom_entries(response) == []


def test_forums_feed_lists_forums_latest_change_first_without_participants(client, forums):
    forums["dushanbe"].summary = "Outcome document added."
    forums["dushanbe"].save()
    response = client.get("/feeds/forums/")
    assert response.status_code == 200
    assert response["Content-Type"] == ATOM_TYPE
    entries = atom_entries(response)
    assert [e["link"] for e in entries] == [
        "http://testserver/forums/dushanbe-2017/",
        "http://testserver/forums/kabul-2018/",
    ]
    assert entries[0]["summary"].startswith("Regional NGO forum, held. 22 June 2017, Dushanbe, Tajikistan.")
    assert "Outcome document added." in entries[0]["summary"]
    assert "27" in entries[1]["summary"] and "29" in entries[1]["summary"]
    text = response.content.decode()
    assert "Private Participant" not in text
    assert "private.participant@example.org" not in text


def test_forum_guid_survives_a_change_of_slug(client, forums, settings):
    settings.PORTAL_BASE_URL = "https://ctip.example.org"
    before = {e["title"]: e["id"] for e in atom_entries(client.get("/feeds/forums/"))}
    forums["kabul"].slug = "kabul-august-2018"
    forums["kabul"].save()
    after = atom_entries(client.get("/feeds/forums/"))
    assert after[0]["link"] == "http://testserver/forums/kabul-august-2018/"
    assert after[0]["id"] == before["Kabul NGO forum"] == f"tag:ctip.example.org,2017:forum:{forums['kabul'].pk}"


def test_a_cancelled_forum_says_so_in_its_title(client, forums):
    forums["kabul"].status = Forum.Status.CANCELLED
    forums["kabul"].save()
    entries = atom_entries(client.get("/feeds/forums/"))
    assert entries[0]["title"] == "Cancelled: Kabul NGO forum"


def test_forums_rss_feed_has_non_permalink_guids(client, forums):
    response = client.get("/feeds/forums/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == RSS_TYPE
    items = rss_items(response)
    assert len(items) == 2
    assert all(item["guid"].startswith("tag:") for item in items)
    assert 'isPermaLink="false"' in response.content.decode()


def test_members_rss_feed_lists_members_but_not_applicants_or_personal_contacts(client, organizations):
    response = client.get("/feeds/members/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == RSS_TYPE
    items = rss_items(response)
    assert [item["link"] for item in items] == [f"http://testserver{organizations['member'].get_absolute_url()}"]
    assert items[0]["title"] == "Listed Member NGO – Tajikistan"
    assert items[0]["description"] == "Runs a hotline."
    text = response.content.decode()
    assert "Applicant NGO" not in text
    assert "Hidden Person" not in text and "hidden.person@example.org" not in text


def test_members_atom_feed_still_answers(client, organizations):
    response = client.get("/feeds/members/")
    assert response.status_code == 200
    assert response["Content-Type"] == ATOM_TYPE
    assert len(atom_entries(response)) == 1


@override_settings(LANGUAGE_CODE="en")
def test_every_page_links_the_six_atom_feeds_for_discovery(client, db):
    response = client.get("/")
    text = response.content.decode()
    feeds = ["/feeds/reviews/", "/feeds/overview/", "/feeds/forums/", "/feeds/members/", "/feeds/news/", "/feeds/library/",
             "/feeds/reports/"]
    head = text.split("</head>")[0]
    for url in feeds:
        assert f'href="{url}"' in head
    assert head.count('rel="alternate" type="application/atom+xml"') == len(feeds)
    footer = text.split("<footer")[1]
    assert "Feeds (Atom):" in footer and 'href="/feeds/forums/"' in footer
