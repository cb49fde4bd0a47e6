"""The steering committee: one seat per country, held by an NGO representative for a term."""


from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .directory import Country, Organization, Person


class SeatQuerySet(models.QuerySet):
    def current(self):
        return self.filter(term_end__isnull=True)

    def past(self):
        return self.filter(term_end__isnull=False)


class SteeringCommitteeSeat(models.Model):
    """A country's seat on the steering committee, held by one NGO representative for a term."""

    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="seats", verbose_name=_("country")
    )
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="seats", verbose_name=_("organization")
    )
    representative = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="seats", verbose_name=_("representative")
    )
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(
        _("term end"), null=True, blank=True, help_text=_("Leave empty while the term is current.")
    )

    objects = SeatQuerySet.as_manager()

    class Meta:
        verbose_name = _("steering committee seat")
        verbose_name_plural = _("steering committee seats")
        ordering = ["country__order", "-term_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["country"],
                condition=Q(term_end__isnull=True),
                name="one_current_seat_per_country",
                violation_error_message=_("This country already has a current seat."),
            ),
        ]

    def __str__(self):
        return f"{self.country}: {self.representative} ({self.organization})"

    @property
    def is_current(self) -> bool:
        return self.term_end is None

    def clean(self):
        if self.term_end and self.term_start and self.term_end < self.term_start:
            raise ValidationError({"term_end": _("The term cannot end before it starts.")})
        if self.organization_id and self.country_id and self.organization.country_id != self.country_id:
            raise ValidationError({"organization": _("The organization must be from this country.")})
