"""Forms of the forum records: the forum itself, its programme and outcomes, uploads and progress updates."""

from django import forms
from django.forms import inlineformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from members.calendars import DigitsDateInput, local_date
from members.forms.multilingual import MultilingualFormMixin, for_language
from members.models import Agreement, Country, Organization, Resource
from members.uploads import EXTENSIONS, MAX_DOCUMENT_BYTES, UnreadableDocument, detect_document_type

from .models import ActionItem, ActionUpdate, Forum, ForumDocument, Recommendation, Session

MULTI_SELECT_HELP = _("Hold Ctrl (Cmd on a Mac) to select several.")
DATE_WIDGET = DigitsDateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ForumForm(MultilingualFormMixin, forms.ModelForm):
    """The forum's facts; its title and summary in the language being written (members/forms/multilingual.py)."""

    class Meta:
        model = Forum
        fields = [
            "title", "slug", "kind", "status", "start_date", "end_date", "dates_tentative", "city", "country",
            "venue", "organizers", "organizers_text", "funders", "funders_text", "summary", "resources",
        ]
        widgets = {
            "start_date": DATE_WIDGET,
            "end_date": DATE_WIDGET,
            "summary": forms.Textarea(attrs={"rows": 6}),
            "organizers": forms.SelectMultiple(attrs={"size": 8}),
            "funders": forms.SelectMultiple(attrs={"size": 8}),
            "resources": forms.SelectMultiple(attrs={"size": 8}),
        }
        error_messages = {"slug": {"unique": _("A forum with this web address already exists.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        organizations = Organization.objects.select_related("country").order_by("country__order", "name")
        for name in ("organizers", "funders"):
            self.fields[name].queryset = organizations
            self.fields[name].help_text = MULTI_SELECT_HELP
        self.fields["resources"].queryset = Resource.objects.order_by("-created_at", "-pk")
        self.fields["resources"].help_text = format_lazy(
            "{} {}",
            _("Its outcome document, report or other material from the resource library. Readers see only those they may read."),
            MULTI_SELECT_HELP,
        )


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["date", "order", "kind", "title", "summary"]
        widgets = {"date": DATE_WIDGET, "summary": forms.Textarea(attrs={"rows": 2})}

    def clean_date(self):
        date = self.cleaned_data["date"]
        forum = self.instance.forum if self.instance.forum_id else None
        if forum and not (forum.start_date <= date <= forum.end_date):
            raise forms.ValidationError(_("The day must fall within the forum's dates."))
        return date


class RecommendationForm(MultilingualFormMixin, forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["cluster_code", "cluster_title", "order", "target_country", "text", "agreements"]
        widgets = {"text": forms.Textarea(attrs={"rows": 2}), "agreements": forms.CheckboxSelectMultiple}
        help_texts = {"agreements": _("The MOUs or agreements this recommendation calls for, from the agreements register.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agreements"].queryset = Agreement.objects.order_by("title", "pk")


class ActionItemForm(forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = [
            "order", "text", "responsible_organizations", "responsible_countries", "due_date", "status", "agreements",
        ]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "due_date": DATE_WIDGET,
            "responsible_organizations": forms.SelectMultiple(attrs={"size": 8}),
            "responsible_countries": forms.CheckboxSelectMultiple,
            "agreements": forms.CheckboxSelectMultiple,
        }
        help_texts = {"agreements": _("The MOUs or agreements this action is about, from the agreements register.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["responsible_organizations"].queryset = Organization.objects.order_by("name")
        self.fields["responsible_organizations"].help_text = MULTI_SELECT_HELP
        self.fields["responsible_countries"].queryset = Country.objects.all()
        self.fields["agreements"].queryset = Agreement.objects.order_by("title", "pk")


SessionFormSet = inlineformset_factory(
    Forum, Session, form=SessionForm, extra=2, can_delete=True, max_num=60, validate_max=True
)
def recommendation_formset(language: str):
    """The recommendations of a forum, their cluster titles and texts written in `language`."""
    return inlineformset_factory(
        Forum,
        Recommendation,
        form=for_language(RecommendationForm, language),
        extra=2,
        can_delete=True,
        max_num=100,
        validate_max=True,
    )
ActionItemFormSet = inlineformset_factory(
    Forum, ActionItem, form=ActionItemForm, extra=2, can_delete=True, max_num=60, validate_max=True
)


class DocumentForm(forms.ModelForm):
    """An outcome document: PDF, DOCX or ODT, recognised by its content."""

    class Meta:
        model = ForumDocument
        fields = ["title", "file"]
        help_texts = {"file": _("PDF, DOCX or ODT, at most 10 MB.")}

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)}
            )
        try:
            detected = detect_document_type(upload)
        except UnreadableDocument:
            raise forms.ValidationError(
                _(
                    "This document cannot be read: unpacked, it would be far larger than the file, or it has too "
                    "many parts. Save it again from your word processor, or as a PDF, and upload it again."
                )
            ) from None
        if detected is None:
            raise forms.ValidationError(
                _("This file is not a PDF, DOCX or ODT document. Save it in one of these formats and upload it again.")
            )
        name_extension = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if name_extension != detected.extension:
            raise forms.ValidationError(
                _(
                    "The file's name ends in “%(name_ext)s” but its content is a %(real_ext)s document. "
                    "Rename it and upload it again."
                )
                % {"name_ext": name_extension or _("(no extension)"), "real_ext": detected.extension.lstrip(".").upper()}
            )
        self.detected = detected
        return upload

    def save(self, commit=True):
        document = super().save(commit=False)
        upload = self.cleaned_data["file"]
        document.original_name = upload.name[:255]
        document.content_type = self.detected.content_type
        document.size = upload.size
        # The stored name comes from the detected type, never from the client's name.
        upload.name = f"document{EXTENSIONS[self.detected.content_type]}"
        if commit:
            document.save()
        return document


class ActionUpdateForm(forms.ModelForm):
    class Meta:
        model = ActionUpdate
        fields = ["date", "text", "new_status"]
        widgets = {"date": DATE_WIDGET, "text": forms.Textarea(attrs={"rows": 4})}
        labels = {"new_status": _("Change the status to")}
        help_texts = {
            "text": _("What has been done, by whom, what is next. Never describe individual victims."),
            "new_status": _("Leave empty to keep the current status."),
        }

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.item = item
        self.fields["new_status"].choices = [("", _("(keep the current status)"))] + list(
            ActionItem.Status.choices
        )

    def clean_date(self):
        from .models import today

        date = self.cleaned_data["date"]
        if date > today():
            raise forms.ValidationError(_("A progress update cannot be dated in the future."))
        if self.item is None:
            return date
        forum = self.item.forum
        if date < forum.start_date:
            # A preparatory action recorded before its forum may be updated from the day it was recorded.
            recorded = timezone.localdate(self.item.created_at) if self.item.created_at else forum.start_date
            if recorded >= forum.start_date:
                raise forms.ValidationError(
                    _("A progress update cannot be dated before the forum, which started on %(date)s.")
                    % {"date": local_date(forum.start_date)}
                )
            if date < recorded:
                raise forms.ValidationError(
                    _("A progress update cannot be dated before the action was recorded, on %(date)s.")
                    % {"date": local_date(recorded)}
                )
        return date


class ParticipantImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: name, organization, country, role, position, e-mail, phone, attended. Saved as UTF-8."),
    )

    def clean_file(self):
        from .participants_csv import MAX_BYTES

        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 1 MB. Split it into smaller files."))
        return upload
