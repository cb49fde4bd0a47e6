"""Publishing and withdrawing reviews, and publishing an overview edition, are written to the security log."""

import pytest

from members.models import SecurityEvent

from .factories import make_overview

Kind = SecurityEvent.Kind


def only(kind) -> SecurityEvent:
    [event] = SecurityEvent.objects.filter(kind=kind)
    return event


def test_publishing_and_withdrawing_a_review(client_as, users, draft):
    client = client_as("steering")
    client.post("/reviews/tj/2018/r1/publish/", {"confirm": "yes"}, REMOTE_ADDR="198.51.100.4")
    client.post("/reviews/tj/2018/r1/withdraw/", {"comment": "Figures under review."})
    published = only(Kind.REVIEW_PUBLISHED)
    assert (published.actor, published.target) == (users["steering"], "Country review: Tajikistan 2018, revision 1")
    assert published.ip_address == "198.51.100.4"
    withdrawn = only(Kind.REVIEW_WITHDRAWN)
    assert (withdrawn.actor, withdrawn.detail) == (users["steering"], "Figures under review.")


def test_publishing_an_overview_edition(client_as, users, published):
    make_overview(2017, [published])
    client_as("coordinator").post("/reviews/overview/2017/publish/")
    event = only(Kind.OVERVIEW_PUBLISHED)
    assert (event.actor, event.target) == (users["coordinator"], "Regional overview: 2017")


@pytest.mark.parametrize("role", ["member", "other_editor"])
def test_a_refused_step_logs_nothing(client_as, draft, role):
    client_as(role).post("/reviews/tj/2018/r1/publish/", {"confirm": "yes"})
    assert not SecurityEvent.objects.filter(kind=Kind.REVIEW_PUBLISHED).exists()
