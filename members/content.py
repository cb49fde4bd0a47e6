"""Content in several languages: which text a reader gets, and how a text in another language is marked.

The columns come from django-modeltranslation (each app's translation.py: `description_en`,
`description_ru`…). Its own fallback is not what readers need, so pages ask this module instead:

- a reader gets the text in their language where it is written;
- otherwise the original (the record's `original_language`), or failing that the first language that
  is filled, in the order of settings.ALL_LANGUAGES;
- a text not in the reader's language carries its language, so templates mark it with its name and
  the right `lang` and `dir` (see members/templatetags/content.py).
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import get_language, get_language_bidi, get_language_info
from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = [code for code, _name in settings.ALL_LANGUAGES]
LANGUAGE_NAMES = dict(settings.ALL_LANGUAGES)


def localized_name(field: str, language: str) -> str:
    """The column that holds `field` in `language`: "description_ru" (modeltranslation's naming)."""
    return f"{field}_{language.replace('-', '_')}"


def reader_language() -> str:
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def is_rtl(language: str) -> bool:
    return language in settings.LANGUAGES_BIDI


def language_direction(language: str) -> str:
    return "rtl" if is_rtl(language) else "ltr"


def language_name(language: str) -> str:
    """The language's name in the reader's language ("Dari", «дари»)."""
    return str(LANGUAGE_NAMES.get(language) or get_language_info(language)["name_translated"])


def language_choices():
    return [(code, name) for code, name in settings.ALL_LANGUAGES]


@dataclass(frozen=True)
class Localized:
    """A text and the language it is written in, as chosen for the current reader."""

    text: str
    language: str

    def __str__(self):
        return self.text

    def __bool__(self):
        return bool(self.text)

    @property
    def direction(self) -> str:
        return language_direction(self.language)

    @property
    def is_foreign(self) -> bool:
        """Written in another language than the reader's: the page marks it."""
        return bool(self.text) and self.language != reader_language()

    @property
    def crosses_direction(self) -> bool:
        """Written in the other direction than the page (a Russian paragraph on a Dari page)."""
        return is_rtl(self.language) != get_language_bidi()

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    def marked(self) -> str:
        """Plain text (e-mails, feed titles, exports): followed by its language's name when not the reader's."""
        return f"{self.text} ({self.language_name})" if self.is_foreign else self.text


class MultilingualModel(models.Model):
    """A record whose `TRANSLATED_FIELDS` may be written in each of the portal's languages."""

    TRANSLATED_FIELDS: tuple[str, ...] = ()

    original_language = models.CharField(
        _("original language"),
        max_length=8,
        choices=language_choices(),
        default=settings.LANGUAGE_CODE,
        help_text=_("The language this was first written in; readers whose language is missing get this one."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        # Records created outside the edit forms (an approved application, the admin, a migration) write into
        # the active language's columns: the original is then the language that has text.
        self.settle_original_language(reader_language())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "original_language"}
        super().save(*args, **kwargs)

    def set_texts(self, texts: dict) -> None:
        """Set `{language: {field: text}}`: each text into its language's column (e.g. name_ru)."""
        for language, fields in texts.items():
            for field, text in fields.items():
                setattr(self, localized_name(field, language), text)

    def text_in(self, field: str, language: str) -> str:
        return getattr(self, localized_name(field, language), "") or ""

    def localized(self, field: str, language: str | None = None) -> Localized:
        """`field` for a reader of `language` (the current one by default), with the language it is in."""
        language = language or reader_language()
        for candidate in (language, self.original_language, *CONTENT_LANGUAGES):
            text = self.text_in(field, candidate)
            if text:
                return Localized(text, candidate)
        return Localized("", language)

    def languages_of(self, fields=None) -> list[str]:
        """The languages in which at least one of `fields` (all translated fields by default) is written."""
        fields = fields or self.TRANSLATED_FIELDS
        return [code for code in CONTENT_LANGUAGES if any(self.text_in(f, code) for f in fields)]

    @cached_property
    def written_languages(self) -> list[str]:
        return self.languages_of()

    def settle_original_language(self, written_in: str) -> None:
        """Keep `original_language` pointing at a language that has text: the one just written, if needed."""
        written = self.languages_of()
        if written and self.original_language not in written:
            self.original_language = written_in if written_in in written else written[0]

    def all_texts(self, field: str) -> list[str]:
        """`field` in every language it is written in (for search and exports)."""
        return [text for code in CONTENT_LANGUAGES if (text := self.text_in(field, code))]
