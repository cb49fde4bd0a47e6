"""django-allauth adapter: the network is invitation-only, so self sign-up stays closed; e-mails speak the user's language."""

import time

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from django.conf import settings
from django.utils import translation


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
        """Password reset and address confirmation e-mails in the recipient's preferred language."""
        language = getattr(context.get("user"), "language", "")
        if not language:
            return super().send_mail(template_prefix, email, context)
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)
