"""A user's own account settings."""

from allauth.mfa.models import Authenticator
from allauth.mfa.webauthn import forms as webauthn_forms
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ..models import User


class AccountForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("Use the browser's language"))] + list(settings.LANGUAGES)


class _TranslatedKeyName:
    """allauth's security key forms leave the name's label to Django ("Name", untranslated)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].label = _("Name")


class AddWebAuthnForm(_TranslatedKeyName, webauthn_forms.AddWebAuthnForm):
    pass


class EditWebAuthnForm(_TranslatedKeyName, webauthn_forms.EditWebAuthnForm):
    pass


class AuthenticateWebAuthnForm(webauthn_forms.AuthenticateWebAuthnForm):
    """The login's second-factor step offers a security key only to a user who has added one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_keys = Authenticator.objects.filter(user=self.user, type=Authenticator.Type.WEBAUTHN).exists()
