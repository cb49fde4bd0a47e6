"""The `date` filter, in the reader's calendar: Solar Hijri for Dari and Pashto, Django's for the others.

Loaded as a template builtin (settings.TEMPLATES), so every `{{ value|date:"j M Y" }}` follows the page's
language without a change to the templates.
"""

import datetime

from django import template
from django.template.defaultfilters import date as django_date
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.html import format_html
from django.utils.translation import get_language

from members.calendars import MACHINE_FORMATS, SOLAR_HIJRI_LANGUAGES, format_solar_hijri

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False, needs_autoescape=True)
def date(value, arg=None, autoescape=True):
    language = (get_language() or "").split("-")[0]
    if language not in SOLAR_HIJRI_LANGUAGES or not isinstance(value, datetime.date) or arg in MACHINE_FORMATS:
        return django_date(value, arg)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    format_string = get_format(arg or "DATE_FORMAT")
    solar = format_solar_hijri(value, format_string, language)
    if not autoescape or not _has_full_date(format_string):
        return solar  # plain text (e-mails) or a part of a date: nothing to add
    # The Gregorian date stays available: as the machine-readable datetime and as a tooltip.
    iso = value.strftime("%Y-%m-%d")
    return format_html('<time datetime="{}" title="{}">{}</time>', iso, iso, solar)


def _has_full_date(format_string: str) -> bool:
    """A day, a month and a year: a date people read, not one of its parts."""
    return any(c in format_string for c in "dj") and any(c in format_string for c in "mnFMNEb") and any(
        c in format_string for c in "Yy"
    )
