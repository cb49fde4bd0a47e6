"""`queue_action_reminders`: open follow-up actions due within 7 days or overdue remind their organizations."""

import datetime
import io

import pytest
from django.core.management import call_command

from forums.management.commands.queue_action_reminders import Command
from forums.models import ActionItem, today
from forums.notifications import queue_action_reminders
from members.models import Notification, Topic

from .conftest import queued, recipients

pytestmark = pytest.mark.django_db

STAFF = ["editor@example.org", "member@example.org"]  # of `organization`


def run(on=None):
    output = io.StringIO()
    if on is None:
        call_command("queue_action_reminders", stdout=output)
        return output.getvalue()
    return queue_action_reminders(on)


def test_an_item_due_this_week_reminds_the_staff_of_its_organization_only(users, organization, make_item):
    item = make_item(3, organization, text="Publish the national referral directory")
    output = run()
    assert "reminders queued: 2" in output
    assert recipients(Topic.ACTION_ITEMS) == STAFF
    notification = Notification.objects.filter(user=users["editor"]).get()
    due = today() + datetime.timedelta(days=3)
    assert notification.dedupe_key == f"action:{item.pk}:{organization.pk}:due:{due:%Y-%m-%d}"
    assert notification.subject.startswith("Follow-up action due ")
    assert "Publish the national referral directory" in notification.subject
    assert "Madina Test NGO is responsible for this action agreed at Kabul test forum: “Publish" in notification.body
    assert f"Due: {due:%-d %B %Y}. Status: In progress." in notification.body
    assert notification.url == f"/forums/follow-up/#action-{item.pk}"
    assert "\n" not in notification.body  # one paragraph, indented as a whole under its subject in the digest


def test_a_long_action_is_cut_at_a_word_in_the_subject_only(users, organization, make_item):
    text = "Publish the national referral directory with every shelter, hotline and legal aid service of the country"
    make_item(3, organization, text=text)
    run()
    notification = Notification.objects.filter(user=users["editor"]).get()
    assert notification.subject.endswith(": Publish the national referral directory with every shelter, hotline and legal aid…")
    assert text in notification.body


def test_each_responsible_organization_is_reminded_separately(users, organization, other_organization, make_item):
    make_item(1, organization, other_organization)
    run()
    assert recipients(Topic.ACTION_ITEMS) == sorted([*STAFF, "other.editor@example.org"])


def test_running_it_twice_queues_nothing_new(users, organization, make_item):
    make_item(0, organization)
    make_item(-5, organization)
    run()
    first = queued(Topic.ACTION_ITEMS)
    assert len(first) == 4
    assert "reminders queued: 0" in run()
    assert queued(Topic.ACTION_ITEMS) == first


def test_an_item_that_becomes_overdue_is_reminded_once_more(users, organization, make_item):
    item = make_item(2, organization)
    assert run(on=today()) == (1, 2)
    assert run(on=today() + datetime.timedelta(days=1)) == (1, 0)  # still due soon: already reminded
    assert run(on=today() + datetime.timedelta(days=3)) == (1, 2)  # now overdue
    assert run(on=today() + datetime.timedelta(days=4)) == (1, 0)
    keys = {key for _, key in queued(Topic.ACTION_ITEMS)}
    assert keys == {
        f"action:{item.pk}:{organization.pk}:due:{item.due_date:%Y-%m-%d}",
        f"action:{item.pk}:{organization.pk}:overdue:{item.due_date:%Y-%m-%d}",
    }
    overdue = Notification.objects.filter(dedupe_key__contains=":overdue:").first()
    assert overdue.subject.startswith("Overdue follow-up action (due ")


def test_a_new_due_date_is_reminded_again(users, organization, make_item):
    item = make_item(1, organization)
    run()
    item.due_date += datetime.timedelta(days=2)
    item.save()
    run()
    assert len(queued(Topic.ACTION_ITEMS)) == 4


@pytest.mark.parametrize("status", [ActionItem.Status.DONE, ActionItem.Status.DROPPED])
def test_closed_items_queue_nothing(users, organization, make_item, status):
    make_item(1, organization, status=status)
    make_item(-30, organization, status=status)
    assert "reminders queued: 0" in run()
    assert not Notification.objects.exists()


def test_items_due_later_or_without_a_date_queue_nothing(users, organization, make_item, planned_forum):
    make_item(8, organization)
    ActionItem.objects.create(forum=planned_forum, text="Undated").responsible_organizations.add(organization)
    assert "Action items due soon or overdue: 0" in run()
    assert not Notification.objects.exists()


def test_items_of_countries_only_remind_no_one(users, make_item):
    make_item(1)  # responsible countries, no organization: nobody's staff to remind
    run()
    assert not Notification.objects.exists()


def test_staff_who_turned_action_items_off_get_nothing(users, organization, make_item, prefer):
    prefer(users["member"], action_items=False)
    make_item(1, organization)
    run()
    assert recipients(Topic.ACTION_ITEMS) == ["editor@example.org"]


def test_the_command_explains_itself():
    assert "7 days" in Command.help
