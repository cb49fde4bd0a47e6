"""Which e-mail updates a user receives, and how often."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Country, NotificationPreference


class NotificationPreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = [
            "review_published", "review_all_countries", "review_countries",
            "overview_published", "forums", "action_items", "new_members", "frequency",
        ]
        widgets = {
            "review_countries": forms.CheckboxSelectMultiple,
            "frequency": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review_countries"].queryset = Country.objects.all()

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("review_published")
            and not cleaned.get("review_all_countries")
            and not cleaned.get("review_countries")
        ):
            self.add_error("review_countries", _("Choose at least one country, or tick \"reviews of all countries\"."))
        return cleaned
