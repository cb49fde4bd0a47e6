"""Single-line text refuses control characters: a line break in a forum title broke its calendar file, one in
an organization's name its e-mails, and bidirectional overrides can disguise a name.

Every single-line field of a model form gets `refuse_control_characters` through
`refuse_control_characters_in(app_config)`, which each app calls from its AppConfig.ready(): model fields'
`formfield()` adds the validator, so no migration changes and the admin's forms are covered too.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Explicit direction controls (embeddings, overrides, isolates). The zero-width non-joiner and joiner, which
# Dari, Pashto and Urdu spelling needs, stay allowed.
BIDI_CONTROLS = {"\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"}
MESSAGE = _("Enter this on one line, without line breaks, tabs or other control characters.")


def refuse_control_characters(value) -> None:
    if isinstance(value, str) and any(unicodedata.category(ch) == "Cc" or ch in BIDI_CONTROLS for ch in value):
        raise ValidationError(MESSAGE, code="control_characters")


def _with_validator(original):
    def formfield(**kwargs):
        field = original(**kwargs)
        if isinstance(field, forms.CharField) and not isinstance(field.widget, forms.Textarea):
            field.validators.append(refuse_control_characters)
        return field

    return formfield


def refuse_control_characters_in(app_config) -> None:
    """Give every single-line text field of the app's models (language columns included) the validator."""
    for model in app_config.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.CharField) and not getattr(field, "_refuses_control_characters", False):
                field.formfield = _with_validator(field.formfield)
                field._refuses_control_characters = True
