"""The list-serve of announcements: who gets a post by e-mail and when, in which language, exactly once; and the
e-mails about comments."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from members.announcements import announce, notify_comment
from members.models import Announcement, AnnouncementComment, Audience, Notification, Topic
from members.notifications import send_immediate

from .test_news import make_announcement

MEMBERS = {"member@example.org", "editor@example.org", "other.editor@example.org", "steering@example.org",
           "coordinator@example.org"}


def queued(post=None, topic=Topic.ANNOUNCEMENTS) -> list[str]:
    rows = Notification.objects.filter(topic=topic)
    if post is not None:
        rows = rows.filter(announcement=post)
    return sorted(rows.values_list("user__email", flat=True))


def post_form(client, **changes):
    data = {"kind": "news", "title_en": "Training for hotline staff", "body_en": "Two days in Dushanbe.",
            "audience": "members", **changes}
    response = client.post(reverse("members:announcement-create"), data)
    assert response.status_code == 302
    return Announcement.objects.latest("pk")


def test_a_members_post_goes_at_once_to_every_member_but_its_author(client_as, users):
    post = post_form(client_as("editor"))
    assert queued(post) == sorted(MEMBERS - {"editor@example.org"})
    assert "stakeholder@example.org" not in queued()


def test_a_members_post_never_reaches_a_stakeholder(users, organization):
    post = make_announcement(users["editor"], organization)
    announce(post)
    announce(post)
    assert "stakeholder@example.org" not in queued(post)


def test_a_post_is_queued_once_and_never_twice_after_approval(client_as, users):
    post = post_form(client_as("editor"), audience="public")
    before = queued(post)
    assert before == sorted(MEMBERS - {"editor@example.org"})  # waiting for approval: members only
    post.approve(users["steering"])
    post.save()
    assert announce(post) == 1  # the stakeholder, who may read it now; members had it already
    assert announce(post) == 0
    after = queued(post)
    assert after == sorted([*before, "stakeholder@example.org"])
    assert len(after) == len(set(after))


def test_a_stakeholder_gets_a_public_post_only_after_its_approval(client_as, users):
    post = post_form(client_as("member"), audience="public")
    assert "stakeholder@example.org" not in queued(post)
    post.approve(users["coordinator"])
    post.save()
    announce(post)
    assert "stakeholder@example.org" in queued(post)


def test_a_post_by_an_approver_for_everyone_reaches_the_stakeholder_at_once(client_as, users):
    post = post_form(client_as("coordinator"), audience="public")
    assert "stakeholder@example.org" in queued(post)
    assert "coordinator@example.org" not in queued(post)


def test_edits_send_nothing_again(client_as, users):
    post = post_form(client_as("editor"))
    count = Notification.objects.count()
    response = client_as("editor").post(
        reverse("members:announcement-edit", args=[post.slug]),
        {"kind": "news", "title_en": "Training, new date", "body_en": "Changed.", "audience": "members"},
    )
    assert response.status_code == 302
    assert Notification.objects.count() == count


def test_a_post_made_public_by_a_coordinators_edit_reaches_who_may_now_read_it_once(client_as, users):
    post = post_form(client_as("editor"))
    before = queued(post)
    client_as("coordinator").post(
        reverse("members:announcement-edit", args=[post.slug]),
        {"kind": "news", "title_en": "Training for hotline staff", "body_en": "Two days in Dushanbe.", "audience": "public"},
    )
    post.refresh_from_db()
    assert post.is_public
    assert queued(post) == sorted([*before, "stakeholder@example.org"])


def test_a_failed_post_queues_nothing(client_as, users):
    response = client_as("editor").post(reverse("members:announcement-create"), {"kind": "event", "title_en": "X",
                                                                                  "body_en": "Y", "audience": "members"})
    assert response.status_code == 400
    assert not Notification.objects.exists()


def test_subscribers_choose_the_kinds_they_get(users, organization, prefer):
    prefer(users["member"], announcement_kinds=",event,call,")
    news = make_announcement(users["editor"], organization, kind=Announcement.Kind.NEWS, title="News")
    event = make_announcement(users["editor"], organization, kind=Announcement.Kind.EVENT, title="Event",
                              event_start=datetime.date(2030, 5, 1), place="Dushanbe")
    announce(news)
    announce(event)
    assert "member@example.org" not in queued(news)
    assert "member@example.org" in queued(event)


def test_subscribers_choose_the_countries_they_get(users, organization, prefer):
    preference = prefer(users["member"], announcement_all_countries=False)
    preference.announcement_countries.set(["AF"])
    tajik = make_announcement(users["editor"], organization, countries=["TJ"], title="Tajik")
    afghan_and_tajik = make_announcement(users["editor"], organization, countries=["TJ", "AF"], title="Both")
    regional = make_announcement(users["editor"], organization, title="Regional")
    for post in (tajik, afghan_and_tajik, regional):
        announce(post)
    assert "member@example.org" not in queued(tajik)
    assert "member@example.org" in queued(afghan_and_tajik)
    assert "member@example.org" in queued(regional)  # a post about the whole region reaches everyone
    assert "other.editor@example.org" in queued(tajik)  # default: all countries


def test_subscribers_who_turned_announcements_off_get_none(users, organization, prefer):
    prefer(users["member"], announcements=False)
    post = make_announcement(users["editor"], organization)
    announce(post)
    assert "member@example.org" not in queued(post)


def test_the_e_mail_has_the_whole_text_and_the_facts(users, organization, prefer, settings):
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    prefer(users["member"], frequency="immediate")
    post = make_announcement(
        users["editor"], organization, kind=Announcement.Kind.EVENT, title="Second regional NGO forum",
        body="Delegations meet in Kabul.\n\nConfirm your participants.", event_start=datetime.date(2018, 8, 27),
        event_end=datetime.date(2018, 8, 28), place="Kabul", deadline=datetime.date(2018, 8, 1), countries=["AF"],
        link="https://www.iom.int/news",
    )
    announce(post)
    send_immediate()
    message = next(m for m in mail.outbox if m.to == ["member@example.org"])
    assert message.subject == "Event: Second regional NGO forum"
    for text in ("Delegations meet in Kabul.\n\nConfirm your participants.", "Dates: 27 August 2018 – 28 August 2018",
                 "Place: Kabul", "Deadline: 1 August 2018", "Countries: Afghanistan", "Posted by: Madina Test NGO (MTN)",
                 "More information: https://www.iom.int/news", f"https://portal.example.org{post.get_absolute_url()}"):
        assert text in message.body
    assert "editor@example.org" not in message.body
    assert message.extra_headers["List-Unsubscribe"].startswith("<https://portal.example.org/members/unsubscribe/")


def test_most_subscribers_get_it_in_the_weekly_digest(users, organization):
    post = make_announcement(users["editor"], organization)
    announce(post)
    assert set(Notification.objects.filter(announcement=post).values_list("digest", flat=True)) == {True}


@pytest.fixture
def russian_reader(users):
    user = users["member"]
    user.language = "ru"
    user.save()
    return user


def test_a_russian_speaker_gets_the_russian_text_where_it_is_written(users, organization, russian_reader):
    post = make_announcement(users["editor"], organization, title="Forum in Kabul", body="English text.")
    post.set_texts({"ru": {"title": "Форум в Кабуле", "body": "Русский текст."}})
    post.save()
    announce(post)
    russian = Notification.objects.get(user=russian_reader)
    assert russian.subject.endswith(": Форум в Кабуле") and "Русский текст." in russian.body
    assert "English text." not in russian.body
    english = Notification.objects.get(user=users["other_editor"])
    assert english.subject == "News: Forum in Kabul" and "English text." in english.body


def test_a_post_not_written_in_the_readers_language_comes_in_its_original_marked(users, organization, russian_reader):
    post = make_announcement(users["editor"], organization, title="Forum in Kabul", body="English text.")
    announce(post)
    russian = Notification.objects.get(user=russian_reader)
    assert "Forum in Kabul (" in russian.subject  # followed by the language's name, in Russian
    assert "English text." in russian.body
    english = Notification.objects.get(user=users["other_editor"])
    assert "(English)" not in english.subject


def test_a_dari_reader_gets_the_dates_in_the_solar_hijri_calendar(users, organization):
    reader = users["member"]
    reader.language = "fa"
    reader.save()
    post = make_announcement(users["editor"], organization, kind=Announcement.Kind.EVENT, title="Forum",
                             event_start=datetime.date(2018, 8, 27), place="Kabul")
    announce(post)
    assert "سنبله" in Notification.objects.get(user=reader).body  # 27 August 2018 is 5 Sonbola 1397


def test_a_post_hidden_before_its_e_mail_went_out_is_withdrawn(users, organization, prefer):
    prefer(users["member"], frequency="immediate")
    post = make_announcement(users["editor"], organization, title="Named a victim")
    announce(post)
    post.hide(users["coordinator"], "It named a victim.")
    post.save()
    send_immediate()
    assert not [m for m in mail.outbox if "Named a victim" in m.subject and m.to != ["coordinator@example.org"]]
    row = Notification.objects.get(user=users["member"])
    assert row.status == Notification.Status.WITHDRAWN


def test_a_post_kept_for_members_after_approval_is_withdrawn_for_the_stakeholder(users, organization, prefer):
    prefer(users["stakeholder"], frequency="immediate")
    post = make_announcement(users["editor"], organization, audience=Audience.PUBLIC, approved=True)
    announce(post)
    post.decline(users["coordinator"], "Not for the public.")
    post.save()
    send_immediate()
    assert Notification.objects.get(user=users["stakeholder"]).status == Notification.Status.WITHDRAWN
    assert not [m for m in mail.outbox if m.to == ["stakeholder@example.org"]]


# Comments.


@pytest.fixture
def discussed(users, organization):
    """A members' post by the editor, on which the member and then the other editor commented."""
    post = make_announcement(users["editor"], organization, title="Call for trainers")
    AnnouncementComment.objects.create(announcement=post, author=users["member"], body="We can help.")
    AnnouncementComment.objects.create(announcement=post, author=users["other_editor"], body="So can we.")
    return post


def test_a_comment_reaches_the_author_and_earlier_commenters_but_not_its_writer(client_as, users, discussed):
    users["coordinator"].first_name, users["coordinator"].last_name = "Network", "Coordinator"
    users["coordinator"].save()
    response = client_as("coordinator").post(
        reverse("members:announcement-comment", args=[discussed.slug]), {"body": "Thank you all."}
    )
    assert response.status_code == 302
    assert queued(topic=Topic.COMMENTS) == ["editor@example.org", "member@example.org", "other.editor@example.org"]
    row = Notification.objects.filter(topic=Topic.COMMENTS).first()
    assert row.subject == "New comment on: Call for trainers"
    assert "Network Coordinator" in row.body and "Thank you all." in row.body
    assert "coordinator@example.org" not in row.body


def test_the_comment_e_mail_names_the_commenters_organization_not_their_e_mail(users, discussed):
    comment = AnnouncementComment.objects.create(announcement=discussed, author=users["steering"], body="Count me in.")
    assert notify_comment(comment) == 3
    row = Notification.objects.get(user=users["editor"], topic=Topic.COMMENTS)
    assert "Seat Holder NGO (SHN) commented on “Call for trainers”:" in row.body
    assert "steering@example.org" not in row.body
    assert row.url == f"{discussed.get_absolute_url()}#comment-{comment.pk}"
    assert notify_comment(comment) == 0  # never twice


def test_the_first_comment_reaches_the_author_only(users, organization):
    post = make_announcement(users["editor"], organization)
    comment = AnnouncementComment.objects.create(announcement=post, author=users["member"], body="First!")
    notify_comment(comment)
    assert queued(topic=Topic.COMMENTS) == ["editor@example.org"]


def test_a_comment_on_ones_own_post_reaches_only_the_earlier_commenters(users, discussed):
    comment = AnnouncementComment.objects.create(announcement=discussed, author=users["editor"], body="Thanks!")
    notify_comment(comment)
    assert queued(topic=Topic.COMMENTS) == ["member@example.org", "other.editor@example.org"]


def test_who_turned_comments_off_gets_none(users, discussed, prefer):
    prefer(users["editor"], comments=False)
    comment = AnnouncementComment.objects.create(announcement=discussed, author=users["coordinator"], body="Hi")
    notify_comment(comment)
    assert "editor@example.org" not in queued(topic=Topic.COMMENTS)


def test_comment_e_mails_of_a_post_hidden_before_they_went_out_are_withdrawn(users, discussed, prefer):
    prefer(users["member"], frequency="immediate")
    comment = AnnouncementComment.objects.create(announcement=discussed, author=users["coordinator"], body="Hi")
    notify_comment(comment)
    discussed.hide(users["coordinator"], "Check.")
    discussed.save()
    send_immediate()
    assert Notification.objects.get(user=users["member"], topic=Topic.COMMENTS).status == Notification.Status.WITHDRAWN


def test_a_long_title_shortened_in_the_subject_is_whole_in_the_body(users, organization):
    title = "A very long title of an announcement that the subject line of the e-mail has to shorten somewhere"
    post = make_announcement(users["editor"], organization, title=title)
    announce(post)
    row = Notification.objects.get(user=users["member"])
    assert row.subject == "News: A very long title of an announcement that the subject line of…"
    assert row.body.startswith(f"{title}\n\n")
