"""Forms of joining: the public application, the coordinator's decision, and accepting an invitation."""

from django import forms
from django.contrib.auth import password_validation
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .. import tokens
from ..models import Application, Country, FocusArea, User, validate_decline_reason
from ..validators import refuse_control_characters

MIN_SECONDS = 3  # a person cannot fill in the form faster; a script can
MAX_AGE = 24 * 3600


class ApplicationForm(forms.ModelForm):
    """The public "Join the network" form, with a honeypot and a signed, single-use time stamp against scripts."""

    # Hidden from people by CSS; scripts that fill every field fill this one too.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    started = forms.CharField(widget=forms.HiddenInput, required=False)

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
        self.fields["homepage"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        if not self.is_bound:
            self.initial["started"] = tokens.make_form_timestamp()

    @property
    def is_bot(self) -> bool:
        """The honeypot was filled in: pretend success, store nothing."""
        return bool(self.data.get("homepage", "").strip())

    def clean(self):
        cleaned = super().clean()
        self.nonce = None
        try:
            age, nonce = tokens.read_form_timestamp(self.data.get("started", ""), max_age=MAX_AGE)
        except signing.SignatureExpired:
            self._renew_timestamp()
            self.add_error(None, _("This form was open for more than a day. Please send it again."))
        except (signing.BadSignature, ValueError, TypeError):
            self._renew_timestamp()
            self.add_error(None, _("Please send the form again."))
        else:
            if tokens.form_nonce_used(nonce):
                self._refuse_used_timestamp()
            elif age < MIN_SECONDS:
                self.add_error(None, _("That was very fast. Please check your answers and send the form again."))
            self.nonce = nonce
        return cleaned

    def claim_timestamp(self) -> bool:
        """Use up this form's time stamp just before the application is saved: one application per form.

        Only then, so that a form refused for its errors or the rate limit can be sent again as it is.
        False (with an error on the form) if the same form was sent again meanwhile, e.g. by a double click.
        """
        if tokens.use_form_nonce(self.nonce, MAX_AGE):
            return True
        self._refuse_used_timestamp()
        return False

    def _refuse_used_timestamp(self):
        self._renew_timestamp()
        self.add_error(
            None,
            _(
                "This form was already sent, and that application was received. "
                "To send another application, send the form again."
            ),
        )

    def _renew_timestamp(self):
        self.data = self.data.copy()
        self.data["started"] = tokens.make_form_timestamp()

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
