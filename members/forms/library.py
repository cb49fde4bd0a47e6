"""The resource library's search and filters (/library/?q=&kind=&topic=&country=&language=&year=&order=) and the
form that adds a resource or changes it."""

import django_filters
from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..content import CONTENT_LANGUAGES
from ..filters import country_choices
from ..models import Audience, Country, FocusArea, Organization, Resource
from ..models.sharing import material_language_choices
from ..uploads import (
    EXTENSIONS,
    IMAGE_EXTENSIONS,
    JPEG,
    MAX_DOCUMENT_BYTES,
    MAX_IMAGE_PIXELS,
    ImageTooLarge,
    UnreadableDocument,
    detect_document_type,
    detect_image_type,
)
from .directory import WebAddressField
from .multilingual import MultilingualFormMixin

WHOLE_REGION = "region"


def search_resources(queryset, query: str):
    """Resources whose title or description, in any language and script, contains every word of `query`."""
    return queryset.search(query)


def library_country_choices():
    return [*country_choices(), (WHOLE_REGION, _("Whole region"))]


class LibraryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"placeholder": _("A word of the title or description"), "type": "search"}),
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Resource.Kind.choices, empty_label=_("All kinds"))
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"), queryset=FocusArea.objects.all(), to_field_name="slug", empty_label=_("All topics")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=library_country_choices, method="filter_country", empty_label=_("All countries")
    )
    language = django_filters.ChoiceFilter(
        label=_("Language of the material"),
        choices=material_language_choices,
        method="filter_language",
        empty_label=_("All languages"),
    )
    year = django_filters.NumberFilter(
        label=_("Year"), widget=forms.NumberInput(attrs={"min": 1990, "max": 2100, "inputmode": "numeric"})
    )
    order = django_filters.ChoiceFilter(
        label=_("Order"),
        choices=[("year", _("By year, latest first"))],
        empty_label=_("Newest first"),
        method="keep_order",
    )

    FILTERS = ("q", "kind", "topic", "country", "language", "year")

    class Meta:
        model = Resource
        fields = ["q", "kind", "topic", "country", "language", "year", "order"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country") and data["country"] != WHOLE_REGION:
            data = data.copy()
            data["country"] = Country.url_code(data["country"])  # ?country=TJ works like ?country=tj
        super().__init__(data, *args, **kwargs)

    def search(self, queryset, name, value):
        return search_resources(queryset, value)

    def filter_country(self, queryset, name, value):
        if value == WHOLE_REGION:
            return queryset.filter(countries__isnull=True)
        return queryset.filter(countries=Country.normalize_code(value))

    def filter_language(self, queryset, name, value):
        return queryset.filter(languages__contains=f",{value},")

    def keep_order(self, queryset, name, value):
        return queryset  # the view orders the page

    @property
    def by_year(self) -> bool:
        self.form.is_valid()
        return self.form.cleaned_data.get("order") == "year"


def member_organizations(user):
    """The network member organizations whose staff the user is: a resource is added on behalf of one of them."""
    return Organization.objects.members().filter(memberships__user=user).select_related("country").order_by("name")


# What may be uploaded, and the endings a file of each type may have.
ACCEPTED_EXTENSIONS = {
    **{content_type: {extension} for content_type, extension in (EXTENSIONS | IMAGE_EXTENSIONS).items()},
    JPEG: {".jpg", ".jpeg"},
}


class ResourceForm(MultilingualFormMixin, forms.ModelForm):
    """A library resource; its title and description in the language being written (see multilingual.py).

    On create, `organizations` are the user's member organizations: with several, the user says on whose behalf.
    """

    languages = forms.MultipleChoiceField(
        label=_("Languages of the material"),
        choices=material_language_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The languages the document is written in, or a recording is spoken in."),
    )
    countries = forms.ModelMultipleChoiceField(
        label=_("Countries"),
        queryset=Country.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked if it concerns the whole region."),
    )
    audience = forms.ChoiceField(
        label=_("Who may read it"),
        choices=Audience.choices,
        initial=Audience.MEMBERS,
        widget=forms.RadioSelect,
        help_text=_(
            "Network members can read it at once. For everyone, a coordinator or your country's steering committee "
            "representative approves it first."
        ),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        widget=forms.FileInput,
        help_text=_("PDF, DOCX or ODT document, or a PNG, JPEG, WebP or GIF image; at most 10 MB."),
    )
    link = WebAddressField(
        label=_("Web address"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address starting with http:// or https://.")},
        help_text=_("Where it can be read or downloaded on another website. Give a file, a web address, or both."),
    )

    class Meta:
        model = Resource
        fields = ["kind", "title", "description", "topic", "year", "languages", "countries", "audience", "file", "link"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "year": forms.NumberInput(attrs={"min": 1990, "max": 2100, "inputmode": "numeric"}),
        }
        help_texts = {
            "description": _("What it is, for whom, and how to use it. Never describe individual victims."),
            "year": _("The year it was published or written."),
        }

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.detected = None
        self.fields["topic"].empty_label = _("(no topic)")
        if self.instance.pk:
            self.initial["languages"] = self.instance.material_languages
            if self.instance.file:
                self.fields["file"].help_text = _(
                    "Leave empty to keep the current file (%(name)s); a new file replaces it."
                ) % {"name": self.instance.original_name or _("uploaded earlier")}
        organizations = list(organizations or [])
        self.organizations = organizations
        if len(organizations) > 1:
            self.fields["organization"] = forms.ModelChoiceField(
                label=_("On behalf of"),
                queryset=Organization.objects.filter(pk__in=[o.pk for o in organizations]).order_by("name"),
                help_text=_(
                    "The organization that shares it. Its country's steering committee representative approves it "
                    "for the public."
                ),
            )

    def chosen_organization(self):
        if "organization" in self.fields:
            return self.cleaned_data["organization"]
        return self.organizations[0] if self.organizations else None

    def clean_languages(self):
        codes = set(self.cleaned_data["languages"])
        ordered = [code for code in CONTENT_LANGUAGES if code in codes]
        return "," + ",".join(ordered) + "," if ordered else ""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # no new file: the current one, if any, stays
        if upload.size > MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(MAX_DOCUMENT_BYTES)}
            )
        try:
            detected = detect_document_type(upload) or detect_image_type(upload)
        except UnreadableDocument:
            raise forms.ValidationError(
                _(
                    "This document cannot be read: unpacked, it would be far larger than the file, or it has too "
                    "many parts. Save it again from your word processor, or as a PDF, and upload it again."
                )
            ) from None
        except ImageTooLarge as too_large:
            if too_large.width:
                message = _("The image is %(width)s×%(height)s pixels; the limit is %(max)s×%(max)s.") % {
                    "width": too_large.width,
                    "height": too_large.height,
                    "max": MAX_IMAGE_PIXELS,
                }
            else:
                message = _("The image is larger than %(max)s×%(max)s pixels.") % {"max": MAX_IMAGE_PIXELS}
            raise forms.ValidationError(f"{message} {_('Make it smaller and upload it again.')}") from None
        if detected is None:
            raise forms.ValidationError(
                _(
                    "This file is not a PDF, DOCX or ODT document, nor a PNG, JPEG, WebP or GIF image. Save it in "
                    "one of these formats and upload it again."
                )
            )
        name_extension = "." + upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if name_extension not in ACCEPTED_EXTENSIONS[detected.content_type]:
            raise forms.ValidationError(
                _(
                    "The file's name ends in “%(name_ext)s” but its content is a %(real_ext)s file. "
                    "Rename it and upload it again."
                )
                % {"name_ext": name_extension or _("(no extension)"), "real_ext": detected.extension.lstrip(".").upper()}
            )
        self.detected = detected
        return upload

    def clean(self):
        cleaned = super().clean()
        if "file" in self.errors or "link" in self.errors:
            return cleaned
        if not cleaned.get("file") and not cleaned.get("link"):
            raise forms.ValidationError(_("Upload the file, give its web address, or both."), code="nothing_to_read")
        return cleaned

    def store_upload(self, resource) -> bool:
        """Record a new file's name, type and size on `resource`; False if no new file was uploaded."""
        if self.detected is None:
            return False
        upload = self.cleaned_data["file"]
        resource.original_name = upload.name[:255]
        resource.content_type = self.detected.content_type
        resource.size = upload.size
        # The stored name comes from the detected type, never from the client's name.
        stem = "image" if self.detected.content_type.startswith("image/") else "document"
        upload.name = f"{stem}{self.detected.extension}"
        resource.file = upload
        return True

