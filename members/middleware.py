"""Middleware of the portal: the user's language, idle sessions and the second factor of privileged users."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from . import permissions


def remember_login_language(sender, request, user, **kwargs):
    """Receiver of `user_logged_in`, connected in MembersConfig.ready().

    The signal has no response to set a cookie on; the middleware below does it.
    """
    if request is not None and getattr(user, "language", ""):
        request.portal_login_language = user.language
        translation.activate(user.language)


def set_language_cookie(response, language: str):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class LoginLanguageMiddleware:
    """After a login, store the user's language in the cookie that LocaleMiddleware reads."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        language = getattr(request, "portal_login_language", None)
        if language:
            set_language_cookie(response, language)
        return response


class QueryLanguageMiddleware:
    """`?lang=ru` shows the page in that language without changing the visitor's choice.

    These are the addresses the pages announce with hreflang, so that each language of a public page has
    a URL of its own (search engines, shared links). Put after LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        code = request.GET.get("lang", "")
        if code in dict(settings.LANGUAGES):
            translation.activate(code)
            request.LANGUAGE_CODE = code
        return self.get_response(request)


class IdleSessionMiddleware:
    """End a session after SESSION_IDLE_TIMEOUT seconds without a request: a phone left unlocked in an office
    or a shared computer in an internet café must not stay logged in for days.

    The time of the last request is kept in the session, written at most once a minute so that browsing
    does not write the session on every request. Put after AuthenticationMiddleware.
    """

    KEY = "portal_last_seen"
    RESOLUTION = 60

    def __init__(self, get_response):
        self.get_response = get_response

    @classmethod
    def start_clock(cls, sender, request, user, **kwargs):
        """Receiver of `user_logged_in`: the login is the first activity (written with the login's session)."""
        if request is not None and hasattr(request, "session"):
            request.session[cls.KEY] = int(time.time())

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(self.KEY, now)
            if now - last_seen > settings.SESSION_IDLE_TIMEOUT:
                logout(request)
                messages.info(request, _("You were logged out after a period of inactivity. Please log in again."))
                return redirect_to_login(request.get_full_path())
            if now - last_seen >= self.RESOLUTION or self.KEY not in request.session:
                request.session[self.KEY] = now
        return self.get_response(request)


# What a user without a second factor may still reach: the set-up pages and the rest of allauth's account
# pages (logout, password, e-mail), the language switch, static files and the health check.
SECOND_FACTOR_EXEMPT = ("/accounts/", "/i18n/", "/static/", "/media/", "/healthz")


class SecondFactorRequiredMiddleware:
    """Send a coordinator, staff member, steering committee representative or organization editor who has no
    second factor yet to the set-up page, whatever they ask for; members may add one but need not.

    Put after AuthenticationMiddleware and MessageMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(SECOND_FACTOR_EXEMPT) and permissions.must_set_up_second_factor(request.user):
            if request.method == "GET":
                messages.warning(
                    request,
                    _(
                        "Your account can change what other people see. Before you use it, protect it with a "
                        "second factor: an authenticator app or a security key."
                    ),
                )
            return redirect("mfa_index")
        return self.get_response(request)
