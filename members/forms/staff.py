"""Managing an organization's staff: invitations and roles."""

from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from ..models import Membership


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(
        label=_("Role"),
        choices=Membership.Role.choices,
        initial=Membership.Role.MEMBER,
        help_text=_("Editors can change the profile and manage the staff; members can see member-only information."),
    )

    language = forms.ChoiceField(label=_("Language"), choices=settings.ALL_LANGUAGES, required=False)

    def __init__(self, *args, organization, **kwargs):
        self.organization = organization
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()

    def clean_language(self):
        """The invitation e-mail's language; the inviter's own if none was chosen."""
        return self.cleaned_data["language"] or get_language()

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if Membership.objects.filter(organization=self.organization, user__email__iexact=email).exists():
            raise forms.ValidationError(_("This person is already on the staff of this organization."))
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Membership.Role.choices)
