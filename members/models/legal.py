"""The legislation register and the agreements register.

- `LegalInstrument`: a country's anti-trafficking law, national action plan or other regulation, with the
  year it was adopted, each `LegalAmendment` with its year, a summary and its text in the library. Country
  reviews and the regional overview read a country's legal framework "as of" their year from here instead
  of retyping years.
- `Agreement`: an MOU or agreement (network–government, bilateral, multilateral such as the CIS or the
  Almaty Process) with its parties and its status; every change of status is an `AgreementStatusChange`,
  dated, so the register shows how an agreement came about. Forum recommendations and follow-up action
  items link to the agreements they are about (forums.models).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from ..content import MultilingualModel
from .directory import Country, NationalNetwork, Organization
from .fields import user_reference

FIRST_LAW_YEAR = 1950


@deconstructible
class NotInFutureYear:
    """A year no later than the current one: a register records what happened, not what is planned."""

    message = _("The year cannot be in the future.")
    code = "future_year"

    def __call__(self, value: int) -> None:
        if value is not None and value > timezone.now().year:
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, NotInFutureYear)


REGISTER_YEAR_VALIDATORS = [MinValueValidator(FIRST_LAW_YEAR), NotInFutureYear()]


class LegalInstrumentQuerySet(models.QuerySet):
    def as_of(self, year: int):
        """The instruments adopted by the end of `year` (amendments: filter them by year the same way)."""
        return self.filter(year_adopted__lte=year)


class LegalInstrument(MultilingualModel):
    """A law, national action plan or regulation of one country against trafficking in persons."""

    TRANSLATED_FIELDS = ("title", "summary")

    class Kind(models.TextChoices):
        LAW = "law", _("Law")
        ACTION_PLAN = "action_plan", _("National action plan")
        REGULATION = "regulation", _("Regulation or decree")

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="legal_instruments", verbose_name=_("country")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LAW)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    year_adopted = models.PositiveSmallIntegerField(_("year adopted"), validators=REGISTER_YEAR_VALIDATORS)
    year_until = models.PositiveSmallIntegerField(
        _("in force until (year)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(FIRST_LAW_YEAR)],
        help_text=_("The last year of an action plan, or the year a law was replaced or repealed."),
    )
    replaced_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaces", verbose_name=_("replaced by")
    )
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    resource = models.ForeignKey(
        "members.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("text in the library"),
    )
    link = models.URLField(_("official text (web address)"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    objects = LegalInstrumentQuerySet.as_manager()
    # History: registered in members/translation.py, so that it keeps each language's column.

    class Meta:
        verbose_name = _("law or action plan")
        verbose_name_plural = _("laws and action plans")
        ordering = ["country__order", "country__name", "year_adopted", "pk"]

    def __str__(self):
        return f"{self.localized('title')} ({self.year_adopted})"

    def get_absolute_url(self):
        return reverse("members:law", args=[self.slug])

    def clean(self):
        if self.year_until and self.year_adopted and self.year_until < self.year_adopted:
            raise ValidationError({"year_until": _("This year cannot be before the year adopted.")})


class LegalAmendment(MultilingualModel):
    """An amendment of a law or revision of a plan, in a given year."""

    TRANSLATED_FIELDS = ("summary",)

    instrument = models.ForeignKey(
        LegalInstrument, on_delete=models.CASCADE, related_name="amendments", verbose_name=_("law or action plan")
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=REGISTER_YEAR_VALIDATORS)
    summary = models.TextField(_("what changed"), blank=True, max_length=3000)
    resource = models.ForeignKey(
        "members.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("text in the library"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    history_parent = "instrument"  # recent changes link to the law's page

    class Meta:
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        ordering = ["year", "pk"]

    def __str__(self):
        return f"{self.instrument.localized('title')}: {self.year}"

    def clean(self):
        if self.instrument_id and self.year and self.year < self.instrument.year_adopted:
            raise ValidationError({"year": _("An amendment cannot be older than the law it amends.")})


class Agreement(MultilingualModel):
    """An MOU or agreement against trafficking, with its parties and where it stands."""

    TRANSLATED_FIELDS = ("title", "summary")

    class Kind(models.TextChoices):
        NETWORK_GOVERNMENT = "network_government", _("Network and government")
        BILATERAL = "bilateral", _("Bilateral")
        MULTILATERAL = "multilateral", _("Multilateral")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        NEGOTIATING = "negotiating", _("Under negotiation")
        SIGNED = "signed", _("Signed")
        IN_FORCE = "in_force", _("In force")
        LAPSED = "lapsed", _("Lapsed")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.BILATERAL)
    # The current status: the newest AgreementStatusChange's (kept in step by record_status()).
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PROPOSED)
    countries = models.ManyToManyField(
        Country, blank=True, related_name="agreements", verbose_name=_("countries")
    )
    networks = models.ManyToManyField(
        NationalNetwork, blank=True, related_name="agreements", verbose_name=_("national networks")
    )
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="agreements", verbose_name=_("organizations")
    )
    other_parties = models.CharField(
        _("other parties"),
        max_length=500,
        blank=True,
        help_text=_("Parties not in the directory, e.g. “TIP High Commission of Afghanistan” or “CIS member states”."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True, max_length=4000)
    resource = models.ForeignKey(
        "members.Resource",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("text in the library"),
    )
    link = models.URLField(_("web address"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last updated"), auto_now=True)

    # History: registered in members/translation.py, so that it keeps each language's column.

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["title", "pk"]

    def __str__(self):
        return str(self.localized("title"))

    def get_absolute_url(self):
        return reverse("members:agreement", args=[self.slug])

    def record_status(self, status: str, date, note: str = "", user=None) -> "AgreementStatusChange":
        """Add a dated step to the history; the agreement's status becomes that of its newest step by date (a step
        recorded late, with an older date, does not overwrite a newer status), and a signature dates `signed_on`."""
        with transaction.atomic():
            change = self.status_changes.create(status=status, date=date, note=note, recorded_by=user)
            newest = self.status_changes.order_by("-date", "-pk").first()
            self.status = newest.status
            if status == self.Status.SIGNED and self.signed_on is None:
                self.signed_on = date
            self.save(update_fields=["status", "signed_on", "updated_at"])
        return change


class AgreementStatusChange(models.Model):
    """A dated step in an agreement's life: proposed, negotiations opened, signed, in force, lapsed."""

    agreement = models.ForeignKey(
        Agreement, on_delete=models.CASCADE, related_name="status_changes", verbose_name=_("agreement")
    )
    status = models.CharField(_("status"), max_length=20, choices=Agreement.Status.choices)
    date = models.DateField(_("date"), default=timezone.localdate)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = user_reference(_("recorded by"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-date", "-pk"]

    def __str__(self):
        return f"{self.agreement}: {self.get_status_display()} ({self.date})"
