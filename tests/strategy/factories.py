"""Builders for the strategy, its action plan and its budget in tests."""

import datetime
import itertools
from decimal import Decimal

from members.models import Country
from strategy.models import Activity, BudgetLine, Goal, Indicator, IndicatorTarget, Objective, Strategy

_counter = itertools.count(1)


def make_strategy(start=2019, end=2023, *, title=None, objectives=1, **extra):
    """A draft strategy with goal 1 and `objectives` objectives 1.1, 1.2…, each with one indicator whose target
    grows by one a year. Adopt it with `adopt()` once its text is complete (the text freezes)."""
    strategy = Strategy.objects.create(
        title=title or f"Strategy {next(_counter)}", start_year=start, end_year=end, **extra
    )
    goal = Goal.objects.create(strategy=strategy, code="1", title="A stronger network")
    for n in range(1, objectives + 1):
        objective = Objective.objects.create(goal=goal, code=f"1.{n}", title=f"Objective 1.{n}", order=n)
        make_indicator(objective)
    return strategy


def make_indicator(objective, text=None, targets=None):
    indicator = Indicator.objects.create(objective=objective, text=text or f"Indicator {next(_counter)}",
                                         baseline=Decimal(0), baseline_year=objective.goal.strategy.start_year - 1)
    strategy = objective.goal.strategy
    for n, year in enumerate(strategy.years, start=1):
        value = targets.get(year) if targets else Decimal(n)
        if value is not None:
            IndicatorTarget.objects.create(indicator=indicator, year=year, value=value)
    return indicator


def adopt(strategy, forum, on=None, by=None):
    """Mark `strategy` adopted at `forum` (what the adoption form records), without the workflow's side effects."""
    Strategy.objects.filter(pk=strategy.pk).update(
        status=Strategy.Status.ADOPTED, adopted_at=forum, adopted_on=on or forum.end_date, adopted_by=by
    )
    strategy.refresh_from_db()
    return strategy


def first_objective(strategy) -> Objective:
    return Objective.objects.filter(goal__strategy=strategy).order_by("goal__order", "order", "pk").first()


def make_activity(objective, *, countries=(), organizations=(), networks=(), start=datetime.date(2019, 1, 1),
                  end=datetime.date(2019, 12, 31), **extra):
    extra.setdefault("title", f"Activity {next(_counter)}")
    activity = Activity.objects.create(objective=objective, start_date=start, end_date=end, **extra)
    activity.countries.set([Country.objects.get(code=c) for c in countries])
    activity.responsible_organizations.set(organizations)
    activity.responsible_networks.set(networks)
    return activity


def make_budget_line(activity, planned, currency="USD", *, year=2019, secured=0, spent=0, **extra):
    extra.setdefault("item", f"Budget item {next(_counter)}")
    return BudgetLine.objects.create(
        activity=activity, year=year, currency=currency, planned=Decimal(planned), secured=Decimal(secured),
        spent=Decimal(spent), **extra,
    )
