"""Comments on announcements: network members only, shown by name and organization, deleted by their writer or a
coordinator."""

from html import unescape

import pytest
from django.urls import reverse

from members.models import AnnouncementComment, Audience, Notification

from ..conftest import ROLES
from .test_news import make_announcement


@pytest.fixture
def public_post(users, organization):
    return make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True, title="Public post")


@pytest.fixture
def members_post(users, organization):
    return make_announcement(users["editor"], organization, title="Members post")


def comment_url(post) -> str:
    return reverse("members:announcement-comment", args=[post.slug])


def delete_url(comment) -> str:
    return reverse("members:comment-delete", args=[comment.pk])


# On a public post, outsiders see the post but may not comment (403); on a members' post they do not see it (404).
STATUS_PUBLIC = {"anonymous": 302, "stakeholder": 403, "member": 302, "editor": 302, "other_editor": 302,
                 "steering": 302, "coordinator": 302}
STATUS_MEMBERS = {**STATUS_PUBLIC, "stakeholder": 404}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("audience", ["public", "members"])
def test_network_members_comment_and_nobody_else(client_as, public_post, members_post, role, audience):
    post = public_post if audience == "public" else members_post
    expected = (STATUS_PUBLIC if audience == "public" else STATUS_MEMBERS)[role]
    response = client_as(role).post(comment_url(post), {"body": "We can host the training."})
    assert response.status_code == expected
    created = AnnouncementComment.objects.filter(announcement=post).exists()
    assert created == (expected == 302 and role != "anonymous")
    if role == "anonymous":
        assert response["Location"].startswith(reverse("account_login"))


def test_a_comment_is_shown_to_members_by_name_and_organization(client_as, users, public_post):
    member = users["member"]
    member.first_name, member.last_name = "Dilnoza", "Karimova"
    member.save()
    response = client_as("member").post(comment_url(public_post), {"body": "We can host\nthe training."})
    comment = AnnouncementComment.objects.get()
    assert response["Location"] == f"{public_post.get_absolute_url()}#comment-{comment.pk}"
    assert (comment.author, comment.body) == (member, "We can host\nthe training.")
    html = client_as("other_editor").get(public_post.get_absolute_url()).content.decode()
    assert "Dilnoza Karimova (Madina Test NGO (MTN))" in html
    assert "<p>We can host<br>the training.</p>" in html
    assert "member@example.org" not in html


def test_a_commenter_without_a_name_is_shown_by_organization_and_never_by_e_mail(client_as, users, public_post):
    AnnouncementComment.objects.create(announcement=public_post, author=users["member"], body="First")
    AnnouncementComment.objects.create(announcement=public_post, author=users["coordinator"], body="Second")
    html = unescape(client_as("other_editor").get(public_post.get_absolute_url()).content.decode())
    assert "Madina Test NGO (MTN)" in html.split('id="comments"')[1]
    assert "The network's secretariat" in html.split('id="comments"')[1]
    assert "member@example.org" not in html and "coordinator@example.org" not in html


def test_comments_are_escaped(client_as, users, public_post):
    client_as("member").post(comment_url(public_post), {"body": "<script>alert(1)</script>"})
    html = client_as("member").get(public_post.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.parametrize("body, message", [("", "This field is required."), ("   \n ", "This field is required."),
                                           ("x" * 5001, "at most 5000 characters")])
def test_an_empty_or_too_long_comment_is_refused(client_as, public_post, body, message):
    response = client_as("member").post(comment_url(public_post), {"body": body})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "Your comment was not added." in response.content.decode()
    assert not AnnouncementComment.objects.exists()


def test_comments_are_posted_not_got(client_as, public_post):
    assert client_as("member").get(comment_url(public_post)).status_code == 405


def test_a_hidden_post_takes_no_comments(client_as, users, public_post):
    public_post.hide(users["coordinator"], "Check the facts.")
    public_post.save()
    assert client_as("coordinator").post(comment_url(public_post), {"body": "Noted."}).status_code == 403
    assert client_as("editor").post(comment_url(public_post), {"body": "Fixed."}).status_code == 403
    assert client_as("member").post(comment_url(public_post), {"body": "Hm."}).status_code == 404
    html = client_as("editor").get(public_post.get_absolute_url()).content.decode()
    assert "A hidden post takes no new comments." in html and 'name="body"' not in html
    assert not AnnouncementComment.objects.exists()


def test_members_see_the_comment_form_and_outsiders_do_not(client_as, public_post):
    assert 'name="body"' in client_as("member").get(public_post.get_absolute_url()).content.decode()
    assert 'name="body"' not in client_as("stakeholder").get(public_post.get_absolute_url()).content.decode()


def test_a_comment_of_an_unknown_post_is_404(client_as, users):
    assert client_as("member").post("/news/no-such-post/comment/", {"body": "Hello"}).status_code == 404


# Deleting.


@pytest.fixture
def comment(users, public_post):
    return AnnouncementComment.objects.create(announcement=public_post, author=users["member"], body="To delete")


STATUS_DELETE = {"anonymous": 302, "stakeholder": 404, "member": 302, "editor": 403, "other_editor": 403,
                 "steering": 403, "coordinator": 302}


@pytest.mark.parametrize("role", ROLES)
def test_its_writer_and_coordinators_delete_a_comment(client_as, comment, role):
    response = client_as(role).post(delete_url(comment))
    assert response.status_code == STATUS_DELETE[role]
    deleted = not AnnouncementComment.objects.filter(pk=comment.pk).exists()
    assert deleted == (role in {"member", "coordinator"})
    if deleted:
        assert response["Location"] == f"{comment.announcement.get_absolute_url()}#comments"


def test_deleting_is_posted_not_got(client_as, comment):
    assert client_as("member").get(delete_url(comment)).status_code == 405
    assert AnnouncementComment.objects.filter(pk=comment.pk).exists()


def test_only_those_who_may_delete_see_the_delete_button(client_as, comment):
    url = comment.announcement.get_absolute_url()
    assert delete_url(comment) in client_as("member").get(url).content.decode()
    assert delete_url(comment) in client_as("coordinator").get(url).content.decode()
    assert delete_url(comment) not in client_as("editor").get(url).content.decode()


def test_a_comment_on_a_post_one_may_not_read_is_404(client_as, users, members_post):
    comment = AnnouncementComment.objects.create(announcement=members_post, author=users["member"], body="Members only")
    members_post.hide(users["coordinator"], "Check.")
    members_post.save()
    # The writer no longer reads the hidden post, so not its comments either.
    assert client_as("member").post(delete_url(comment)).status_code == 404
    assert client_as("coordinator").post(delete_url(comment)).status_code == 302


def test_a_deleted_comment_is_not_mailed(client_as, users, prefer, comment):
    from members.announcements import notify_comment

    prefer(users["editor"], frequency="immediate")
    assert notify_comment(comment) == 1
    client_as("member").post(delete_url(comment))
    assert Notification.objects.get().status == Notification.Status.WITHDRAWN
