"""The list-serve's outbox: what each user wants to receive, and the e-mails queued for them."""


from django.db import models
from django.utils.translation import gettext_lazy as _

from .directory import Country


class Topic(models.TextChoices):
    REVIEW_PUBLISHED = "review_published", _("A country review is published")
    OVERVIEW_PUBLISHED = "overview_published", _("A regional overview is published")
    ANNUAL_REPORT = "annual_report", _("The network's annual report is published")
    FORUMS = "forums", _("A forum is announced or changed")
    ACTION_ITEMS = "action_items", _("Follow-up actions of my organization are due or overdue")
    NEW_MEMBERS = "new_members", _("A new organization joins the network")
    ANNOUNCEMENTS = "announcements", _("Announcements of the network (the list-serve)")
    COMMENTS = "comments", _("Comments on announcements I posted or commented on")


class NotificationPreference(models.Model):
    """Which e-mail updates a user receives, and how often."""

    class Frequency(models.TextChoices):
        IMMEDIATE = "immediate", _("Immediately, one e-mail per update")
        WEEKLY = "weekly", _("Weekly digest")

    user = models.OneToOneField(
        "members.User", on_delete=models.CASCADE, related_name="notification_preference", verbose_name=_("user")
    )
    review_published = models.BooleanField(Topic.REVIEW_PUBLISHED.label, default=True)
    review_all_countries = models.BooleanField(
        _("reviews of all countries"), default=True, help_text=_("Untick to choose countries below.")
    )
    review_countries = models.ManyToManyField(
        Country, blank=True, related_name="+", verbose_name=_("reviews of these countries")
    )
    overview_published = models.BooleanField(Topic.OVERVIEW_PUBLISHED.label, default=True)
    annual_report = models.BooleanField(Topic.ANNUAL_REPORT.label, default=True)
    forums = models.BooleanField(Topic.FORUMS.label, default=True)
    action_items = models.BooleanField(Topic.ACTION_ITEMS.label, default=True)
    new_members = models.BooleanField(Topic.NEW_MEMBERS.label, default=True)
    announcements = models.BooleanField(Topic.ANNOUNCEMENTS.label, default=True)
    # The kinds of announcement wanted, as ",news,event,call," (see members.notifications.recipients).
    announcement_kinds = models.CharField(
        _("kinds of announcement"), max_length=100, default=",news,event,call,publication,vacancy,", blank=True
    )
    announcement_all_countries = models.BooleanField(
        _("announcements about all countries"), default=True, help_text=_("Untick to choose countries below.")
    )
    announcement_countries = models.ManyToManyField(
        Country, blank=True, related_name="+", verbose_name=_("announcements about these countries")
    )
    comments = models.BooleanField(Topic.COMMENTS.label, default=True)
    frequency = models.CharField(
        _("how often"), max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return f"{self.user} ({self.get_frequency_display()})"


class NotificationQuerySet(models.QuerySet):
    def queued(self):
        return self.filter(status=Notification.Status.QUEUED)

    def claimable(self, stale_before):
        """Rows a run of `send_notifications` may claim: queued ones, and those a run claimed before
        `stale_before` and never finished (it crashed), so that they are not stuck forever."""
        return self.filter(
            models.Q(status=Notification.Status.QUEUED)
            | models.Q(status=Notification.Status.SENDING, claimed_at__lt=stale_before)
        )


class Notification(models.Model):
    """One e-mail update queued for one user (the outbox); sent later by `send_notifications`."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Gave up")
        WITHDRAWN = "withdrawn", _("Not sent: no longer visible to its recipient")

    user = models.ForeignKey(
        "members.User", on_delete=models.CASCADE, related_name="notifications", verbose_name=_("user")
    )
    topic = models.CharField(_("topic"), max_length=30, choices=Topic.choices)
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"))
    url = models.CharField(_("link"), max_length=500, blank=True)
    # An announcement's e-mail is sent only if its recipient may still read it then (members.notifications).
    announcement = models.ForeignKey(
        "members.Announcement", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    dedupe_key = models.CharField(max_length=200)
    digest = models.BooleanField(_("weekly digest"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # Which run of send_notifications is sending the row, and since when (see members.notifications._claim).
    claim = models.CharField(max_length=32, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], name="unique_notification_per_event")
        ]
        indexes = [models.Index(fields=["status", "digest"])]

    def __str__(self):
        return f"{self.subject} → {self.user} ({self.get_status_display()})"
