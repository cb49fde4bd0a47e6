"""Solar Hijri dates with Afghan month names and Persian digits (members/calendars.py and the `date` filter)."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import translation

from members.calendars import ascii_digits, format_solar_hijri, persian_digits, to_solar_hijri


@pytest.mark.parametrize(
    ("gregorian", "solar"),
    [
        (datetime.date(2017, 6, 22), (1396, 4, 1)),  # the Dushanbe forum: 1 Saratan 1396
        (datetime.date(2017, 3, 21), (1396, 1, 1)),  # Nowruz: the first day of a year
        (datetime.date(2017, 3, 20), (1395, 12, 30)),  # the last day of 1395, a leap year (Hut has 30 days)
        (datetime.date(2018, 3, 20), (1396, 12, 29)),  # the last day of 1396, not a leap year
        (datetime.date(2025, 3, 20), (1403, 12, 30)),  # 1403 is a leap year
        (datetime.date(2025, 3, 21), (1404, 1, 1)),
        (datetime.date(2018, 8, 28), (1397, 6, 6)),  # the Kabul forum, 6 Sonbola 1397
        (datetime.date(2026, 12, 21), (1405, 9, 30)),  # the last day of Qaws
    ],
)
def test_known_conversions(gregorian, solar):
    converted = to_solar_hijri(gregorian)
    assert (converted.year, converted.month, converted.day) == solar


def test_dari_uses_the_afghan_month_names_and_persian_digits():
    assert format_solar_hijri(datetime.date(2017, 6, 22), "j F Y", "fa") == "۱ سرطان ۱۳۹۶"
    assert format_solar_hijri(datetime.date(2017, 3, 21), "j M Y", "fa") == "۱ حمل ۱۳۹۶"
    assert format_solar_hijri(datetime.date(2018, 3, 20), "j F Y", "fa") == "۲۹ حوت ۱۳۹۶"


def test_pashto_uses_the_pashto_month_names():
    assert format_solar_hijri(datetime.date(2017, 6, 22), "j F Y", "ps") == "۱ چنګاښ ۱۳۹۶"
    assert format_solar_hijri(datetime.date(2017, 3, 21), "j F Y", "ps") == "۱ وری ۱۳۹۶"


def test_times_keep_their_hours_in_persian_digits():
    moment = datetime.datetime(2017, 6, 22, 15, 5)
    assert format_solar_hijri(moment, "j M Y H:i", "fa") == "۱ سرطان ۱۳۹۶ ۱۵:۰۵"


def test_digits_typed_in_persian_or_arabic_indic_script_are_read():
    assert ascii_digits("۱۳۹۶-۰۴-۰۱") == "1396-04-01"
    assert ascii_digits("٢٠١٧") == "2017"
    assert persian_digits("2017") == "۲۰۱۷"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fa", '<time datetime="2017-06-22" title="2017-06-22">۱ سرطان ۱۳۹۶</time>'),
        ("ps", '<time datetime="2017-06-22" title="2017-06-22">۱ چنګاښ ۱۳۹۶</time>'),
        ("en", "22 June 2017"),
        ("ru", "22 июня 2017"),
    ],
)
def test_the_date_filter_follows_the_page_language(language, expected):
    with translation.override(language):
        rendered = Template('{{ day|date:"DATE_FORMAT" }}').render(Context({"day": datetime.date(2017, 6, 22)}))
    assert rendered == expected


def test_machine_readable_dates_stay_gregorian_in_dari():
    moment = datetime.datetime(2017, 6, 22, 15, 5, tzinfo=datetime.UTC)
    with translation.override("fa"):
        rendered = Template('{{ moment|date:"c" }}').render(Context({"moment": moment}))
    assert rendered.startswith("2017-06-22T")


def test_forum_dates_read_in_the_solar_hijri_calendar_in_dari():
    from forums.models import Forum

    forum = Forum(start_date=datetime.date(2017, 6, 22), end_date=datetime.date(2017, 6, 23))
    with translation.override("fa"):
        assert forum.dates_display == "۱–۲ سرطان ۱۳۹۶"
    with translation.override("en"):
        assert forum.dates_display == "22–23 June 2017"


def test_a_solar_hijri_date_keeps_the_gregorian_date_available_but_not_in_plain_text():
    day = {"day": datetime.date(2017, 6, 22)}
    with translation.override("fa"):
        year_only = Template('{{ day|date:"Y" }}').render(Context(day))
        plain = Template('{% autoescape off %}{{ day|date:"DATE_FORMAT" }}{% endautoescape %}').render(Context(day))
    assert year_only == "۱۳۹۶"  # a part of a date: no markup
    assert plain == "۱ سرطان ۱۳۹۶"  # e-mails are plain text
