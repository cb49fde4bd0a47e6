"""The form of a budget line: a year of the strategy's period, amounts in one currency, one funder."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Organization

from ..models import BudgetLine
from ..permissions import responsible_organizations


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["year", "item", "currency", "planned", "secured", "spent", "funder", "funder_name", "illustrative"]

    def __init__(self, *args, strategy, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"] = forms.TypedChoiceField(
            label=self.fields["year"].label, coerce=int, choices=[(year, year) for year in strategy.years],
            help_text=_("A year of the strategy's period."),
        )
        for name in ("planned", "secured", "spent"):
            self.fields[name].widget.attrs.update(min="0", step="0.01", inputmode="decimal", dir="ltr")
        for name in ("secured", "spent"):  # nothing yet: 0
            self.fields[name].required = False
        # The directory as the user sees it; a funder chosen earlier stays choosable.
        self.fields["funder"].queryset = Organization.objects.filter(
            Q(pk__in=responsible_organizations(user).values("pk")) | Q(pk=self.instance.funder_id)
        ).order_by("name")
        self.fields["funder"].help_text = _("Choose the funder from the directory, or write its name below.")

    def clean_secured(self):
        return self.cleaned_data["secured"] or 0

    def clean_spent(self):
        return self.cleaned_data["spent"] or 0

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("funder") and cleaned.get("funder_name"):
            self.add_error("funder_name", _("Choose the funder from the directory or write its name, not both."))
        return cleaned
