"""Publishing a review or an overview edition queues e-mail updates for the members who asked for them."""

import pytest

from countryreviews import workflow
from countryreviews.models import ReviewRevision
from members.models import Country, Notification, NotificationPreference, Topic

from .factories import make_overview


def queued(topic):
    return set(Notification.objects.filter(topic=topic).values_list("user__email", flat=True))


def test_publishing_a_review_queues_one_update_per_subscribed_member(users, draft):
    workflow.publish(draft, users["steering"])
    assert {"member@example.org", "editor@example.org", "other.editor@example.org", "steering@example.org"} <= queued(
        Topic.REVIEW_PUBLISHED
    )
    notification = Notification.objects.filter(topic=Topic.REVIEW_PUBLISHED).first()
    assert "Tajikistan" in notification.subject and "2018" in notification.subject
    assert notification.url == draft.review.get_absolute_url()


def test_members_following_other_countries_only_get_no_review_update(users, draft):
    preference = NotificationPreference.objects.create(user=users["other_editor"], review_all_countries=False)
    preference.review_countries.set([Country.objects.get(code="PK")])
    workflow.publish(draft, users["steering"])
    assert "other.editor@example.org" not in queued(Topic.REVIEW_PUBLISHED)
    assert "member@example.org" in queued(Topic.REVIEW_PUBLISHED)


def test_members_who_turned_review_updates_off_get_none(users, draft):
    NotificationPreference.objects.create(user=users["member"], review_published=False)
    workflow.publish(draft, users["steering"])
    assert "member@example.org" not in queued(Topic.REVIEW_PUBLISHED)


def test_a_refused_publication_queues_nothing(users, published):
    with pytest.raises(workflow.WorkflowError):
        workflow.publish(published, users["steering"])
    assert not Notification.objects.exists()


def test_saving_or_submitting_a_draft_queues_nothing(users, draft):
    workflow.submit(draft, users["member"])
    assert not Notification.objects.exists()


def test_publishing_an_overview_edition_queues_an_update(users, published):
    overview = make_overview(2017, revisions=[published])
    workflow.publish_overview(overview, users["steering"])
    assert "member@example.org" in queued(Topic.OVERVIEW_PUBLISHED)
    assert Notification.objects.get(topic=Topic.OVERVIEW_PUBLISHED, user=users["member"]).subject == (
        "Regional overview 2017 published"
    )
    assert ReviewRevision.objects.get(pk=published.pk).status == ReviewRevision.Status.PUBLISHED
