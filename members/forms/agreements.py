"""Forms of the agreements register (/agreements/): an agreement, a change of its status, and the list's filters."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..calendars import DigitsDateInput
from ..filters import country_choices
from ..models import Agreement, AgreementStatusChange, Country, NationalNetwork
from ..permissions import is_coordinator, steering_countries, visible_organizations, visible_resources
from ..validators import refuse_control_characters
from .multilingual import MultilingualFormMixin

DATE_WIDGET = DigitsDateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MULTI_SELECT_HELP = _("Hold Ctrl (Cmd on a Mac) to select several.")


class AgreementForm(MultilingualFormMixin, forms.ModelForm):
    """An agreement's parties and facts; its title and summary in the language being written.

    A new agreement also takes its first status (`status`, `date`, `note`). `user`: who fills it in; a steering
    representative names their own country among the parties, so that the agreement stays theirs to keep.
    """

    class Meta:
        model = Agreement
        fields = [
            "title", "kind", "countries", "networks", "organizations", "other_parties", "summary", "resource", "link",
        ]
        widgets = {
            "kind": forms.RadioSelect,
            "countries": forms.CheckboxSelectMultiple,
            "networks": forms.CheckboxSelectMultiple,
            "organizations": forms.SelectMultiple(attrs={"size": 8}),
            "summary": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {"link": _("A web page with its text or news of it (starting with https://).")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["countries"].queryset = Country.objects.all()
        self.fields["networks"].queryset = NationalNetwork.objects.select_related("country").order_by(
            "country__order", "acronym"
        )
        self.fields["organizations"].queryset = visible_organizations(user).order_by("name")
        self.fields["organizations"].help_text = MULTI_SELECT_HELP
        self.fields["resource"].queryset = visible_resources(user).order_by("-created_at", "-pk")
        if self.instance.pk is None:
            self.fields["status"] = forms.ChoiceField(
                label=_("Status"), choices=Agreement.Status.choices, initial=Agreement.Status.PROPOSED
            )
            self.fields["date"] = forms.DateField(
                label=_("Since"), widget=DATE_WIDGET, initial=timezone.localdate,
                help_text=_("The day it reached this status, e.g. the day a forum recommended it."),
            )
            self.fields["note"] = forms.CharField(
                label=_("Note"), max_length=500, required=False, validators=[refuse_control_characters],
                help_text=_("Where it was decided or signed, or a reference."),
            )

    def clean_link(self):
        link = self.cleaned_data.get("link", "")
        if link and not link.lower().startswith(("http://", "https://")):
            raise forms.ValidationError(_("Enter a web address starting with http:// or https://."))
        return link

    def clean_countries(self):
        countries = self.cleaned_data["countries"]
        own = steering_countries(self.user) if self.user is not None else set()
        if self.user is not None and not is_coordinator(self.user) and not any(c.code in own for c in countries):
            raise forms.ValidationError(_("Tick your own country: you keep the agreements your country is party to."))
        return countries

    def clean_organizations(self):
        """Parties the user does not see in the directory (applicants) stay parties when they save."""
        chosen = list(self.cleaned_data["organizations"])
        if self.instance.pk:
            shown = self.fields["organizations"].queryset
            chosen += list(self.instance.organizations.exclude(pk__in=shown.values("pk")))
        return chosen

    def clean_date(self):
        return _not_in_future(self.cleaned_data["date"])


def _not_in_future(date):
    if date > timezone.localdate():
        raise forms.ValidationError(_("The date cannot be in the future."))
    return date


class StatusChangeForm(forms.ModelForm):
    """A dated step in an agreement's history: proposed, under negotiation, signed, in force, lapsed."""

    class Meta:
        model = AgreementStatusChange
        fields = ["status", "date", "note"]
        widgets = {"date": DATE_WIDGET}
        labels = {"status": _("New status")}
        help_texts = {
            "date": _("The day it happened; an older date adds the step to the history without changing the status."),
            "note": _("Where it was decided or signed, or a reference."),
        }

    def clean_date(self):
        return _not_in_future(self.cleaned_data["date"])


class AgreementFilter(django_filters.FilterSet):
    """/agreements/?country=af&kind=bilateral&status=proposed"""

    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, method="filter_country", empty_label=_("All countries")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Agreement.Kind.choices, empty_label=_("All kinds"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Agreement.Status.choices, empty_label=_("Every status")
    )

    class Meta:
        model = Agreement
        fields = ["country", "kind", "status"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = Country.url_code(data["country"])  # ?country=AF works like ?country=af
        super().__init__(data, *args, **kwargs)

    def filter_country(self, queryset, name, value):
        return queryset.filter(countries=Country.normalize_code(value)).distinct()
