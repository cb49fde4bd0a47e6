import datetime

import pytest
from django.urls import reverse

from forums.models import ActionItem, ActionUpdate

pytestmark = pytest.mark.django_db


def url(item):
    return reverse("forums:action-item-update", args=[item.pk])


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_steering_representatives_and_coordinators_post_an_update_and_change_the_status(client_as, users,
                                                                                         action_item, role):
    response = client_as(role).post(
        url(action_item), {"date": "2019-02-01", "text": "Network registered", "new_status": "done"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("forums:follow-up") + f"#action-{action_item.pk}"
    update = action_item.updates.get(text="Network registered")
    assert update.author == users[role]
    assert update.date == datetime.date(2019, 2, 1)
    action_item.refresh_from_db()
    assert action_item.status == ActionItem.Status.DONE


def test_an_update_without_a_new_status_keeps_the_status(client_as, action_item):
    client_as("steering").post(url(action_item), {"date": "2019-02-01", "text": "Still working", "new_status": ""})
    action_item.refresh_from_db()
    assert action_item.status == ActionItem.Status.IN_PROGRESS
    assert action_item.updates.filter(text="Still working", new_status="").exists()


def test_the_history_keeps_every_update(client_as, action_item):
    client = client_as("steering")
    client.post(url(action_item), {"date": "2019-02-01", "text": "First", "new_status": "in_progress"})
    client.post(url(action_item), {"date": "2019-03-01", "text": "Second", "new_status": "done"})
    assert list(action_item.updates.values_list("text", flat=True)) == ["Second", "First", "Network forming"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": "2019-02-01", "text": "", "new_status": ""}, "This field is required."),
        ({"date": "2999-01-01", "text": "From the future", "new_status": ""}, "cannot be dated in the future"),
        ({"date": "2019-02-01", "text": "Bad status", "new_status": "forgotten"}, "Select a valid choice."),
        ({"date": "yesterday", "text": "Bad date", "new_status": ""}, "Enter a valid date."),
        (
            {"date": "1990-01-01", "text": "Long ago", "new_status": ""},
            "cannot be dated before the forum, which started on 22 June 2017.",
        ),
        ({"date": "2017-06-21", "text": "Day before", "new_status": ""}, "cannot be dated before the forum"),
    ],
)
def test_bad_updates_are_refused(client_as, action_item, data, message):
    response = client_as("steering").post(url(action_item), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert action_item.updates.count() == 1


@pytest.mark.parametrize("role", ["member", "editor", "other_editor"])
def test_other_members_may_not_post_updates(client_as, action_item, role):
    response = client_as(role).post(url(action_item), {"date": "2019-02-01", "text": "Sneaky", "new_status": "done"})
    assert response.status_code == 403
    assert not ActionUpdate.objects.filter(text="Sneaky").exists()
    action_item.refresh_from_db()
    assert action_item.status == ActionItem.Status.IN_PROGRESS


def test_anonymous_users_are_sent_to_login(client_as, action_item):
    response = client_as("anonymous").post(url(action_item), {"date": "2019-02-01", "text": "x", "new_status": ""})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert action_item.updates.count() == 1


def test_an_update_dated_before_the_forum_is_refused_next_to_the_date_field(client_as, action_item):
    response = client_as("steering").post(url(action_item), {"date": "1990-01-01", "text": "Old", "new_status": ""})
    assert response.status_code == 400
    assert list(response.context["form"].errors) == ["date"]


def test_an_update_dated_on_the_first_day_of_the_forum_is_accepted(client_as, action_item):
    response = client_as("steering").post(url(action_item), {"date": "2017-06-22", "text": "Agreed", "new_status": ""})
    assert response.status_code == 302
    assert action_item.updates.filter(text="Agreed", date=datetime.date(2017, 6, 22)).exists()


def test_a_preparatory_action_of_a_coming_forum_is_updated_from_the_day_it_was_recorded(client_as, upcoming_forum):
    from forums.models import today

    from .factories import make_action_item

    item = make_action_item(upcoming_forum, text="Book the venue")
    client = client_as("coordinator")
    response = client.post(url(item), {"date": "2020-01-01", "text": "Too early", "new_status": ""})
    assert response.status_code == 400
    assert "cannot be dated before the action was recorded" in response.context["form"].errors["date"][0]
    response = client.post(url(item), {"date": today().isoformat(), "text": "Venue booked", "new_status": ""})
    assert response.status_code == 302
