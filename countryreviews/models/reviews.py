"""Country TIP reviews: each save of a draft, each publication a revision row.

A `CountryReview` is the container for one country and year. Its content lives in numbered
`ReviewRevision` rows: at most one open revision (draft or submitted) at a time; a published
revision is frozen (its content and statistics can never change), and editing after publication
starts a new draft revision. The public sees the latest published revision.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from members.content import CONTENT_LANGUAGES, MultilingualModel, localized_name
from members.models import Country
from members.models.fields import user_reference

MIN_YEAR = 2000


def max_year() -> int:
    """Reviews and statistics cover a year that has begun: the current year at most, never a future one."""
    return timezone.now().year


MIN_LAW_YEAR = 1950


@deconstructible
class YearRangeValidator:
    """A year from `first` up to the current year, refused with one message that names the range."""

    message = _("Enter a year between %(min)s and %(max)s.")
    code = "year_range"

    def __init__(self, first: int):
        self.first = first

    def __call__(self, value: int) -> None:
        if not self.first <= value <= max_year():
            raise ValidationError(self.message, code=self.code, params={"min": self.first, "max": max_year()})

    def __eq__(self, other):
        return isinstance(other, YearRangeValidator) and self.first == other.first


YEAR_VALIDATORS = [YearRangeValidator(MIN_YEAR)]
LAW_YEAR_VALIDATORS = [YearRangeValidator(MIN_LAW_YEAR)]


class ImmutableRevisionError(Exception):
    """Raised when code tries to change a revision that has been published."""


class CountryReview(models.Model):
    """One country's TIP review for one year; its content is in its revisions."""

    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="reviews", verbose_name=_("country"))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = user_reference(_("created by"))

    class Meta:
        verbose_name = _("country review")
        verbose_name_plural = _("country reviews")
        ordering = ["-year", "country__order", "country__name"]
        constraints = [models.UniqueConstraint(fields=["country", "year"], name="one_review_per_country_year")]

    def __str__(self):
        return f"{self.country} {self.year}"

    def get_absolute_url(self):
        return reverse("countryreviews:detail", args=[Country.url_code(self.country_id), self.year])

    def get_edit_url(self):
        return reverse("countryreviews:edit", args=[Country.url_code(self.country_id), self.year])


class RevisionQuerySet(models.QuerySet):
    def published(self):
        """Revisions the public may read."""
        return self.filter(status=ReviewRevision.Status.PUBLISHED)

    def open(self):
        """The revision being worked on (draft or submitted), if any."""
        return self.filter(status__in=ReviewRevision.OPEN_STATUSES)

    def latest_published_per_review(self):
        """For each review, only its newest published revision."""
        newer = ReviewRevision.objects.published().filter(review=models.OuterRef("review"), number__gt=models.OuterRef("number"))
        return self.published().exclude(models.Exists(newer))


class ReviewRevision(MultilingualModel):
    """One version of a country review: a draft being written, or a frozen published text."""

    # The narrative sections, which may be written in each of the portal's languages (translation.py).
    TRANSLATED_FIELDS = (
        "summary",
        "trafficking_profile",
        "legal_framework",
        "prevention",
        "protection",
        "prosecution",
        "partnerships",
        "ngo_activities",
        "challenges",
        "recommendations",
    )

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for publication")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    # The narrative sections the review page always shows, as "Not reported." when empty (the summary is left out).
    REPORTED_SECTIONS = TRANSLATED_FIELDS[1:]

    OPEN_STATUSES = [Status.DRAFT, Status.SUBMITTED]
    FROZEN_STATUSES = [Status.PUBLISHED, Status.WITHDRAWN]

    # The structured sections, in reading order; copied into every new revision.
    CONTENT_FIELDS = [
        "summary",
        "trafficking_profile",
        "law_name",
        "law_year_adopted",
        "law_year_amended",
        "legal_framework",
        "coordination_body",
        "action_plan",
        "prevention",
        "hotlines",
        "shelters",
        "protection",
        "prosecution",
        "ngo_network",
        "mou_status",
        "partnerships",
        "ngo_activities",
        "challenges",
        "recommendations",
        "sources",
    ]

    review = models.ForeignKey(CountryReview, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("review"))
    number = models.PositiveSmallIntegerField(_("revision"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Goes up with every save; guards against overwriting a newer save.")
    )

    summary = models.TextField(
        _("summary"), blank=True, max_length=1500, help_text=_("A short paragraph for the regional overview.")
    )
    trafficking_profile = models.TextField(
        _("trafficking profile"),
        blank=True,
        max_length=6000,
        help_text=_("Source, transit or destination; internal and cross-border; forms of exploitation."),
    )
    law_name = models.CharField(_("anti-trafficking law"), max_length=300, blank=True)
    law_year_adopted = models.PositiveSmallIntegerField(
        _("law adopted (year)"), null=True, blank=True, validators=LAW_YEAR_VALIDATORS
    )
    law_year_amended = models.PositiveSmallIntegerField(
        _("law last amended (year)"), null=True, blank=True, validators=LAW_YEAR_VALIDATORS
    )
    legal_framework = models.TextField(_("legal framework"), blank=True, max_length=6000)
    coordination_body = models.CharField(_("national coordination body"), max_length=300, blank=True)
    action_plan = models.CharField(
        _("national action plan"), max_length=300, blank=True, help_text=_("E.g. “Yes, 2016–2018” or “None”.")
    )
    prevention = models.TextField(_("prevention"), blank=True, max_length=6000)
    hotlines = models.CharField(
        _("hotlines"), max_length=500, blank=True, help_text=_("Name and number of each TIP hotline, or “None”.")
    )
    shelters = models.CharField(
        _("shelters"), max_length=500, blank=True, help_text=_("Specialized TIP shelters and who runs them, or “None”.")
    )
    protection = models.TextField(
        _("protection"), blank=True, max_length=6000, help_text=_("Identification, referral, shelters, assistance.")
    )
    prosecution = models.TextField(_("prosecution"), blank=True, max_length=6000)
    ngo_network = models.CharField(_("national NGO network"), max_length=300, blank=True)
    mou_status = models.CharField(
        _("MOU with the government"),
        max_length=300,
        blank=True,
        help_text=_("Status of an MOU between the NGO network and the national TIP commission."),
    )
    partnerships = models.TextField(_("partnerships and cross-border cooperation"), blank=True, max_length=6000)
    ngo_activities = models.TextField(_("activities of CTIP NGOs"), blank=True, max_length=6000)
    challenges = models.TextField(_("challenges"), blank=True, max_length=6000)
    recommendations = models.TextField(_("recommendations"), blank=True, max_length=6000)
    sources = models.TextField(_("sources"), blank=True, max_length=3000)

    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = user_reference(_("started by"))
    updated_at = models.DateTimeField(_("last saved"), default=timezone.now)
    changed_by = user_reference(_("last saved by"))
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = user_reference(_("submitted by"))
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = user_reference(_("published by"))
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    return_comment = models.TextField(_("comment when sent back"), blank=True, max_length=2000)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("review revision")
        verbose_name_plural = _("review revisions")
        ordering = ["review", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["review", "number"], name="unique_revision_number"),
            models.UniqueConstraint(
                fields=["review"],
                condition=Q(status__in=["draft", "submitted"]),
                name="one_open_revision_per_review",
            ),
        ]

    def __str__(self):
        return f"{self.review} r{self.number} ({self.get_status_display()})"

    def save(self, *args, **kwargs):
        if self.pk:
            fields = self.stored_content_fields()
            stored = ReviewRevision.objects.filter(pk=self.pk).values(*fields, "status", "number").first()
            if stored and stored["status"] in self.FROZEN_STATUSES:
                changed = [f for f in [*fields, "number"] if (stored[f] or "") != (getattr(self, f) or "")]
                if changed:
                    raise ImmutableRevisionError(
                        f"Revision {self.pk} is {stored['status']}; its content cannot change ({', '.join(changed)})."
                    )
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("countryreviews:revision", args=[Country.url_code(self.review.country_id), self.review.year, self.number])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def clean(self):
        if self.law_year_adopted and self.law_year_amended and self.law_year_amended < self.law_year_adopted:
            raise ValidationError({"law_year_amended": _("The law cannot be amended before it was adopted.")})

    @classmethod
    def stored_content_fields(cls) -> list[str]:
        """The columns of the content: each narrative section once per language, the other fields once."""
        names = []
        for name in cls.CONTENT_FIELDS:
            if name in cls.TRANSLATED_FIELDS:
                names += [localized_name(name, code) for code in CONTENT_LANGUAGES]
            else:
                names.append(name)
        return [*names, "original_language"]

    def content(self) -> dict:
        """Everything a new revision copies: every section in every language."""
        return {name: getattr(self, name) for name in self.stored_content_fields()}

    def unreported_sections(self) -> list[str]:
        """The narrative sections written in no language: the review page shows them as "Not reported."."""
        return [name for name in self.REPORTED_SECTIONS if not self.languages_of([name])]

    def statistic(self, indicator: str, year: int):
        """The value of an indicator for a year, or None when not reported (uses prefetched statistics)."""
        for stat in self.statistics.all():
            if stat.indicator == indicator and stat.year == year:
                return stat
        return None


class ReviewStatistic(models.Model):
    """An aggregate figure reported in a review. Never data about an individual victim."""

    class Indicator(models.TextChoices):
        VICTIMS_IDENTIFIED = "victims_identified", _("Victims identified (total)")
        VICTIMS_FEMALE = "victims_female", _("Victims identified: women and girls")
        VICTIMS_MALE = "victims_male", _("Victims identified: men and boys")
        VICTIMS_CHILDREN = "victims_children", _("Victims identified: children (under 18)")
        VICTIMS_LABOUR = "victims_labour", _("Victims identified: forced labour")
        VICTIMS_SEXUAL = "victims_sexual", _("Victims identified: sexual exploitation")
        VICTIMS_OTHER = "victims_other", _("Victims identified: other forms of exploitation")
        CASES_INVESTIGATED = "cases_investigated", _("Cases investigated")
        PROSECUTIONS = "prosecutions", _("Prosecutions")
        CONVICTIONS = "convictions", _("Convictions")
        HOTLINE_CALLS = "hotline_calls", _("Hotline calls")
        SHELTER_ADMISSIONS = "shelter_admissions", _("Shelter admissions")

    revision = models.ForeignKey(ReviewRevision, on_delete=models.CASCADE, related_name="statistics", verbose_name=_("revision"))
    indicator = models.CharField(_("indicator"), max_length=30, choices=Indicator.choices)
    value = models.PositiveIntegerField(_("value"))
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    source = models.CharField(_("source"), max_length=300, blank=True)
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("Tick for an estimate or demo figure that is not from a published source."),
    )
    network_data = models.BooleanField(
        _("the network's own data"),
        default=False,
        help_text=_(
            "Tick for figures the network's organizations collected themselves, such as shelter admissions: "
            "small values are then published as “fewer than” the threshold, never exactly."
        ),
    )

    class Meta:
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")
        ordering = ["indicator", "year", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "indicator", "year"], name="one_value_per_indicator_year"),
            models.CheckConstraint(condition=Q(value__gte=0), name="statistic_value_not_negative"),
        ]

    def __str__(self):
        return f"{self.get_indicator_display()} {self.year}: {self.value}"

    def save(self, *args, **kwargs):
        self._check_open()
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        self._check_open()
        return super().delete(*args, **kwargs)

    def _check_open(self):
        status = ReviewRevision.objects.filter(pk=self.revision_id).values_list("status", flat=True).first()
        if status in ReviewRevision.FROZEN_STATUSES:
            raise ImmutableRevisionError(f"Revision {self.revision_id} is {status}; its statistics cannot change.")


class ReviewChange(models.Model):
    """The audit trail of a review: who saved, submitted, published, returned or withdrew what, and when."""

    class Action(models.TextChoices):
        CREATED = "created", _("started")
        SAVED = "saved", _("saved")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("sent back")
        PUBLISHED = "published", _("published")
        WITHDRAWN = "withdrawn", _("withdrawn")

    revision = models.ForeignKey(ReviewRevision, on_delete=models.CASCADE, related_name="changes", verbose_name=_("revision"))
    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    user = user_reference(_("user"))
    at = models.DateTimeField(_("when"), default=timezone.now)
    fields = models.JSONField(_("changed fields"), default=list, blank=True)
    comment = models.TextField(_("comment"), blank=True, max_length=2000)

    class Meta:
        verbose_name = _("review change")
        verbose_name_plural = _("review changes")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.revision} {self.action} {self.at:%Y-%m-%d %H:%M}"

    def field_labels(self) -> list[str]:
        labels = {f.name: f.verbose_name for f in ReviewRevision._meta.fields}
        labels["statistics"] = _("statistics")
        return [str(labels.get(name, name)) for name in self.fields]
