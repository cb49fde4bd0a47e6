"""The portal's one rate limiter (`RateLimit`), a small fixed window on Django's cache, and its 429 page.

Not django-ratelimit: its system checks refuse the file-based cache that is the portal's default
(CACHE_BACKEND), and its windows follow the clock rather than starting with the first attempt.
"""

import hashlib
import time
from email.utils import parseaddr

from allauth.core.internal.httpkit import get_client_ip
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render


def secretariat_email() -> str:
    """The secretariat's address: SECRETARIAT_EMAIL, or the one the portal sends its e-mail from."""
    return settings.SECRETARIAT_EMAIL or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]


def too_many_attempts(request):
    """The 429 page for a form sent too often, with the secretariat's address."""
    return render(request, "members/join_limited.html", {"secretariat_email": secretariat_email()}, status=429)


def client_ip(request) -> str:
    """The visitor's address, as allauth sees it for its own limits (one rule for the whole portal).

    Without a proxy that is REMOTE_ADDR, whoever opened the TCP connection. Behind reverse proxies, set
    TRUSTED_PROXY_COUNT (settings.ALLAUTH_TRUSTED_PROXY_COUNT) to their number: the address is then taken
    from that position of X-Forwarded-For counted from the right, which the proxies append to, so a client
    cannot choose it. X-Forwarded-For is never read otherwise, because any client can send it.
    """
    return get_client_ip(request) or "unknown"


class RateLimit:
    """At most `limit` counted attempts per identity (an IP address, a user id) within `period` seconds.

    A fixed window that starts with the first counted attempt, kept in Django's cache (shared by the
    workers of one host). `limited()` counts every attempt; a form that counts only successes (the join
    form: forms with errors are free) asks `exceeded()` first and calls `count()` after it succeeded.
    """

    def __init__(self, scope: str, limit: int, period: int):
        self.scope, self.limit, self.period = scope, limit, period

    def _key(self, identity) -> str:
        return "ratelimit:" + hashlib.sha256(f"{self.scope}:{identity}".encode()).hexdigest()

    def exceeded(self, identity) -> bool:
        """True if `identity` already used all attempts of the current window (counts nothing)."""
        return (cache.get(self._key(identity)) or 0) >= self.limit

    def count(self, identity) -> int:
        """Count one attempt; returns how many were counted in the current window, this one included."""
        key = self._key(identity)
        now = time.time()
        if cache.add(key, 1, timeout=self.period):
            cache.set(f"{key}:ends", now + self.period, timeout=self.period)
            return 1
        try:
            counted = cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=self.period)
            cache.set(f"{key}:ends", now + self.period, timeout=self.period)
            return 1
        # Some caches (the file and database ones) store an incremented value with the default timeout of
        # 300 s: give the count back the rest of its window, or "5 an hour" would become 5 every 5 minutes.
        ends = cache.get(f"{key}:ends") or now + self.period
        cache.touch(key, timeout=max(1, int(ends - now) + 1))
        return counted

    def limited(self, identity) -> bool:
        """Count one attempt; True if it is over the limit (refuse it)."""
        return self.count(identity) > self.limit
