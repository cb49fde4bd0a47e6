"""The action plan: the plan page, an activity's page, the activity and progress note forms, the yearly cycle."""

import datetime

import pytest
from django.urls import reverse

from forums.models import Forum
from members.models import Country, NationalNetwork
from strategy.models import Activity, ActivityUpdate, Objective, ObjectiveActionItem, Strategy
from strategy.views.plan import yearly_cycle
from tests.factories import make_organization
from tests.forums.factories import make_action_item, make_forum
from tests.strategy.factories import adopt, first_objective, make_activity, make_strategy

TODAY = datetime.date.today()


@pytest.fixture
def adopted(db):
    strategy = make_strategy(2019, 2023, objectives=2, title="Strategy in force")
    return adopt(strategy, make_forum(start=datetime.date(2018, 8, 27), title="Kabul forum"))


@pytest.fixture
def draft(db):
    return make_strategy(2024, 2028, objectives=2, title="Draft strategy")


def superseded(strategy):
    Strategy.objects.filter(pk=strategy.pk).update(status=Strategy.Status.SUPERSEDED)
    strategy.refresh_from_db()
    return strategy


def plan_url(strategy, query=""):
    return reverse("strategy:plan", args=[strategy.pk]) + query


def objective_of(strategy, code):
    return Objective.objects.get(goal__strategy=strategy, code=code)


# --- the plan page ----------------------------------------------------------------------------------------


def test_the_public_reads_the_plan_of_an_adopted_strategy(client, adopted, organization):
    activity = make_activity(first_objective(adopted), title="Train border guards", countries=["TJ"],
                             organizations=[organization])
    ActivityUpdate.objects.create(activity=activity, date=datetime.date(2019, 5, 1), text="Two trainings held.")
    page = client.get(plan_url(adopted)).content.decode()
    assert "Train border guards" in page
    assert organization.acronym in page or organization.name in page
    assert "Two trainings held." in page
    assert reverse("strategy:activity", args=[adopted.pk, activity.pk]) in page
    assert "Add an activity" not in page and "Link forum action items" not in page


@pytest.mark.parametrize("role", ["anonymous", "stakeholder"])
def test_a_draft_plan_does_not_exist_for_the_public(client_as, draft, role):
    assert client_as(role).get(plan_url(draft)).status_code == 404


def test_members_read_a_draft_plan_but_do_not_keep_it(client_as, draft):
    response = client_as("member").get(plan_url(draft))
    assert response.status_code == 200
    assert "Add an activity" not in response.content.decode()


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_drafters_see_the_links_to_keep_the_plan(client_as, adopted, role):
    objective = first_objective(adopted)
    page = client_as(role).get(plan_url(adopted)).content.decode()
    assert reverse("strategy:activity-create", args=[adopted.pk]) + f"?objective={objective.pk}" in page
    assert reverse("strategy:objective-action-items", args=[adopted.pk, objective.pk]) in page


def test_a_superseded_plan_is_read_only(client_as, adopted):
    superseded(adopted)
    page = client_as("coordinator").get(plan_url(adopted)).content.decode()
    assert "Add an activity" not in page
    assert "Link forum action items" not in page


def test_applicants_are_named_to_coordinators_only(client_as, adopted):
    applicant = make_organization("TJ", name="Applicant NGO", acronym="APPL", slug="applicant-ngo",
                                  membership_status="applicant")
    make_activity(first_objective(adopted), title="Shelter survey", organizations=[applicant])
    assert "APPL" not in client_as("member").get(plan_url(adopted)).content.decode()
    assert "APPL" in client_as("coordinator").get(plan_url(adopted)).content.decode()


def test_overdue_activities_are_marked_and_filtered(client, adopted):
    objective = first_objective(adopted)
    make_activity(objective, title="Late activity", start=datetime.date(2019, 1, 1), end=datetime.date(2019, 3, 1))
    make_activity(objective, title="Finished activity", status=Activity.Status.DONE, end=datetime.date(2019, 3, 1))
    make_activity(objective, title="Future activity", start=TODAY, end=TODAY + datetime.timedelta(days=30))
    page = client.get(plan_url(adopted, "?status=overdue")).content.decode()
    assert "Late activity" in page and "Overdue" in page
    assert "Finished activity" not in page and "Future activity" not in page
    page = client.get(plan_url(adopted, "?status=done")).content.decode()
    assert "Finished activity" in page and "Late activity" not in page


def test_filters_by_country_and_organization(client, adopted, organization, other_organization):
    objective = first_objective(adopted)
    make_activity(objective, title="Tajik activity", countries=["TJ"], organizations=[organization])
    make_activity(objective, title="Pakistani activity", countries=["PK"], organizations=[other_organization])
    page = client.get(plan_url(adopted, "?country=" + Country.objects.get(code="TJ").slug)).content.decode()
    assert "Tajik activity" in page and "Pakistani activity" not in page
    page = client.get(plan_url(adopted, f"?organization={other_organization.slug}")).content.decode()
    assert "Pakistani activity" in page and "Tajik activity" not in page
    # An unknown value filters nothing.
    page = client.get(plan_url(adopted, "?organization=no-such&status=bogus")).content.decode()
    assert "Pakistani activity" in page and "Tajik activity" in page


def test_filtered_plan_without_matches_says_so(client, adopted):
    make_activity(first_objective(adopted), title="Only activity")
    page = client.get(plan_url(adopted, "?status=dropped")).content.decode()
    assert "Nothing in the plan matches these filters." in page
    assert "Only activity" not in page


def test_forum_action_items_serving_an_objective_are_listed_from_the_tracker(client, adopted):
    forum = make_forum(start=datetime.date(2017, 6, 22), title="Dushanbe forum")
    item = make_action_item(forum, text="Form a national network in Uzbekistan", countries=["UZ"])
    make_action_item(forum, text="Not serving anything")
    ObjectiveActionItem.objects.create(objective=objective_of(adopted, "1.2"), action_item=item)
    page = client.get(plan_url(adopted)).content.decode()
    assert "Form a national network in Uzbekistan" in page
    assert "From the follow-up tracker" in page
    assert f"{forum.get_absolute_url()}#action-{item.pk}" in page
    assert "Not serving anything" not in page
    assert "1 forum action item" in page
    # The tracker's filters apply to it as well.
    assert "Form a national network" not in client.get(plan_url(adopted, "?status=done")).content.decode()
    uz = Country.objects.get(code="UZ").slug
    assert "Form a national network" in client.get(plan_url(adopted, f"?country={uz}")).content.decode()


def test_plan_queries_do_not_grow_with_the_data(client, adopted, organization, django_assert_num_queries):
    network = NationalNetwork.objects.create(country=Country.objects.get(code="TJ"), name="Tajik network")
    forum = make_forum(start=datetime.date(2017, 6, 22))
    make_forum(start=datetime.date(2019, 9, 1), kind=Forum.Kind.ANNUAL)

    def add(n):
        for objective in Objective.objects.filter(goal__strategy=adopted):
            for _ in range(n):
                activity = make_activity(objective, countries=["TJ", "PK"], organizations=[organization],
                                         networks=[network])
                ActivityUpdate.objects.create(activity=activity, date=datetime.date(2019, 2, 1), text="Note")
                ObjectiveActionItem.objects.create(objective=objective, action_item=make_action_item(forum))

    add(1)
    client.get(plan_url(adopted))  # warm up (sessions, content types)
    with django_assert_num_queries(12) as captured:
        client.get(plan_url(adopted))
    add(5)
    with django_assert_num_queries(len(captured.captured_queries)):
        response = client.get(plan_url(adopted))
    assert response.content.decode().count("plan-activity") == 12


# --- the yearly cycle -------------------------------------------------------------------------------------


def test_the_yearly_cycle_names_each_years_annual_meeting(client, adopted):
    held = make_forum(start=datetime.date(2019, 9, 10), kind=Forum.Kind.ANNUAL, title="Annual meeting 2019")
    make_forum(start=datetime.date(2020, 9, 10), kind=Forum.Kind.ANNUAL, status=Forum.Status.CANCELLED)
    planned = make_forum(start=datetime.date(2021, 9, 10), kind=Forum.Kind.ANNUAL, status=Forum.Status.PLANNED)
    make_forum(start=datetime.date(2022, 9, 10), kind=Forum.Kind.REGIONAL_NGO)  # not an annual meeting
    rows = {row["year"]: row for row in yearly_cycle(adopted, on=datetime.date(2022, 1, 15))}
    assert rows[2019]["state"] == "held" and rows[2019]["held"] == [held]
    assert rows[2020]["state"] == "missing"  # cancelled
    assert rows[2021]["state"] == "planned" and rows[2021]["planned"] == [planned]
    assert rows[2022]["state"] == "unscheduled" and rows[2023]["state"] == "unscheduled"
    page = client.get(plan_url(adopted)).content.decode()
    assert 'id="yearly-cycle"' in page
    assert held.get_absolute_url() in page
    assert "Planned for" in page
    assert "None recorded" in page  # 2020, and 2022–2023 as well now that they have passed


# --- an activity's page -----------------------------------------------------------------------------------


def activity_url(activity, name="strategy:activity"):
    return reverse(name, args=[activity.objective.goal.strategy_id, activity.pk])


def test_the_activity_page_shows_notes_with_author_names_never_e_mails(client, adopted, users):
    activity = make_activity(first_objective(adopted), title="Referral guide", description="A guide for referrals.")
    users["steering"].first_name, users["steering"].last_name = "Farida", "Rahimi"
    users["steering"].save()
    ActivityUpdate.objects.create(activity=activity, text="Drafted.", author=users["steering"],
                                  new_status=Activity.Status.IN_PROGRESS)
    page = client.get(activity_url(activity)).content.decode()
    assert "Referral guide" in page and "A guide for referrals." in page and "Drafted." in page
    assert users["steering"].get_full_name() in page
    assert users["steering"].email not in page
    assert "Add a progress note" not in page


def test_author_names_of_countries_that_hide_them_are_not_shown_to_the_public(client, client_as, adopted, users):
    Country.objects.filter(code="TJ").update(hide_names_publicly=True)
    users["editor"].first_name = "Dilnoza"
    users["editor"].save()
    activity = make_activity(first_objective(adopted))
    ActivityUpdate.objects.create(activity=activity, text="Hidden author.", author=users["editor"])
    name = users["editor"].get_full_name()
    assert name
    assert name not in client.get(activity_url(activity)).content.decode()
    assert name in client_as("member").get(activity_url(activity)).content.decode()


def test_an_activity_of_another_strategy_is_404(client, adopted, draft):
    activity = make_activity(first_objective(draft))
    url = reverse("strategy:activity", args=[adopted.pk, activity.pk])
    assert client.get(url).status_code == 404


def test_the_activity_page_includes_the_budget(client, adopted):
    activity = make_activity(first_objective(adopted), budget_public=True)
    response = client.get(activity_url(activity))
    assert "strategy/_activity_budget.html" in [t.name for t in response.templates]
    assert response.context["budget_hidden"] is not True if "budget_hidden" in response.context else True


def test_activity_page_queries_do_not_grow(client, adopted, users, organization, django_assert_num_queries):
    activity = make_activity(first_objective(adopted), countries=["TJ"], organizations=[organization])
    ActivityUpdate.objects.create(activity=activity, text="One", author=users["steering"])
    client.get(activity_url(activity))
    with django_assert_num_queries(7):
        client.get(activity_url(activity))
    for n in range(5):
        ActivityUpdate.objects.create(activity=activity, text=f"More {n}", author=users["coordinator"])
    with django_assert_num_queries(7):
        response = client.get(activity_url(activity))
    assert "More 4" in response.content.decode()


# --- progress notes ---------------------------------------------------------------------------------------


def test_a_progress_note_sets_the_status(client_as, adopted, users):
    activity = make_activity(first_objective(adopted))
    response = client_as("steering").post(
        activity_url(activity, "strategy:activity-update"),
        {"date": TODAY.isoformat(), "text": "Half done.", "new_status": "in_progress"},
    )
    assert response.status_code == 302
    update = activity.updates.get()
    assert update.author == users["steering"] and update.text == "Half done."
    activity.refresh_from_db()
    assert activity.status == Activity.Status.IN_PROGRESS


def test_a_progress_note_without_a_new_status_keeps_it(client_as, adopted):
    activity = make_activity(first_objective(adopted), status=Activity.Status.IN_PROGRESS)
    client_as("coordinator").post(activity_url(activity, "strategy:activity-update"),
                                  {"date": TODAY.isoformat(), "text": "Still going.", "new_status": ""})
    activity.refresh_from_db()
    assert activity.status == Activity.Status.IN_PROGRESS and activity.updates.count() == 1


@pytest.mark.parametrize("data", [
    {"date": (TODAY + datetime.timedelta(days=1)).isoformat(), "text": "From the future."},
    {"date": TODAY.isoformat(), "text": ""},
    {"date": "yesterday", "text": "Bad date."},
    {"date": TODAY.isoformat(), "text": "Bad status.", "new_status": "finished"},
])
def test_bad_progress_notes_are_refused(client_as, adopted, data):
    activity = make_activity(first_objective(adopted))
    response = client_as("steering").post(activity_url(activity, "strategy:activity-update"), data)
    assert response.status_code == 400
    assert not activity.updates.exists()


def test_a_future_date_is_explained(client_as, adopted):
    activity = make_activity(first_objective(adopted))
    response = client_as("steering").post(activity_url(activity, "strategy:activity-update"),
                                          {"date": (TODAY + datetime.timedelta(days=3)).isoformat(), "text": "x"})
    assert "A progress update cannot be dated in the future." in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("editor", 403), ("stakeholder", 403)])
def test_only_drafters_post_progress_notes(client_as, adopted, role, status):
    activity = make_activity(first_objective(adopted))
    response = client_as(role).post(activity_url(activity, "strategy:activity-update"),
                                    {"date": TODAY.isoformat(), "text": "Sneaky."})
    assert response.status_code == status
    assert not activity.updates.exists()


def test_no_progress_notes_once_superseded(client_as, adopted):
    activity = make_activity(first_objective(adopted))
    superseded(adopted)
    response = client_as("coordinator").post(activity_url(activity, "strategy:activity-update"),
                                             {"date": TODAY.isoformat(), "text": "Too late."})
    assert response.status_code == 403
    assert "Add a progress note" not in client_as("coordinator").get(activity_url(activity)).content.decode()


# --- the activity form ------------------------------------------------------------------------------------


def activity_data(objective, **extra):
    data = {
        "objective": objective.pk, "title_en": "Train labour inspectors", "description_en": "Two trainings.",
        "start_date": "2020-01-01", "end_date": "2020-06-30", "status": "planned", "order": 0,
    }
    data.update(extra)
    return data


def test_a_drafter_adds_an_activity(client_as, adopted, organization):
    objective = objective_of(adopted, "1.2")
    url = reverse("strategy:activity-create", args=[adopted.pk])
    form_page = client_as("steering").get(url + f"?objective={objective.pk}")
    assert form_page.context["form"].initial["objective"] == objective
    assert "budget_public" not in form_page.context["form"].fields
    tj = Country.objects.get(code="TJ")
    response = client_as("steering").post(
        url, activity_data(objective, countries=[tj.pk], responsible_organizations=[organization.pk])
    )
    activity = Activity.objects.get(title_en="Train labour inspectors")
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    assert activity.objective == objective
    assert list(activity.countries.all()) == [tj]
    assert list(activity.responsible_organizations.all()) == [organization]


def test_a_drafter_edits_an_activity(client_as, draft):
    activity = make_activity(first_objective(draft), title="Old title")
    response = client_as("coordinator").post(
        activity_url(activity, "strategy:activity-edit"),
        activity_data(first_objective(draft), title_en="New title", status="in_progress",
                      start_date="2024-02-01", end_date="2024-03-01"),
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title_en == "New title" and activity.status == "in_progress"


def test_the_end_date_before_the_start_is_explained_under_it(client_as, adopted):
    response = client_as("steering").post(
        reverse("strategy:activity-create", args=[adopted.pk]),
        activity_data(first_objective(adopted), start_date="2020-06-01", end_date="2020-05-01"),
    )
    assert response.status_code == 400
    assert response.context["form"].errors["end_date"] == ["The end date cannot be before the start date."]
    assert not Activity.objects.filter(title_en="Train labour inspectors").exists()


def test_an_objective_of_another_strategy_is_refused(client_as, adopted, draft):
    response = client_as("steering").post(
        reverse("strategy:activity-create", args=[adopted.pk]), activity_data(first_objective(draft))
    )
    assert response.status_code == 400
    assert "objective" in response.context["form"].errors


def test_control_characters_in_the_title_are_refused(client_as, adopted):
    response = client_as("steering").post(
        reverse("strategy:activity-create", args=[adopted.pk]),
        activity_data(first_objective(adopted), title_en="Train\u202einspectors"),
    )
    assert response.status_code == 400
    assert "title_en" in response.context["form"].errors


def test_an_applicant_cannot_be_made_responsible_by_a_representative(client_as, adopted):
    applicant = make_organization("TJ", name="Applicant NGO", slug="applicant-ngo", membership_status="applicant")
    response = client_as("steering").post(
        reverse("strategy:activity-create", args=[adopted.pk]),
        activity_data(first_objective(adopted), responsible_organizations=[applicant.pk]),
    )
    assert response.status_code == 400
    assert "responsible_organizations" in response.context["form"].errors


@pytest.mark.parametrize(("role", "status"), [("member", 403), ("stakeholder", 403), ("anonymous", 302)])
def test_only_drafters_open_the_activity_form(client_as, adopted, role, status):
    assert client_as(role).get(reverse("strategy:activity-create", args=[adopted.pk])).status_code == status


def test_activity_forms_are_403_once_superseded(client_as, adopted):
    activity = make_activity(first_objective(adopted))
    superseded(adopted)
    client = client_as("coordinator")
    assert client.get(reverse("strategy:activity-create", args=[adopted.pk])).status_code == 403
    assert client.get(activity_url(activity, "strategy:activity-edit")).status_code == 403
    assert client.post(activity_url(activity, "strategy:activity-edit"),
                       activity_data(first_objective(adopted))).status_code == 403


def test_an_applicant_named_by_a_coordinator_stays_when_a_representative_saves(client_as, adopted, organization):
    applicant = make_organization("TJ", name="Applicant NGO", slug="applicant-ngo", membership_status="applicant")
    activity = make_activity(first_objective(adopted), organizations=[applicant, organization])
    response = client_as("steering").post(
        activity_url(activity, "strategy:activity-edit"),
        activity_data(first_objective(adopted), responsible_organizations=[organization.pk]),
    )
    assert response.status_code == 302
    assert set(activity.responsible_organizations.all()) == {applicant, organization}
