"""The directory's own events on the coordinators' recent changes page: invitations and application decisions.

Each source is one query for the newest `limit` events (see members.history.event_source).
"""

from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .history import Event, event_source, user_name
from .models import Application, Invitation


def _in_range(at, since, until) -> bool:
    return at is not None and (since is None or at >= since) and (until is None or at < until)


def _when(field, since, until) -> Q:
    """`field` lies in [since, until)."""
    condition = Q(**{f"{field}__isnull": False})
    if since:
        condition &= Q(**{f"{field}__gte": since})
    if until:
        condition &= Q(**{f"{field}__lt": until})
    return condition


@event_source("invitations", gettext_lazy("invitations"))
def invitations(since, until, country, limit):
    """Invitations sent, accepted and revoked. The invitee is named once they have an account, never by e-mail."""
    rows = Invitation.objects.select_related("organization", "invited_by", "accepted_by")
    rows = rows.filter(
        _when("created_at", since, until) | _when("accepted_at", since, until) | _when("revoked_at", since, until)
    )
    if country:
        rows = rows.filter(organization__country_id=country)
    latest = Greatest("created_at", Coalesce("accepted_at", "revoked_at", "created_at"))
    rows = rows.annotate(latest=latest).order_by(F("latest").desc(), "-pk")[:limit]
    events = []
    for invitation in rows:
        organization = invitation.organization
        base = {
            "kind": "invitations",
            "label": str(organization),
            "country_code": organization.country_id,
            "url": reverse("members:staff", args=[organization.slug]),
        }
        role = _("Role: %(role)s") % {"role": invitation.get_role_display()}
        if _in_range(invitation.accepted_at, since, until):
            who = user_name(invitation.accepted_by) or _("a deleted account")
            events.append(Event(at=invitation.accepted_at, kind_label=_("Invitation accepted"),
                                user=who, detail=role, **base))
        if _in_range(invitation.revoked_at, since, until):
            events.append(Event(at=invitation.revoked_at, kind_label=_("Invitation revoked"), detail=role, **base))
        if _in_range(invitation.created_at, since, until):
            events.append(Event(at=invitation.created_at, kind_label=_("Invitation sent"),
                                user=user_name(invitation.invited_by), detail=role, **base))
    return sorted(events, key=lambda event: event.at, reverse=True)[:limit]


@event_source("applications", gettext_lazy("membership applications"))
def application_decisions(since, until, country, limit):
    """Membership applications approved or declined, by whom and when."""
    rows = (
        Application.objects.select_related("decided_by")
        .filter(_when("decided_at", since, until), status__in=[Application.Status.APPROVED, Application.Status.DECLINED])
        .order_by("-decided_at", "-pk")
    )
    if country:
        rows = rows.filter(country_id=country)
    return [
        Event(
            at=application.decided_at,
            kind="applications",
            kind_label=_("Application approved") if application.status == Application.Status.APPROVED
            else _("Application declined"),
            label=application.name,
            user=user_name(application.decided_by),
            country_code=application.country_id,
            url=reverse("members:application", args=[application.pk]),
            detail=Truncator(application.decline_reason).chars(200),
        )
        for application in rows[:limit]
    ]
