"""Dates in the Solar Hijri calendar with Afghan month names (members/calendars.py formats them): ۱ سرطان ۱۳۹۶."""

DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y، H:i"
SHORT_DATETIME_FORMAT = "j F Y، H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 6  # Saturday
# Amounts grouped by thousands where a template asks for it (floatformat:"g", intcomma): 12,000.
NUMBER_GROUPING = 3
