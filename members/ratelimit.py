"""A small fixed-window rate limit on Django's cache (no extra dependency)."""

import hashlib

from django.core.cache import cache


def client_ip(request) -> str:
    # Behind a reverse proxy, configure it to set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips);
    # X-Forwarded-For is not trusted here because anyone can send it.
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def is_limited(scope: str, identity: str, limit: int, period: int) -> bool:
    """Count one attempt for `identity` in `scope`; True once more than `limit` happened within `period` seconds."""
    key = "ratelimit:" + hashlib.sha256(f"{scope}:{identity}".encode()).hexdigest()
    if cache.add(key, 1, timeout=period):
        return False
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, timeout=period)
        return False
    return count > limit
