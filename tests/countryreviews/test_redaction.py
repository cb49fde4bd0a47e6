"""Redacting a withdrawn review's text from a published overview edition (issue 13).

A published edition pins the revisions it was built from; a revision withdrawn afterwards stayed on the edition's
page and in its CSV for everyone. A coordinator can now replace it there with a note, recorded in the security log.
"""

import csv
import io

import pytest
from django.urls import reverse

from countryreviews import workflow
from countryreviews.models import OverviewEntry, RegionalOverview, ReviewRevision
from members.models import SecurityEvent

from .factories import make_overview, make_revision

SECRET = "Shelter at 12 Hidden Street"  # what the network withdrew the revision for
REDACT_URL = "/reviews/overview/2017/pk/redact/"


@pytest.fixture
def edition(published, users):
    """The published 2017 edition with Tajikistan and Pakistan; Pakistan's revision withdrawn since."""
    pakistan = make_revision(
        "PK",
        2017,
        ReviewRevision.Status.PUBLISHED,
        summary=f"Pakistan summary. {SECRET}.",
        shelters=SECRET,
        statistics=[("victims_identified", 2017, 4321)],
    )
    overview = make_overview(2017, [published, pakistan], published=True)
    workflow.withdraw(pakistan, users["coordinator"], comment="Names a shelter's address.")
    return overview


def csv_rows(client) -> dict:
    content = client.get("/reviews/overview/2017/comparison.csv").content.decode("utf-8-sig")
    return {row[1]: row for row in csv.reader(io.StringIO(content))}


def redact(client, reason="Names a shelter's address."):
    return client.post(REDACT_URL, {"reason": reason})


def test_the_withdrawn_text_is_gone_from_the_page_the_csv_and_the_edition(client, client_as, edition):
    # Before: the withdrawn text is still there for everyone (the finding).
    assert SECRET in client.get("/reviews/overview/2017/").content.decode()
    assert SECRET in "".join(csv_rows(client)["PK"])

    response = redact(client_as("coordinator"))
    assert response.status_code == 302

    html = client.get("/reviews/overview/2017/").content.decode()
    assert SECRET not in html and "4,321" not in html and "4321" not in html
    assert "This text was withdrawn by the network on" in html
    assert "Tajikistan passed a counter-trafficking law in 2004." in html  # the other countries stay
    rows = csv_rows(client)
    pakistan = rows["PK"]
    assert pakistan[0] == "Pakistan"
    assert pakistan[-3].startswith("This text was withdrawn by the network on")
    assert not any(pakistan[2:-3]) and not any(pakistan[-2:])
    assert "Tajikistan passed" in "".join(rows["TJ"])
    assert SECRET not in client.get("/feeds/overview/").content.decode()
    # The edition's rows hold no text of the revision (it pins, it never copied), and nothing else than the note shows.
    for row in [*RegionalOverview.objects.values(), *OverviewEntry.objects.values()]:
        assert not any(SECRET in str(value) for value in row.values())
    assert OverviewEntry.objects.get(country="PK").redacted_at is not None


def test_the_withdrawn_revision_itself_stays_for_the_network_only(client, client_as, edition):
    redact(client_as("coordinator"))
    assert client.get("/reviews/pk/2017/r1/").status_code == 404
    assert SECRET in client_as("coordinator").get("/reviews/pk/2017/r1/").content.decode()


def test_the_redaction_is_in_the_security_log_with_its_reason(client_as, users, edition):
    redact(client_as("coordinator"), reason="Names a shelter's address.")
    [event] = SecurityEvent.objects.filter(kind=SecurityEvent.Kind.OVERVIEW_TEXT_REDACTED)
    assert event.actor == users["coordinator"]
    assert event.target == "Regional overview: 2017, Country review: Pakistan 2017, revision 1"
    assert event.detail == "Names a shelter's address."
    assert SECRET not in event.target


def test_the_confirmation_page_says_what_goes_without_showing_it(client_as, edition):
    response = client_as("coordinator").get(REDACT_URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET not in html
    assert "This text was withdrawn by the network on" in html
    assert 'name="reason"' in html


def test_a_reason_is_required(client_as, edition):
    response = redact(client_as("coordinator"), reason="")
    assert response.status_code == 400
    assert OverviewEntry.objects.get(country="PK").redacted_at is None


def test_redacting_twice_changes_nothing(client_as, edition):
    client = client_as("coordinator")
    redact(client)
    response = client.get(REDACT_URL, follow=True)
    assert "already removed" in response.content.decode()
    assert SecurityEvent.objects.filter(kind=SecurityEvent.Kind.OVERVIEW_TEXT_REDACTED).count() == 1


@pytest.mark.parametrize("role", ["member", "editor", "other_editor", "stakeholder", "steering"])
def test_only_coordinators_redact(client_as, edition, role):
    assert client_as(role).get(REDACT_URL).status_code == 403
    assert redact(client_as(role)).status_code == 403
    assert OverviewEntry.objects.get(country="PK").redacted_at is None


def test_anonymous_visitors_are_sent_to_log_in(client, edition):
    assert redact(client)["Location"].startswith(reverse("account_login"))


def test_only_a_withdrawn_text_of_a_published_edition_can_be_redacted(client_as, edition, published):
    assert client_as("coordinator").get("/reviews/overview/2017/tj/redact/").status_code == 404
    make_overview(2018)
    assert client_as("coordinator").get("/reviews/overview/2018/pk/redact/").status_code == 404


def test_coordinators_find_the_action_next_to_the_withdrawn_country(client_as, edition):
    assert f'href="{REDACT_URL}"' in client_as("coordinator").get("/reviews/overview/2017/").content.decode()
    assert f'href="{REDACT_URL}"' not in client_as("steering").get("/reviews/overview/2017/").content.decode()
    redact(client_as("coordinator"))
    assert f'href="{REDACT_URL}"' not in client_as("coordinator").get("/reviews/overview/2017/").content.decode()
