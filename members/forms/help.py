"""The help finder's form (/help/?country=&origin=&kind=&language=): where the person is, and what they need."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import SPOKEN_LANGUAGES, Country, Service

FIELDS = ("country", "origin", "kind", "language")


class HelpSearchForm(forms.Form):
    """A GET form; countries as URLs write them ("tj"), in any case. Every choice but the country is optional."""

    country = forms.ChoiceField(label=_("Where is the person now?"))
    origin = forms.ChoiceField(label=_("Which country do they come from or return to?"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of help"), choices=[("", _("Any kind of help")), *Service.Kind.choices], required=False
    )
    language = forms.ChoiceField(
        label=_("Language they speak"), choices=[("", _("Any language")), *SPOKEN_LANGUAGES], required=False
    )

    def __init__(self, data=None, *args, **kwargs):
        if data is not None:
            data = {name: data.get(name, "") for name in FIELDS}
            for name in ("country", "origin"):
                data[name] = Country.url_code(data[name].strip())  # ?country=TJ works like ?country=tj
        super().__init__(data, *args, **kwargs)
        self.countries = {country.slug: country for country in Country.objects.all()}
        choices = [(slug, str(country)) for slug, country in self.countries.items()]
        self.fields["country"].choices = [("", _("Choose a country")), *choices]
        self.fields["origin"].choices = [("", "—"), *choices]

    def clean(self):
        data = super().clean()
        for name in ("country", "origin"):
            data[name] = self.countries.get(data.get(name) or "")
        if data["origin"] == data["country"]:
            data["origin"] = None  # the same country once is enough
        return data


def submitted(query) -> bool:
    """Whether the query string holds a choice of the form (an empty visit shows the region's hotlines)."""
    return any(query.get(name, "").strip() for name in FIELDS)
