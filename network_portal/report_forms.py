"""Forms of the annual report: starting one for a year, and its title and introduction (one language at a time)."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from members.forms.multilingual import MultilingualFormMixin
from members.models.legal import NotInFutureYear

from .models import AnnualReport

FIRST_REPORT_YEAR = 2017  # the network was founded at the Dushanbe forum, June 2017


class ReportCreateForm(forms.ModelForm):
    class Meta:
        model = AnnualReport
        fields = ["year"]
        help_texts = {"year": _("The year the report is about; it cannot be in the future.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].validators += [MinValueValidator(FIRST_REPORT_YEAR), NotInFutureYear()]
        self.fields["year"].widget.attrs.update(min=FIRST_REPORT_YEAR)


class ReportTextForm(MultilingualFormMixin, forms.ModelForm):
    """The title and introduction, in the language being written (members/forms/multilingual.py)."""

    class Meta:
        model = AnnualReport
        fields = ["title", "introduction"]
        widgets = {"introduction": forms.Textarea(attrs={"rows": 10})}
        help_texts = {
            "title": _("Leave empty for “Annual report of the network [year]”."),
            "introduction": _("Plain text; blank lines separate paragraphs."),
        }
