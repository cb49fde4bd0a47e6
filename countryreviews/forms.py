"""Forms of the country reviews: the review sections, its statistics, the send-back comment, overview editions and
the reason for a redaction."""

from django import forms
from django.conf import settings
from django.db import models
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from members.forms.multilingual import MultilingualFormMixin

from .models import RegionalOverview, ReviewRevision, ReviewStatistic

# Kept on old revisions, shown only where the legislation register has nothing for the country.
RETIRED_LAW_FIELDS = ("law_name", "law_year_adopted", "law_year_amended")


class ReviewRevisionForm(MultilingualFormMixin, forms.ModelForm):
    """The sections of a review; `version` carries the revision's version when the form was loaded.

    Used through `members.forms.multilingual.for_language()`: the narrative sections in one language at a time.
    """

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    class Meta:
        model = ReviewRevision
        # The law and its years come from the legislation register (members.laws), not retyped in each review.
        fields = [name for name in ReviewRevision.CONTENT_FIELDS if name not in RETIRED_LAW_FIELDS]
        widgets = {
            name: forms.Textarea(attrs={"rows": 3 if name in ("summary", "sources") else 5})
            for name in ReviewRevision.CONTENT_FIELDS
            if isinstance(ReviewRevision._meta.get_field(name), models.TextField)
        }
        help_texts = {
            "summary": _("A short paragraph for the regional overview. Never describe an individual victim."),
            "trafficking_profile": _(
                "Source, transit or destination; internal and cross-border; forms of exploitation. "
                "Describe patterns, never an individual victim."
            ),
            "sources": _("Where the facts and figures come from (reports, documents, dates)."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["version"].initial = self.instance.version


class StatisticForm(forms.ModelForm):
    class Meta:
        model = ReviewStatistic
        fields = ["indicator", "value", "year", "source", "illustrative", "network_data"]
        help_texts = {"source": _("E.g. “Ministry of Interior, annual report 2017”.")}
        error_messages = {
            "value": {
                "min_value": _("Enter a whole number of 0 or more."),
                "invalid": _("Enter a whole number of 0 or more."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        threshold = settings.SMALL_NUMBER_THRESHOLD
        self.fields["network_data"].help_text = _(
            "Tick for figures your network's organizations collected themselves, such as shelter admissions or calls "
            "to a member's hotline: once published, a value below %(threshold)s shows as “fewer than %(threshold)s”, "
            "and figures that would give it away as “not shown”. You and the other editors still see the exact value."
        ) % {"threshold": threshold}


StatisticFormSet = inlineformset_factory(
    ReviewRevision,
    ReviewStatistic,
    form=StatisticForm,
    extra=2,
    can_delete=True,
    max_num=60,
    validate_max=True,
)


class StartForm(forms.Form):
    """How a review's first revision starts: from an earlier year's text (`previous`, a revision) or empty."""

    PREVIOUS, EMPTY = "previous", "empty"

    start_from = forms.ChoiceField(
        label=_("How should the draft begin?"),
        widget=forms.RadioSelect,
        initial=PREVIOUS,
        help_text=_("The sections are copied in every language; the statistics are not, as they are of other years."),
    )

    def __init__(self, *args, previous, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["start_from"].choices = [
            (self.PREVIOUS, _("Start from the %(year)s review") % {"year": previous.review.year}),
            (self.EMPTY, _("Start empty")),
        ]


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What should be changed?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )


class WithdrawForm(forms.Form):
    comment = forms.CharField(
        label=_("Reason for withdrawing"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000, required=False
    )


class RedactionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for removing the text"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=500,
        help_text=_("Kept in the security log with your name and the time."),
    )


class OverviewForm(forms.ModelForm):
    class Meta:
        model = RegionalOverview
        fields = ["year", "title", "introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "title": _("Leave empty for “Regional overview [year]”."),
            "introduction": _("Plain text; blank lines separate paragraphs."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["year"]
