"""Urdu dates day first with the month's name (Django has no Urdu formats, so it would write them American-style)."""

from ..day_first import *  # noqa: F403

# Amounts grouped by thousands where a template asks for it (floatformat:"g", intcomma): 12,000.
NUMBER_GROUPING = 3
