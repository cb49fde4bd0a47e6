"""The help finder's pieces: how to reach a service, its opening hours in short, and the "Leave this site" button.

{% load help_finder %}
{% for channel in service|reach %}<a href="{{ channel.href }}">{{ channel.value }}</a>{% endfor %}
{% for days, hours in service|opening_runs %}{{ days }}: {{ hours }}{% endfor %}
{% leave_site_button %}     on the pages of LEAVE_SITE_PAGES only (templates/base.html asks on every page)
"""

import re

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.text import capfirst

from members.models import WEEKDAYS, Service

register = template.Library()

# Where someone may be read over the shoulder: the help finder, its cards and the directory's public pages.
LEAVE_SITE_PAGES = frozenset(
    {"members:help", "members:help-card", "members:directory", "members:country", "members:organization"}
)


@register.simple_tag(takes_context=True)
def leave_site_button(context) -> str:
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None or match.view_name not in LEAVE_SITE_PAGES:
        return ""
    # Without the request: it would run the context processors (their queries) a second time.
    return render_to_string("members/help/_leave_site.html", {"leave_site_url": settings.LEAVE_SITE_URL})


def _digits(number: str) -> str:
    """A number as a link writes it: digits, and a leading + ("+992 (44) 600-11-98" → "+992446001198")."""
    number = number.strip()
    return ("+" if number.startswith("+") else "") + re.sub(r"\D", "", number)


def _label(name: str) -> str:
    return capfirst(Service._meta.get_field(name).verbose_name)


@register.filter
def reach(service: Service) -> list[dict]:
    """The service's channels besides its phone, with a label and a link where the channel has one."""
    channels = []
    for name, value in service.channels:
        href = ""
        if name == "sms":
            href = f"sms:{_digits(value)}"
        elif name == "whatsapp" and _digits(value).strip("+"):
            href = "https://wa.me/" + _digits(value).lstrip("+")
        elif name == "telegram" and re.fullmatch(r"@\w{3,}", value.strip()):
            href = "https://t.me/" + value.strip()[1:]
        elif name == "email":
            href = f"mailto:{value}"
        if name != "phone":
            channels.append({"name": name, "label": _label(name), "value": value, "href": href})
    return channels


@register.filter
def tel(number: str) -> str:
    return f"tel:{_digits(number)}"


@register.filter
def opening_runs(service: Service) -> list[tuple[str, str]]:
    """Opening hours with days of the same hours in a row joined: [("Monday–Friday", "09:00-17:00"), …]."""
    runs = []  # [first day, last day, hours]
    for day, _name in WEEKDAYS:
        hours = (service.opening_hours or {}).get(str(day))
        if not hours:
            continue
        if runs and runs[-1][1] == day - 1 and runs[-1][2] == hours:
            runs[-1][1] = day
        else:
            runs.append([day, day, hours])
    names = dict(WEEKDAYS)
    separators = {0: "", 1: ", "}  # a day alone, two days; three or more are a range
    return [
        (
            f"{names[first]}{separators.get(last - first, '–')}{names[last] if last != first else ''}",
            hours,
        )
        for first, last, hours in runs
    ]
