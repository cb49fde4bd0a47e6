"""members/demo_news.py: the demo announcements drawn from the seed documents, idempotent, read as each role may."""

import datetime
import io

import pytest
from django.test import Client

from members import demo, demo_news
from members.models import Announcement, AnnouncementComment, Audience, Notification, PublicStatus, User

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded():
    demo.seed()
    out = io.StringIO()
    demo_news.seed(stdout=out)
    return out.getvalue()


def test_it_says_what_it_made(seeded):
    assert seeded == "News: 5 announcements, 1 comments."


def test_running_it_twice_changes_nothing(seeded):
    before = list(Announcement.objects.order_by("pk").values_list("slug", "title_en", "public_status", "created_at"))
    demo_news.seed()
    assert list(Announcement.objects.order_by("pk").values_list("slug", "title_en", "public_status", "created_at")) == before
    assert AnnouncementComment.objects.count() == 1
    assert Announcement.countries.through.objects.count() == 2


def test_the_kabul_forum_is_a_public_event_with_a_russian_translation(seeded):
    post = Announcement.objects.get(slug="second-regional-ngo-forum-kabul-2018")
    assert post.kind == Announcement.Kind.EVENT and post.is_public
    assert (post.event_start, post.event_end) == (datetime.date(2018, 8, 27), datetime.date(2018, 8, 28))
    assert "Kabul" in post.place
    assert post.title_ru.startswith("Второй региональный форум НПО")
    assert post.organization.acronym == "OFRD" and post.author.email == "steering.af@example.org"


def test_anctips_launch_is_public_news_about_afghanistan_in_english_and_dari(seeded):
    post = Announcement.objects.get(slug="anctip-launched")
    assert post.is_public and post.kind == Announcement.Kind.NEWS
    assert list(post.countries.values_list("code", flat=True)) == ["AF"]
    assert post.created_at.date() == datetime.date(2018, 5, 28)
    assert post.written_languages == ["en", "fa"]


def test_the_hotline_call_is_for_members_with_a_comment(seeded):
    post = Announcement.objects.get(slug="call-hotline-referral")
    assert (post.audience, post.kind) == (Audience.MEMBERS, Announcement.Kind.CALL)
    assert post.deadline == datetime.date(2018, 10, 15)
    comment = post.comments.get()
    assert comment.author.email == "steering.tm@example.org"
    assert comment.created_at.date() == datetime.date(2018, 9, 14)


def test_a_members_post_for_everyone_waits_for_its_countrys_representative(seeded):
    post = Announcement.objects.get(slug="unodc-regional-conference-islamabad-2017")
    assert post.public_status == PublicStatus.PENDING
    client = Client()
    client.force_login(User.objects.get(email="steering.pk@example.org"))
    assert post in client.get("/news/").context["awaiting"]


def test_the_public_reads_the_public_demo_posts_only(seeded, client):
    slugs = {post.slug for post in client.get("/news/").context["announcements"]}
    assert slugs == {"second-regional-ngo-forum-kabul-2018", "anctip-launched", "outcome-document-dushanbe-2017"}
    assert client.get("/news/call-hotline-referral/").status_code == 404


def test_a_member_reads_every_demo_post_and_the_comment(seeded):
    client = Client()
    client.force_login(User.objects.get(email="member.pk@example.org"))
    assert len(client.get("/news/").context["announcements"]) == 5
    html = client.get("/news/call-hotline-referral/").content.decode()
    assert "Lyudmila Petukhova (Club “Ynam”)" in html
    assert "steering.tm@example.org" not in html


def test_seeding_sends_nothing(seeded):
    assert not Notification.objects.exists()
