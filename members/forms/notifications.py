"""Which e-mail updates a user receives, and how often."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Announcement, Country, NotificationPreference


class NotificationPreferenceForm(forms.ModelForm):
    # Stored as ",news,event," in NotificationPreference.announcement_kinds; ticked as one box per kind.
    announcement_kinds = forms.MultipleChoiceField(
        label=_("Kinds of announcement"),
        choices=Announcement.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = NotificationPreference
        fields = [
            "review_published", "review_all_countries", "review_countries",
            "overview_published", "annual_report", "forums", "action_items", "new_members",
            "announcements", "announcement_kinds", "announcement_all_countries", "announcement_countries", "comments",
            "frequency",
        ]
        widgets = {
            "review_countries": forms.CheckboxSelectMultiple,
            "announcement_countries": forms.CheckboxSelectMultiple,
            "frequency": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review_countries"].queryset = Country.objects.all()
        self.fields["announcement_countries"].queryset = Country.objects.all()
        self.fields["announcement_countries"].help_text = _(
            "Announcements about the whole region reach you whatever you tick here."
        )
        self.initial["announcement_kinds"] = [kind for kind in self.instance.announcement_kinds.split(",") if kind]

    def clean_announcement_kinds(self):
        kinds = self.cleaned_data["announcement_kinds"]
        return "," + ",".join(kinds) + "," if kinds else ""

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("review_published")
            and not cleaned.get("review_all_countries")
            and not cleaned.get("review_countries")
        ):
            self.add_error("review_countries", _("Choose at least one country, or tick \"reviews of all countries\"."))
        if cleaned.get("announcements"):
            if "announcement_kinds" in cleaned and not cleaned["announcement_kinds"]:
                self.add_error("announcement_kinds", _("Choose at least one kind of announcement, or turn announcements off."))
            if not cleaned.get("announcement_all_countries") and not cleaned.get("announcement_countries"):
                self.add_error(
                    "announcement_countries",
                    _("Choose at least one country, or tick \"announcements about all countries\"."),
                )
        return cleaned
