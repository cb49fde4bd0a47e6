"""A user's own account settings."""

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
