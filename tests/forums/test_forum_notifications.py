"""Forums announced or changed in the portal reach the members who follow the FORUMS topic."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from forums.models import Forum
from forums.notifications import announce_forum, forum_state
from members.models import Notification, Topic

from .conftest import post_edit, recipients

pytestmark = pytest.mark.django_db

NETWORK = ["coordinator@example.org", "editor@example.org", "member@example.org", "other.editor@example.org",
           "steering@example.org"]


def forum_data(**overrides):
    data = {
        "title_en": "Third Regional NGO Forum", "slug": "tashkent-2027", "kind": "regional_ngo", "status": "planned",
        "start_date": "2027-06-01", "end_date": "2027-06-02", "city": "Tashkent", "country": "UZ",
        "venue": "Hotel Uzbekistan", "organizers_text": "", "funders_text": "", "summary_en": "",
    }
    data.update(overrides)
    return data


def create(client_as, **overrides):
    response = client_as("coordinator").post(reverse("forums:create"), forum_data(**overrides))
    assert response.status_code == 302, response.content.decode()[:1500]
    return Forum.objects.get(slug="tashkent-2027")


def test_creating_a_forum_announces_it_to_every_subscribed_member(client_as, users):
    forum = create(client_as)
    assert recipients() == NETWORK
    notification = Notification.objects.filter(user=users["member"]).get()
    assert notification.topic == Topic.FORUMS
    assert notification.dedupe_key == f"forum:{forum.pk}:created"
    assert notification.subject == "New forum: Third Regional NGO Forum, 1–2 June 2027"
    assert "Place: Hotel Uzbekistan, Tashkent, Uzbekistan" in notification.body
    assert "Status: Planned" in notification.body
    assert notification.url == "/forums/tashkent-2027/"


def test_members_who_unsubscribed_from_forums_get_nothing(client_as, users, prefer):
    prefer(users["member"], forums=False)
    prefer(users["editor"], forums=False, frequency="weekly")
    create(client_as)
    assert recipients() == [e for e in NETWORK if e not in {"member@example.org", "editor@example.org"}]


def test_weekly_subscribers_get_it_in_their_digest(client_as, users, prefer):
    prefer(users["member"], frequency="weekly")
    prefer(users["editor"], frequency="immediate")
    create(client_as)
    assert Notification.objects.get(user=users["member"]).digest is True
    assert Notification.objects.get(user=users["editor"]).digest is False


def test_an_invalid_form_announces_nothing(client_as, users):
    response = client_as("coordinator").post(reverse("forums:create"), forum_data(end_date="2027-05-01"))
    assert response.status_code == 400
    assert not Notification.objects.exists()


def test_changing_the_dates_announces_the_change_once_more(client_as, users):
    forum = create(client_as)
    response = post_edit(client_as("coordinator"), forum, start_date="2027-07-01", end_date="2027-07-03")
    assert response.status_code == 302
    assert Notification.objects.count() == 2 * len(NETWORK)
    change = Notification.objects.filter(user=users["member"]).exclude(dedupe_key__endswith=":created").get()
    assert change.subject == "Forum changed: Third Regional NGO Forum, 1–3 July 2027"
    assert "(start date, end date)" in change.body
    assert change.dedupe_key.startswith(f"forum:{forum.pk}:changed:2027-07-01:2027-07-03:")


@pytest.mark.parametrize(
    "changes",
    [{"city": "Samarkand"}, {"venue": "Another hotel"}, {"country": "TJ"}, {"status": "held"},
     {"dates_tentative": "on"}],
)
def test_a_change_of_place_or_status_is_announced(client_as, users, planned_forum, changes):
    post_edit(client_as("coordinator"), planned_forum, **changes)
    assert recipients() == NETWORK


def test_cancelling_a_forum_says_so_in_the_subject(client_as, users, planned_forum):
    post_edit(client_as("coordinator"), planned_forum, status="cancelled")
    assert {n.subject for n in Notification.objects.all()} == {"Forum cancelled: Kabul test forum"}


def test_a_save_without_meaningful_changes_announces_nothing(client_as, users, planned_forum):
    response = post_edit(client_as("coordinator"), planned_forum, title_en="Kabul test forum (renamed)",
                         summary_en="New summary.", funders_text="USAID")
    assert response.status_code == 302
    planned_forum.refresh_from_db()
    assert planned_forum.title_en == "Kabul test forum (renamed)"
    assert not Notification.objects.exists()


def test_the_same_change_saved_twice_is_announced_once(client_as, users, planned_forum):
    client = client_as("coordinator")
    post_edit(client, planned_forum, city="Herat")
    post_edit(client, planned_forum, city="Herat")  # e.g. the browser resent the form
    assert recipients() == NETWORK


def test_announcing_the_same_event_again_queues_nothing(users, planned_forum):
    before = forum_state(planned_forum)
    planned_forum.city = "Herat"
    planned_forum.save()
    assert announce_forum(planned_forum, before) == len(NETWORK)
    assert announce_forum(planned_forum, before) == 0
    assert announce_forum(planned_forum, None) == len(NETWORK)  # the "created" event is another one
    assert announce_forum(planned_forum, None) == 0


def test_nothing_is_queued_for_a_change_outside_the_portal(users, planned_forum):
    planned_forum.start_date += datetime.timedelta(days=1)
    planned_forum.save()
    assert not Notification.objects.exists()


def test_the_email_has_the_forum_details_and_link(client_as, users, prefer, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PORTAL_BASE_URL = "https://portal.example.org"
    prefer(users["member"], frequency="immediate")
    create(client_as)
    call_command("send_notifications", stdout=io.StringIO())
    message = next(m for m in mail.outbox if m.to == ["member@example.org"])
    assert message.subject == "New forum: Third Regional NGO Forum, 1–2 June 2027"
    assert "Dates: 1–2 June 2027." in message.body
    assert "https://portal.example.org/forums/tashkent-2027/" in message.body


def test_a_long_title_is_shortened_in_the_subject_only(client_as, users):
    title = "Second Regional NGO Forum: Regional discussion amongst countries with common boundaries on combating trafficking"
    create(client_as, title_en=title)
    notification = Notification.objects.filter(user=users["member"]).get()
    assert notification.subject == (
        "New forum: Second Regional NGO Forum: Regional discussion amongst countries with common boundaries on…, "
        "1–2 June 2027"
    )
    assert title in notification.body


@pytest.mark.parametrize(
    ("overrides", "dates"),
    [
        ({}, "Dates: 1–2 June 2027."),
        ({"end_date": "2027-06-01"}, "Dates: 1 June 2027."),
        ({"end_date": "2027-07-02"}, "Dates: 1 June 2027 – 2 July 2027."),
        ({"dates_tentative": "on"}, "Dates: June 2027 (exact days not fixed)."),
    ],
)
def test_the_dates_read_as_on_the_forum_pages(client_as, users, overrides, dates):
    forum = create(client_as, **overrides)
    body = Notification.objects.filter(user=users["member"]).get().body
    assert dates in body
    page = client_as("member").get(forum.get_absolute_url()).content.decode()
    assert forum.dates_display in page


def test_a_forum_item_keeps_the_list_layout_of_the_weekly_digest(client_as, users, prefer):
    from members.notifications import build_message

    prefer(users["member"], frequency="weekly")
    create(client_as)
    notification = Notification.objects.get(user=users["member"])
    assert "\n" not in notification.body  # one paragraph: nothing to fall out of the digest's indentation
    body = build_message(users["member"], [notification], digest=True).body
    lines = body.splitlines()
    start = lines.index("* New forum: Third Regional NGO Forum, 1–2 June 2027")
    item = lines[start + 1:lines.index("-- ")]
    assert item and all(line.startswith("  ") for line in item if line), item
    assert "Dates: 1–2 June 2027. Place: Hotel Uzbekistan, Tashkent, Uzbekistan. Status: Planned." in body
