"""The security log's one way in: `log_event()`, used by every app (and by members/security_signals.py).

What an entry keeps about the request: the client's address (`ratelimit.client_ip`, the one place that
decides where it comes from) and the browser's name, shortened. Nothing else of the request is stored.
"""

import ipaddress
import unicodedata

from simple_history.models import HistoricalRecords

from .models import SecurityEvent
from .ratelimit import client_ip
from .validators import BIDI_CONTROLS

Kind = SecurityEvent.Kind


def log_event(kind, *, request=None, actor=None, target_user=None, target: str = "", detail: str = "") -> SecurityEvent:
    """Record a security event.

    Without `request`, the request being served (if any) gives the address and the browser, and its
    logged-in user is the actor unless `actor` says otherwise. Without `target`, the entry names `target_user`.
    """
    request = request if request is not None else current_request()
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    if actor is not None and not actor.is_authenticated:
        actor = None
    if not target and target_user is not None:
        target = describe_user(target_user)
    return SecurityEvent.objects.create(
        kind=kind,
        actor=actor,
        actor_email=actor.email if actor else "",
        target=one_line(target, SecurityEvent._meta.get_field("target").max_length),
        target_user=target_user,
        ip_address=ip_address_of(request),
        user_agent=one_line(request.META.get("HTTP_USER_AGENT", "") if request else "", 300),
        detail=one_line(detail, SecurityEvent._meta.get_field("detail").max_length),
    )


def describe_user(user) -> str:
    return f"user {user.email}"


def current_request():
    """The request being served in this thread, or None (a management command, the shell).

    django-simple-history's middleware (settings.MIDDLEWARE) keeps it for its own "changed by"; signal
    receivers of model saves have no other way to know who changed a role from the admin, and from where.
    """
    return getattr(HistoricalRecords.context, "request", None)


def ip_address_of(request) -> str | None:
    if request is None:
        return None
    try:
        return str(ipaddress.ip_address(client_ip(request)))
    except ValueError:
        return None


def one_line(text, limit: int) -> str:
    """Text from outside (a typed e-mail, a browser's name) as one line without control characters, shortened:
    a log entry must not be able to fake another line or turn its neighbours' text around."""
    text = "".join(ch for ch in str(text) if unicodedata.category(ch) != "Cc" and ch not in BIDI_CONTROLS)
    return text[: limit - 1] + "…" if len(text) > limit else text
