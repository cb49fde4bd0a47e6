"""Filters for plain-text e-mails."""

from django import template

register = template.Library()


@register.filter
def indent_lines(text, spaces=2):
    """Indent every line after the first, so a multi-line body stays inside its list item."""
    return ("\n" + " " * int(spaces)).join(str(text).splitlines())
