"""Publishing a revision asks for confirmation: the page lists the sections not reported, the statistics, and that
publishing freezes the text; only a POST with `confirm` publishes, by the country's representative or a coordinator."""

import pytest
from django.test import Client

from countryreviews import workflow
from countryreviews.models import ReviewChange, ReviewRevision
from members.models import SecurityEvent
from tests.factories import make_person, make_seat, make_user

from .factories import make_revision

Status = ReviewRevision.Status
URL = "/reviews/tj/2018/r1/publish/"


def with_pk_steering(client_as, other_organization):
    """client_as, plus "pk_steering": the representative of Pakistan, a steering representative of another country."""

    def build(role):
        if role != "pk_steering":
            return client_as(role)
        user = make_user("steering.pk@example.org")
        make_seat(other_organization, make_person(other_organization, user=user))
        client = Client()
        client.force_login(user)
        return client

    return build


@pytest.fixture
def client_for(client_as, other_organization):
    return with_pk_steering(client_as, other_organization)


@pytest.fixture
def sparse_draft(db):
    """TJ 2018 r1: a summary, a profile in Russian only, no other section; three figures, one illustrative."""
    return make_revision(
        "TJ",
        2018,
        summary="Draft summary.",
        trafficking_profile_ru="Страна происхождения.",
        prevention="Awareness campaigns in schools.",
        statistics=[("victims_identified", 2018, 40, True), ("prosecutions", 2018, 12), ("convictions", 2018, 9)],
    )


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("anonymous", 302),
        ("member", 403),
        ("editor", 403),
        ("other_editor", 404),
        ("stakeholder", 404),
        ("pk_steering", 403),
        ("steering", 200),
        ("coordinator", 200),
    ],
)
def test_who_sees_the_confirmation_page(client_for, sparse_draft, role, status):
    response = client_for(role).get(URL)
    assert response.status_code == status
    if role == "anonymous":
        assert "/accounts/login/" in response["Location"]


def test_the_confirmation_lists_the_sections_not_reported_in_any_language(client_for, sparse_draft):
    page = client_for("steering").get(URL).content.decode()
    for label in ["Legal framework", "Protection", "Prosecution", "Partnerships and cross-border cooperation",
                  "Activities of CTIP NGOs", "Challenges", "Recommendations"]:
        assert f"<li>{label}</li>" in page
    # Written in Russian only, or in English: reported.
    assert "<li>Trafficking profile</li>" not in page
    assert "<li>Prevention</li>" not in page
    assert "3 rows of figures." in page
    assert "1 of them is illustrative" in page
    assert "can never change again" in page
    assert 'name="confirm"' in page


def test_the_confirmation_and_the_review_page_agree_on_what_is_not_reported(client_for, sparse_draft):
    assert sparse_draft.unreported_sections() == [
        "legal_framework", "protection", "prosecution", "partnerships", "ngo_activities", "challenges", "recommendations",
    ]
    review_page = client_for("steering").get("/reviews/tj/2018/").content.decode()
    assert review_page.count("Not reported.") == 7


def test_a_fully_written_revision_has_nothing_to_list(client_for, db):
    sections = {name: f"Text of {name}." for name in ReviewRevision.REPORTED_SECTIONS}
    make_revision("TJ", 2018, **sections)
    page = client_for("coordinator").get(URL).content.decode()
    assert "Every section is written in at least one language." in page
    assert "No statistics reported." in page
    assert "illustrative" not in page


@pytest.mark.parametrize("data", [{}, {"confirm": ""}, {"version": "1"}])
def test_a_post_without_confirm_shows_the_confirmation_again_and_publishes_nothing(client_for, sparse_draft, data):
    response = client_for("steering").post(URL, data)
    assert response.status_code == 400
    assert "Nothing was published" in response.content.decode()
    sparse_draft.refresh_from_db()
    assert sparse_draft.status == Status.DRAFT
    assert not sparse_draft.changes.filter(action=ReviewChange.Action.PUBLISHED).exists()
    assert not SecurityEvent.objects.filter(kind=SecurityEvent.Kind.REVIEW_PUBLISHED).exists()


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_confirming_publishes_once(client_for, users, sparse_draft, role):
    client = client_for(role)
    response = client.post(URL, {"confirm": "yes", "version": sparse_draft.version}, follow=True)
    assert "Revision 1 is published." in response.content.decode()
    sparse_draft.refresh_from_db()
    assert (sparse_draft.status, sparse_draft.published_by) == (Status.PUBLISHED, users[role])
    again = client.post(URL, {"confirm": "yes", "version": sparse_draft.version}, follow=True)
    assert "already published" in again.content.decode()
    assert sparse_draft.changes.filter(action=ReviewChange.Action.PUBLISHED).count() == 1


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("editor", 403), ("other_editor", 404),
                                              ("stakeholder", 404), ("pk_steering", 403)])
def test_others_cannot_publish_even_with_confirm(client_for, sparse_draft, role, status):
    assert client_for(role).post(URL, {"confirm": "yes"}).status_code == status
    sparse_draft.refresh_from_db()
    assert sparse_draft.status == Status.DRAFT


def test_a_stale_version_is_refused_on_the_page_and_when_confirmed(client_for, sparse_draft):
    loaded = sparse_draft.version
    sparse_draft.summary = "Changed by someone else meanwhile."
    sparse_draft.version += 1
    sparse_draft.save()
    client = client_for("steering")
    page = client.get(f"{URL}?version={loaded}").content.decode()
    assert "changed after you loaded the page" in page
    assert 'name="confirm"' not in page
    response = client.post(URL, {"confirm": "yes", "version": loaded}, follow=True)
    assert "changed after you loaded the page" in response.content.decode()
    sparse_draft.refresh_from_db()
    assert sparse_draft.status == Status.DRAFT


def test_the_page_of_a_published_or_withdrawn_revision_goes_back_to_it(client_for, users, published):
    client = client_for("steering")
    response = client.get("/reviews/tj/2017/r1/publish/", follow=True)
    assert response.redirect_chain[-1][0] == "/reviews/tj/2017/r1/"
    assert "already published" in response.content.decode()
    workflow.withdraw(published, users["steering"])
    response = client.get("/reviews/tj/2017/r1/publish/", follow=True)
    assert "cannot be published again" in response.content.decode()


def test_the_publish_button_leads_to_the_confirmation(client_for, sparse_draft):
    page = client_for("steering").get("/reviews/tj/2018/").content.decode()
    assert f'href="{URL}?version={sparse_draft.version}"' in page
    assert f'action="{URL}"' not in page  # no form publishes from the review page
    assert URL not in client_for("editor").get("/reviews/tj/2018/").content.decode()


def test_the_confirmation_works_for_a_submitted_revision(client_for, users, sparse_draft):
    workflow.submit(sparse_draft, users["editor"])
    assert client_for("steering").get(URL).status_code == 200
    client_for("steering").post(URL, {"confirm": "yes"})
    sparse_draft.refresh_from_db()
    assert sparse_draft.status == Status.PUBLISHED
