"""The yearly cycle's reminder: when a year of the strategy in force passed without an annual network meeting in
the forum records, every active coordinator is e-mailed once, in their own language (run daily)."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from forums.models import Forum
from members.emails import absolute_url

from .models import AnnualMeetingReminder, Strategy
from .models import today as local_today

logger = logging.getLogger(__name__)


def meeting_recorded(year: int) -> bool:
    """An annual network meeting held, or at least not cancelled, in `year`."""
    return (
        Forum.objects.filter(kind=Forum.Kind.ANNUAL, start_date__year=year).exclude(status=Forum.Status.CANCELLED).exists()
    )


def coordinators():
    return get_user_model().objects.filter(is_active=True, is_coordinator=True).exclude(email="").order_by("pk")


def reminder_email(user, strategy: Strategy, year: int, *, connection=None) -> EmailMessage:
    url = absolute_url(reverse("strategy:plan", args=[strategy.pk]) + "#yearly-cycle")
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {"year": year, "strategy": strategy.localized("title").marked(), "period": strategy.period, "url": url}
        subject = render_to_string("strategy/emails/annual_meeting_reminder_subject.txt", context).strip()
        body = render_to_string("strategy/emails/annual_meeting_reminder.txt", context)
    return EmailMessage(subject, body, to=[user.email], connection=connection)


def remind_missing_annual_meeting(today=None) -> AnnualMeetingReminder | None:
    """Remind the coordinators that last year had no annual network meeting, if it lies within the period of the
    strategy in force and nobody was reminded of that year yet. Returns the reminder recorded, or None."""
    year = (today or local_today()).year - 1
    strategy = Strategy.objects.in_force().filter(start_year__lte=year, end_year__gte=year).order_by("-version").first()
    if strategy is None or meeting_recorded(year) or AnnualMeetingReminder.objects.filter(year=year).exists():
        return None
    recipients = list(coordinators())
    if not recipients:
        return None  # not recorded: the first coordinator is reminded
    # Claimed first (the year is unique): two runs at once never remind twice.
    with transaction.atomic():
        reminder, created = AnnualMeetingReminder.objects.get_or_create(year=year)
    if not created:
        return None
    connection = get_connection()
    try:
        sent = connection.send_messages([reminder_email(user, strategy, year, connection=connection) for user in recipients])
    except Exception:
        reminder.delete()  # tried again on the next run
        logger.exception("The reminder of the missing annual network meeting of %s failed", year)
        raise
    reminder.recipients = sent or 0
    reminder.save(update_fields=["recipients"])
    return reminder
