"""Regional overview editions: the latest published review of each country, pinned, compared side by side."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Country
from members.models.fields import user_reference

from .reviews import YEAR_VALIDATORS, ReviewRevision


class OverviewQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=RegionalOverview.Status.PUBLISHED)


class RegionalOverview(models.Model):
    """An edition of the regional overview: an introduction plus the pinned published review of each country."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    title = models.CharField(_("title"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction"), blank=True, max_length=8000)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    revisions = models.ManyToManyField(
        ReviewRevision, through="OverviewEntry", related_name="overviews", verbose_name=_("pinned revisions")
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = user_reference(_("assembled by"))
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = user_reference(_("published by"))

    objects = OverviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("regional overview")
        verbose_name_plural = _("regional overviews")
        ordering = ["-year"]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("countryreviews:overview-year", args=[self.year])

    @property
    def display_title(self) -> str:
        return self.title or str(_("Regional overview %(year)s") % {"year": self.year})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED


class OverviewEntry(models.Model):
    """A country's review pinned, at one published revision, in an overview edition; the edition holds no copy of
    the revision's text, it shows the revision's own."""

    overview = models.ForeignKey(RegionalOverview, on_delete=models.CASCADE, related_name="entries", verbose_name=_("overview"))
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="+", verbose_name=_("country"))
    revision = models.ForeignKey(
        ReviewRevision, on_delete=models.PROTECT, related_name="overview_entries", verbose_name=_("revision")
    )
    # A published edition keeps pointing at the revisions it was built from, withdrawn ones included; once a
    # coordinator redacts a withdrawn one, the edition shows a note instead of anything from it (overview.py).
    redacted_at = models.DateTimeField(_("redacted"), null=True, blank=True)
    redacted_by = user_reference(_("redacted by"))

    class Meta:
        verbose_name = _("overview entry")
        verbose_name_plural = _("overview entries")
        ordering = ["country__order", "country__name"]
        constraints = [models.UniqueConstraint(fields=["overview", "country"], name="one_entry_per_country")]

    def __str__(self):
        return f"{self.overview.year}: {self.revision}"

    def clean(self):
        if self.revision_id and self.revision.status != ReviewRevision.Status.PUBLISHED:
            raise ValidationError({"revision": _("Only a published revision can be pinned.")})
        if self.revision_id and self.country_id and self.revision.review.country_id != self.country_id:
            raise ValidationError({"revision": _("The revision must be of this country's review.")})
