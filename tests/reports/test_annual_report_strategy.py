"""The annual report's strategy section: the strategy in force in the year, its objectives' indicators, work and
public budget; a draft named by its period only; old snapshots without the section still readable."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from forums.models import ActionItem
from network_portal.annual_report import for_reader, publish_report, snapshot_of
from network_portal.models import AnnualReport
from strategy.models import Activity, IndicatorResult, Objective, ObjectiveActionItem, Strategy
from tests.forums.factories import make_action_item, make_forum
from tests.strategy.factories import adopt, first_objective, make_activity, make_budget_line, make_strategy

TODAY = datetime.date(2021, 3, 1)


@pytest.fixture
def forum(db):
    return make_forum(start=datetime.date(2018, 8, 27), title="Kabul forum")


@pytest.fixture
def strategy(forum):
    """2019–2023, adopted at the Kabul forum, its objective 1.1 also written in Russian."""
    strategy = make_strategy(2019, 2023, objectives=2, title="Strategy in force")
    Objective.objects.filter(goal__strategy=strategy, code="1.1").update(title_ru="Цель 1.1")
    return adopt(strategy, forum)


def page(client, year):
    return client.get(reverse("annual-report", args=[year])).content.decode()


def test_the_section_holds_the_strategy_in_force_with_the_years_figures(strategy, forum):
    objective = first_objective(strategy)
    indicator = objective.indicators.get()
    IndicatorResult.objects.create(indicator=indicator, year=2020, value=Decimal(3))  # target 2: met
    IndicatorResult.objects.create(indicator=indicator, year=2019, value=Decimal(0))
    public = make_activity(objective, budget_public=True, status=Activity.Status.DONE)
    make_activity(objective, status=Activity.Status.IN_PROGRESS, end=datetime.date(2020, 6, 30))  # overdue
    make_budget_line(public, 1000, "USD", year=2020, secured=800, spent=300)
    make_budget_line(public, 200, "EUR", year=2020)
    make_budget_line(public, 5000, "USD", year=2021)  # another year
    make_budget_line(make_activity(objective, end=datetime.date(2021, 12, 31)), 777, "USD", year=2020)  # not public
    item = make_action_item(forum, status=ActionItem.Status.DONE)
    ObjectiveActionItem.objects.create(objective=objective, action_item=item)

    section = snapshot_of(AnnualReport(year=2020), today=TODAY)["strategy"]
    assert section["draft_period"] == []
    plan = section["in_force"]
    assert (plan["period"], plan["adopted_on"]) == ([2019, 2023], "2018-08-27")
    assert plan["adopted_at"]["texts"]["en"] == "Kabul forum"
    first, second = plan["objectives"]
    assert (first["code"], first["title"]["texts"]) == ("1.1", {"en": "Objective 1.1", "ru": "Цель 1.1"})
    assert first["goal"]["code"] == "1"
    assert first["indicators"][0] | {"text": None} == {"text": None, "target": "2.00", "result": "3.00", "state": "met"}
    assert second["indicators"][0]["state"] == "not_reported"
    assert first["activities"] == {"done": 1, "in_progress": 1, "overdue": 1, "dropped": 0}
    assert first["action_items"] == {"done": 1, "in_progress": 0, "overdue": 0, "dropped": 0}
    # The PUBLIC budget of the year, per currency.
    assert first["budget"] == [
        {"currency": "EUR", "planned": "200.00", "secured": "0.00", "spent": "0.00"},
        {"currency": "USD", "planned": "1000.00", "secured": "800.00", "spent": "300.00"},
    ]
    assert plan["budget"] == first["budget"] and second["budget"] == []
    assert "777" not in str(section) and "5000" not in str(section)


def test_the_page_shows_the_section_before_about(client, strategy):
    indicator = first_objective(strategy).indicators.get()
    IndicatorResult.objects.create(indicator=indicator, year=2020, value=Decimal(1))  # target 2: not met
    make_budget_line(make_activity(first_objective(strategy), budget_public=True), 1500, "USD", year=2020)
    AnnualReport.objects.create(year=2020)
    report = AnnualReport.objects.get(year=2020)
    publish_report(report, None)
    html = page(client, 2020)
    assert 'href="#strategy"' in html
    assert html.index('id="strategy-heading"') < html.index('id="about-heading"')
    assert "The network's strategy for 2019–2023, adopted on" in html
    assert "Objective 1.1" in html and "✗ not met" in html and "1,500" in html
    assert "Цель 1.1" in client.get(reverse("annual-report", args=[2020]) + "?lang=ru").content.decode()


def test_without_a_strategy_in_force_only_a_drafts_period_is_told(client_as, db):
    make_strategy(2019, 2023, title="Secret draft title")
    AnnualReport.objects.create(year=2018)
    section = snapshot_of(AnnualReport(year=2018))["strategy"]
    assert section == {"in_force": None, "draft_period": [2019, 2023]}
    html = page(client_as("coordinator"), 2018)
    assert "The network's strategy for 2018 had not yet been adopted." in html
    assert "A draft strategy for 2019–2023 was being prepared." in html
    assert "Secret draft title" not in html and "Objective 1.1" not in html
    assert for_reader(snapshot_of(AnnualReport(year=2018))).empty_sections[-1] == "The network's strategy"


def test_a_strategy_adopted_after_the_year_was_not_in_force_then(strategy):
    Strategy.objects.filter(pk=strategy.pk).update(adopted_on=datetime.date(2019, 3, 1))
    assert snapshot_of(AnnualReport(year=2018))["strategy"] == {"in_force": None, "draft_period": []}
    assert snapshot_of(AnnualReport(year=2019))["strategy"]["in_force"]["period"] == [2019, 2023]
    assert snapshot_of(AnnualReport(year=2024))["strategy"]["in_force"] is None


def test_the_version_in_force_at_the_years_end_is_the_one_reported(strategy, forum):
    revision = make_strategy(2019, 2023, title="Revised strategy", version=2, revises=strategy)
    adopt(revision, forum, on=datetime.date(2021, 5, 1))
    Strategy.objects.filter(pk=strategy.pk).update(status=Strategy.Status.SUPERSEDED, superseded_on=datetime.date(2021, 5, 1))
    assert snapshot_of(AnnualReport(year=2020))["strategy"]["in_force"]["title"]["texts"]["en"] == "Strategy in force"
    assert snapshot_of(AnnualReport(year=2021))["strategy"]["in_force"]["title"]["texts"]["en"] == "Revised strategy"


def test_a_snapshot_published_before_the_section_existed_renders_without_it(client, strategy):
    report = AnnualReport.objects.create(year=2020)
    publish_report(report, None)
    report.refresh_from_db()
    del report.snapshot["strategy"]
    AnnualReport.objects.filter(pk=report.pk).update(snapshot=report.snapshot)
    html = page(client, 2020)
    assert 'id="strategy-heading"' not in html and 'href="#strategy"' not in html
    assert 'id="about-heading"' in html


def test_a_published_section_does_not_change_with_the_plan(client, strategy):
    report = AnnualReport.objects.create(year=2020)
    publish_report(report, None)
    before = page(client, 2020)
    IndicatorResult.objects.create(indicator=first_objective(strategy).indicators.get(), year=2020, value=Decimal(9))
    make_activity(first_objective(strategy), status=Activity.Status.DONE)
    assert page(client, 2020) == before


def test_the_draft_report_runs_a_fixed_number_of_queries_with_a_strategy(client_as, strategy, forum):
    client = client_as("coordinator")

    def add(n):
        for objective in Objective.objects.filter(goal__strategy=strategy):
            for _ in range(n):
                activity = make_activity(objective, budget_public=True)
                make_budget_line(activity, 100, "USD", year=2020)
                ObjectiveActionItem.objects.create(objective=objective, action_item=make_action_item(forum))

    add(1)
    AnnualReport.objects.create(year=2020)
    url = reverse("annual-report", args=[2020])
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(5)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)
    # The report page's 14 without the strategy section, the strategy and the 8 queries of its progress.
    assert len(few) == 14 + 1 + 8
