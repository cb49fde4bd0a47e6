"""Forms of joining: the public application, the coordinator's decision, and accepting an invitation."""

from django import forms
from django.contrib.auth import password_validation
from django.utils.translation import gettext_lazy as _

from ..models import Application, Country, FocusArea, User, validate_decline_reason
from ..validators import refuse_control_characters
from .antispam import AntiSpamMixin


class ApplicationForm(AntiSpamMixin, forms.ModelForm):
    """The public "Join the network" form, with a honeypot and a signed, single-use time stamp against scripts."""

    already_sent_message = _(
        "This form was already sent, and that application was received. "
        "To send another application, send the form again."
    )

    class Meta:
        model = Application
        fields = [
            "name", "acronym", "country", "kind", "city", "website", "description", "focus_areas",
            "contact_name", "contact_position", "contact_email", "contact_phone", "consent",
        ]
        widgets = {
            "focus_areas": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "description": _("Who you work with, where, and what you do against trafficking in persons."),
            "contact_email": _("We send the invitation to this address if the network accepts you."),
        }
        labels = {"consent": _("The secretariat may contact this person about our application.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.all()
        self.fields["focus_areas"].queryset = FocusArea.objects.all()
        self.fields["description"].required = True
        self.fields["consent"].required = True

    def clean_contact_email(self):
        return self.cleaned_data["contact_email"].strip().lower()

    def clean_website(self):
        return self.cleaned_data["website"].strip()


class DeclineForm(forms.Form):
    # Not `required`: Application's own rule (validate_decline_reason) refuses an empty reason, in its words.
    reason = forms.CharField(
        label=_("Reason (sent to the applicant)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"]
        validate_decline_reason(reason)
        return reason


class AcceptInvitationForm(forms.Form):
    """A new account for the invited e-mail address: name and password."""

    first_name = forms.CharField(label=_("First name"), max_length=150, validators=[refuse_control_characters])
    last_name = forms.CharField(label=_("Last name"), max_length=150, validators=[refuse_control_characters])
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean_password2(self):
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data["password2"]
        if password1 and password1 != password2:
            raise forms.ValidationError(_("The two passwords are not the same."))
        return password2

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password2")
        if password:
            candidate = User(
                email=self.email, first_name=cleaned.get("first_name", ""), last_name=cleaned.get("last_name", "")
            )
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned
