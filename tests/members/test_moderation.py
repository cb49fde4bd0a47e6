"""Approving posts for everyone, keeping them for members, hiding them: who may, and what each role then sees."""

import pytest
from django.urls import reverse

from members.models import Audience, Notification, PublicStatus, Topic
from tests.factories import make_announcement, make_resource

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(users, organization):
    """A Tajik member's announcement meant for everyone, waiting for approval."""
    return make_announcement(
        users["member"], organization, audience=Audience.PUBLIC, public_status=PublicStatus.PENDING, title="Pending post"
    )


@pytest.fixture
def pending_resource(users, organization):
    return make_resource(
        users["member"], organization, audience=Audience.PUBLIC, public_status=PublicStatus.PENDING, title="Pending report"
    )


def url(name, item):
    return reverse(f"members:{name}", args=[item.slug])


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_the_countrys_representative_and_coordinators_approve(client_as, role, pending, users):
    response = client_as(role).post(url("announcement-approve", pending))
    assert response.status_code == 302
    assert response.url == pending.get_absolute_url()
    pending.refresh_from_db()
    assert pending.public_status == PublicStatus.APPROVED
    assert pending.reviewed_by == users[role]
    assert pending.is_public


@pytest.mark.parametrize("role", ["member", "editor", "other_editor"])
def test_members_and_other_countries_editors_may_not_approve(client_as, role, pending):
    assert client_as(role).post(url("announcement-approve", pending)).status_code == 403
    pending.refresh_from_db()
    assert pending.public_status == PublicStatus.PENDING


def test_a_representative_of_another_country_may_not_approve(client_as, users, other_organization, pending):
    post = make_announcement(
        users["other_editor"], other_organization, audience=Audience.PUBLIC, public_status=PublicStatus.PENDING
    )
    assert client_as("steering").post(url("announcement-approve", post)).status_code == 403


def test_who_may_not_read_the_post_gets_404_and_anonymous_logs_in(client_as, pending):
    assert client_as("stakeholder").post(url("announcement-approve", pending)).status_code == 404
    response = client_as("anonymous").post(url("announcement-approve", pending))
    assert response.status_code == 302 and "/accounts/login/" in response.url


def test_approve_is_post_only(client_as, pending):
    assert client_as("coordinator").get(url("announcement-approve", pending)).status_code == 405


def test_approving_makes_it_public(client, client_as, pending):
    assert client.get(pending.get_absolute_url()).status_code == 404
    client_as("coordinator").post(url("announcement-approve", pending))
    assert client.get(pending.get_absolute_url()).status_code == 200


def test_approving_sends_it_to_subscribers_who_are_not_members_once(client_as, pending, users, prefer):
    prefer(users["stakeholder"], announcements=True)
    client_as("coordinator").post(url("announcement-approve", pending))
    sent = Notification.objects.filter(topic=Topic.ANNOUNCEMENTS, announcement=pending)
    assert sent.filter(user=users["stakeholder"]).count() == 1
    client_as("coordinator").post(url("announcement-approve", pending))  # nothing left to approve
    assert sent.filter(user=users["stakeholder"]).count() == 1


def test_keeping_for_members_needs_a_reason_and_tells_the_author(
    client_as, pending, mailoutbox, django_capture_on_commit_callbacks
):
    coordinator = client_as("coordinator")
    page = coordinator.get(url("announcement-decline", pending))
    assert page.status_code == 200
    assert b'name="reason"' in page.content
    assert coordinator.post(url("announcement-decline", pending), {"reason": "  "}).status_code == 400
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url("announcement-decline", pending), {"reason": "Names a person at risk."})
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.public_status == PublicStatus.DECLINED
    assert pending.review_note == "Names a person at risk."
    assert [m.to for m in mailoutbox] == [["member@example.org"]]
    assert "Names a person at risk." in mailoutbox[0].body
    # Members still read it, and its author reads the reason; the public does not.
    assert "Names a person at risk." in client_as("member").get(pending.get_absolute_url()).content.decode()
    assert client_as("editor").get(pending.get_absolute_url()).status_code == 200
    assert client_as("anonymous").get(pending.get_absolute_url()).status_code == 404


def test_an_approved_post_can_be_taken_back_from_the_public(client_as, client, users, organization):
    post = make_announcement(users["member"], organization, audience=Audience.PUBLIC)
    assert client.get(post.get_absolute_url()).status_code == 200
    client_as("steering").post(url("announcement-decline", post), {"reason": "Out of date."})
    assert client.get(post.get_absolute_url()).status_code == 404


def test_a_members_only_post_has_nothing_to_approve(client_as, users, organization):
    post = make_announcement(users["member"], organization, audience=Audience.MEMBERS)
    client_as("coordinator").post(url("announcement-approve", post))
    client_as("coordinator").post(url("announcement-decline", post), {"reason": "x"})
    post.refresh_from_db()
    assert post.public_status == PublicStatus.NONE and not post.is_public


@pytest.mark.parametrize("role", ["member", "editor", "steering"])
def test_only_coordinators_hide(client_as, role, pending):
    assert client_as(role).get(url("announcement-hide", pending)).status_code == 403
    assert client_as(role).post(url("announcement-hide", pending), {"reason": "x"}).status_code == 403


def test_a_hidden_post_is_seen_by_its_author_with_the_reason_and_by_coordinators_only(
    client_as, users, organization, mailoutbox, django_capture_on_commit_callbacks
):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, title="To hide")
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("coordinator").post(url("announcement-hide", post), {"reason": "Shows a victim's face."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.is_hidden and post.hidden_by == users["coordinator"]
    assert [m.to for m in mailoutbox] == [["editor@example.org"]]
    author_page = client_as("editor").get(post.get_absolute_url())
    assert author_page.status_code == 200 and "Shows a victim&#x27;s face." in author_page.content.decode()
    assert client_as("coordinator").get(post.get_absolute_url()).status_code == 200
    for role in ("anonymous", "member", "stakeholder", "steering", "other_editor"):
        assert client_as(role).get(post.get_absolute_url()).status_code == 404, role
    # Its author may no longer change it, nor approve it back.
    assert client_as("editor").get(reverse("members:announcement-edit", args=[post.slug])).status_code == 403


def test_showing_a_hidden_post_again(client_as, client, users, organization):
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC)
    post.hide(users["coordinator"], "Check it.")
    post.save()
    assert client_as("editor").post(url("announcement-unhide", post)).status_code == 403
    assert client_as("coordinator").post(url("announcement-unhide", post)).status_code == 302
    post.refresh_from_db()
    assert not post.is_hidden and post.hidden_reason == ""
    assert client.get(post.get_absolute_url()).status_code == 200


def test_a_mail_server_failure_does_not_undo_hiding(client_as, users, organization, settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.members.test_moderation.BrokenBackend"
    post = make_announcement(users["editor"], organization)
    with django_capture_on_commit_callbacks(execute=True):
        assert client_as("coordinator").post(url("announcement-hide", post), {"reason": "x"}).status_code == 302
    post.refresh_from_db()
    assert post.is_hidden


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise OSError("mail server down")


def test_library_resources_are_moderated_the_same_way(client_as, client, pending_resource):
    assert client_as("member").post(url("resource-approve", pending_resource)).status_code == 403
    assert client_as("steering").post(url("resource-approve", pending_resource)).status_code == 302
    pending_resource.refresh_from_db()
    assert pending_resource.is_public
    assert client_as("steering").get(url("resource-hide", pending_resource)).status_code == 403
    client_as("coordinator").post(url("resource-hide", pending_resource), {"reason": "Copyright."})
    pending_resource.refresh_from_db()
    assert pending_resource.is_hidden
    assert client.get(pending_resource.get_absolute_url()).status_code == 404
