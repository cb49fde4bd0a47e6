"""Showing content that may be written in several languages (see members/content.py).

    {% load content %}
    {% content organization "description" %}          paragraphs; marked when not in the reader's language
    {% content forum "title" inline=True %}           a name or title inside a line or a heading
    {{ organization|localized:"description" }}        the chosen text and its language, to test or pass on

A text in another language than the page's gets `lang` and `dir`, so a screen reader pronounces it and a
Russian paragraph on a Dari page reads left to right, and it is marked with its language's name.
"""

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from members.content import Localized, language_direction, language_name, localized_name, reader_language

register = template.Library()


@register.filter
def localized(obj, field: str) -> Localized:
    if obj is None:
        return Localized("", "")
    return obj.localized(field)


@register.simple_tag(name="language_note")
def language_note(language: str) -> str:
    return _("Language of this text: %(language)s") % {"language": language_name(language)}


@register.simple_tag
def content(obj, field: str, inline: bool = False, truncate: int = 0, note: bool = True):
    """`field` of `obj` for the reader: their language where written, otherwise marked with its own
    (`note=False` keeps `lang` and `dir` but leaves the note to the caller, who marked a whole page once)."""
    if isinstance(obj, Localized):
        text = obj
    elif isinstance(obj, str):  # a field written in one language only
        text = Localized(obj, reader_language())
    else:
        text = localized(obj, field)
    if not text:
        return ""
    body = str(text)
    if truncate:
        body = Truncator(body).words(truncate)
    if inline:
        if not text.is_foreign:
            return body
        return format_html(
            '<span lang="{}" dir="{}">{}</span> <small class="content-language" title="{}">({})</small>',
            text.language,
            text.direction,
            body,
            language_note(text.language),
            language_name(text.language),
        )
    paragraphs = linebreaks_filter(body, autoescape=True)
    if not text.is_foreign:
        return paragraphs
    if not note:
        return format_html('<div lang="{}" dir="{}">{}</div>', text.language, text.direction, paragraphs)
    return format_html(
        '<div class="foreign-content"><p class="content-language small text-muted mb-1">{}</p>'
        '<div lang="{}" dir="{}">{}</div></div>',
        language_note(text.language),
        text.language,
        text.direction,
        paragraphs,
    )


@register.simple_tag
def localized_list(items, field: str) -> dict:
    """A list's texts for the reader, and their language when they share one other than the reader's: a list
    of recommendations in English on a Tajik page is marked once, not item by item."""
    texts = [(item, localized(item, field)) for item in items]
    languages = {text.language for _item, text in texts if text}
    common = next(iter(languages)) if len(languages) == 1 else ""
    foreign = common and common != reader_language()
    return {
        "items": texts,
        "language": common if foreign else "",
        "direction": language_direction(common) if foreign else "",
    }


@register.simple_tag
def shared_language(obj) -> str:
    """The one language, not the reader's, that all of `obj`'s shown texts are in; "" if any is the
    reader's or they differ. A country review read in Dari whose sections are all English is marked once."""
    languages = {obj.localized(field).language for field in obj.TRANSLATED_FIELDS if obj.localized(field)}
    if len(languages) == 1 and (language := languages.pop()) != reader_language():
        return language
    return ""


@register.filter
def translated_field(form, name: str):
    """The bound field that edits `name` in the language the form writes (members/forms/multilingual.py)."""
    language = getattr(form, "content_language", None)
    if language and localized_name(name, language) in form.fields:
        return form[localized_name(name, language)]
    return form[name]


@register.simple_tag
def content_languages(obj):
    """The languages `obj` is written in, as (code, name, is original) for "also written in" lists."""
    return [(code, language_name(code), code == obj.original_language) for code in obj.written_languages]
