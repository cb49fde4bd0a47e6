"""Progress at a glance: the figures of `progress_of`, the progress page per role, and the indicator results form."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from forums.models import ActionItem
from strategy.models import Activity, IndicatorResult, ObjectiveActionItem, Strategy
from strategy.progress import FUTURE, MET, NOT_MET, NOT_REPORTED, REPORTED, WorkCounts, progress_of
from tests.forums.factories import make_action_item, make_forum
from tests.strategy.factories import adopt, first_objective, make_activity, make_budget_line, make_indicator, make_strategy

ON = datetime.date(2021, 6, 30)
THIS_YEAR = datetime.date.today().year
Status = Activity.Status


@pytest.fixture
def forum(db):
    return make_forum(start=datetime.date(2018, 8, 27), title="Kabul forum")


@pytest.fixture
def adopted(forum):
    return adopt(make_strategy(2019, 2023, objectives=2, title="Strategy in force"), forum)


@pytest.fixture
def draft(db):
    return make_strategy(2024, 2028, objectives=1, title="Draft strategy")


def objectives(strategy):
    return list(first_objective(strategy).goal.objectives.order_by("order"))


def record(indicator, year, value, note=""):
    return IndicatorResult.objects.create(indicator=indicator, year=year, value=Decimal(value), note=note)


def progress_url(strategy):
    return reverse("strategy:progress", args=[strategy.pk])


def results_url(strategy, indicator):
    return reverse("strategy:indicator-results", args=[strategy.pk, indicator.pk])


# --- the figures ------------------------------------------------------------------------------------------------


def test_each_year_of_an_indicator_is_met_not_met_not_reported_or_future(adopted):
    indicator = first_objective(adopted).indicators.get()  # targets 1, 2, 3, 4, 5 for 2019…2023
    record(indicator, 2019, 1)  # met exactly
    record(indicator, 2020, "1.5")  # below the target of 2
    row = progress_of(adopted, AnonymousUser(), on=ON).objectives[0].indicators[0]
    assert [f.year for f in row.years] == [2019, 2020, 2021, 2022, 2023]
    assert row.states == [MET, NOT_MET, NOT_REPORTED, FUTURE, FUTURE]
    # The latest result (2020) against the latest target (2021, the year under way).
    assert (row.latest.year, row.latest.result) == (2020, Decimal("1.5"))
    assert (row.latest_target.year, row.latest_target.target) == (2021, Decimal(3))
    assert row.latest_met is False
    record(indicator, 2021, 4)
    progress = progress_of(adopted, AnonymousUser(), on=ON)
    row = progress.objectives[0].indicators[0]
    assert row.states[2] == MET and row.latest_met is True
    assert (progress.indicators_met, progress.indicators_reported, len(progress.indicators)) == (1, 1, 2)
    record(indicator, 2022, 0)  # reported ahead of its year: the latest result, below its target
    progress = progress_of(adopted, AnonymousUser(), on=ON)
    assert progress.objectives[0].indicators[0].latest_state == NOT_MET
    assert (progress.indicators_met, progress.indicators_reported) == (0, 1)


def test_a_result_without_a_target_is_reported_and_counts_as_neither(db):
    draft = make_strategy(2019, 2023)
    indicator = make_indicator(first_objective(draft), targets={2019: Decimal(5)})
    record(indicator, 2020, 7)
    rows = progress_of(draft, AnonymousUser(), on=ON).objectives[0].indicators
    row = rows[1]
    assert row.states[:2] == [NOT_REPORTED, REPORTED]
    assert row.latest_met is None  # no target for 2021
    assert progress_of(draft, AnonymousUser(), on=ON).indicators_reported == 0


def test_activities_are_counted_by_state_with_overdue_apart(adopted):
    objective = first_objective(adopted)
    end = datetime.date(2021, 12, 31)
    make_activity(objective, status=Status.DONE)
    make_activity(objective, status=Status.DROPPED)
    make_activity(objective, status=Status.PLANNED, end=end)  # in progress or planned
    make_activity(objective, status=Status.IN_PROGRESS, end=end)
    make_activity(objective, status=Status.IN_PROGRESS, end=datetime.date(2020, 12, 31))  # overdue
    make_activity(objective, status=Status.PLANNED, end=datetime.date(2021, 6, 29))  # overdue by a day
    make_activity(objective, status=Status.DONE, end=datetime.date(2020, 1, 31))  # done late: not overdue
    progress = progress_of(adopted, AnonymousUser(), on=ON)
    assert progress.objectives[0].activities == WorkCounts(done=2, in_progress=2, overdue=2, dropped=1)
    assert progress.objectives[1].activities == WorkCounts()
    assert progress.activities == WorkCounts(done=2, in_progress=2, overdue=2, dropped=1)


def test_forum_action_items_serving_an_objective_are_counted_once_by_their_own_state(adopted, forum):
    first, second = objectives(adopted)
    done = make_action_item(forum, status=ActionItem.Status.DONE)
    late = make_action_item(forum, status=ActionItem.Status.PLANNED, due_date=datetime.date(2020, 1, 1))
    undated = make_action_item(forum, status=ActionItem.Status.IN_PROGRESS)
    make_action_item(forum, status=ActionItem.Status.DONE)  # serves no objective: not counted
    for item in (done, late):
        ObjectiveActionItem.objects.create(objective=first, action_item=item)
    ObjectiveActionItem.objects.create(objective=second, action_item=undated)
    # The same action item in another strategy version counts there, not twice here.
    ObjectiveActionItem.objects.create(objective=first_objective(make_strategy(2024, 2028)), action_item=done)
    make_activity(first, status=Status.DONE)
    progress = progress_of(adopted, AnonymousUser(), on=ON)
    row = progress.objectives[0]
    assert row.action_items == WorkCounts(done=1, overdue=1)
    assert row.activities == WorkCounts(done=1)
    assert (row.work.total, row.work.done) == (3, 2)  # the activity and the two action items, each once
    assert progress.objectives[1].action_items == WorkCounts(in_progress=1)
    assert progress.action_items == WorkCounts(done=1, in_progress=1, overdue=1)
    assert progress.work.total == 4


def test_the_budget_is_summed_per_currency_never_across(adopted, users):
    first, second = objectives(adopted)
    a = make_activity(first, budget_public=True)
    b = make_activity(first)
    c = make_activity(second, budget_public=True)
    make_budget_line(a, 1000, "USD", secured=600, spent=200)
    make_budget_line(a, 500, "USD", year=2020, secured=500)
    make_budget_line(b, 800, "EUR", secured=100)
    make_budget_line(c, 300, "USD", spent=50)
    progress = progress_of(adopted, users["member"], on=ON)
    assert progress.objectives[0].budget == [
        {"currency": "EUR", "planned": Decimal(800), "secured": Decimal(100), "spent": Decimal(0)},
        {"currency": "USD", "planned": Decimal(1500), "secured": Decimal(1100), "spent": Decimal(200)},
    ]
    assert progress.budget == [
        {"currency": "EUR", "planned": Decimal(800), "secured": Decimal(100), "spent": Decimal(0)},
        {"currency": "USD", "planned": Decimal(1800), "secured": Decimal(1100), "spent": Decimal(250)},
    ]
    assert not progress.budget_is_partial
    # The public sees the public activities' lines only; a year narrows the budget (the annual report's).
    public = progress_of(adopted, AnonymousUser(), on=ON, year=2019)
    assert public.budget == [{"currency": "USD", "planned": Decimal(1300), "secured": Decimal(600), "spent": Decimal(250)}]
    assert public.budget_is_partial


def test_progress_runs_a_fixed_number_of_queries(adopted, forum, users, django_assert_num_queries):
    def add(n):
        for objective in objectives(adopted):
            for _ in range(n):
                activity = make_activity(objective, budget_public=True)
                make_budget_line(activity, 100, "USD")
                make_budget_line(activity, 100, "EUR")
                ObjectiveActionItem.objects.create(objective=objective, action_item=make_action_item(forum))
            record(objective.indicators.get(), 2019 + n, n)

    add(1)
    for user in (users["member"], AnonymousUser()):
        progress_of(adopted, user)  # warm up the user's memberships
        with django_assert_num_queries(8):
            progress_of(adopted, user)
    add(3)
    with django_assert_num_queries(8):
        progress = progress_of(adopted, AnonymousUser())
    assert progress.activities.total == 8 and progress.action_items.total == 8


# --- the page ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["anonymous", "member", "stakeholder", "steering", "coordinator"])
def test_everyone_sees_the_progress_of_an_adopted_strategy(client_as, role, adopted):
    indicator = first_objective(adopted).indicators.get()
    record(indicator, 2019, 1, note="Count of signed MOUs.")
    record(indicator, 2020, 1)
    response = client_as(role).get(progress_url(adopted))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Progress at a glance" in html and "Objective 1.2" in html
    assert "✓ met" in html and "✗ not met" in html  # in words, not colour alone
    assert "Count of signed MOUs." in html
    assert (results_url(adopted, indicator) in html) == (role in ("steering", "coordinator"))


@pytest.mark.parametrize("role", ["anonymous", "stakeholder"])
def test_the_progress_of_a_draft_does_not_exist_for_the_public(client_as, role, draft):
    assert client_as(role).get(progress_url(draft)).status_code == 404


@pytest.mark.parametrize("role", ["member", "steering"])
def test_members_see_the_progress_of_a_draft(client_as, role, draft):
    assert client_as(role).get(progress_url(draft)).status_code == 200


def test_the_public_sees_only_the_public_budget_and_is_told_so(client_as, adopted):
    objective = first_objective(adopted)
    make_budget_line(make_activity(objective, budget_public=True), 1234, "USD", secured=1000)
    make_budget_line(make_activity(objective), 98765, "EUR")
    public = client_as("anonymous").get(progress_url(adopted)).content.decode()
    assert "1,234" in public and "98,765" not in public and "EUR" not in public
    assert "Only the budget of the activities the steering committee made public is shown." in public
    member = client_as("member").get(progress_url(adopted)).content.decode()
    assert "1,234" in member and "98,765" in member
    assert "made public is shown" not in member
    assert '<progress class="budget-bar d-block w-100" max="1234" value="1000"' in member


def test_the_work_badges_link_to_the_plan_filtered_by_state(client, adopted):
    objective = first_objective(adopted)
    make_activity(objective, status=Status.PLANNED, end=datetime.date(2020, 1, 1))
    html = client.get(progress_url(adopted)).content.decode()
    plan = reverse("strategy:plan", args=[adopted.pk])
    assert f'href="{plan}?status=overdue">1 overdue</a>' in html  # the whole strategy
    assert f'href="{plan}?status=overdue#objective-{objective.pk}">1 overdue</a>' in html
    assert f'href="{plan}?status=done">0 done</a>' in html


def test_the_progress_page_runs_a_fixed_number_of_queries(client_as, adopted, forum, django_assert_num_queries):
    client = client_as("member")

    def add(n):
        for objective in objectives(adopted):
            for _ in range(n):
                make_budget_line(make_activity(objective), 100, "USD")
                ObjectiveActionItem.objects.create(objective=objective, action_item=make_action_item(forum))

    add(1)
    client.get(progress_url(adopted))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(progress_url(adopted)).status_code == 200
    add(4)
    with django_assert_num_queries(len(few)):
        assert client.get(progress_url(adopted)).status_code == 200


# --- the results form -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["steering", "coordinator"])
def test_drafters_record_results_year_by_year(client_as, users, role, adopted):
    indicator = first_objective(adopted).indicators.get()
    url = results_url(adopted, indicator)
    client = client_as(role)
    form = client.get(url).content.decode()
    assert 'name="value_2023"' in form and "Target: 5" in form
    data = {"value_2019": "1", "note_2019": "Members' survey", "value_2020": "12.5", "note_2020": "", "value_2021": ""}
    response = client.post(url, data)
    assert response.status_code == 302
    assert response["Location"] == progress_url(adopted) + f"#objective-{indicator.objective_id}"
    results = {r.year: r for r in IndicatorResult.objects.filter(indicator=indicator)}
    assert (results[2019].value, results[2019].note, results[2019].recorded_by) == (1, "Members' survey", users[role])
    assert results[2020].value == Decimal("12.5") and set(results) == {2019, 2020}
    # A blank value deletes the year's result; an unchanged one is kept as it was.
    response = client.post(url, {"value_2019": "1", "note_2019": "Members' survey", "value_2020": ""})
    assert response.status_code == 302
    assert list(IndicatorResult.objects.filter(indicator=indicator).values_list("year", flat=True)) == [2019]


def test_only_the_years_begun_are_offered_and_a_future_year_is_not_recorded(client_as, draft):
    indicator = first_objective(draft).indicators.get()
    client = client_as("steering")
    form = client.get(results_url(draft, indicator)).content.decode()
    assert f'name="value_{THIS_YEAR}"' in form and f'name="value_{THIS_YEAR + 1}"' not in form
    response = client.post(results_url(draft, indicator), {f"value_{THIS_YEAR + 1}": "3", "value_2024": "2"})
    assert response.status_code == 302
    assert list(IndicatorResult.objects.values_list("year", flat=True)) == [2024]


def test_a_period_not_yet_begun_has_nothing_to_record(client_as, db):
    strategy = make_strategy(THIS_YEAR + 1, THIS_YEAR + 5)
    html = client_as("coordinator").get(results_url(strategy, first_objective(strategy).indicators.get())).content.decode()
    assert "results can be recorded once it has begun" in html and "Save the results" not in html


@pytest.mark.parametrize(
    "data, error",
    [
        ({"value_2019": "-1"}, "Ensure this value is greater than or equal to 0."),
        ({"value_2019": "many"}, "Enter a number."),
        ({"value_2019": "1.234"}, "Ensure that there are no more than 2 decimal places."),
        ({"value_2019": "", "note_2019": "A note without a figure"}, "Give the result, or leave the note empty too."),
        ({"value_2019": "1", "note_2019": "Bad\x07note"}, ""),
    ],
)
def test_bad_results_are_refused_and_nothing_is_saved(client_as, adopted, data, error):
    indicator = first_objective(adopted).indicators.get()
    record(indicator, 2020, 2)
    response = client_as("coordinator").post(results_url(adopted, indicator), {**data, "value_2020": ""})
    assert response.status_code == 400
    assert error in response.content.decode()
    assert list(IndicatorResult.objects.values_list("year", "value")) == [(2020, Decimal(2))]


@pytest.mark.parametrize("role, status", [("member", 403), ("editor", 403), ("stakeholder", 403)])
def test_readers_may_not_record_results(client_as, role, status, adopted):
    indicator = first_objective(adopted).indicators.get()
    assert client_as(role).post(results_url(adopted, indicator), {"value_2019": "1"}).status_code == status
    assert not IndicatorResult.objects.exists()


def test_results_of_a_superseded_strategy_are_kept_as_they_were(client_as, adopted):
    indicator = first_objective(adopted).indicators.get()
    Strategy.objects.filter(pk=adopted.pk).update(status=Strategy.Status.SUPERSEDED)
    client = client_as("coordinator")
    assert client.get(results_url(adopted, indicator)).status_code == 403
    assert client.post(results_url(adopted, indicator), {"value_2019": "1"}).status_code == 403
    assert not IndicatorResult.objects.exists()


def test_an_indicator_of_another_strategy_is_not_found(client_as, adopted, draft):
    other = first_objective(draft).indicators.get()
    assert client_as("coordinator").get(results_url(adopted, other)).status_code == 404


def test_the_public_is_sent_to_log_in_and_never_sees_a_drafts_form(client_as, draft):
    indicator = first_objective(draft).indicators.get()
    response = client_as("anonymous").get(results_url(draft, indicator))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client_as("stakeholder").get(results_url(draft, indicator)).status_code == 404
