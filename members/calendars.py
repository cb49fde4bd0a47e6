"""Dates as Afghan readers expect them: the Solar Hijri calendar with Afghan month names and Persian digits.

Dari and Pashto pages show dates in the Solar Hijri (Hijri Shamsi) calendar that Afghanistan uses, with
the Afghan month names (Hamal … Hut), which differ from the Iranian ones (Farvardin … Esfand) that
calendar libraries ship. The conversion itself is jdatetime's; this module only names the months and
writes the digits. 22 June 2017 is 1 Saratan 1396.
"""

import datetime

import jdatetime
from django import forms
from django.utils import dateformat
from django.utils.formats import date_format, get_format
from django.utils.translation import get_language

AFGHAN_MONTHS = {
    "fa": ["حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله", "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت"],
    "ps": ["وری", "غویی", "غبرګولی", "چنګاښ", "زمری", "وږی", "تله", "لړم", "لیندۍ", "مرغومی", "سلواغه", "کب"],
}
SOLAR_HIJRI_LANGUAGES = frozenset(AFGHAN_MONTHS)

_PERSIAN_DIGITS = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
# Digits people may type in a date field: Persian (Dari, Pashto) and Arabic-Indic (Urdu keyboards).
_TO_ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def uses_solar_hijri(language: str | None = None) -> bool:
    return (language or get_language() or "").split("-")[0] in SOLAR_HIJRI_LANGUAGES


def persian_digits(text: str) -> str:
    return str(text).translate(_PERSIAN_DIGITS)


def ascii_digits(text: str) -> str:
    """Digits typed in Persian or Arabic-Indic script, as the digits Python parses."""
    return str(text).translate(_TO_ASCII_DIGITS)


def to_solar_hijri(value: datetime.date) -> jdatetime.date:
    day = value.date() if isinstance(value, datetime.datetime) else value
    return jdatetime.date.fromgregorian(date=day)


def format_solar_hijri(value: datetime.date, format_string: str, language: str) -> str:
    """`value` formatted like Django's `date` filter, its date parts in the Solar Hijri calendar.

    Supports the date characters the portal uses (d j m n F M N E b Y y, as day, month and year); time
    characters (H i G s A …) are Django's. Backslash-escaped characters are kept as they are.
    """
    solar = to_solar_hijri(value)
    month = AFGHAN_MONTHS[language][solar.month - 1]
    parts = {
        "d": f"{solar.day:02d}", "j": str(solar.day),
        "m": f"{solar.month:02d}", "n": str(solar.month),
        "F": month, "M": month, "N": month, "E": month, "b": month,
        "Y": str(solar.year), "y": f"{solar.year % 100:02d}",
    }
    out, escaped = [], False
    for char in format_string:
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char in parts:
            out.append(parts[char])
        elif char.isalpha():
            out.append(dateformat.format(value, char))
        else:
            out.append(char)
    return persian_digits("".join(out))


# Formats read by machines (feeds, <time datetime>), never converted.
MACHINE_FORMATS = frozenset({"c", "r", "U"})


def local_date(value: datetime.date, format_name: str = "DATE_FORMAT") -> str:
    """A date (or datetime) in the active language's calendar and format; for Python code (e-mails, labels)."""
    language = (get_language() or "").split("-")[0]
    if language not in SOLAR_HIJRI_LANGUAGES or format_name in MACHINE_FORMATS:
        return date_format(value, format_name)
    return format_solar_hijri(value, get_format(format_name), language)


class DigitsDateInput(forms.DateInput):
    """A date input that also reads dates typed with Persian or Arabic-Indic digits (۲۰۱۷-۰۶-۲۲)."""

    def value_from_datadict(self, data, files, name):
        value = super().value_from_datadict(data, files, name)
        return ascii_digits(value) if isinstance(value, str) else value
