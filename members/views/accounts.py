"""A user's own account: name, language and e-mail addresses."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.csrf import csrf_exempt

from ..forms.accounts import AccountForm
from ..middleware import set_language_cookie


@login_required
def account(request):
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = form.save()
        if user.language:
            translation.activate(user.language)
        messages.success(request, _("Your account was saved."))
        response = redirect("members:account")
        if user.language:
            set_language_cookie(response, user.language)
        return response
    return render(
        request,
        "members/account.html",
        {
            "form": form,
            "memberships": request.user.memberships.select_related("organization"),
            "has_second_factor": is_mfa_enabled(request.user, types=[Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN]),
        },
        status=400 if request.method == "POST" else 200,
    )


@csrf_exempt
def set_language(request):
    """Django's language switch (a cookie), and for a logged-in user their account preference too.

    For visitors who are not logged in the switch carries no CSRF token: it only sets a cookie, and a token would
    make every public page personal, so that none could be served from the page cache. A logged-in user's
    switch changes their account and is checked as every other form is.
    """
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    if "lang=" in request.POST.get("next", ""):
        # The page was opened as ?lang=xx: go back to it without that, or it would override the new choice.
        request.POST = request.POST.copy()
        request.POST["next"] = _without_lang(request.POST["next"])
    response = i18n.set_language(request)
    language = request.POST.get("language", "")
    if request.method == "POST" and request.user.is_authenticated and language in dict(settings.LANGUAGES):
        request.user.language = language
        request.user.save(update_fields=["language"])
    return response


def _without_lang(url: str) -> str:
    parts = urlsplit(url)
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "lang"])
    return urlunsplit(parts._replace(query=query))
