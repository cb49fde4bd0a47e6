"""CSV exports of the action plan and the budget: what each reader may see, every cell inert in a spreadsheet."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.models import ActionUpdate
from strategy.models import ActivityUpdate, ObjectiveActionItem
from tests.factories import make_organization
from tests.forums.factories import make_action_item, make_forum
from tests.strategy.factories import adopt, first_objective, make_activity, make_budget_line, make_strategy

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("https://evil.example/","Click")'


def _rows(response) -> list[list[str]]:
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    return list(csv.reader(io.StringIO(content[1:])))


@pytest.fixture
def strategy(organization):
    forum = make_forum(start=datetime.date(2018, 8, 27))
    strategy = adopt(make_strategy(2019, 2023), forum)
    objective = first_objective(strategy)
    public = make_activity(objective, countries=["TJ"], organizations=[organization], budget_public=True,
                           title=FORMULA, end=datetime.date(2019, 6, 30))
    ActivityUpdate.objects.create(activity=public, date=datetime.date(2019, 3, 1), text="Started.")
    ActivityUpdate.objects.create(activity=public, date=datetime.date(2019, 5, 2), text="Halfway.")
    private = make_activity(objective, countries=["PK"], title="Private activity")
    make_budget_line(public, 1000, year=2019, item="@SUM(A1:A9)", funder_name="-cmd|' /C calc'!A0", illustrative=True)
    make_budget_line(private, 500, "EUR", year=2020, item="Secret shelter rent")
    item = make_action_item(forum, text="+Draft a regional referral guide")
    ActionUpdate.objects.create(item=item, date=datetime.date(2019, 4, 4), text="Drafted.")
    ObjectiveActionItem.objects.create(objective=objective, action_item=item)
    return strategy


def test_budget_csv_for_a_member_has_every_line_neutralized(strategy, client_as):
    response = client_as("member").get(reverse("strategy:budget-csv", args=[strategy.pk]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="strategy-2019-2023-v1-budget.csv"'
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    header, *rows = _rows(response)
    assert header == ["Objective", "Activity", "Year", "Budget item", "Funder", "Currency", "Planned", "Secured",
                      "Spent", "Illustrative"]
    assert rows == [
        ["1.1", "'" + FORMULA, "2019", "'@SUM(A1:A9)", "'-cmd|' /C calc'!A0", "USD", "1000.00", "0.00", "0.00", "Yes"],
        ["1.1", "Private activity", "2020", "Secret shelter rent", "", "EUR", "500.00", "0.00", "0.00", "No"],
    ]


@pytest.mark.parametrize("role", ["anonymous", "stakeholder"])
def test_budget_csv_for_the_public_has_only_public_lines(strategy, client_as, role):
    rows = _rows(client_as(role).get(reverse("strategy:budget-csv", args=[strategy.pk])))
    assert [row[3] for row in rows[1:]] == ["'@SUM(A1:A9)"]
    assert "Secret shelter rent" not in str(rows)


@pytest.mark.parametrize("name", ["strategy:budget-csv", "strategy:plan-csv"])
def test_a_draft_is_not_exported_to_the_public(client_as, name):
    draft = make_strategy(2024, 2028)
    make_budget_line(make_activity(first_objective(draft), budget_public=True), 100)
    assert client_as("anonymous").get(reverse(name, args=[draft.pk])).status_code == 404
    assert client_as("stakeholder").get(reverse(name, args=[draft.pk])).status_code == 404
    assert client_as("member").get(reverse(name, args=[draft.pk])).status_code == 200


def test_plan_csv_lists_activities_and_action_items(strategy, client_as):
    response = client_as("anonymous").get(reverse("strategy:plan-csv", args=[strategy.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="strategy-2019-2023-v1-plan.csv"'
    header, *rows = _rows(response)
    assert header == ["Objective", "Kind", "Title", "Responsible", "Countries", "Start", "End", "Status", "Overdue",
                      "Latest progress note"]
    assert rows[0] == ["1.1", "Activity", "'" + FORMULA, "Madina Test NGO (MTN)", "Tajikistan", "2019-01-01",
                       "2019-06-30", "Planned", "Yes", "2019-05-02"]
    assert rows[1][:3] == ["1.1", "Activity", "Private activity"]
    assert rows[1][-1] == ""
    assert rows[2] == ["1.1", "Forum action item", "'+Draft a regional referral guide", "", "", "", "", "Planned",
                       "No", "2019-04-04"]


def test_titles_are_in_the_readers_language(strategy, client_as, settings):
    activity = first_objective(strategy).activities.get(title="Private activity")
    activity.title_ru = "Закрытое мероприятие"
    activity.save()
    client = client_as("member")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    assert _rows(client.get(reverse("strategy:plan-csv", args=[strategy.pk])))[2][2] == "Закрытое мероприятие"
    assert _rows(client.get(reverse("strategy:budget-csv", args=[strategy.pk])))[2][1] == "Закрытое мероприятие"


def test_plan_csv_names_applicants_to_coordinators_only(strategy, client_as):
    applicant = make_organization("TJ", slug="applicant", name="Applicant NGO", membership_status="applicant")
    first_objective(strategy).activities.get(title="Private activity").responsible_organizations.add(applicant)
    rows = _rows(client_as("member").get(reverse("strategy:plan-csv", args=[strategy.pk])))
    assert "Applicant NGO" not in str(rows)
    rows = _rows(client_as("coordinator").get(reverse("strategy:plan-csv", args=[strategy.pk])))
    assert "Applicant NGO" in str(rows)


@pytest.mark.parametrize("name", ["strategy:budget-csv", "strategy:plan-csv"])
def test_exports_run_a_fixed_number_of_queries(strategy, client_as, organization, name):
    client = client_as("member")
    path = reverse(name, args=[strategy.pk])
    client.get(path)
    with CaptureQueriesContext(connection) as first:
        client.get(path)
    objective = first_objective(strategy)
    forum = make_forum(start=datetime.date(2019, 8, 1))
    for n in range(5):
        activity = make_activity(objective, countries=["TJ", "UZ"], organizations=[organization])
        ActivityUpdate.objects.create(activity=activity, text=f"Note {n}")
        make_budget_line(activity, 10 + n, "GBP", funder=organization)
        ObjectiveActionItem.objects.create(objective=objective, action_item=make_action_item(forum))
    with CaptureQueriesContext(connection) as later:
        response = client.get(path)
    assert len(_rows(response)) > 6
    assert len(later) == len(first)
