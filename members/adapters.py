"""django-allauth adapter: the network is invitation-only, so self sign-up stays closed; e-mails speak the user's
language and carry the portal's name, never the server's host."""

import time
from types import SimpleNamespace
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy

# The portal's name in e-mails: the brand of every page (base.html).
PORTAL_NAME = gettext_lazy("Regional CTIP Network")


def recently_authenticated(request) -> bool:
    """Whether the user logged in, or confirmed their password or a second factor, in the last
    ACCOUNT_REAUTHENTICATION_TIMEOUT seconds (allauth keeps a record of each in the session)."""
    if request is None or not request.user.is_authenticated:
        return False
    now = time.time()
    records = get_authentication_records(request, request.user)
    return any(now - record["at"] < settings.ACCOUNT_REAUTHENTICATION_TIMEOUT for record in records)


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Ask again before a security setting, except just after the login: allauth would ask a user who has
        just typed their password (sent by the portal to set up a second factor) to type it once more."""
        if recently_authenticated(self.request):
            return False
        return super().is_reauthentication_required(app=app, **kwargs)

    def send_mail(self, template_prefix, email, context):
        """allauth's e-mails (password reset, address confirmation, security notices) in the recipient's preferred
        language, naming the portal: allauth's `current_site` would be the request's host, as no Site is set up."""
        language = getattr(context.get("user"), "language", "") or translation.get_language()
        with translation.override(language):
            context = {
                "portal_url": settings.PORTAL_BASE_URL,
                "contact_url": settings.PORTAL_BASE_URL + reverse("members:contact"),
                **context,
                "current_site": SimpleNamespace(
                    name=gettext(PORTAL_NAME), domain=urlsplit(settings.PORTAL_BASE_URL).netloc
                ),
            }
            return super().send_mail(template_prefix, email, context)

    def format_email_subject(self, subject: str) -> str:
        """Subjects read "[Regional CTIP Network] Reset your password", not allauth's "[host] …"."""
        return f"[{gettext(PORTAL_NAME)}] {subject}"
