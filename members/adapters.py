"""django-allauth adapter: the network is invitation-only, so self sign-up stays closed; e-mails speak the user's language."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        return False

    def send_mail(self, template_prefix, email, context):
        """Password reset and address confirmation e-mails in the recipient's preferred language."""
        language = getattr(context.get("user"), "language", "")
        if not language:
            return super().send_mail(template_prefix, email, context)
        with translation.override(language):
            return super().send_mail(template_prefix, email, context)
