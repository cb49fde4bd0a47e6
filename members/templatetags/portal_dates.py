"""The `date` filter, in the reader's calendar: Solar Hijri for Dari and Pashto, Django's for the others.

Loaded as a template builtin (settings.TEMPLATES), so every `{{ value|date:"j M Y" }}` follows the page's
language without a change to the templates.
"""

import datetime

from django import template
from django.template.defaultfilters import date as django_date
from django.utils import timezone
from django.utils.formats import get_format
from django.utils.translation import get_language

from members.calendars import MACHINE_FORMATS, SOLAR_HIJRI_LANGUAGES, format_solar_hijri

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    language = (get_language() or "").split("-")[0]
    if language not in SOLAR_HIJRI_LANGUAGES or not isinstance(value, datetime.date) or arg in MACHINE_FORMATS:
        return django_date(value, arg)
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return format_solar_hijri(value, get_format(arg or "DATE_FORMAT"), language)
