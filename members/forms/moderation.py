"""The reason a coordinator or representative gives for hiding a post or keeping it for members."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (shown to the author)"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("The author reads this on the page and in an e-mail. Be specific and courteous."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].replace("\r\n", "\n").strip()
        if not reason:
            raise forms.ValidationError(_("Write the reason."), code="required")
        return reason
