"""Forms of the contact page: a message to the secretariat, and a coordinator's reply."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import ContactMessage, Country
from .antispam import AntiSpamMixin

MAX_MESSAGE_LENGTH = 5000
MAX_REPLY_LENGTH = 10000


class ContactForm(AntiSpamMixin, forms.ModelForm):
    """Anyone's message to the secretariat; single-line fields refuse control characters (a model form)."""

    already_sent_message = _(
        "This form was already sent, and that message was received. To send another message, send the form again."
    )

    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_MESSAGE_LENGTH}),
        max_length=MAX_MESSAGE_LENGTH,
        help_text=_("Please do not write the names or any details of victims or of individual cases."),
    )

    class Meta:
        model = ContactMessage
        fields = ["name", "email", "organization", "country", "subject", "message"]
        labels = {"name": _("Your name"), "email": _("Your e-mail address"), "country": _("Your country")}
        help_texts = {
            "email": _("The secretariat answers to this address. It is not shown to anyone else."),
            "organization": _("If you write for an organization."),
            "country": _("If you live or work in one of the network's countries."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = Country.objects.all()
        self.fields["country"].empty_label = "—"
        if user is not None and user.is_authenticated and not self.is_bound:
            self.initial.setdefault("name", user.get_full_name())
            self.initial.setdefault("email", user.email)

    def clean_email(self):
        return self.cleaned_data["email"].strip()


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 8, "maxlength": MAX_REPLY_LENGTH}),
        max_length=MAX_REPLY_LENGTH,
        help_text=_("Sent by e-mail to the sender, from the portal's address, and kept with the message."),
    )
