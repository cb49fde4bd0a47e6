"""The forms of the strategy's text (one language at a time: members/forms/multilingual.py) and of its adoption."""

from django import forms
from django.utils.translation import gettext_lazy as _

from members.forms.multilingual import MultilingualFormMixin
from members.templatetags.portal_dates import date as date_filter

from ..models import Goal, Indicator, IndicatorTarget, Objective, Strategy, today
from ..workflow import WorkflowError, adopting_meetings, check_adoption_date

MAX_YEARS = 10
YEAR_WIDGET = forms.NumberInput(attrs={"min": 2000, "max": 2100, "inputmode": "numeric"})
NUMBER_WIDGET = forms.NumberInput(attrs={"step": "any", "inputmode": "decimal"})


class StrategyForm(MultilingualFormMixin, forms.ModelForm):
    """A strategy's title, summary and period (a new strategy is version 1)."""

    class Meta:
        model = Strategy
        fields = ["title", "summary", "start_year", "end_year"]
        widgets = {"summary": forms.Textarea(attrs={"rows": 6}), "start_year": YEAR_WIDGET, "end_year": YEAR_WIDGET}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_year"), cleaned.get("end_year")
        if start and end:
            if end < start:
                self.add_error("end_year", _("The last year cannot be before the first year."))
            elif end - start + 1 > MAX_YEARS:
                self.add_error("end_year", _("A strategy covers at most ten years."))
            elif (
                Strategy.objects.filter(start_year=start, end_year=end, version=self.instance.version)
                .exclude(pk=self.instance.pk)
                .exists()
            ):
                self.add_error("end_year", _("There is already a strategy for this period: revise it instead."))
        return cleaned

    def save(self, commit=True):
        strategy = super().save(commit)
        if commit:
            # Targets outside a shortened period would show nowhere: they go.
            IndicatorTarget.objects.filter(indicator__objective__goal__strategy=strategy).exclude(
                year__range=(strategy.start_year, strategy.end_year)
            ).delete()
        return strategy


def plain(value):
    """A decimal as people write it: 4, not 4.00."""
    return None if value is None else f"{value.normalize():f}"


class OrderMixin:
    """The order is optional: left empty, the item keeps its place (a new one comes last)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].help_text = _("Items are listed by this number, then by their number.")

    def clean_order(self):
        order = self.cleaned_data.get("order")
        return self.instance.order or 0 if order is None else order


class GoalForm(OrderMixin, MultilingualFormMixin, forms.ModelForm):
    class Meta:
        model = Goal
        fields = ["code", "title", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class ObjectiveForm(OrderMixin, MultilingualFormMixin, forms.ModelForm):
    """An objective under one of the strategy's goals."""

    class Meta:
        model = Objective
        fields = ["goal", "code", "title", "description", "order"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, strategy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].queryset = Goal.objects.filter(strategy=strategy)
        self.fields["goal"].empty_label = None


class IndicatorForm(OrderMixin, MultilingualFormMixin, forms.ModelForm):
    """An indicator of one of the strategy's objectives, with a target field for each year of the period."""

    class Meta:
        model = Indicator
        fields = ["objective", "text", "baseline", "baseline_year", "order"]
        widgets = {"baseline": NUMBER_WIDGET, "baseline_year": YEAR_WIDGET}

    def __init__(self, *args, strategy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.strategy = strategy
        self.fields["objective"].queryset = Objective.objects.filter(goal__strategy=strategy).select_related("goal")
        self.fields["objective"].empty_label = None
        current = {t.year: t.value for t in self.instance.targets.all()} if self.instance.pk else {}
        for year in strategy.years:
            self.fields[self.target_field(year)] = forms.DecimalField(
                label=_("Target for %(year)s") % {"year": year}, required=False, max_digits=14, decimal_places=2,
                initial=plain(current.get(year)), widget=NUMBER_WIDGET,
            )

    @staticmethod
    def target_field(year: int) -> str:
        return f"target_{year}"

    def target_fields(self):
        return [self[self.target_field(year)] for year in self.strategy.years]

    def text_fields(self):
        targets = {self.target_field(year) for year in self.strategy.years}
        return [field for field in self if field.name not in targets]

    def save(self, commit=True):
        indicator = super().save(commit)
        if commit:
            for year in self.strategy.years:
                value = self.cleaned_data.get(self.target_field(year))
                if value is None:
                    IndicatorTarget.objects.filter(indicator=indicator, year=year).delete()
                else:
                    IndicatorTarget.objects.update_or_create(indicator=indicator, year=year, defaults={"value": value})
        return indicator


class MeetingField(forms.ModelChoiceField):
    def label_from_instance(self, forum):
        return f"{forum} ({date_filter(forum.end_date, 'DATE_FORMAT', autoescape=False)})"


class AdoptionForm(forms.Form):
    """The meeting that adopted the strategy, from the forum records, and the date (by default its last day)."""

    forum = MeetingField(
        label=_("Adopted at"), queryset=None, to_field_name="slug", empty_label=_("Choose the meeting"),
        help_text=_("The forum or steering committee meeting that adopted it, from the forum records."),
    )
    adopted_on = forms.DateField(
        label=_("Adopted on"), required=False, widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for the last day of the meeting."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["forum"].queryset = adopting_meetings()

    def clean(self):
        cleaned = super().clean()
        forum = cleaned.get("forum")
        if forum and "adopted_on" not in self.errors:
            date = cleaned.get("adopted_on") or min(forum.end_date, today())
            try:
                check_adoption_date(forum, date)
            except WorkflowError as error:
                self.add_error("adopted_on", str(error))
            cleaned["adopted_on"] = date
        return cleaned
