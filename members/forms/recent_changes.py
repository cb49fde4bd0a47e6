"""The filter of the coordinators' recent changes page (/members/recent-changes/?kind=&country=&since=&until=)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ..calendars import DigitsDateInput
from ..filters import country_choices
from ..history import recent_kinds
from ..models import Country

DATE_WIDGET = DigitsDateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class RecentChangesFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    since = forms.DateField(label=pgettext_lazy("start of a date range", "From"), required=False, widget=DATE_WIDGET)
    until = forms.DateField(label=pgettext_lazy("end of a date range", "To"), required=False, widget=DATE_WIDGET)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *recent_kinds()]
        self.fields["country"].choices = [("", _("All countries")), *country_choices()]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date cannot be before the start date."))
        return data

    def filters(self) -> dict:
        """The arguments of history.recent_entries(): the days as local midnights, "to" up to its day's end."""

        def midnight(day):
            return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

        data = self.cleaned_data
        since, until = data.get("since"), data.get("until")
        return {
            "kind": data.get("kind") or None,
            "country": Country.normalize_code(data["country"]) if data.get("country") else None,
            "since": midnight(since) if since else None,
            "until": midnight(until + datetime.timedelta(days=1)) if until else None,
        }
