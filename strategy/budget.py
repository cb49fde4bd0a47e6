"""The budget as a reader may see it: lines grouped by objective and activity, and totals per objective, year,
country and funder, each kept per currency (nothing is converted or added across currencies)."""

import dataclasses
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from members.models import Country
from members.permissions import is_coordinator

from .models import Activity, BudgetLine, Objective
from .permissions import can_keep_plan, can_see_activity_budget, can_see_full_budget, visible_budget_lines

NO_FUNDER = _("Funder not named yet")
NO_COUNTRY = _("No country named")


@dataclasses.dataclass
class Amounts:
    """Planned, secured and spent in one currency."""

    currency: str
    planned: Decimal = Decimal(0)
    secured: Decimal = Decimal(0)
    spent: Decimal = Decimal(0)

    @property
    def gap(self) -> Decimal:
        """What is still to be found: planned minus secured."""
        return self.planned - self.secured

    def add(self, line: BudgetLine) -> None:
        self.planned += line.planned
        self.secured += line.secured
        self.spent += line.spent


class Totals:
    """Sums per currency, one `Amounts` each, in the order of the currencies' codes."""

    def __init__(self, lines=()):
        self._by_currency: dict[str, Amounts] = {}
        for line in lines:
            self.add(line)

    def add(self, line: BudgetLine) -> None:
        self._by_currency.setdefault(line.currency, Amounts(line.currency)).add(line)

    def __iter__(self):
        return iter(sorted(self._by_currency.values(), key=lambda amounts: amounts.currency))

    def __bool__(self):
        return bool(self._by_currency)

    def __len__(self):
        return len(self._by_currency)


@dataclasses.dataclass
class Group:
    """A row of a totals table: what is summed (an objective, a year, a country, a funder) and its totals."""

    label: str
    totals: Totals


def funder_label(user, line: BudgetLine) -> str:
    """The funder as the directory names it to this user (applicants to coordinators only), or the name typed."""
    if line.funder_id and (is_coordinator(user) or line.funder.membership_status != line.funder.MembershipStatus.APPLICANT):
        return str(line.funder)
    return line.funder_name


def _groups(pairs) -> list[Group]:
    """Groups from (key, label, line) triples, in the order of their keys."""
    by_key: dict = {}
    for key, label, line in pairs:
        by_key.setdefault(key, Group(label, Totals())).totals.add(line)
    return [by_key[key] for key in sorted(by_key, key=lambda k: (k is None, k))]


def reader_lines(user, strategy):
    """The lines of `strategy` the user may see, with what the budget page and the CSV file show of each."""
    return (
        visible_budget_lines(user, strategy)
        .select_related("activity__objective__goal", "funder")
        .prefetch_related(Prefetch("activity__countries", queryset=Country.objects.order_by("order", "name")))
        .order_by("activity__objective__goal__order", "activity__objective__goal__code", "activity__objective__order",
                  "activity__objective__code", "activity__order", "activity__start_date", "activity_id", "year", "pk")
    )


def strategy_budget(user, strategy) -> dict:
    """Context of the budget page: the visible lines grouped by objective → activity, and the totals tables."""
    lines = list(reader_lines(user, strategy))
    can_keep = can_keep_plan(user, strategy)
    for line in lines:
        line.funder_shown = funder_label(user, line)
    objectives: dict[int, dict] = {}
    activities: dict[int, dict] = {}
    if can_keep:  # those who keep the budget see every activity, to add its first line
        for activity in Activity.objects.filter(objective__goal__strategy=strategy).select_related("objective__goal"):
            _activity_entry(objectives, activities, activity)
    for line in lines:
        _activity_entry(objectives, activities, line.activity)["lines"].append(line)
    for entry in activities.values():
        entry["totals"] = Totals(entry["lines"])
    for entry in objectives.values():
        entry["totals"] = Totals(line for activity in entry["activities"] for line in activity["lines"])

    by_objective = _groups((_objective_key(line.activity.objective), str(line.activity.objective), line) for line in lines)
    by_year = _groups((line.year, str(line.year), line) for line in lines)
    by_country = _groups(
        (country_key, label, line)
        for line in lines
        for country_key, label in (
            [((c.order, c.name), str(c)) for c in line.activity.countries.all()] or [(None, str(NO_COUNTRY))]
        )
    )
    by_funder = _groups(((line.funder_shown or "").casefold() or None, line.funder_shown or str(NO_FUNDER), line)
                        for line in lines)
    return {
        "lines": lines,
        "objectives": sorted(objectives.values(), key=lambda entry: _objective_key(entry["objective"])),
        "totals": Totals(lines),
        "totals_tables": [
            {"id": "by-objective", "title": _("Totals per objective"), "key": _("Objective"), "groups": by_objective},
            {"id": "by-year", "title": _("Totals per year"), "key": _("Year"), "groups": by_year},
            {"id": "by-country", "title": _("Totals per country"), "key": _("Country"), "groups": by_country,
             "note": _("An activity in several countries counts in each of them, so these totals add up to more "
                       "than the whole budget.")},
            {"id": "by-funder", "title": _("Totals per funder"), "key": _("Funder"), "groups": by_funder},
        ],
        "has_illustrative": any(line.illustrative for line in lines),
        "can_keep_budget": can_keep,
        "sees_full_budget": can_see_full_budget(user),
    }


def _objective_key(objective: Objective):
    return (objective.goal.order, objective.goal.code, objective.order, objective.code, objective.pk)


def _activity_entry(objectives: dict, activities: dict, activity: Activity) -> dict:
    if activity.pk not in activities:
        objective = activity.objective
        objective_entry = objectives.setdefault(objective.pk, {"objective": objective, "activities": []})
        activities[activity.pk] = {"activity": activity, "lines": []}
        objective_entry["activities"].append(activities[activity.pk])
    return activities[activity.pk]


def activity_budget(user, activity) -> dict:
    """Context of templates/strategy/_activity_budget.html for `activity`'s page (its lines and totals), or
    {"budget_hidden": True} when the reader may not see this budget."""
    if not can_see_activity_budget(user, activity):
        return {"budget_hidden": True}
    lines = list(activity.budget_lines.select_related("funder").order_by("year", "pk"))
    for line in lines:
        line.funder_shown = funder_label(user, line)
    strategy = activity.objective.goal.strategy
    return {
        "budget_hidden": False,
        "budget_activity": activity,
        "budget_strategy": strategy,
        "budget_lines": lines,
        "budget_totals": Totals(lines),
        "budget_has_illustrative": any(line.illustrative for line in lines),
        "can_keep_budget": can_keep_plan(user, strategy),
    }
