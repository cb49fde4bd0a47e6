"""What every spreadsheet export shares: cells that a spreadsheet program never runs as a formula."""


def neutralize(value):
    """Keep spreadsheet programs from running a cell as a formula (CSV injection): text that starts like one
    gets a leading apostrophe. Numbers, and phone numbers such as "+992 90…", stay as they are."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "=@\t\r" or (value[0] in "+-" and not value[1:2].isdigit() and value[1:2] != " "):
        return "'" + value
    return value
