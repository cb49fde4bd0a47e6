"""Urdu dates day first with the month's name (Django has no Urdu formats, so it would write them American-style)."""

from ..day_first import *  # noqa: F403
