"""Edit forms for content in several languages: one language at a time, the others left as they are.

An edit page shows a bar of the portal's languages (which are written, which is the original) and edits
the translated fields in the chosen one (`?content=ru`); the form is the page's ordinary ModelForm with
those fields swapped for their language's columns by `for_language()`. Saving touches no other language.
"""

import functools

from django import forms
from django.forms.models import modelform_factory
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from ..content import CONTENT_LANGUAGES, language_direction, language_name, localized_name, reader_language

CONTENT_PARAMETER = "content"
REFERENCE_WORDS = 60


def edit_language(request) -> str:
    """The language an editor writes in: the one chosen in the language bar, else the page's language."""
    code = request.GET.get(CONTENT_PARAMETER, "")
    return code if code in CONTENT_LANGUAGES else reader_language()


def language_bar(obj, editing: str, fields=None) -> list[dict]:
    """Each language with whether `obj` is written in it, for the bar above an edit form."""
    written = obj.languages_of(fields) if obj is not None and obj.pk else []
    original = obj.original_language if obj is not None and obj.pk and written else None
    return [
        {
            "code": code,
            "name": language_name(code),
            "native": get_language_info(code)["name_local"],
            "written": code in written,
            "original": code == original,
            "current": code == editing,
            "direction": language_direction(code),
        }
        for code in CONTENT_LANGUAGES
    ]


class MultilingualFormMixin:
    """A ModelForm whose model is a MultilingualModel, editing the translated fields in `content_language`."""

    content_language = None  # set by for_language()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        model = self._meta.model
        for field in model.TRANSLATED_FIELDS:
            name = localized_name(field, self.content_language)
            if name in self.fields:
                # Typed text in its own language and direction: Dari right to left on an English page.
                self.fields[name].widget.attrs.update(
                    lang=self.content_language, dir=language_direction(self.content_language)
                )
                self._add_reference(field, self.fields[name])

    def _add_reference(self, field, form_field):
        """Under a field not yet written in this language, the text it has in the original, to translate from."""
        instance = self.instance
        if not instance.pk or instance.text_in(field, self.content_language):
            return
        text = instance.localized(field, instance.original_language)
        if not text:
            return
        reference = format_html(
            '<span class="d-block">{}</span><span class="d-block reference-text" lang="{}" dir="{}">{}</span>',
            _("In %(language)s:") % {"language": text.language_name},
            text.language,
            text.direction,
            Truncator(text.text).words(REFERENCE_WORDS),
        )
        help_text = form_field.help_text
        form_field.help_text = format_html("{}{}", format_html("{} ", help_text) if help_text else "", reference)

    def clean(self):
        cleaned = super().clean()
        model = self._meta.model
        for field in model.TRANSLATED_FIELDS:
            name = localized_name(field, self.content_language)
            if isinstance(cleaned.get(name), str):
                # Browsers send CRLF line ends: keep "\n" so an untouched text is not recorded as changed.
                cleaned[name] = cleaned[name].replace("\r\n", "\n")
            if name not in self.fields or model._meta.get_field(field).blank or cleaned.get(name):
                continue
            others = [self.instance.text_in(field, code) for code in CONTENT_LANGUAGES if code != self.content_language]
            if not any(others):
                self.add_error(name, forms.ValidationError(self.fields[name].error_messages["required"], code="required"))
        return cleaned

    def save(self, commit=True):
        if self.instance.pk is None:
            self.instance.original_language = self.content_language
        else:
            self.instance.settle_original_language(self.content_language)
        return super().save(commit)


@functools.cache
def for_language(form_class, language: str):
    """`form_class` (a MultilingualFormMixin ModelForm) editing its translated fields in `language`."""
    meta = form_class._meta
    translated = set(meta.model.TRANSLATED_FIELDS)

    def rename(name):
        return localized_name(name, language) if name in translated else name

    def remap(mapping):
        return {rename(key): value for key, value in (mapping or {}).items()}

    return modelform_factory(
        meta.model,
        form=type(form_class.__name__, (form_class,), {"content_language": language}),
        fields=[rename(name) for name in meta.fields],
        widgets=remap(meta.widgets),
        help_texts=remap(meta.help_texts),
        labels=remap(meta.labels),
        error_messages=remap(meta.error_messages),
    )
