"""A small fixed-window rate limit on Django's cache (no extra dependency)."""

import hashlib
from email.utils import parseaddr

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def secretariat_email() -> str:
    """The address people can write to: the one the portal sends its e-mail from (DEFAULT_FROM_EMAIL)."""
    return parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def too_many_attempts(request):
    """The 429 page for a form sent too often, with the secretariat's address."""
    return render(request, "members/join_limited.html", {"secretariat_email": secretariat_email()}, status=429)


def client_ip(request) -> str:
    # This is the address of whoever opened the TCP connection to the application server. Behind a reverse
    # proxy that is the proxy itself, so every visitor shares one budget, unless the deployment rewrites
    # REMOTE_ADDR to the client address before Django sees it (for example a WSGI middleware that trusts
    # X-Forwarded-For only from the proxy's address). gunicorn's --forwarded-allow-ips does NOT do that: it
    # only decides which peers may set the forwarded scheme headers (wsgi.url_scheme), and leaves REMOTE_ADDR
    # as the peer address. X-Forwarded-For is not read here because any client can send it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(scope: str, identity: str) -> str:
    return "ratelimit:" + hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()


def is_exhausted(scope: str, identity: str, limit: int) -> bool:
    """True if `identity` already used all `limit` attempts of the current window (counts nothing)."""
    return (cache.get(_key(scope, identity)) or 0) >= limit


def count(scope: str, identity: str, period: int) -> None:
    """Count one attempt for `identity` in `scope`; the window starts with the first attempt."""
    key = _key(scope, identity)
    if cache.add(key, 1, timeout=period):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=period)


def is_limited(scope: str, identity: str, limit: int, period: int) -> bool:
    """Count one attempt for `identity` in `scope`; True once more than `limit` happened within `period` seconds."""
    key = _key(scope, identity)
    if cache.add(key, 1, timeout=period):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=period)
        return False
    return count > limit
