"""Forums, their programme, recommendations and action items keep a change history: who, when, what."""

import datetime

import pytest
from django.urls import reverse

from forums.models import ActionItem, Forum, today

from .conftest import post_edit
from .factories import make_action_item, make_recommendation, make_session

pytestmark = pytest.mark.django_db


def test_an_edit_in_the_portal_records_who_changed_what(client_as, users, planned_forum):
    new_start = planned_forum.start_date + datetime.timedelta(days=7)
    response = post_edit(client_as("coordinator"), planned_forum, start_date=new_start.isoformat(),
                         end_date=new_start.isoformat())
    assert response.status_code == 302
    record = planned_forum.history.latest()
    assert record.history_user == users["coordinator"]
    assert record.history_type == "~"
    # The form's first save writes "" where no text was (None): not a change, and the history does not show it.
    changed = {c.field for c in record.diff_against(record.prev_record).changes if c.old or c.new}
    assert changed - {"updated_at"} == {"start_date", "end_date"}


def test_a_progress_update_records_the_status_change_by_its_author(client_as, users, planned_forum):
    item = make_action_item(planned_forum, text="Draft the shelter standards")
    response = client_as("steering").post(
        reverse("forums:action-item-update", args=[item.pk]),
        {"date": today().isoformat(), "text": "Drafting started.", "new_status": "in_progress"},
    )
    assert response.status_code == 302
    record = item.history.latest()
    assert record.history_user == users["steering"]
    assert record.status == ActionItem.Status.IN_PROGRESS
    assert record.prev_record.status == ActionItem.Status.PLANNED


def test_the_history_page_lists_who_changed_what(client_as, users, planned_forum):
    post_edit(client_as("coordinator"), planned_forum, city="Herat", status="cancelled")
    make_session(planned_forum, title="Opening session")
    page = client_as("coordinator").get(reverse("forums:history", args=[planned_forum.slug])).content.decode()
    assert "Change history of Kabul test forum" in page
    assert "by coordinator@example.org on " in page
    assert "<del>Kabul</del> <span class=\"forward-arrow\" aria-hidden=\"true\">→</span> <span>Herat</span>" in page
    assert "<del>Planned</del> <span class=\"forward-arrow\" aria-hidden=\"true\">→</span> <span>Cancelled</span>" in page
    assert "Opening session" in page


def test_the_forum_page_links_to_the_history_for_coordinators_only(client_as, planned_forum):
    url = reverse("forums:history", args=[planned_forum.slug])
    assert url in client_as("coordinator").get(planned_forum.get_absolute_url()).content.decode()
    assert url not in client_as("steering").get(planned_forum.get_absolute_url()).content.decode()


def test_recent_changes_include_forum_and_action_item_changes_linked_to_the_forum(client_as, planned_forum):
    post_edit(client_as("coordinator"), planned_forum, city="Herat")
    make_action_item(planned_forum, text="Translate the referral guide")
    page = client_as("coordinator").get(reverse("members:recent-changes")).content.decode()
    forum_link = f'<a href="{planned_forum.get_absolute_url()}">'
    assert f"{forum_link}Kabul test forum</a>" in page
    assert f"{forum_link}Translate the referral guide</a>" in page


def test_a_deleted_forums_items_stay_in_recent_changes_without_a_link(client_as, planned_forum):
    make_action_item(planned_forum, text="Orphaned action")
    Forum.objects.filter(pk=planned_forum.pk).delete()
    page = client_as("coordinator").get(reverse("members:recent-changes")).content.decode()
    assert "Orphaned action" in page
    assert "Orphaned action</a>" not in page


def test_the_history_page_runs_a_fixed_number_of_queries(
    client_as, organization, planned_forum, django_assert_max_num_queries
):
    client = client_as("coordinator")
    for n in range(15):
        post_edit(client, planned_forum, summary_en=f"Summary {n}", city=f"City {n % 3}")
    for n in range(10):
        make_session(planned_forum, title=f"Session {n}")
        make_recommendation(planned_forum, text=f"Recommendation {n}")
        make_action_item(planned_forum, organizations=[organization], text=f"Action {n}")
    with django_assert_max_num_queries(12):
        response = client.get(reverse("forums:history", args=[planned_forum.slug]))
    assert response.status_code == 200


def test_recent_changes_runs_a_fixed_number_of_queries(
    client_as, organization, planned_forum, django_assert_max_num_queries
):
    for n in range(20):
        make_action_item(planned_forum, organizations=[organization], text=f"Action {n}")
        make_session(planned_forum, title=f"Session {n}")
    client = client_as("coordinator")
    with django_assert_max_num_queries(24):
        response = client.get(reverse("members:recent-changes"))
    assert response.status_code == 200


def test_an_untouched_summary_sent_back_with_crlf_is_not_a_change(client_as, planned_forum):
    planned_forum.summary_en = "First line.\nSecond line."
    planned_forum.save()
    post_edit(client_as("coordinator"), planned_forum, summary_en="First line.\r\nSecond line.", city="Herat")
    record = planned_forum.history.latest()
    assert {c.field for c in record.diff_against(record.prev_record).changes} - {"updated_at"} == {"city"}


def test_the_history_page_shows_dates_as_people_read_them(client_as, planned_forum):
    planned_forum.start_date = planned_forum.end_date = datetime.date(2030, 3, 4)
    planned_forum.save()
    page = client_as("coordinator").get(reverse("forums:history", args=[planned_forum.slug])).content.decode()
    assert "→</span> <span>4 March 2030</span>" in page


@pytest.mark.parametrize("model", ["forum", "actionitem"])
def test_the_admin_shows_the_history_too(admin_client, planned_forum, model):
    item = make_action_item(planned_forum, text="Admin-visible action")
    pk = planned_forum.pk if model == "forum" else item.pk
    response = admin_client.get(reverse(f"admin:forums_{model}_history", args=[pk]))
    assert response.status_code == 200
    assert "simple_history" in " ".join(t.name for t in response.templates)
