"""Pashto dates as Dari ones: the Solar Hijri calendar (members/calendars.py names the Pashto months)."""

from ..fa.formats import *  # noqa: F403
