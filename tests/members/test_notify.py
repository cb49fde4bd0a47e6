"""notify(): one queued e-mail per subscribed user, never twice for the same event."""

from django.db import transaction

from members.models import Membership, Notification, Organization, Topic
from members.notifications import notify

from ..factories import make_membership, make_organization, make_user


def queue(topic=Topic.FORUMS, key="event-1", **kwargs):
    return notify(topic, message=lambda: ("Subject", "Body"), url="/forums/x/", dedupe_key=key, **kwargs)


def recipients(key="event-1"):
    return set(Notification.objects.filter(dedupe_key=key).values_list("user__email", flat=True))


def test_every_network_member_with_default_settings_gets_one(users):
    make_user("no.organization@example.org")
    assert queue() == 5
    assert recipients() == {u.email for role, u in users.items() if u and role != "stakeholder"}
    assert set(Notification.objects.values_list("digest", flat=True)) == {True}  # default: weekly digest


def test_the_same_event_never_queues_twice(users):
    queue()
    assert queue() == 0
    assert Notification.objects.count() == 5


def test_a_different_event_queues_again(users):
    queue(key="event-1")
    queue(key="event-2")
    assert Notification.objects.count() == 10


def test_users_who_turned_a_topic_off_get_nothing(users, prefer):
    prefer(users["member"], forums=False)
    queue()
    assert users["member"].email not in recipients()


def test_immediate_subscribers_are_not_in_the_digest(users, prefer):
    prefer(users["member"], frequency="immediate")
    queue()
    assert Notification.objects.get(user=users["member"]).digest is False


def test_review_notifications_follow_the_chosen_countries(users, prefer):
    prefer(users["member"], countries=["AF"])
    prefer(users["editor"], countries=["TJ", "PK"])
    queue(Topic.REVIEW_PUBLISHED, country="TJ")
    assert users["editor"].email in recipients()
    assert users["member"].email not in recipients()
    assert users["coordinator"].email in recipients()  # default: all countries


def test_action_item_notifications_go_to_the_organizations_staff_only(users, organization):
    queue(Topic.ACTION_ITEMS, organization=organization)
    assert recipients() == {"member@example.org", "editor@example.org"}


def test_inactive_users_get_nothing(users):
    users["member"].is_active = False
    users["member"].save()
    users["coordinator"].is_active = False
    users["coordinator"].save()
    make_user("former.root@example.org", is_superuser=True, is_active=False)
    queue()
    assert not {"member@example.org", "coordinator@example.org", "former.root@example.org"} & recipients()


def test_staff_of_organizations_that_are_not_members_get_nothing(users, stakeholder_organization):
    applicant = make_organization("TJ", membership_status=Organization.MembershipStatus.APPLICANT)
    make_membership(make_user("applicant.staff@example.org"), applicant, Membership.Role.EDITOR)
    queue()
    queue(Topic.ACTION_ITEMS, key="event-2", organization=stakeholder_organization)
    assert not {"stakeholder@example.org", "applicant.staff@example.org"} & recipients()
    assert not recipients("event-2")


def test_a_superuser_is_a_network_member_and_gets_them(users):
    make_user("root@example.org", is_superuser=True)
    queue()
    assert "root@example.org" in recipients()


def test_nothing_is_queued_when_the_callers_transaction_rolls_back(users):
    try:
        with transaction.atomic():
            queue()
            raise RuntimeError
    except RuntimeError:
        pass
    assert not Notification.objects.exists()


def test_notify_runs_a_fixed_number_of_queries(users, django_assert_max_num_queries):
    for n in range(30):
        make_user(f"extra{n}@example.org", is_coordinator=True)
    with django_assert_max_num_queries(4):
        assert queue() == 35


def test_each_recipient_gets_the_update_in_their_own_language(users):
    """Written in the recipient's preferred language, whatever the language of whoever caused it."""
    from django.utils import translation
    from django.utils.translation import get_language

    users["member"].language = "ru"
    users["member"].save()
    users["editor"].language = "fa"
    users["editor"].save()
    calls = []

    def message():
        calls.append(get_language())
        return f"subject in {get_language()}", f"body in {get_language()}"

    with translation.override("tk"), transaction.atomic():
        notify(Topic.FORUMS, message=message, url="/forums/x/", dedupe_key="event-lang")
    subjects = dict(Notification.objects.filter(dedupe_key="event-lang").values_list("user__email", "subject"))
    assert subjects["member@example.org"] == "subject in ru"
    assert subjects["editor@example.org"] == "subject in fa"
    assert subjects["coordinator@example.org"] == "subject in en"  # no preference: the portal's default
    assert sorted(calls) == ["en", "fa", "ru"]  # once per language, not once per recipient
