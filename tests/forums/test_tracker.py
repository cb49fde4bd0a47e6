import datetime

import pytest
from django.urls import reverse

from forums.models import ActionItem

from .factories import make_action_item, make_forum, make_update

pytestmark = pytest.mark.django_db

URL = "/forums/follow-up/"


def items(response):
    return list(response.context["items"])


def test_tracker_lists_items_of_every_forum(client_as, forum, action_item, upcoming_forum):
    other = make_action_item(upcoming_forum, text="Prepare the annual report")
    response = client_as("anonymous").get(URL)
    assert set(items(response)) == {action_item, other}
    assert "Prepare the annual report" in response.content.decode()


def test_overdue_items_are_marked(client_as, forum, action_item):
    # Due 30 June 2018 and still in progress.
    done = make_action_item(forum, due_date=datetime.date(2018, 1, 1), status=ActionItem.Status.DONE, text="Done thing")
    response = client_as("anonymous").get(URL)
    assert action_item.is_overdue and not done.is_overdue
    content = response.content.decode()
    assert content.count(">Overdue<") == 1
    assert "1 item is overdue." in content


def test_filter_overdue_only(client_as, forum, action_item):
    make_action_item(forum, due_date=datetime.date(2099, 1, 1), text="Later")
    make_action_item(forum, due_date=datetime.date(2018, 1, 1), status=ActionItem.Status.DROPPED, text="Dropped")
    assert items(client_as("anonymous").get(URL, {"overdue": "on"})) == [action_item]


def test_filter_by_status_forum_country_and_organization(client_as, forum, action_item, other_organization,
                                                         upcoming_forum):
    pk_item = make_action_item(upcoming_forum, organizations=[other_organization], status=ActionItem.Status.PLANNED)
    af_item = make_action_item(upcoming_forum, countries=["AF"], status=ActionItem.Status.PLANNED)
    client = client_as("anonymous")
    assert set(items(client.get(URL, {"status": "planned"}))) == {pk_item, af_item}
    assert items(client.get(URL, {"forum": forum.slug})) == [action_item]
    assert items(client.get(URL, {"country": "pk"})) == [pk_item]  # through the responsible organization
    assert items(client.get(URL, {"country": "af"})) == [af_item]  # through the responsible country
    assert items(client.get(URL, {"organization": other_organization.slug})) == [pk_item]


def test_update_history_is_public(client_as, action_item):
    content = client_as("anonymous").get(URL).content.decode()
    assert "Network forming" in content
    assert "10 Jan 2018" in content


def test_update_link_is_shown_only_to_those_who_may_update(client_as, action_item):
    link = reverse("forums:action-item-update", args=[action_item.pk])
    assert link in client_as("steering").get(URL).content.decode()
    assert link in client_as("coordinator").get(URL).content.decode()
    assert link not in client_as("editor").get(URL).content.decode()
    assert link not in client_as("anonymous").get(URL).content.decode()


def test_empty_tracker_says_so(client_as, db):
    assert "No action items have been recorded yet." in client_as("anonymous").get(URL).content.decode()


def test_tracker_runs_a_fixed_number_of_queries(client_as, organization, other_organization, users,
                                                django_assert_max_num_queries):
    for n in range(10):
        forum = make_forum(start=datetime.date(2017 + n, 6, 1))
        for i in range(4):
            item = make_action_item(forum, organizations=[organization, other_organization], countries=["TJ"],
                                    due_date=datetime.date(2018, 1, i + 1))
            make_update(item, author=users["steering"])
            make_update(item, author=users["coordinator"])
    client = client_as("steering")
    with django_assert_max_num_queries(16):  # with the staff's organizations, the referrals badge and the agreements
        response = client.get(URL)
    assert len(items(response)) == 40


def test_the_overdue_checkbox_is_a_bootstrap_check_in_line_with_the_selects(client_as, forum):
    content = client_as("anonymous").get(reverse("forums:follow-up")).content.decode()
    assert '<div class="form-check mb-3 py-2">' in content
    assert 'class="form-check-input"' in content and 'for="id_overdue">Overdue only</label>' in content


@pytest.mark.parametrize("role, named", [("anonymous", False), ("member", False), ("steering", False), ("coordinator", True)])
def test_an_applicant_responsible_for_an_action_is_named_to_coordinators_only(client_as, forum, role, named):
    """The security review found an applicant (visible to coordinators only) named on the tracker and its filter."""
    from tests.factories import make_organization

    applicant = make_organization("TJ", name="Applicant Org", slug="applicant-org", acronym="APPL", membership_status="applicant")
    make_action_item(forum, organizations=[applicant], text="Draft the referral guide")
    content = client_as(role).get(reverse("forums:follow-up")).content.decode()
    assert "Draft the referral guide" in content  # the action itself is public
    assert ("APPL" in content) is named
    assert ('value="applicant-org"' in content) is named  # the filter's choices
