"""The results of an indicator: one value and a note per year of the period that has begun."""

from decimal import Decimal

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _

from members.validators import refuse_control_characters

from ..models import IndicatorResult, today


class IndicatorResultsForm(forms.Form):
    """A result per year from the period's first year to this one (not future years); blank = no result.

    Results are counts or percentages: 0 or more."""

    def __init__(self, *args, indicator, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        strategy = indicator.objective.goal.strategy
        self.years = [year for year in strategy.years if year <= today().year]
        self.existing = {r.year: r for r in indicator.results.all()}
        targets = {t.year: t.value for t in indicator.targets.all()}
        for year in self.years:
            result = self.existing.get(year)
            target = targets.get(year)
            self.fields[f"value_{year}"] = forms.DecimalField(
                label=_("Result for %(year)s") % {"year": year},
                required=False, min_value=Decimal(0), max_digits=14, decimal_places=2,
                initial=result.value.normalize() if result else None,
                help_text=(_("Target: %(target)s") % {"target": f"{target.normalize():f}"}) if target is not None else "",
            )
            self.fields[f"note_{year}"] = forms.CharField(
                label=_("Note for %(year)s") % {"year": year},
                required=False, max_length=300, validators=[refuse_control_characters],
                initial=result.note if result else "",
                help_text=_("Where the figure comes from."),
            )

    def rows(self):
        """(year, value field, note field) for the template."""
        return [(year, self[f"value_{year}"], self[f"note_{year}"]) for year in self.years]

    def clean(self):
        data = super().clean()
        for year in self.years:
            if data.get(f"note_{year}") and data.get(f"value_{year}") is None and f"value_{year}" not in self.errors:
                self.add_error(f"value_{year}", _("Give the result, or leave the note empty too."))
        return data

    def save(self, user) -> int:
        """Store the results (a blank value deletes that year's result); returns how many changed."""
        changed = 0
        with transaction.atomic():
            for year in self.years:
                value, note = self.cleaned_data[f"value_{year}"], self.cleaned_data[f"note_{year}"]
                result = self.existing.get(year)
                if value is None:
                    if result:
                        result.delete()
                        changed += 1
                elif result is None or result.value != value or result.note != note:
                    IndicatorResult.objects.update_or_create(
                        indicator=self.indicator, year=year,
                        defaults={"value": value, "note": note, "recorded_by": user},
                    )
                    changed += 1
        return changed
