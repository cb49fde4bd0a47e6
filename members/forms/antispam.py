"""Public forms against scripts, without a third-party service: a honeypot field and a signed, single-use time stamp.

The join form and the contact form use `AntiSpamMixin`. Its view:
- `form.is_bot` (the honeypot was filled in): pretend success, store nothing;
- `form.is_valid()` also checks the time stamp (not too fast, not older than a day, not used yet);
- `form.claim_timestamp()` just before saving: one saved object per rendered form.
"""

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .. import tokens

MIN_SECONDS = 3  # a person cannot fill in the form faster; a script can
MAX_AGE = 24 * 3600


class AntiSpamMixin:
    """Adds the fields `homepage` (the honeypot) and `started` (the time stamp) to a Form or ModelForm."""

    # Shown when the same rendered form is sent a second time (e.g. a double click): say what was received.
    already_sent_message = _("This form was already sent. To send it once more, send the form again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Hidden from people by CSS; scripts that fill every field fill this one too.
        self.fields["homepage"] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields["started"] = forms.CharField(widget=forms.HiddenInput, required=False)
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
        """Use up this form's time stamp just before what it sends is saved: one saved object per form.

        Only then, so that a form refused for its errors or the rate limit can be sent again as it is.
        False (with an error on the form) if the same form was sent again meanwhile, e.g. by a double click.
        """
        if tokens.use_form_nonce(self.nonce, MAX_AGE):
            return True
        self._refuse_used_timestamp()
        return False

    def _refuse_used_timestamp(self):
        self._renew_timestamp()
        self.add_error(None, self.already_sent_message)

    def _renew_timestamp(self):
        self.data = self.data.copy()
        self.data["started"] = tokens.make_form_timestamp()
