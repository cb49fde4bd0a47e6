"""Progress at a glance: each objective's indicators against their targets, its work and its budget.

`progress_of(strategy, user)` is what the progress page shows and what the annual report's strategy section is
drawn from. It runs a fixed number of queries whatever the size of the plan.

- Indicators: a target and a result per year. A result at or above its target is "met" (targets are counts or
  percentages to reach: higher is better); a past or current year without a result is "not yet reported".
- Work: the objective's activities by state, and the forum action items serving it (the follow-up tracker
  keeps them) by theirs; each action item is counted once. "In progress" means planned or in progress and not
  past its end (or due) date; "overdue" means still open after it.
- Budget: planned, secured and spent per currency, over the lines the user may see; never summed across
  currencies.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q

from .models import Activity, Indicator, IndicatorResult, IndicatorTarget, Objective, ObjectiveActionItem, Strategy, today
from .permissions import can_see_full_budget, visible_budget_lines

OPEN = tuple(status for status in Activity.Status.values if status not in Activity.CLOSED_STATUSES)

# The state of an indicator in a year.
MET, NOT_MET, NOT_REPORTED, FUTURE, REPORTED = "met", "not_met", "not_reported", "future", "reported"


@dataclass
class YearFigure:
    """An indicator's target and result in one year, and how they compare."""

    year: int
    target: Decimal | None
    result: Decimal | None
    note: str = ""

    def state_on(self, on: datetime.date) -> str:
        if self.result is None:
            return FUTURE if self.year > on.year else NOT_REPORTED
        if self.target is None:
            return REPORTED
        return MET if self.result >= self.target else NOT_MET


@dataclass
class IndicatorProgress:
    indicator: Indicator
    years: list[YearFigure]
    states: list[str]
    latest: YearFigure | None  # the latest year with a result
    latest_target: YearFigure | None  # the target of the latest year begun (the first year before the period)

    @property
    def figures(self):
        """(figure, state) per year, for the templates."""
        return list(zip(self.years, self.states, strict=True))

    @property
    def latest_met(self) -> bool | None:
        """The latest result against the latest target; None when either is missing."""
        if self.latest is None or self.latest_target is None or self.latest_target.target is None:
            return None
        return self.latest.result >= self.latest_target.target

    @property
    def latest_state(self) -> str | None:
        """The latest result against its own year's target (MET, NOT_MET or REPORTED); None without a result."""
        return self.states[self.years.index(self.latest)] if self.latest else None


@dataclass
class WorkCounts:
    """Pieces of work by state (activities, or forum action items)."""

    done: int = 0
    in_progress: int = 0
    overdue: int = 0
    dropped: int = 0

    @property
    def total(self) -> int:
        return self.done + self.in_progress + self.overdue + self.dropped

    def __add__(self, other: "WorkCounts") -> "WorkCounts":
        return WorkCounts(*(getattr(self, n) + getattr(other, n) for n in ("done", "in_progress", "overdue", "dropped")))

    def as_dict(self) -> dict:
        return {"done": self.done, "in_progress": self.in_progress, "overdue": self.overdue, "dropped": self.dropped}


@dataclass
class ObjectiveProgress:
    objective: Objective
    indicators: list[IndicatorProgress] = field(default_factory=list)
    activities: WorkCounts = field(default_factory=WorkCounts)
    action_items: WorkCounts = field(default_factory=WorkCounts)  # from the follow-up tracker
    budget: list[dict] = field(default_factory=list)  # per currency: currency, planned, secured, spent

    @property
    def work(self) -> WorkCounts:
        """Activities and the forum action items serving the objective, together."""
        return self.activities + self.action_items


@dataclass
class StrategyProgress:
    strategy: Strategy
    on: datetime.date
    objectives: list[ObjectiveProgress]
    activities: WorkCounts
    action_items: WorkCounts
    budget: list[dict]
    budget_is_partial: bool  # the user sees only the public part

    @property
    def work(self) -> WorkCounts:
        return self.activities + self.action_items

    @property
    def indicators(self) -> list[IndicatorProgress]:
        return [row for objective in self.objectives for row in objective.indicators]

    @property
    def indicators_met(self) -> int:
        """Indicators whose latest result met its year's target."""
        return sum(1 for row in self.indicators if row.latest_state == MET)

    @property
    def indicators_reported(self) -> int:
        """Indicators with a result for a year that has a target."""
        return sum(1 for row in self.indicators if row.latest_state in (MET, NOT_MET))


def _indicator_progress(indicator: Indicator, years: list[int], on: datetime.date) -> IndicatorProgress:
    targets = {t.year: t.value for t in indicator.targets.all()}
    results = {r.year: r for r in indicator.results.all()}
    figures = [
        YearFigure(year, targets.get(year), results[year].value if year in results else None,
                   results[year].note if year in results else "")
        for year in years
    ]
    reported = [f for f in figures if f.result is not None]
    begun = [f for f in figures if f.year <= on.year]
    return IndicatorProgress(
        indicator=indicator,
        years=figures,
        states=[f.state_on(on) for f in figures],
        latest=reported[-1] if reported else None,
        latest_target=begun[-1] if begun else None,
    )


def _work_counts(queryset, status: str, end: str, group: str | None, on: datetime.date, count: str = "pk"):
    """Count `count` per state, grouped by `group` (a dict of WorkCounts) or overall (one WorkCounts)."""
    is_open = Q(**{f"{status}__in": OPEN})
    late = Q(**{f"{end}__lt": on})
    counts = {
        "done": Count(count, filter=Q(**{status: Activity.Status.DONE}), distinct=True),
        "dropped": Count(count, filter=Q(**{status: Activity.Status.DROPPED}), distinct=True),
        "overdue": Count(count, filter=is_open & late, distinct=True),
        "in_progress": Count(count, filter=is_open & ~late, distinct=True),
    }
    if group is None:
        return WorkCounts(**queryset.aggregate(**counts))
    rows = queryset.order_by().values(group).annotate(**counts)
    return {row.pop(group): WorkCounts(**row) for row in rows}


def _budget_rows(rows) -> list[dict]:
    return [{k: row[k] for k in ("currency", "planned", "secured", "spent")} for row in rows]


def _budget_sum(rows) -> list[dict]:
    totals: dict[str, dict] = {}
    for row in rows:
        total = totals.setdefault(row["currency"], {"currency": row["currency"], "planned": Decimal(0),
                                                    "secured": Decimal(0), "spent": Decimal(0)})
        for key in ("planned", "secured", "spent"):
            total[key] += row[key] or 0
    return [totals[c] for c in sorted(totals)]


def progress_of(strategy: Strategy, user, on: datetime.date | None = None, year: int | None = None) -> StrategyProgress:
    """Each objective's progress in `strategy` as of `on` (today), with the budget `user` may see (of `year` only,
    if given), and the totals for the whole strategy."""
    on = on or today()
    objectives = list(
        Objective.objects.filter(goal__strategy=strategy)
        .select_related("goal")
        .prefetch_related(
            Prefetch(
                "indicators",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch("targets", queryset=IndicatorTarget.objects.order_by("year")),
                    Prefetch("results", queryset=IndicatorResult.objects.order_by("year")),
                ),
            )
        )
    )
    activities = Activity.objects.filter(objective__goal__strategy=strategy)
    activity_counts = _work_counts(activities, "status", "end_date", "objective", on)
    links = ObjectiveActionItem.objects.filter(objective__goal__strategy=strategy)
    item_args = ("action_item__status", "action_item__due_date")
    item_counts = _work_counts(links, *item_args, "objective", on, count="action_item")
    lines = visible_budget_lines(user, strategy)
    if year is not None:
        lines = lines.filter(year=year)
    budget: dict[int, list] = {}
    for row in lines.totals("activity__objective"):
        budget.setdefault(row["activity__objective"], []).append(row)
    rows = [
        ObjectiveProgress(
            objective=objective,
            indicators=[_indicator_progress(i, strategy.years, on) for i in objective.indicators.all()],
            activities=activity_counts.get(objective.pk, WorkCounts()),
            action_items=item_counts.get(objective.pk, WorkCounts()),
            budget=_budget_rows(budget.get(objective.pk, [])),
        )
        for objective in objectives
    ]
    return StrategyProgress(
        strategy=strategy,
        on=on,
        objectives=rows,
        activities=sum((row.activities for row in rows), WorkCounts()),
        # Counted in the database, each action item once even if it served two objectives.
        action_items=_work_counts(links, *item_args, None, on, count="action_item"),
        budget=_budget_sum(row for objective in rows for row in objective.budget),
        budget_is_partial=not can_see_full_budget(user),
    )
