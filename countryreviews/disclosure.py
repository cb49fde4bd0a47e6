"""Small numbers stay safe: which published statistics are shown exactly, as "fewer than 5", or not at all.

Statistical disclosure control of ReviewStatistic, in two steps, per revision and year:

- Primary suppression: a value of the network's own data (`network_data`, e.g. one NGO shelter's admissions)
  from 1 to SMALL_NUMBER_THRESHOLD - 1 is shown as "fewer than 5" (the threshold in the text). 0 is shown: it
  points at nobody, and "fewer than 5" in its place would misreport a service that saw no one. So a reader
  knows that a "fewer than 5" cell holds 1 to 4; the secondary step counts with that.
  Official figures (network_data off) are published by others already and are shown as they are.
- Secondary (complementary) suppression: the figures of one year add up (ADDITIVE_GROUPS; children are a
  subset of the total, SUBSETS). Where the total and the other parts are known, a hidden part is a subtraction
  away; so other cells of the group are hidden too ("not shown"), as few as possible, parts before the total,
  smallest first, until no hidden value can be worked out: no group with a reported total has exactly one
  hidden cell, and bounds reasoning over all the year's equations (with "fewer than 5" meaning 1 to 4, and
  unreported parts taken as 0) pins no hidden cell to one number. The `network_data` flag itself is never
  published, so a reader cannot tell what a "not shown" cell may hold.

Published and withdrawn revisions are disclosed this way for everyone, and so is everything built from them:
the review page, the regional overview's table, charts and CSV, and the annual report. Only the editors of an
open revision (draft or submitted) see its exact values, each with a note of how it will be published; they
typed them, and see them in the edit form anyway. Coordinators can read exact values in the admin.

Nothing here adds values across countries; a regional sum would have to be built from disclosed values only.
Use `disclosed_statistics(revision)` (a list of `DisclosedValue`, with `.get(indicator, year)`) wherever
published statistics are shown; never a ReviewStatistic's `value`.
"""

import math
from dataclasses import dataclass
from itertools import combinations

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import ReviewStatistic

Indicator = ReviewStatistic.Indicator

# For one revision and one year: the total equals the sum of the parts (the only additive figures of the model).
ADDITIVE_GROUPS = [
    (Indicator.VICTIMS_IDENTIFIED, (Indicator.VICTIMS_FEMALE, Indicator.VICTIMS_MALE)),
    (Indicator.VICTIMS_IDENTIFIED, (Indicator.VICTIMS_LABOUR, Indicator.VICTIMS_SEXUAL, Indicator.VICTIMS_OTHER)),
]
# A part that is at most the total, without the rest being reported (children can be of either sex).
SUBSETS = [(Indicator.VICTIMS_IDENTIFIED, Indicator.VICTIMS_CHILDREN)]

SHOWN = "shown"
SMALL = "small"  # primary: "fewer than 5"
WITHHELD = "withheld"  # secondary: "not shown", so that a small number cannot be worked out

_ORDER = {value: index for index, value in enumerate(Indicator.values)}


def threshold() -> int:
    return settings.SMALL_NUMBER_THRESHOLD


@dataclass(frozen=True)
class DisclosedValue:
    """A statistic as it may be published. `value` is None when hidden, except in an editor's preview."""

    indicator: str
    year: int
    value: int | None
    status: str
    threshold: int
    illustrative: bool
    source: str
    preview: bool = False

    @property
    def hidden(self) -> bool:
        return self.status != SHOWN

    @property
    def small(self) -> bool:
        return self.status == SMALL

    @property
    def withheld(self) -> bool:
        return self.status == WITHHELD

    def get_indicator_display(self) -> str:
        return str(Indicator(self.indicator).label)

    @property
    def text(self) -> str:
        """What a reader sees: the number, or "fewer than 5" / "not shown"."""
        if self.value is not None:
            return number_format(self.value, force_grouping=True)
        return hidden_text(self.status, self.threshold)

    @property
    def csv_text(self) -> str:
        """The CSV cell: the number, "<5" or "not shown"."""
        if self.status == SMALL:
            return f"<{self.threshold}"
        if self.status == WITHHELD:
            return _("not shown")
        return str(self.value)

    @property
    def note(self) -> str:
        """In an editor's preview of a hidden value: how it will be published."""
        if not (self.preview and self.hidden):
            return ""
        if self.status == SMALL:
            return _("will be published as fewer than %(threshold)s") % {"threshold": self.threshold}
        return _("will not be shown when published, so that a small number cannot be worked out")

    def as_dict(self) -> dict:
        """For a JSON snapshot (the annual report): never holds a hidden value."""
        return {
            "indicator": self.indicator,
            "year": self.year,
            "value": None if self.hidden else self.value,
            "status": self.status,
            "threshold": self.threshold,
            "illustrative": self.illustrative,
            "source": self.source,
        }


def hidden_text(status: str, threshold: int) -> str:
    """The words in a hidden value's place (also for a snapshot's `status` and `threshold`)."""
    if status == SMALL:
        return _("fewer than %(threshold)s") % {"threshold": threshold}
    return _("not shown")


class Disclosure(list):
    """The disclosed statistics of a revision, by indicator and year."""

    def get(self, indicator, year) -> DisclosedValue | None:
        return next((d for d in self if d.indicator == indicator and d.year == year), None)

    @property
    def has_small(self) -> bool:
        return any(d.small for d in self)

    @property
    def has_withheld(self) -> bool:
        return any(d.withheld for d in self)

    @property
    def has_illustrative(self) -> bool:
        return any(d.illustrative for d in self)


def disclosed_statistics(revision, exact: bool = False) -> Disclosure:
    """The revision's statistics as they may be shown, by indicator and year (uses prefetched statistics).

    exact: the editors' preview of an open revision (exact values with a note); ignored for a published or
    withdrawn revision, which is always disclosed as published.
    """
    preview = bool(exact and revision.is_open)
    limit = threshold()
    cache = revision.__dict__.setdefault("_disclosure_cache", {})
    key = (limit, preview)
    if key not in cache:
        cache[key] = disclose(revision.statistics.all(), limit, preview)
    return cache[key]


def disclose(statistics, limit: int, preview: bool = False) -> Disclosure:
    statistics = sorted(statistics, key=lambda s: (_ORDER.get(s.indicator, len(_ORDER)), s.year))
    by_year: dict[int, dict[str, ReviewStatistic]] = {}
    for stat in statistics:
        by_year.setdefault(stat.year, {})[stat.indicator] = stat
    statuses = {}
    for year, stats in by_year.items():
        for indicator, status in suppress({i: (s.value, s.network_data) for i, s in stats.items()}, limit).items():
            statuses[(indicator, year)] = status
    return Disclosure(
        DisclosedValue(
            indicator=s.indicator,
            year=s.year,
            value=s.value if preview or statuses[(s.indicator, s.year)] == SHOWN else None,
            status=statuses[(s.indicator, s.year)],
            threshold=limit,
            illustrative=s.illustrative,
            source=s.source,
            preview=preview,
        )
        for s in statistics
    )


def suppress(values: dict[str, tuple[int, bool]], limit: int) -> dict[str, str]:
    """Status of each indicator of one year; values: indicator -> (value, network_data)."""
    primary = {i for i, (value, network_data) in values.items() if network_data and 1 <= value < limit}
    statuses = {i: SMALL if i in primary else SHOWN for i in values}
    related = {i for total, parts in ADDITIVE_GROUPS for i in (total, *parts)} | {i for pair in SUBSETS for i in pair}
    if not primary & related:
        return statuses
    candidates = sorted((related & values.keys()) - primary, key=lambda i: (values[i][0] == 0, values[i][0], _ORDER[i]))
    for count in range(len(candidates) + 1):
        safe = [extra for extra in combinations(candidates, count) if _is_safe(values, primary, set(extra), limit)]
        if safe:
            # Parts before the total, then the smallest values (hides the least information).
            extra = min(safe, key=lambda e: (Indicator.VICTIMS_IDENTIFIED in e, sum(values[i][0] for i in e)))
            statuses.update(dict.fromkeys(extra, WITHHELD))
            return statuses
    statuses.update(dict.fromkeys(candidates, WITHHELD))  # not reached: hiding every related cell is safe
    return statuses


def _is_safe(values, primary: set, secondary: set, limit: int) -> bool:
    hidden = primary | secondary
    equations = []
    for total, parts in ADDITIVE_GROUPS:
        present = [p for p in parts if p in values]
        if total not in values or not present:
            continue
        # Subtraction: a reported total with exactly one hidden cell among it and its parts.
        if len(hidden & {total, *present}) == 1:
            return False
        # Equations that hold for the true figures (inconsistent reports mislead rather than reveal).
        if values[total][0] == sum(values[p][0] for p in present):
            equations.append((total, present))
    subsets = [(t, p) for t, p in SUBSETS if t in values and p in values and values[p][0] <= values[t][0]]
    bounds = _bounds(values, primary, secondary, limit, equations, subsets)
    return not any(bounds[i][0] == bounds[i][1] for i in hidden if i in bounds)


def _bounds(values, primary, secondary, limit, equations, subsets) -> dict[str, list]:
    """What a reader can know of each cell: [low, high], narrowed by the equations until nothing changes."""
    bounds = {}
    for indicator, (value, _network_data) in values.items():
        if indicator in primary:
            bounds[indicator] = [1, limit - 1]
        elif indicator in secondary:
            bounds[indicator] = [0, math.inf]
        else:
            bounds[indicator] = [value, value]
    changed, rounds = True, 0
    while changed and rounds < 50:  # a few rounds settle it: the groups share only the total
        changed, rounds = False, rounds + 1
        for total, parts in equations:
            for cell in [total, *parts]:
                if cell == total:
                    low, high = sum(bounds[p][0] for p in parts), sum(bounds[p][1] for p in parts)
                else:
                    rest = [bounds[c] for c in parts if c != cell]
                    low = bounds[total][0] - sum(b[1] for b in rest)
                    high = bounds[total][1] - sum(b[0] for b in rest)
                changed |= _narrow(bounds[cell], low, high)
        for total, part in subsets:
            changed |= _narrow(bounds[part], 0, bounds[total][1])
            changed |= _narrow(bounds[total], bounds[part][0], math.inf)
    return bounds


def _narrow(bound: list, low, high) -> bool:
    new_low, new_high = max(bound[0], low), min(bound[1], high)
    if (new_low, new_high) == tuple(bound):
        return False
    bound[0], bound[1] = new_low, new_high
    return True
