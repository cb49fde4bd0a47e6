"""The legislation register's filter (/laws/?country=&kind=) and the forms that keep its entries."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..filters import country_choices
from ..models import LegalAmendment, LegalInstrument, Resource
from ..permissions import law_countries, visible_resources
from .directory import WebAddressField
from .multilingual import MultilingualFormMixin

YEAR_WIDGET = forms.NumberInput(attrs={"min": 1950, "max": 2100, "inputmode": "numeric"})


class LawFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *country_choices()]
        self.fields["kind"].choices = [("", _("All kinds")), *LegalInstrument.Kind.choices]

    def value(self, name) -> str:
        """The valid value chosen for `name`, or "" (an invalid choice filters nothing)."""
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get(name) or ""


def law_resources(user):
    """Library items of kind "law" the user may read: the choices for an entry's text."""
    return visible_resources(user).filter(kind=Resource.Kind.LAW).order_by("title", "pk")


class LegalInstrumentForm(MultilingualFormMixin, forms.ModelForm):
    """A law, action plan or regulation; its title and summary in the language being written (multilingual.py).
    The country is one of those the user keeps."""

    link = WebAddressField(
        label=_("Official text (web address)"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address starting with http:// or https://.")},
    )

    class Meta:
        model = LegalInstrument
        fields = ["country", "kind", "title", "year_adopted", "year_until", "replaced_by", "summary", "resource", "link"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5}), "year_adopted": YEAR_WIDGET, "year_until": YEAR_WIDGET}
        help_texts = {
            "summary": _("What it covers, in a few sentences. Never describe individual victims."),
            "resource": _("Its text, if it is in the library (items of the kind “Law or policy”)."),
        }

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        countries = law_countries(user)
        self.fields["country"].queryset = countries
        self.fields["country"].empty_label = None if countries.count() == 1 else self.fields["country"].empty_label
        replaced_by = LegalInstrument.objects.filter(country__in=countries).select_related("country")
        if self.instance.pk:
            replaced_by = replaced_by.exclude(pk=self.instance.pk)
        self.fields["replaced_by"].queryset = replaced_by
        self.fields["replaced_by"].empty_label = _("(not replaced)")
        self.fields["resource"].queryset = law_resources(user)
        self.fields["resource"].empty_label = _("(not in the library)")

    def clean(self):
        cleaned = super().clean()
        country, replaced_by = cleaned.get("country"), cleaned.get("replaced_by")
        if country and replaced_by and replaced_by.country_id != country.pk:
            self.add_error("replaced_by", _("Choose a law or plan of the same country."))
        return cleaned


class LegalAmendmentForm(MultilingualFormMixin, forms.ModelForm):
    """An amendment of an instrument (set on the form's instance before validation: its year is checked
    against the year the instrument was adopted)."""

    class Meta:
        model = LegalAmendment
        fields = ["year", "summary", "resource"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4}), "year": YEAR_WIDGET}
        help_texts = {"resource": _("The amended text, if it is in the library.")}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resource"].queryset = law_resources(user)
        self.fields["resource"].empty_label = _("(not in the library)")

