"""Verified entries: an organization's editors confirm that its entry is still correct, coordinators verify it for
the secretariat; entries not confirmed for the verification period (settings.VERIFICATION_MONTHS) "may be out of
date", and their editors are reminded by e-mail once per period (`manage.py remind_stale_entries`).

A confirmation covers the organization and all its services: its editors keep them on one profile.
"""

import logging
from datetime import UTC, datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, Least
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import permissions
from .emails import absolute_url
from .models import Membership, Organization, SecurityEvent, Service, stale_since
from .security import log_event

logger = logging.getLogger(__name__)

VERIFIED_FIELDS = ["verified_at", "verified_as", "verified_by"]
# Entries never verified sort as verified at the earliest moment: they come first, oldest first.
NEVER = datetime(1970, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)


def confirm(organization: Organization, user, *, as_secretariat: bool | None = None, services: bool = True) -> bool:
    """Record that `user` confirmed the organization and (unless `services` is false) all its services as correct
    now: as the secretariat if they are a coordinator (or `as_secretariat` says so), otherwise as the organization.
    Returns whether it was the secretariat's.

    The caller has checked `permissions.can_confirm_entry`. Confirming changes no content: it is not an entry of the
    change history and does not touch `updated_at`; the entries keep who confirmed last, the security log keeps
    the secretariat's verifications.
    """
    if as_secretariat is None:
        as_secretariat = permissions.can_verify_entries(user)
    organization.mark_verified(user, as_secretariat=as_secretariat)
    verified = {name: getattr(organization, name) for name in VERIFIED_FIELDS}
    with transaction.atomic():
        Organization.objects.filter(pk=organization.pk).update(**verified)
        count = Service.objects.filter(organization=organization).update(**verified) if services else 0
        if as_secretariat:
            log_event(
                SecurityEvent.Kind.ENTRY_VERIFIED,
                actor=user,
                target=f"organization {organization.slug}",
                detail=f"and its {count} services" if services else "profile edited",
            )
    return as_secretariat


def record_edit(organization: Organization, user) -> None:
    """Saving the profile's edit form confirms the organization's entry too (a coordinator's edit as the
    secretariat). Not its services: each has a form of its own, and saving that confirms the service."""
    confirm(organization, user, services=False)


# Whose entries are kept current: members and stakeholders (not applicants, not former members).
KEPT_CURRENT = [Organization.MembershipStatus.MEMBER, Organization.MembershipStatus.STAKEHOLDER]


def has_stale_entries() -> Q:
    """Organizations whose own entry or any of whose services may be out of date."""
    return Q(pk__in=Organization.objects.stale().values("pk")) | Q(
        pk__in=Service.objects.stale().values("organization_id")
    )


def _stale_services() -> Prefetch:
    stale = Service.objects.stale().order_by(F("verified_at").asc(nulls_first=True), "kind", "name")
    return Prefetch("services", queryset=stale, to_attr="stale_services")


def stale_organizations():
    """Members and stakeholders with an entry that may be out of date, those not confirmed for the longest first
    (annotated `oldest`), with their stale services (`stale_services`) and whether they have an editor to remind
    (`has_editors`); a fixed number of queries."""
    oldest_service = (
        Service.objects.filter(organization=OuterRef("pk"))
        .annotate(at=Coalesce("verified_at", Value(NEVER)))
        .order_by("at")
        .values("at")[:1]
    )
    return (
        Organization.objects.filter(membership_status__in=KEPT_CURRENT)
        .filter(has_stale_entries())
        .annotate(
            oldest=Least(
                Coalesce(F("verified_at"), Value(NEVER)),
                Coalesce(Subquery(oldest_service, output_field=models.DateTimeField()), Value(FAR_FUTURE)),
            ),
            has_editors=Exists(_editors().filter(organization=OuterRef("pk"))),
        )
        .select_related("country")
        .prefetch_related(_stale_services())
        .order_by("oldest", "name", "pk")
    )


def _editors():
    return Membership.objects.filter(role=Membership.Role.EDITOR, user__is_active=True)


def _not_reminded_this_period() -> Q:
    return Q(reminded_at__isnull=True) | Q(reminded_at__lt=stale_since())


def organizations_to_remind():
    """Members and stakeholders with an entry that may be out of date, whose editors were not reminded in this
    verification period; with their stale services and active editors (`editor_memberships`)."""
    return (
        Organization.objects.filter(membership_status__in=KEPT_CURRENT)
        .filter(has_stale_entries())
        .filter(_not_reminded_this_period())
        .prefetch_related(
            _stale_services(),
            Prefetch("memberships", queryset=_editors().select_related("user"), to_attr="editor_memberships"),
        )
        .order_by("pk")
    )


def reminder_email(organization: Organization, user, *, connection=None) -> EmailMessage:
    """The reminder to one editor, in their own language."""
    context = {
        "organization": organization,
        "services": organization.stale_services,
        "months": settings.VERIFICATION_MONTHS,
        "url": absolute_url(organization.get_absolute_url()),
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        subject = render_to_string("members/emails/stale_reminder_subject.txt", context).strip()
        body = render_to_string("members/emails/stale_reminder.txt", context)
    return EmailMessage(subject, body, to=[user.email], connection=connection)


def _claim(organization: Organization, now) -> bool:
    """Mark the organization reminded now unless another run just did: one conditional UPDATE, so that two runs
    at once never remind twice."""
    return bool(
        Organization.objects.filter(pk=organization.pk).filter(_not_reminded_this_period()).update(reminded_at=now)
    )


def send_reminders(*, dry_run: bool = False, report=None) -> dict:
    """Remind the editors of each organization due (see `organizations_to_remind`) once per verification period.

    `report(line)` is told about each organization. Returns counts: organizations reminded, e-mails sent,
    organizations whose e-mail failed (tried again on the next run) and organizations without an editor.
    """
    counts = {"organizations": 0, "emails": 0, "failed": 0, "without_editors": 0}
    report = report or (lambda line: None)
    connection = None if dry_run else get_connection()
    for organization in organizations_to_remind():
        editors = [m.user for m in organization.editor_memberships]
        entries = (["profile"] if organization.is_stale else []) + [str(s.name) for s in organization.stale_services]
        if not editors:
            counts["without_editors"] += 1
            report(f"{organization.slug}: no active editor to remind")
            continue
        if dry_run:
            counts["organizations"] += 1
            counts["emails"] += len(editors)
            report(f"{organization.slug}: would remind {', '.join(u.email for u in editors)} of {'; '.join(entries)}")
            continue
        previous = organization.reminded_at
        now = timezone.now()
        if not _claim(organization, now):
            continue
        try:
            sent = connection.send_messages([reminder_email(organization, user, connection=connection) for user in editors])
        except Exception as error:
            logger.warning("Reminder to the editors of %s failed: %s", organization.slug, error)
            Organization.objects.filter(pk=organization.pk, reminded_at=now).update(reminded_at=previous)
            counts["failed"] += 1
            report(f"{organization.slug}: failed ({error}); will try again on the next run")
            continue
        counts["organizations"] += 1
        counts["emails"] += sent or 0
        report(f"{organization.slug}: reminded {', '.join(u.email for u in editors)}")
    return counts
