"""Whole public pages for visitors who are not logged in, kept in the shared cache and never stale.

Most requests come from the public (donors, journalists, people looking for help) reading the same pages;
rendering each one again costs far more than sending it. `PublicPageCacheMiddleware` keeps the finished page
(already compressed) per address, language and day, and serves it without running the view.

Never stale: every page kept belongs to a *generation*. Any write to the database by the portal (a view, the
admin, a management command, a bulk update) starts a new generation once its transaction commits (`note_write`,
installed on every database connection), so the next request renders afresh. The generation lives in the shared
cache (Redis, or the file cache of one host), so a change on one server or worker is seen by all at once.

Never personal: only a GET without a session cookie, a message or credentials is served from or stored in the
cache, and only a plain 200 response that set no cookie, used no CSRF token and did not ask to stay private.
Everyone who is logged in gets their page rendered for them.
"""

import logging
import re
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, set_response_etag

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"
# Writes to these tables never change what a public page shows (logins, sessions, the security log, the e-mail
# queue); they would otherwise empty the cache at every login.
TABLES_NOT_SHOWN = frozenset(
    {
        "django_session",
        "usersessions_usersession",
        "mfa_authenticator",
        "members_securityevent",
        "members_notification",
        "account_emailconfirmation",
        "django_admin_log",
    }
)
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([A-Za-z0-9_]+)"?', re.IGNORECASE)
NOT_CACHED_PATHS = ("/admin/", "/accounts/", "/i18n/", "/static/", "/media/", "/healthz")


def new_generation():
    """Make every page in the cache stale (after a change is committed)."""
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, None)
    except Exception:  # a cache that is down keeps no page either; the change itself is saved
        logger.warning("Could not start a new generation of public pages", exc_info=True)


def note_write(execute, sql, params, many, context):
    """Database execute wrapper: a write to a table shown on pages starts a new generation when it commits."""
    result = execute(sql, params, many, context)
    match = WRITE.match(sql)
    if match and match.group(1).lower() not in TABLES_NOT_SHOWN:
        connection = context["connection"]
        # Once per transaction; in autocommit mode on_commit runs at once (the write is committed already), after
        # a rollback never.
        if not (connection.in_atomic_block and any(entry[1] is new_generation for entry in connection.run_on_commit)):
            transaction.on_commit(new_generation, using=connection.alias)
    return result


def install_write_watch(sender, connection, **kwargs):
    """Receiver of `connection_created`: watch every new database connection (connected in apps.py)."""
    if note_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(note_write)


class PublicPageCacheMiddleware:
    """Serve and store whole public pages for visitors who are not logged in (see the module's docstring).

    The pages themselves are kept in each process's memory (the most recent PAGE_CACHE_ENTRIES of them), the
    generation in the shared cache: a page is served only if it belongs to the current generation, which costs
    one small read of the shared cache instead of rendering. Put it after WhiteNoise and before
    SessionMiddleware, with GZipMiddleware after it (pages are kept compressed) and ConditionalGetMiddleware
    before it (304 for pages the browser has).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.pages = OrderedDict()  # key -> (generation, expires, status, headers, content), least recent first
        self.lock = threading.Lock()  # `runserver` serves requests in threads

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or not self.may_serve_from_cache(request):
            response = self.get_response(request)
            if getattr(request, "user", None) is not None and request.user.is_authenticated:
                # A logged-in page may be kept by the browser, never by a proxy, and is revalidated (ETag).
                patch_cache_control(response, private=True, no_cache=True)
            return response
        try:
            generation = cache.get(GENERATION_KEY)
            if generation is None:
                generation = uuid.uuid4().hex
                if not cache.add(GENERATION_KEY, generation, None):
                    generation = cache.get(GENERATION_KEY)
        except Exception:
            logger.warning("The page cache is unavailable", exc_info=True)
            return self.get_response(request)
        key = self.key(request)
        entry = self.pages.get(key)
        if entry is not None and entry[0] == generation and entry[1] > time.monotonic():
            with self.lock:
                if key in self.pages:
                    self.pages.move_to_end(key)
            response = HttpResponse(entry[4], status=entry[2], headers=entry[3])
            response["X-Page-Cache"] = "hit"
            return response
        # The generation was read *before* rendering: a change committed meanwhile makes this page stale at once.
        response = self.get_response(request)
        if self.may_store(request, response):
            patch_cache_control(response, no_cache=True)  # browsers ask again every time (answered by a 304)
            set_response_etag(response)
            expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
            with self.lock:
                self.pages[key] = (generation, expires, response.status_code, dict(response.items()), response.content)
                self.pages.move_to_end(key)
                while len(self.pages) > settings.PAGE_CACHE_ENTRIES:
                    self.pages.popitem(last=False)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def may_serve_from_cache(request) -> bool:
        return (
            request.method == "GET"
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(NOT_CACHED_PATHS)
        )

    @staticmethod
    def may_store(request, response) -> bool:
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not (getattr(request, "user", None) is not None and request.user.is_authenticated)
            and not any(word in cache_control for word in ("private", "no-store"))
        )

    @staticmethod
    def key(request) -> tuple:
        """One page per address, host, language, compression and day (pages say "overdue", "today"…)."""
        return (
            request.get_host(),
            request.get_full_path(),
            translation.get_language_from_request(request),
            "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""),
            time.strftime("%Y-%m-%d"),  # the local date: Django sets the process's time zone to TIME_ZONE
        )
