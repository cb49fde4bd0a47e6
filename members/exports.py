"""What every spreadsheet export shares: cells that a spreadsheet program never runs as a formula."""

import re

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A phone number or a plain number ("+992 90 000 0001", "-5") is no formula: it stays readable as it is.
_NUMBER_LIKE = re.compile(r"[+-]?\d[\d\s().-]*")


def neutralize(value):
    """Keep spreadsheet programs from running a cell as a formula (CSV injection): text that starts like one
    gets a leading apostrophe. Numbers and phone numbers stay as they are; anything else starting with
    =, +, -, @, a tab or a carriage return is neutralized ("-2+3", "+cmd|' /C calc'!A0", "@SUM(A1)")."""
    if not isinstance(value, str) or not value or not value.startswith(FORMULA_STARTS):
        return value
    if _NUMBER_LIKE.fullmatch(value):
        return value
    return "'" + value


def unneutralize(value: str) -> str:
    """A cell read back from one of our exports: without the apostrophe `neutralize()` put before it."""
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) and neutralize(value[1:]) == value:
        return value[1:]
    return value
