"""The home page, the health check, and the admin's login (allauth's, asked again before the admin)."""

import sys
import time
from functools import wraps
from urllib.parse import urlencode

from allauth.core.exceptions import ReauthenticationRequired
from django.conf import settings
from django.contrib import admin
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, get_language_bidi
from django.views import defaults
from django.views.decorators.cache import never_cache

from members.adapters import recently_authenticated
from members.models import Organization, SteeringCommitteeSeat, countries_with_member_counts

from .home import render_home_sections
from .outages import is_outage


def home(request):
    """The network at a glance."""
    countries = list(countries_with_member_counts())
    return render(
        request,
        "home.html",
        {
            "countries": countries,
            "member_total": sum(c.member_count for c in countries),
            "seat_count": SteeringCommitteeSeat.objects.current().count(),
            "recently_updated": Organization.objects.members()
            .select_related("country")
            .order_by("-updated_at")[:5],
            "sections": render_home_sections(request),
        },
    )


@never_cache
def healthz(request):
    """200 with a small JSON body when the database and the cache answer, 503 otherwise (load balancers then send
    visitors to another app server)."""
    status = {"database": "ok", "cache": "ok"}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        status["database"] = "unavailable"
    try:
        cache.get("healthz")
    except Exception:  # noqa: BLE001 - whatever the backend raises, the cache is not usable
        status["cache"] = "unavailable"
    healthy = all(value == "ok" for value in status.values())
    return JsonResponse({"status": "ok" if healthy else "error", **status}, status=200 if healthy else 503)


def server_error(request):
    """handler500: while the database or the cache is unreachable a plain 503 page that asks to try again in a
    minute, otherwise the plain 500 page; never a stack trace (the error itself goes to the log)."""
    if not is_outage(sys.exc_info()[1]):
        return defaults.server_error(request)
    page = loader.get_template("503.html").render({"LANGUAGE_CODE": get_language(), "LANGUAGE_BIDI": get_language_bidi()})
    response = HttpResponse(page, status=503)
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


ADMIN_SEEN_KEY = "portal_admin_seen"


def require_recent_login(admin_view):
    """Wrap AdminSite.admin_view: entering the admin asks for the password (or a second factor) again unless the
    user logged in or confirmed it in the last REAUTHENTICATION_TIMEOUT seconds, or used the admin in the
    last ADMIN_IDLE_TIMEOUT seconds. An unlocked phone or a stolen session cookie does not open the admin."""

    def wrapper(view, cacheable=False):
        inner = admin_view(view, cacheable)

        @wraps(inner)
        def checked(request, *args, **kwargs):
            if request.user.is_authenticated and admin.site.has_permission(request):
                now = time.time()
                seen = request.session.get(ADMIN_SEEN_KEY, 0)
                if now - seen > settings.ADMIN_IDLE_TIMEOUT and not recently_authenticated(request):
                    raise ReauthenticationRequired
                if now - seen >= 30:  # write the session at most twice a minute
                    request.session[ADMIN_SEEN_KEY] = now
            return inner(request, *args, **kwargs)

        return checked

    return wrapper


def admin_login(request, extra_context=None):
    """The admin's login page is allauth's: its rate limits on failed logins (and the second factor) apply to
    the admin too. The admin's own form took unlimited password guesses."""
    if request.user.is_authenticated:
        if admin.site.has_permission(request):
            return redirect("admin:index")
        raise PermissionDenied  # logged in without the admin's powers: not another login loop
    next_url = request.GET.get(REDIRECT_FIELD_NAME) or reverse("admin:index")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("admin:index")
    return redirect(f"{reverse('account_login')}?{urlencode({REDIRECT_FIELD_NAME: next_url})}")
