"""How a service is reached, as links a phone opens at once: tel:, sms:, WhatsApp, Telegram, Signal, mailto:;
and its weekly hours, days with the same hours grouped ("Monday–Friday 09:00-17:00")."""

import re
from dataclasses import dataclass

from django import template
from django.utils.text import capfirst

from ..models import WEEKDAYS, Service

register = template.Library()


def _number(value: str) -> str:
    """A phone number as a URI writes it: its digits, after a + if it has one."""
    digits = re.sub(r"\D", "", value)
    return f"+{digits}" if value.strip().startswith("+") else digits


@register.filter
def tel_href(value: str) -> str:
    return f"tel:{_number(value)}" if value else ""


def _telegram_href(value: str) -> str:
    if value.startswith("@"):
        return f"https://t.me/{value[1:]}"
    return f"https://t.me/{_number(value)}"


HREFS = {
    "phone": tel_href,
    "sms": lambda value: f"sms:{_number(value)}",
    "whatsapp": lambda value: f"https://wa.me/{_number(value).lstrip('+')}",
    "telegram": _telegram_href,
    "signal": lambda value: f"https://signal.me/#p/{_number(value)}",
    "email": lambda value: f"mailto:{value}",
}


@dataclass
class Channel:
    name: str
    label: str
    value: str
    href: str

    @property
    def is_web(self) -> bool:
        """Opens a web address (an app's link) rather than the phone's dialler or mail program."""
        return self.href.startswith("https:")


@register.filter
def service_channels(service: Service) -> list[Channel]:
    """The channels filled in, in the order a person in need tries them, each with its label and link."""
    return [
        Channel(name, capfirst(Service._meta.get_field(name).verbose_name), value, HREFS[name](value))
        for name, value in service.channels
    ]


@register.filter
def grouped_hours(service: Service) -> list[tuple[str, str]]:
    """("Monday–Friday", "09:00-17:00"), ("Saturday", "10:00-14:00"): consecutive days with the same hours."""
    hours = service.opening_hours or {}
    groups = []  # [first day, last day, hours]
    for day, _name in WEEKDAYS:
        today = hours.get(str(day))
        if today and groups and groups[-1][2] == today and groups[-1][1] == day - 1:
            groups[-1][1] = day
        elif today:
            groups.append([day, day, today])
    if len(groups) > 1 and groups[0][0] == 0 and groups[-1][1] == 6 and groups[0][2] == groups[-1][2]:
        groups[-1][1] = groups.pop(0)[1]  # across the weekend: "Saturday–Thursday"
    names = dict(WEEKDAYS)
    return [
        (str(names[first]) if first == last else f"{names[first]}–{names[last]}", today)
        for first, last, today in groups
    ]


@register.simple_tag
def service_label(name: str) -> str:
    """The label of one of Service's fields ("Languages spoken"), as the model names it."""
    return capfirst(Service._meta.get_field(name).verbose_name)
