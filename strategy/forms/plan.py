"""The action plan's forms: its filter, an activity, a progress note, and the forum action items serving an objective."""

from django import forms
from django.utils.translation import gettext_lazy as _

from forums.forms import DATE_WIDGET, MULTI_SELECT_HELP, ActionUpdateForm
from members.filters import country_choices
from members.forms.multilingual import MultilingualFormMixin
from members.models import Country, NationalNetwork

from ..models import Activity, ActivityUpdate, Objective
from ..permissions import responsible_organizations

OVERDUE = "overdue"


class PlanFilterForm(forms.Form):
    """/strategy/<pk>/plan/?country=&status=&organization=: an invalid value filters nothing."""

    country = forms.ChoiceField(label=_("Country"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    organization = forms.ChoiceField(label=_("Responsible organization"), required=False)

    def __init__(self, *args, organizations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *country_choices()]
        self.fields["status"].choices = [("", _("Any status")), *Activity.Status.choices, (OVERDUE, _("Overdue"))]
        self.fields["organization"].choices = [("", _("All organizations"))] + [
            (org.slug, org.acronym or org.name) for org in organizations
        ]

    def value(self, name) -> str:
        self.is_valid()
        return getattr(self, "cleaned_data", {}).get(name) or ""

    @property
    def is_filtered(self) -> bool:
        return any(self.value(name) for name in self.fields)

    def country_code(self) -> str:
        return Country.normalize_code(self.value("country")) if self.value("country") else ""


class ActivityForm(MultilingualFormMixin, forms.ModelForm):
    """An activity of the plan: its title and description in the language being written, its objective (of this
    strategy), who is responsible (organizations as the directory names them to the user), where and when."""

    class Meta:
        model = Activity
        fields = [
            "objective", "title", "description", "responsible_organizations", "responsible_networks", "countries",
            "start_date", "end_date", "status", "order",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "responsible_organizations": forms.SelectMultiple(attrs={"size": 8}),
            "responsible_networks": forms.CheckboxSelectMultiple,
            "countries": forms.CheckboxSelectMultiple,
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
        }
        help_texts = {
            "description": _("What will be done and what it should achieve. Never describe individual victims."),
            "responsible_organizations": MULTI_SELECT_HELP,
        }

    def __init__(self, *args, user=None, strategy=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = Objective.objects.filter(goal__strategy=strategy).order_by(
            "goal__order", "goal__code", "order", "code", "pk"
        )
        self.fields["objective"].empty_label = None
        organizations = responsible_organizations(user).order_by("name")
        self.fields["responsible_organizations"].queryset = organizations
        # Those named that the user may not see (applicants, to a representative) stay named when they save.
        self.unseen_organizations = (
            list(self.instance.responsible_organizations.exclude(pk__in=organizations)) if self.instance.pk else []
        )
        self.fields["responsible_networks"].queryset = NationalNetwork.objects.select_related("country")

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            # The model's constraint, with its message under the end date (as the forum form shows it).
            self.add_error("end_date", Activity._meta.constraints[0].violation_error_message)
        return cleaned

    def _save_m2m(self):
        super()._save_m2m()
        self.instance.responsible_organizations.add(*self.unseen_organizations)


class ActivityUpdateForm(ActionUpdateForm):
    """A dated progress note, which may change the activity's status: the follow-up tracker's form, for activities
    (the same statuses, no date in the future)."""

    class Meta(ActionUpdateForm.Meta):
        model = ActivityUpdate


class ObjectiveActionItemsForm(forms.Form):
    """The forum action items serving an objective, ticked. `available`: those it may serve (not those already
    serving another objective of the same strategy); anything else sent is refused as an invalid choice."""

    items = forms.ModelMultipleChoiceField(queryset=None, required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, available=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].queryset = available
