"""State transitions of a review by role, immutability of published revisions, refused double or stale publishing."""

import pytest
from django.urls import reverse

from countryreviews import workflow
from countryreviews.models import ImmutableRevisionError, ReviewChange, ReviewRevision, ReviewStatistic

Status = ReviewRevision.Status


def url(name, revision):
    return reverse(f"countryreviews:{name}", args=[revision.review.country_id.lower(), revision.review.year, revision.number])


def post(client, name, revision, **data):
    return client.post(url(name, revision), data, follow=True)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("member", True), ("editor", True), ("other_editor", False), ("steering", True), ("coordinator", True)],
)
def test_submitting_a_draft_by_role(client_as, users, draft, role, allowed):
    response = post(client_as(role), "submit", draft, version=draft.version)
    draft.refresh_from_db()
    if allowed:
        assert draft.status == Status.SUBMITTED
        assert draft.submitted_by == users[role]
        assert draft.changes.filter(action=ReviewChange.Action.SUBMITTED).count() == 1
        assert "submitted to the steering committee representative" in response.content.decode()
    else:
        assert response.status_code == 404
        assert draft.status == Status.DRAFT


@pytest.mark.parametrize(
    ("role", "allowed", "status_code"),
    [
        ("member", False, 403),
        ("editor", False, 403),
        ("other_editor", False, 404),
        ("steering", True, 200),
        ("coordinator", True, 200),
    ],
)
def test_publishing_a_submitted_revision_by_role(client_as, users, draft, role, allowed, status_code):
    workflow.submit(draft, users["editor"])
    response = post(client_as(role), "publish", draft, version=draft.version, confirm="yes")
    assert response.status_code == status_code
    draft.refresh_from_db()
    if allowed:
        assert draft.status == Status.PUBLISHED
        assert draft.published_by == users[role]
        assert draft.published_at is not None
    else:
        assert draft.status == Status.SUBMITTED
        assert draft.published_at is None


@pytest.mark.parametrize(
    ("role", "allowed", "status_code"),
    [
        ("member", False, 403),
        ("editor", False, 403),
        ("other_editor", False, 404),
        ("steering", True, 200),
        ("coordinator", True, 200),
    ],
)
def test_sending_a_submitted_revision_back_by_role(client_as, users, draft, role, allowed, status_code):
    workflow.submit(draft, users["editor"])
    response = post(client_as(role), "return", draft, comment="Please add the sources of the figures.")
    assert response.status_code == status_code
    draft.refresh_from_db()
    if allowed:
        assert draft.status == Status.DRAFT
        assert draft.return_comment == "Please add the sources of the figures."
        assert draft.changes.get(action=ReviewChange.Action.RETURNED).comment == draft.return_comment
    else:
        assert draft.status == Status.SUBMITTED


def test_sending_back_requires_a_comment(client_as, users, draft):
    workflow.submit(draft, users["editor"])
    response = post(client_as("steering"), "return", draft, comment="")
    draft.refresh_from_db()
    assert draft.status == Status.SUBMITTED
    assert "Say what should be changed" in response.content.decode()


@pytest.mark.parametrize(
    ("role", "allowed", "status_code"),
    [
        ("member", False, 403),
        ("editor", False, 403),
        ("other_editor", False, 403),
        ("steering", True, 200),
        ("coordinator", True, 200),
    ],
)
def test_withdrawing_a_published_revision_by_role(client_as, published, role, allowed, status_code):
    response = post(client_as(role), "withdraw", published, comment="Figures under review.")
    assert response.status_code == status_code
    published.refresh_from_db()
    assert published.status == (Status.WITHDRAWN if allowed else Status.PUBLISHED)


def test_a_withdrawn_review_disappears_from_the_public(client_as, published):
    post(client_as("steering"), "withdraw", published)
    assert client_as("anonymous").get("/reviews/tj/2017/").status_code == 404
    assert client_as("member").get("/reviews/tj/2017/").status_code == 200


def test_anonymous_is_redirected_to_login_for_every_transition(client_as, published, draft):
    client = client_as("anonymous")
    for name, revision in [("submit", draft), ("publish", draft), ("return", draft), ("withdraw", published)]:
        response = client.post(url(name, revision), {"comment": "x"})
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
    draft.refresh_from_db()
    published.refresh_from_db()
    assert (draft.status, published.status) == (Status.DRAFT, Status.PUBLISHED)


def test_publishing_twice_is_refused_cleanly(client_as, published):
    before = published.published_at
    response = post(client_as("steering"), "publish", published, version=published.version, confirm="yes")
    assert "already published" in response.content.decode()
    published.refresh_from_db()
    assert published.published_at == before
    assert published.changes.filter(action=ReviewChange.Action.PUBLISHED).count() == 0


def test_publishing_a_stale_revision_is_refused(client_as, users, draft):
    loaded_version = draft.version
    draft.summary = "Changed by someone after the representative loaded the page."
    draft.version += 1
    draft.save()
    response = post(client_as("steering"), "publish", draft, version=loaded_version, confirm="yes")
    assert "changed after you loaded the page" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


def test_a_withdrawn_revision_cannot_be_published_again(users, published):
    workflow.withdraw(published, users["steering"])
    with pytest.raises(workflow.WorkflowError):
        workflow.publish(published, users["steering"])


def test_only_a_draft_can_be_submitted(users, published):
    with pytest.raises(workflow.WorkflowError):
        workflow.submit(published, users["editor"])


def test_a_published_revision_cannot_be_changed(published):
    published.summary = "Rewritten history"
    with pytest.raises(ImmutableRevisionError):
        published.save()
    published.refresh_from_db()
    assert published.summary == "Tajikistan passed a counter-trafficking law in 2004."


def test_statistics_of_a_published_revision_cannot_be_changed_or_deleted(published):
    stat = published.statistics.get(indicator="prosecutions")
    stat.value = 999
    with pytest.raises(ImmutableRevisionError):
        stat.save()
    with pytest.raises(ImmutableRevisionError):
        stat.delete()
    with pytest.raises(ImmutableRevisionError):
        ReviewStatistic.objects.create(revision=published, indicator="hotline_calls", year=2017, value=1)
    assert published.statistics.get(indicator="prosecutions").value == 31


def test_editing_after_publication_starts_a_new_draft_and_leaves_the_published_text(client_as, published):
    client = client_as("editor")
    response = client.get("/reviews/tj/2017/edit/")
    assert "Start revision 2" in response.content.decode()
    client.post("/reviews/tj/2017/start/")
    new = ReviewRevision.objects.get(review=published.review, number=2)
    assert new.status == Status.DRAFT
    assert new.summary == published.summary
    assert sorted(new.statistics.values_list("indicator", "value")) == sorted(
        published.statistics.values_list("indicator", "value")
    )
    new.summary = "Updated text, not yet published."
    new.save()
    public = client_as("anonymous").get("/reviews/tj/2017/").content.decode()
    assert "Tajikistan passed a counter-trafficking law in 2004." in public
    assert "Updated text, not yet published." not in public


def test_publishing_the_new_revision_replaces_the_public_text_and_keeps_the_old_one(client_as, users, published):
    new = workflow.start_revision(published.review.country, 2017, users["editor"])
    new.summary = "The 2017 review, corrected."
    new.save()
    workflow.publish(new, users["steering"])
    anonymous = client_as("anonymous")
    assert "The 2017 review, corrected." in anonymous.get("/reviews/tj/2017/").content.decode()
    old = anonymous.get("/reviews/tj/2017/r1/").content.decode()
    assert "Tajikistan passed a counter-trafficking law in 2004." in old
    assert "This is an earlier published revision." in old


def test_starting_twice_returns_the_same_open_draft(users, published):
    first = workflow.start_revision(published.review.country, 2017, users["editor"])
    second = workflow.start_revision(published.review.country, 2017, users["member"])
    assert first.pk == second.pk
    assert ReviewRevision.objects.filter(review=published.review).count() == 2


def test_a_new_review_starts_empty_at_revision_one(client_as, organization):
    response = client_as("editor").post("/reviews/tj/2019/start/", follow=True)
    revision = ReviewRevision.objects.get(review__country="TJ", review__year=2019)
    assert (revision.number, revision.status, revision.summary) == (1, Status.DRAFT, "")
    assert response.request["PATH_INFO"] == "/reviews/tj/2019/edit/"
