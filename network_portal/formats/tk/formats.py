"""Dates day first with the month's name, without the Russian «г.» that Django's Turkmen formats add."""

from ..day_first import *  # noqa: F403
