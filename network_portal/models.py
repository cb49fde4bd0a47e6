"""The network's annual report: assembled from every app's records for one year, published by the steering
committee like an overview edition (network_portal/annual_report.py assembles it).

It lives here because it draws on members, forums and country reviews alike, which only the project package
may import together. A published report is frozen: `snapshot` holds what it showed when it was published, so
later edits of the records it draws on never change it.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.content import MultilingualModel
from members.models.fields import user_reference


class AnnualReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=AnnualReport.Status.PUBLISHED)


class AnnualReport(MultilingualModel):
    """The regional network's report on one year."""

    TRANSLATED_FIELDS = ("title", "introduction")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    title = models.CharField(_("title"), max_length=200, blank=True)
    introduction = models.TextField(_("introduction"), blank=True, max_length=8000)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    # What the published report shows, frozen at publication (network_portal/annual_report.py); empty for drafts.
    snapshot = models.JSONField(_("content when published"), default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = user_reference(_("started by"))
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    published_by = user_reference(_("published by"))

    objects = AnnualReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        ordering = ["-year"]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("annual-report", args=[self.year])

    @property
    def display_title(self) -> str:
        title = self.localized("title").text if self.pk or self.title else ""
        return title or str(_("Annual report of the network %(year)s") % {"year": self.year})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED
