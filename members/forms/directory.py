"""Forms of the member directory: the organization profile an editor keeps current."""

from pathlib import PurePath

from django import forms
from django.core.validators import URLValidator
from django.forms import BaseInlineFormSet, inlineformset_factory
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ..models import FocusArea, Organization, Person
from ..permissions import can_change_seat_holder_contact
from .multilingual import MultilingualFormMixin, for_language

LOGO_MAX_BYTES = 1024 * 1024
LOGO_MAX_PIXELS = 2000
# The image formats a logo may have, and the extension it is stored under whatever its upload was called.
LOGO_FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp", "GIF": "gif"}


class WebAddressField(forms.URLField):
    """A URL field that accepts only web addresses (no ftp:, javascript:, data: …)."""

    default_validators = [URLValidator(schemes=["http", "https"])]


class OrganizationForm(MultilingualFormMixin, forms.ModelForm):
    """What an organization's editor may change; name, country and status are the secretariat's."""

    website = WebAddressField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        error_messages={"invalid": _("Enter a web address starting with http:// or https://.")},
    )
    focus_areas = forms.ModelMultipleChoiceField(
        label=_("Focus areas"),
        queryset=FocusArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organization
        fields = [
            "name_local",
            "description",
            "focus_areas",
            "populations_served",
            "languages",
            "city",
            "provinces_covered",
            "founded",
            "website",
            "public_email",
            "public_phone",
            "logo",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "description": _("Plain text, up to 3000 characters. Never describe individual victims."),
            "public_email": _("An organizational address shown to everyone. Do not use a personal address."),
            "public_phone": _("An organizational number shown to everyone."),
            "logo": _("PNG, JPEG, WebP or GIF, at most 1 MB and 2000×2000 pixels."),
        }

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if not logo or logo == self.initial.get("logo"):
            return logo
        if logo.size > LOGO_MAX_BYTES:
            raise forms.ValidationError(
                _("The logo is %(size)s; the limit is %(limit)s.")
                % {"size": filesizeformat(logo.size), "limit": filesizeformat(LOGO_MAX_BYTES)}
            )
        image = getattr(logo, "image", None)
        if image is not None:
            if image.format not in LOGO_FORMATS:
                raise forms.ValidationError(_("Upload a PNG, JPEG, WebP or GIF image."))
            width, height = image.size
            if width > LOGO_MAX_PIXELS or height > LOGO_MAX_PIXELS:
                raise forms.ValidationError(
                    _("The logo is %(w)s×%(h)s pixels; the limit is %(max)s×%(max)s.")
                    % {"w": width, "h": height, "max": LOGO_MAX_PIXELS}
                )
            # Stored and served under its detected format: a GIF uploaded as "logo.pdf" becomes "logo.gif".
            logo.name = f"{PurePath(logo.name).stem[:60] or 'logo'}.{LOGO_FORMATS[image.format]}"
        return logo


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "position", "email", "phone", "contact_visibility"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_change_seat_holder_contact(user, self.instance):
            # Disabled: whatever is posted for them is ignored, and the person's own values are kept.
            for name in ("name", "email"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _(
                    "This person holds or held a steering committee seat; ask a coordinator to change their name or e-mail."
                )


class BasePersonFormSet(BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.seats.exists():
                raise forms.ValidationError(
                    _(
                        "%(name)s holds or held a steering committee seat and cannot be removed here. "
                        "Ask a coordinator to change the seat first."
                    )
                    % {"name": form.instance.name}
                )


def organization_form(language: str):
    """The profile form, writing its texts in `language` (services have their own pages: forms/services.py)."""
    return for_language(OrganizationForm, language)


PersonFormSet = inlineformset_factory(
    Organization, Person, form=PersonForm, formset=BasePersonFormSet, extra=1, can_delete=True, max_num=50, validate_max=True
)
