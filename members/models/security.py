"""The security log: logins, changes to accounts and roles, publications. Written once, never changed.

Rows are added only through `members.security.log_event()`. Nobody edits or deletes one, through the portal,
the admin or the ORM: an attacker who got a coordinator's account must not be able to wipe their tracks.
Old rows go only through `prune()` (the `prune_security_log` command).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SecurityLogIsAppendOnly(Exception):
    """Raised when code tries to change or delete an entry of the security log."""


class SecurityEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise SecurityLogIsAppendOnly("Entries of the security log cannot be changed.")

    def delete(self):
        raise SecurityLogIsAppendOnly("Entries of the security log cannot be deleted; prune() removes old ones.")

    def prune(self, before) -> int:
        """Delete the entries older than `before` (the retention period); returns how many."""
        deleted, _per_model = models.QuerySet.delete(self.filter(at__lt=before))
        return deleted


class SecurityEvent(models.Model):
    """One entry of the security log: who did what to which account or record, when, from where."""

    class Kind(models.TextChoices):
        LOGIN = "login", _("Logged in")
        LOGIN_FAILED = "login_failed", _("Login failed")
        LOGOUT = "logout", _("Logged out")
        SECOND_FACTOR_ADDED = "second_factor_added", _("Second factor added")
        SECOND_FACTOR_REMOVED = "second_factor_removed", _("Second factor removed")
        SECOND_FACTOR_FAILED = "second_factor_failed", _("Second factor refused")
        RECOVERY_CODES_GENERATED = "recovery_codes_generated", _("Recovery codes generated")
        RECOVERY_CODE_USED = "recovery_code_used", _("Recovery code used")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        PASSWORD_RESET = "password_reset", _("Password reset")
        EMAIL_ADDED = "email_added", _("E-mail address added")
        EMAIL_REMOVED = "email_removed", _("E-mail address removed")
        EMAIL_CHANGED = "email_changed", _("Primary e-mail address changed")
        EMAIL_CONFIRMED = "email_confirmed", _("E-mail address confirmed")
        ROLE_CHANGED = "role_changed", _("Role changed")
        SEAT_CHANGED = "seat_changed", _("Steering committee seat changed")
        REVIEW_PUBLISHED = "review_published", _("Country review published")
        REVIEW_WITHDRAWN = "review_withdrawn", _("Country review withdrawn")
        OVERVIEW_PUBLISHED = "overview_published", _("Regional overview published")
        OVERVIEW_TEXT_REDACTED = "overview_text_redacted", _("Text redacted from a regional overview")
        REFERRAL_SENT = "referral_sent", _("Referral request sent")
        REFERRAL_ANSWERED = "referral_answered", _("Referral request answered")
        REFERRAL_CLOSED = "referral_closed", _("Referral request closed")
        REFERRAL_ERASED = "referral_erased", _("Referral requests erased")
        ENTRY_VERIFIED = "entry_verified", _("Directory entry verified")
        HSDS_IMPORTED = "hsds_imported", _("Open data imported")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    kind = models.CharField(_("event"), max_length=30, choices=Kind.choices, db_index=True)
    # Who acted, and their e-mail at the time: the entry still names them after the account is deleted.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("by"),
    )
    actor_email = models.CharField(_("by (e-mail)"), max_length=254, blank=True)
    # What was affected, as text ("user x@example.org", "Country review: Tajikistan 2017"), and the account if one.
    target = models.CharField(_("affected"), max_length=200, blank=True)
    target_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("affected account"),
    )
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    detail = models.CharField(_("detail"), max_length=500, blank=True)

    objects = SecurityEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("security event")
        verbose_name_plural = _("security log")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.target}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise SecurityLogIsAppendOnly("Entries of the security log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise SecurityLogIsAppendOnly("Entries of the security log cannot be deleted.")
