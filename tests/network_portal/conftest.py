"""Fixtures of the feed tests: public and non-public reviews, overview editions, forums and organizations."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from countryreviews.models import ReviewRevision
from members.models import Organization
from tests.countryreviews.factories import make_overview, make_revision
from tests.factories import make_organization, make_person
from tests.forums.factories import make_forum, make_participant

ATOM = "{http://www.w3.org/2005/Atom}"
PUBLISHED = ReviewRevision.Status.PUBLISHED
WITHDRAWN = ReviewRevision.Status.WITHDRAWN


def atom_entries(response) -> list[dict]:
    """The entries of an Atom response as dicts of title, id, link, summary, published, updated."""
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "id": entry.findtext(f"{ATOM}id"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "summary": entry.findtext(f"{ATOM}summary") or "",
            "published": entry.findtext(f"{ATOM}published"),
            "updated": entry.findtext(f"{ATOM}updated"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def rss_items(response) -> list[dict]:
    """The items of an RSS 2.0 response as dicts of title, guid, link, description, pubDate."""
    root = ET.fromstring(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description")
    return [
        {
            "title": item.findtext("title"),
            "guid": item.findtext("guid"),
            "link": item.findtext("link"),
            "description": item.findtext("description") or "",
            "pubDate": item.findtext("pubDate"),
        }
        for item in channel.findall("item")
    ]


@pytest.fixture
def reviews(db):
    """TJ 2017 r1 published; PK 2017 r1 published, r2 published then withdrawn, r3 a draft; UZ 2018 r1 a draft."""
    return {
        "tj": make_revision("TJ", 2017, PUBLISHED, summary="Tajik published summary."),
        "pk1": make_revision("PK", 2017, PUBLISHED, summary="Pakistani first published summary."),
        "pk2": make_revision("PK", 2017, WITHDRAWN, summary="Pakistani withdrawn summary."),
        "pk3": make_revision("PK", 2017, summary="Pakistani draft summary."),
        "uz": make_revision("UZ", 2018, summary="Uzbek draft summary."),
    }


@pytest.fixture
def overviews(reviews):
    return {
        "2017": make_overview(2017, [reviews["tj"], reviews["pk1"]], published=True, introduction="The 2017 edition."),
        "2018": make_overview(2018, [], introduction="Draft edition of 2018."),
    }


@pytest.fixture
def forums(db, organization):
    dushanbe = make_forum("dushanbe-2017", title="Dushanbe NGO forum", summary="The founding forum.")
    make_participant(dushanbe, organization, name="Private Participant", email="private.participant@example.org")
    kabul = make_forum(
        "kabul-2018",
        start=datetime.date(2018, 8, 27),
        end=datetime.date(2018, 8, 29),
        country="AF",
        city="Kabul",
        title="Kabul NGO forum",
    )
    return {"dushanbe": dushanbe, "kabul": kabul}


@pytest.fixture
def organizations(db):
    member = make_organization("TJ", name="Listed Member NGO", description="Runs a hotline.")
    make_person(member, name="Hidden Person", email="hidden.person@example.org")
    applicant = make_organization(
        "PK", name="Applicant NGO", membership_status=Organization.MembershipStatus.APPLICANT
    )
    return {"member": member, "applicant": applicant}
