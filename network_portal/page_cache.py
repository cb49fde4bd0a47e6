"""Whole pages kept after rendering and served again without running the view, never stale and never to anyone else.

Most requests come from the public (donors, journalists, people looking for help) reading the same pages, and
members going back and forth between the directory, profiles and the tracker; rendering a page costs many times
more than sending it. `PageCacheMiddleware` keeps the finished page (already compressed) in each worker's memory
(the most recent PAGE_CACHE_ENTRIES pages), per address, host, language, compression and day, and:

- for a visitor who is not logged in (no session cookie, no message, no credentials), serves the *public* page
  to every such visitor; it stores only a 200 that set no cookie and used no CSRF token, so nothing personal;
- for a logged-in user, serves a page only to the same session that it was rendered for (the session key and
  the CSRF cookie are part of the key), after checking in the session store that the session still exists for
  the same user and password; it is never put in the shared cache, never given to another session, and the
  idle-session clock, messages and logouts keep working (those requests are rendered).

Never stale: every page kept belongs to a *generation*. Any write to the database by the portal (a view, the
admin, a management command, a bulk update) starts a new generation once its transaction commits (`note_write`,
installed on every database connection), so the next request renders afresh. The generation lives in the shared
cache (Redis, or the file cache of one host), so a change on one server or worker is seen by all at once.
"""

import logging
import re
import threading
import time
import uuid
from collections import OrderedDict
from importlib import import_module

from django.conf import settings
from django.contrib.auth import HASH_SESSION_KEY, SESSION_KEY
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"
# Writes to these tables never change what a page shows (sessions, the security log, the e-mail queue); they would
# otherwise empty the cache at every request of a logged-in user.
TABLES_NOT_SHOWN = frozenset(
    {
        "django_session",
        "usersessions_usersession",
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
        logger.warning("Could not start a new generation of kept pages", exc_info=True)


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


IDLE_CLOCK_KEY = "portal_last_seen"  # members.middleware.IdleSessionMiddleware.KEY (network_portal depends on no app)
IDLE_CLOCK_RESOLUTION = 60


class PageCacheMiddleware:
    """Serve and store whole pages (see the module's docstring).

    Put it after WhiteNoise and before SessionMiddleware, with GZipMiddleware after it (pages are kept
    compressed) and ConditionalGetMiddleware after that (the ETag of the uncompressed page, the same on every
    worker; this middleware answers 304 itself for the pages it serves).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.pages = OrderedDict()  # key -> (generation, expires, owner, status, headers, content), least recent first
        self.lock = threading.Lock()  # `runserver` serves requests in threads
        self.sessions = import_module(settings.SESSION_ENGINE).SessionStore

    def __call__(self, request):
        kind = self.kind_of(request)
        if kind is None:
            return self.render(request)
        try:
            generation = current_generation()
        except Exception:
            logger.warning("The page cache is unavailable", exc_info=True)
            return self.render(request)
        key = self.key(request, kind)
        entry = self.pages.get(key)
        if entry is not None and entry[0] == generation and entry[1] > time.monotonic():
            if kind == "public" or self.same_session(request, owner=entry[2]):
                with self.lock:
                    if key in self.pages:
                        self.pages.move_to_end(key)
                response = HttpResponse(entry[5], status=entry[3], headers=entry[4])
                response["X-Page-Cache"] = "hit"
                # ConditionalGetMiddleware is below: answer "not modified" here for a page the browser has.
                return get_conditional_response(request, etag=response.get("ETag"), response=response)
        # The generation was read *before* rendering: a change committed meanwhile makes this page stale at once.
        response = self.render(request)
        owner = self.may_store(request, response, kind)
        if owner is not None:
            expires = time.monotonic() + settings.PAGE_CACHE_SECONDS
            with self.lock:
                self.pages[key] = (generation, expires, owner, response.status_code, dict(response.items()), response.content)
                self.pages.move_to_end(key)
                while len(self.pages) > settings.PAGE_CACHE_ENTRIES:
                    self.pages.popitem(last=False)
            response["X-Page-Cache"] = "miss"
        return response

    def render(self, request):
        response = self.get_response(request)
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            # A logged-in page may be kept by the browser, never by a proxy, and is revalidated (ETag).
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code == 200 and "Cache-Control" not in response:
            patch_cache_control(response, no_cache=True)  # browsers ask again every time (answered by a 304)
        return response

    @staticmethod
    def kind_of(request):
        """"public", "private" (a session's own), or None: this request is never served from nor kept in memory."""
        if (
            not settings.PAGE_CACHE_SECONDS
            or request.method != "GET"
            or "messages" in request.COOKIES
            or "HTTP_AUTHORIZATION" in request.META
            or request.path.startswith(NOT_CACHED_PATHS)
        ):
            return None
        return "private" if settings.SESSION_COOKIE_NAME in request.COOKIES else "public"

    @staticmethod
    def key(request, kind) -> tuple:
        """One page per address, host, language, compression and day (pages say "overdue", "today"…); a session's
        own pages also per session and CSRF cookie (the token in its forms)."""
        key = (
            kind,
            request.get_host(),
            request.get_full_path(),
            translation.get_language_from_request(request),
            "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", ""),
            time.strftime("%Y-%m-%d"),  # the local date: Django sets the process's time zone to TIME_ZONE
        )
        if kind == "private":
            key += (request.COOKIES[settings.SESSION_COOKIE_NAME], request.COOKIES.get(settings.CSRF_COOKIE_NAME, ""))
        return key

    def same_session(self, request, owner) -> bool:
        """The session still exists in the session store, for the same user and password, without a message
        waiting, and its idle clock needs no update (otherwise the request is rendered, which does all that)."""
        data = self.sessions(request.COOKIES[settings.SESSION_COOKIE_NAME]).load()
        last_seen = data.get(IDLE_CLOCK_KEY)
        return (
            (data.get(SESSION_KEY), data.get(HASH_SESSION_KEY)) == owner
            and "_messages" not in data
            and last_seen is not None
            and 0 <= time.time() - last_seen < IDLE_CLOCK_RESOLUTION
        )

    @staticmethod
    def may_store(request, response, kind):
        """Who the page may be served to again: () for everyone not logged in, (user id, password hash) for this
        session only; None: not kept."""
        cache_control = response.get("Cache-Control", "")
        if (
            response.status_code != 200
            or response.streaming
            or "no-store" in cache_control
            or getattr(request, "user", None) is None
        ):
            return None
        if kind == "public":
            if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.user.is_authenticated:
                return None
            return ()
        # A session's own page: only if rendering changed nothing but the renewal of the same CSRF cookie.
        csrf = settings.CSRF_COOKIE_NAME
        if not request.user.is_authenticated or request.session.modified:
            return None
        if any(name != csrf or morsel.value != request.COOKIES.get(csrf) for name, morsel in response.cookies.items()):
            return None
        return (request.session.get(SESSION_KEY), request.session.get(HASH_SESSION_KEY))


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, generation, None):
            generation = cache.get(GENERATION_KEY)
    return generation
