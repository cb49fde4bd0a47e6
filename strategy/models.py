"""The network's five-year strategy, its action plan and its budget.

- `Strategy`: one version of a strategy for a period (e.g. 2019–2023). A draft is written by the steering
  committee; it is adopted by recording the forum or steering committee meeting that adopted it, and from then
  on its goals, objectives, indicators and targets are frozen, like a published review revision. Revising an
  adopted strategy starts a new draft version copied from it (`revises`); adopting that version supersedes the
  earlier one, which stays readable, and moves the living plan (activities, results, links) onto it.
- `Goal` → `Objective` → `Indicator` with a yearly `IndicatorTarget`: the strategy's text, frozen on adoption.
  `IndicatorResult`: what was reached in a year, recorded while the strategy is in force.
- `Activity`: the action plan under an objective, with responsible organizations or national networks,
  countries, dates, a status and dated `ActivityUpdate` progress notes.
- `ObjectiveActionItem`: a follow-up action item of a forum that serves an objective. The tracker keeps it; the
  plan lists it under the objective and counts it once, so the same work is never held twice.
- `BudgetLine`: an activity's planned, secured and spent amounts for a year, in one currency, from one funder.
  Totals are kept per currency: nothing is converted.
- `AnnualMeetingReminder`: a year whose missing annual network meeting a coordinator was reminded of (once).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language_bidi, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from forums.models import ActionItem, Forum
from members.content import MultilingualModel
from members.models import Country, NationalNetwork, Organization
from members.models.fields import user_reference

FIRST_YEAR, LAST_YEAR = 2000, 2100
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(LAST_YEAR)]
# ISO 4217 codes of the currencies the network budgets in: donors' and the five countries'.
CURRENCIES = ["USD", "EUR", "GBP", "CHF", "AFN", "PKR", "TJS", "TMT", "UZS"]
CURRENCY_CHOICES = [(code, code) for code in CURRENCIES]


def today() -> datetime.date:
    return timezone.localdate()


def period_text(start_year: int, end_year: int) -> str:
    """The years of a period as readers of the current language read them (see Strategy.period)."""
    text = f"{start_year}–{end_year}"
    return f"\u2066{text}\u2069" if get_language_bidi() else text


class StrategyQuerySet(models.QuerySet):
    def adopted(self):
        """Adopted versions, those in force and those superseded since: the public may read them."""
        return self.filter(status__in=[Strategy.Status.ADOPTED, Strategy.Status.SUPERSEDED])

    def in_force(self):
        return self.filter(status=Strategy.Status.ADOPTED)

    def current(self):
        """The strategy in force with the latest period, or None."""
        return self.in_force().order_by("-start_year", "-version").first()


class Strategy(MultilingualModel):
    """One version of the network's strategy for a period of (usually) five years."""

    TRANSLATED_FIELDS = ("title", "summary")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    title = models.CharField(_("title"), max_length=250)
    summary = models.TextField(_("summary"), blank=True, max_length=10000)
    start_year = models.PositiveSmallIntegerField(_("first year"), validators=YEAR_VALIDATORS)
    end_year = models.PositiveSmallIntegerField(_("last year"), validators=YEAR_VALIDATORS)
    version = models.PositiveSmallIntegerField(pgettext_lazy("strategy", "version"), default=1)
    revises = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="revisions",
        verbose_name=_("revises"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    adopted_at = models.ForeignKey(
        Forum, on_delete=models.PROTECT, null=True, blank=True, related_name="strategies_adopted",
        verbose_name=_("adopted at"),
        help_text=_("The forum or steering committee meeting that adopted it, from the forum records."),
    )
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = user_reference(_("adoption recorded by"))
    superseded_on = models.DateField(_("superseded on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = user_reference(_("created by"))
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = StrategyQuerySet.as_manager()
    # History: registered in strategy/translation.py, so that it keeps each language's column.

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["-start_year", "-version"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=models.F("start_year")),
                name="strategy_ends_after_it_starts",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
            models.UniqueConstraint(
                fields=["start_year", "end_year", "version"], name="one_strategy_version_per_number"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(adopted_at__isnull=False, adopted_on__isnull=False),
                name="adopted_strategy_names_its_meeting",
            ),
        ]

    def __str__(self):
        return f"{self.localized('title')} {self.period}"

    def get_absolute_url(self):
        return reverse("strategy:detail", args=[self.pk])

    @property
    def period(self) -> str:
        """"2019–2023"; on a right-to-left page isolated left to right, or the years would read 2023–2019."""
        return period_text(self.start_year, self.end_year)

    @property
    def years(self) -> list[int]:
        return list(range(self.start_year, self.end_year + 1))

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_frozen(self) -> bool:
        """Adopted (or superseded): goals, objectives, indicators and targets no longer change."""
        return self.status != self.Status.DRAFT

    @property
    def is_read_only(self) -> bool:
        """Superseded: kept as it was, action plan and budget included."""
        return self.status == self.Status.SUPERSEDED


class FrozenWithStrategy(MultilingualModel):
    """A part of a strategy's text: saving or deleting it once the strategy is adopted is refused."""

    class Meta:
        abstract = True

    def owning_strategy(self) -> Strategy:
        raise NotImplementedError

    def check_not_frozen(self) -> None:
        if self.owning_strategy().is_frozen:
            raise ValidationError(_("An adopted strategy cannot be changed; start a revision instead."), code="frozen")

    def save(self, *args, **kwargs):
        self.check_not_frozen()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self.check_not_frozen()
        return super().delete(*args, **kwargs)


class Goal(FrozenWithStrategy):
    """One of the strategy's goals, e.g. "1. A stronger network"."""

    TRANSLATED_FIELDS = ("title", "description")

    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="goals", verbose_name=_("strategy"))
    code = models.CharField(_("number"), max_length=10, help_text=_("E.g. 1, 2, 3."))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["order", "code", "pk"]

    def __str__(self):
        return f"{self.code}. {self.localized('title')}"

    def owning_strategy(self) -> Strategy:
        return self.strategy


class Objective(FrozenWithStrategy):
    """An objective under a goal, e.g. "1.2 National networks in all five countries"."""

    TRANSLATED_FIELDS = ("title", "description")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="objectives", verbose_name=_("goal"))
    code = models.CharField(_("number"), max_length=10, help_text=_("E.g. 1.2."))
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    # In a revision: the objective of the revised version it was copied from (the plan moves over on adoption).
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", editable=False
    )
    action_items = models.ManyToManyField(
        ActionItem, through="ObjectiveActionItem", blank=True, related_name="objectives",
        verbose_name=_("forum action items"),
    )

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["goal__order", "goal__code", "order", "code", "pk"]

    def __str__(self):
        return f"{self.code} {self.localized('title')}"

    def owning_strategy(self) -> Strategy:
        return self.goal.strategy


class Indicator(FrozenWithStrategy):
    """How an objective's progress is measured, with a target for each year of the period."""

    TRANSLATED_FIELDS = ("text",)

    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("objective")
    )
    text = models.CharField(
        _("indicator"), max_length=300,
        help_text=_("E.g. Number of national networks with an MOU with their government."),
    )
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2, null=True, blank=True)
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True, validators=YEAR_VALIDATORS)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    copied_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies", editable=False
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["order", "pk"]

    def __str__(self):
        return str(self.localized("text"))

    def owning_strategy(self) -> Strategy:
        return self.objective.goal.strategy


class IndicatorTarget(models.Model):
    """An indicator's target for one year of the strategy's period (frozen with the strategy)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets", verbose_name=_("indicator"))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_target_per_indicator_year")]

    def __str__(self):
        return f"{self.year}: {self.value.normalize():f}"

    def save(self, *args, **kwargs):
        self.indicator.check_not_frozen()
        super().save(*args, **kwargs)


class IndicatorResult(models.Model):
    """What an indicator reached in a year: progress, recorded while the strategy is in force."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="results", verbose_name=_("indicator"))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    value = models.DecimalField(_("result"), max_digits=14, decimal_places=2)
    note = models.CharField(_("note"), max_length=300, blank=True, help_text=_("Where the figure comes from."))
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)
    recorded_by = user_reference(_("recorded by"))

    class Meta:
        verbose_name = _("result")
        verbose_name_plural = _("results")
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["indicator", "year"], name="one_result_per_indicator_year")]

    def __str__(self):
        return f"{self.year}: {self.value.normalize():f}"


class ActivityQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status__in=Activity.CLOSED_STATUSES)

    def overdue(self, on: datetime.date | None = None):
        return self.open().filter(end_date__lt=on or today())


class Activity(MultilingualModel):
    """A step of the action plan under an objective: who does it, where, when, and how far it has come."""

    TRANSLATED_FIELDS = ("title", "description")
    Status = ActionItem.Status  # the same steps as the forums' follow-up tracker
    CLOSED_STATUSES = ActionItem.CLOSED_STATUSES

    objective = models.ForeignKey(
        Objective, on_delete=models.CASCADE, related_name="activities", verbose_name=_("objective")
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    responsible_organizations = models.ManyToManyField(
        Organization, blank=True, related_name="plan_activities", verbose_name=_("responsible organizations")
    )
    responsible_networks = models.ManyToManyField(
        NationalNetwork, blank=True, related_name="plan_activities", verbose_name=_("responsible national networks")
    )
    countries = models.ManyToManyField(Country, blank=True, related_name="plan_activities", verbose_name=_("countries"))
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    budget_public = models.BooleanField(
        _("budget public"),
        default=False,
        help_text=_("The steering committee has agreed that everyone may see this activity's budget."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = ActivityQuerySet.as_manager()
    # History: registered in strategy/translation.py.

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["objective__goal__order", "objective__order", "order", "start_date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="activity_ends_after_it_starts",
                violation_error_message=_("The end date cannot be before the start date."),
            )
        ]

    def __str__(self):
        return str(self.localized("title"))

    def get_absolute_url(self):
        return reverse("strategy:activity", args=[self.objective.goal.strategy_id, self.pk])

    @property
    def is_overdue(self) -> bool:
        return self.end_date < today() and self.status not in self.CLOSED_STATUSES


class ActivityUpdate(models.Model):
    """A dated progress note on an activity, with its author and the status it set."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="updates", verbose_name=_("activity"))
    date = models.DateField(_("date"), default=today)
    text = models.TextField(_("progress"), max_length=3000)
    author = user_reference(_("author"))
    new_status = models.CharField(_("new status"), max_length=20, choices=Activity.Status.choices, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-date", "-created_at", "-pk"]

    def __str__(self):
        return f"{self.date}: {self.text[:60]}"


class ObjectiveActionItem(models.Model):
    """A forum's follow-up action item serving an objective: at most one objective per strategy version."""

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="action_item_links")
    action_item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="objective_links")
    strategy = models.ForeignKey(Strategy, on_delete=models.CASCADE, related_name="+", editable=False)
    linked_at = models.DateTimeField(_("linked"), auto_now_add=True)
    linked_by = user_reference(_("linked by"))

    class Meta:
        verbose_name = _("forum action item in the plan")
        verbose_name_plural = _("forum action items in the plan")
        constraints = [
            models.UniqueConstraint(fields=["strategy", "action_item"], name="action_item_serves_one_objective")
        ]

    def __str__(self):
        return f"{self.objective.code}: {self.action_item}"

    def save(self, *args, **kwargs):
        self.strategy_id = self.objective.goal.strategy_id
        super().save(*args, **kwargs)


class BudgetLineQuerySet(models.QuerySet):
    def totals(self, *keys: str) -> list[dict]:
        """Planned, secured and spent summed per `keys` (e.g. "year") and per currency, never across currencies.

        Each row: the keys' values, "currency", "planned", "secured", "spent". A line of an activity in several
        countries counts in each of them when grouped by "activity__countries"."""
        return list(
            self.order_by()
            .values(*keys, "currency")
            .annotate(planned=Sum("planned"), secured=Sum("secured"), spent=Sum("spent"))
            .order_by(*keys, "currency")
        )


class BudgetLine(models.Model):
    """One line of an activity's budget for a year: planned, secured and spent, in one currency."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="budget_lines", verbose_name=_("activity"))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    item = models.CharField(_("budget item"), max_length=200, help_text=_("E.g. Travel of delegates, interpretation."))
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, default="USD")
    planned = models.DecimalField(_("planned"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])
    secured = models.DecimalField(
        _("secured"), max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)],
        help_text=_("Promised or received from the funder."),
    )
    spent = models.DecimalField(_("spent"), max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)])
    funder = models.ForeignKey(
        Organization, on_delete=models.PROTECT, null=True, blank=True, related_name="budget_lines_funded",
        verbose_name=_("funder"),
    )
    funder_name = models.CharField(
        _("funder (not in the directory)"), max_length=200, blank=True, help_text=_("E.g. USAID.")
    )
    illustrative = models.BooleanField(
        pgettext_lazy("budget", "illustrative"),
        default=False,
        help_text=_("An example figure, not an agreed budget: shown as such."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = BudgetLineQuerySet.as_manager()
    history = HistoricalRecords()
    history_parent = "activity"  # changes link to the activity's page

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["year", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned__gte=0) & Q(secured__gte=0) & Q(spent__gte=0),
                name="budget_amounts_not_negative",
            )
        ]

    def __str__(self):
        return f"{self.year} {self.item}: {self.currency} {self.planned}"

    @property
    def funder_label(self) -> str:
        return str(self.funder) if self.funder_id else self.funder_name


class AnnualMeetingReminder(models.Model):
    """A year without an annual network meeting, of which the coordinators were reminded: once per year."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("annual meeting reminder")
        verbose_name_plural = _("annual meeting reminders")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)
