"""Cross-border referral requests: one member organization asks one in another country to help a person.

A request carries what the receiver needs to decide (the help needed, languages, city, urgency) and the
sender's own case reference, never who the person is: no name, photo, date of birth, passport or phone number
(members/referrals.py refuses text that looks like one). Only staff of the two organizations and the
coordinators see a request (members/permissions.py); it is erased `REFERRAL_RETENTION_DAYS` after it closes
(the `prune_referrals` command), and the security log keeps who did what, never the content.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .directory import CodeListField, Organization, Service, spoken_language_names
from .fields import user_reference


class ReferralQuerySet(models.QuerySet):
    def open(self):
        return self.filter(closed_at__isnull=True)

    def due_for_erasure(self, now=None):
        """Closed requests older than the retention period."""
        before = (now or timezone.now()) - timedelta(days=settings.REFERRAL_RETENTION_DAYS)
        return self.filter(closed_at__lt=before)

    def involving(self, organization_ids):
        return self.filter(
            models.Q(from_organization__in=organization_ids) | models.Q(to_organization__in=organization_ids)
        )


class ReferralRequest(models.Model):
    class Urgency(models.TextChoices):
        ROUTINE = "routine", _("Routine (within two weeks)")
        SOON = "soon", _("Soon (within a few days)")
        URGENT = "urgent", _("Urgent (today)")

    class Status(models.TextChoices):
        SENT = "sent", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    from_organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="referrals_sent", verbose_name=_("from")
    )
    to_organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, related_name="referrals_received", verbose_name=_("to")
    )
    # The help needed, as Service.Kind codes (",shelter,legal_aid,"), and the languages the person speaks.
    help_needed = models.CharField(_("help needed"), max_length=200)
    languages = models.CharField(_("languages the person speaks"), max_length=200, blank=True)
    city = models.CharField(
        _("city or area where help is needed"), max_length=100, blank=True
    )
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, default=Urgency.ROUTINE)
    case_reference = models.CharField(
        _("your case reference"),
        max_length=40,
        help_text=_("Your organization's own reference for the case, so that you can find it in your files."),
    )
    details = models.TextField(
        _("what the receiving organization needs to know"),
        max_length=1500,
        blank=True,
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SENT)
    response_note = models.TextField(_("note from the receiving organization"), max_length=1500, blank=True)
    created_by = user_reference(_("sent by"))
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    answered_by = user_reference(_("answered by"))
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)

    help_kinds = CodeListField("help_needed")
    spoken_languages = CodeListField("languages")

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral request")
        verbose_name_plural = _("referral requests")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        # What the security log names: the organizations and the number, never the content.
        return f"#{self.pk} {self.from_organization.acronym or self.from_organization.name} → " \
               f"{self.to_organization.acronym or self.to_organization.name}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    def erase_on(self):
        """The day this request will be erased, once closed."""
        if self.closed_at is None:
            return None
        return (self.closed_at + timedelta(days=settings.REFERRAL_RETENTION_DAYS)).date()

    def help_names(self) -> list[str]:
        labels = dict(Service.Kind.choices)
        return [str(labels.get(code, code)) for code in self.help_kinds]

    def language_names(self) -> list[str]:
        return spoken_language_names(self.spoken_languages)

    def accept(self, user, note: str = "") -> None:
        self._answer(self.Status.ACCEPTED, user, note)

    def decline(self, user, note: str = "") -> None:
        self._answer(self.Status.DECLINED, user, note)
        self.closed_at = self.answered_at

    def close(self) -> None:
        """The case is handed over or finished: the request is closed and will be erased after the retention period."""
        self.status = self.Status.CLOSED
        self.closed_at = timezone.now()

    def withdraw(self) -> None:
        self.status = self.Status.WITHDRAWN
        self.closed_at = timezone.now()

    def _answer(self, status, user, note):
        self.status = status
        self.response_note = note
        self.answered_by = user
        self.answered_at = timezone.now()
