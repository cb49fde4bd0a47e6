"""Switch the portal to the user's preferred language when they log in."""

from django.conf import settings
from django.utils import translation


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
