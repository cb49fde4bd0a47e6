"""A new year's review can start from the previous year's text: every section in every language, never its
statistics; the change log says where it came from. Or it starts empty."""

import pytest

from countryreviews import workflow
from countryreviews.models import ReviewChange, ReviewRevision

from .factories import make_revision
from .test_publish_confirmation import with_pk_steering

Status = ReviewRevision.Status


@pytest.fixture
def client_for(client_as, other_organization):
    return with_pk_steering(client_as, other_organization)


@pytest.fixture
def previous(db):
    """TJ 2017: r1 published (English and Dari text, statistics), r2 an open draft with newer text."""
    published = make_revision(
        "TJ",
        2017,
        Status.PUBLISHED,
        summary="Published 2017 summary.",
        summary_fa="خلاصه ۲۰۱۷",
        prevention="Published 2017 prevention.",
        prevention_fa="پیشگیری ۲۰۱۷",
        hotlines="Hotline 1190",
        statistics=[("victims_identified", 2017, 64, True), ("prosecutions", 2017, 31)],
    )
    make_revision("TJ", 2017, summary="Unpublished 2017 correction.")
    return published


@pytest.mark.parametrize(
    ("role", "status", "offered"),
    [
        ("anonymous", 302, False),
        ("member", 200, True),
        ("editor", 200, True),
        ("other_editor", 404, False),
        ("stakeholder", 404, False),
        ("pk_steering", 404, False),
        ("steering", 200, True),
        ("coordinator", 200, True),
    ],
)
def test_the_start_page_offers_the_previous_year_to_those_who_write(client_for, previous, role, status, offered):
    response = client_for(role).get("/reviews/tj/2018/edit/")
    assert response.status_code == status
    page = response.content.decode()
    assert ("Start from the 2017 review" in page) is offered
    if offered:
        assert "Start empty" in page
        assert 'href="/reviews/tj/2017/r1/"' in page  # the published revision, not the newer draft


@pytest.mark.parametrize("role", ["member", "editor", "steering", "coordinator"])
def test_starting_from_the_previous_year_copies_the_sections_in_every_language_and_no_statistics(
    client_for, users, previous, role
):
    response = client_for(role).post("/reviews/tj/2018/start/", {"start_from": "previous"}, follow=True)
    assert response.redirect_chain[-1][0] == "/reviews/tj/2018/edit/"
    assert "The draft was started from the 2017 review." in response.content.decode()
    new = ReviewRevision.objects.get(review__country="TJ", review__year=2018)
    assert (new.number, new.status, new.created_by) == (1, Status.DRAFT, users[role])
    assert (new.summary_en, new.summary_fa) == ("Published 2017 summary.", "خلاصه ۲۰۱۷")
    assert (new.prevention_en, new.prevention_fa) == ("Published 2017 prevention.", "پیشگیری ۲۰۱۷")
    assert new.hotlines == "Hotline 1190"
    assert not new.statistics.exists()
    assert previous.statistics.count() == 2  # the 2017 review keeps its own
    change = new.changes.get()
    assert change.action == ReviewChange.Action.CREATED
    assert change.comment == "Sections copied from the 2017 review, revision 1 (not its statistics)."


def test_starting_empty_copies_nothing(client_for, previous):
    client_for("editor").post("/reviews/tj/2018/start/", {"start_from": "empty"})
    new = ReviewRevision.objects.get(review__country="TJ", review__year=2018)
    content = new.content()
    del content["original_language"]
    assert not any(content.values())
    assert new.changes.get().comment == ""


@pytest.mark.parametrize("data", [{}, {"start_from": "2017"}, {"start_from": ""}])
def test_a_missing_or_unknown_choice_starts_nothing(client_for, previous, data):
    response = client_for("editor").post("/reviews/tj/2018/start/", data)
    assert response.status_code == 400
    assert "Nothing was started." in response.content.decode()
    assert not ReviewRevision.objects.filter(review__year=2018).exists()


@pytest.mark.parametrize("role", ["other_editor", "stakeholder", "pk_steering"])
def test_others_cannot_start_a_review_of_the_country(client_for, previous, role):
    response = client_for(role).post("/reviews/tj/2018/start/", {"start_from": "previous"})
    assert response.status_code == 404  # TJ has no 2018 review they could see
    assert not ReviewRevision.objects.filter(review__year=2018).exists()


def test_without_an_earlier_review_the_draft_starts_empty_without_a_choice(client_for, organization):
    page = client_for("editor").get("/reviews/tj/2018/edit/").content.decode()
    assert "Start from the" not in page
    client_for("editor").post("/reviews/tj/2018/start/")
    assert ReviewRevision.objects.get(review__year=2018).summary == ""


def test_a_withdrawn_text_is_never_offered(client_for, users, db):
    withdrawn = make_revision("TJ", 2017, Status.PUBLISHED, summary="Names a shelter's street.")
    workflow.withdraw(withdrawn, users["steering"])
    page = client_for("editor").get("/reviews/tj/2018/edit/").content.decode()
    assert "Start from the" not in page


def test_a_draft_is_offered_when_nothing_was_published(client_for, db):
    make_revision("TJ", 2017, summary="Only a 2017 draft.")
    client = client_for("editor")
    assert "Start from the 2017 review" in client.get("/reviews/tj/2018/edit/").content.decode()
    client.post("/reviews/tj/2018/start/", {"start_from": "previous"})
    assert ReviewRevision.objects.get(review__year=2018).summary == "Only a 2017 draft."


def test_a_year_with_revisions_continues_from_its_own_newest_revision(client_for, users, previous, draft):
    workflow.publish(draft, users["steering"])  # TJ 2018 r1
    page = client_for("editor").get("/reviews/tj/2018/edit/").content.decode()
    assert "Start from the" not in page
    client_for("editor").post("/reviews/tj/2018/start/", {"start_from": "previous"})
    new = ReviewRevision.objects.get(review__year=2018, number=2)
    assert new.summary == "Draft text of the 2018 review."
    assert new.changes.get().comment == "Copied from revision 1."


def test_start_revision_refuses_a_source_of_another_country_or_a_later_year(users, previous):
    with pytest.raises(ValueError):
        workflow.start_revision(previous.review.country, 2016, users["editor"], copy_from=previous)
    pk = make_revision("PK", 2017, Status.PUBLISHED)
    with pytest.raises(ValueError):
        workflow.start_revision(previous.review.country, 2018, users["editor"], copy_from=pk)
