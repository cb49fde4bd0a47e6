"""The form of a service on its own page: how to reach it, where, when, in which languages, for whom."""

import re
import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from ..models import SPOKEN_LANGUAGES, WEEKDAYS, Population, Service
from ..validators import refuse_control_characters
from .multilingual import MultilingualFormMixin

# The weekday fields of the form, Monday ("0" in Service.opening_hours) first.
DAY_FIELDS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBER_FIELDS = ("phone", "sms", "whatsapp", "signal")
# Numbers that links open in an app of another country (wa.me, signal.me, t.me) need the country code.
INTERNATIONAL_FIELDS = ("whatsapp", "signal")

PHONE_MESSAGE = _("Enter a phone number of 3 to 15 digits, using only digits, spaces, +, - and parentheses.")
INTERNATIONAL_MESSAGE = _("Enter the number in international format, starting with + and the country code.")
TELEGRAM_MESSAGE = _("Enter a Telegram user name such as @helpline, or a number starting with + and the country code.")
HOURS_MESSAGE = _("Write the hours as 09:00-17:00, or two ranges as 09:00-12:00, 14:00-17:00.")
HOURS_ORDER_MESSAGE = _("Each range must end after it starts, and the second must start after the first ends.")

PHONE = re.compile(r"\+?[0-9 ()\-]+")
TELEGRAM_NAME = re.compile(r"@?([A-Za-z][A-Za-z0-9_]{3,31})")
TELEGRAM_LINK = re.compile(r"(?:https?://)?t\.me/([A-Za-z][A-Za-z0-9_]{3,31})/?", re.IGNORECASE)
TIME = r"(\d{1,2})(?:[:.](\d\d))?"
TIME_RANGE = re.compile(rf"{TIME}\s*[-–—]\s*{TIME}")


def ascii_digits(value: str) -> str:
    """Digits of any script (Persian ۱۲۳, Arabic-Indic ١٢٣) as 0-9; everything else unchanged."""
    return "".join(str(unicodedata.digit(ch)) if ch.isdigit() else ch for ch in value)


def clean_phone_number(value: str, *, international: bool = False) -> str:
    """A phone number as typed, with its digits in 0-9 and single spaces; ValidationError if it is not one."""
    value = " ".join(ascii_digits(value).split())
    if not value:
        return ""
    digits = re.sub(r"\D", "", value)
    if not PHONE.fullmatch(value) or not 3 <= len(digits) <= 15:
        raise ValidationError(PHONE_MESSAGE, code="phone")
    if international and not value.startswith("+"):
        raise ValidationError(INTERNATIONAL_MESSAGE, code="international")
    return value


def clean_telegram(value: str) -> str:
    """"@name" for a Telegram user name (also typed without @ or as a t.me link), or an international number."""
    value = value.strip()
    if not value:
        return ""
    match = TELEGRAM_NAME.fullmatch(value) or TELEGRAM_LINK.fullmatch(value)
    if match:
        return f"@{match[1]}"
    try:
        return clean_phone_number(value, international=True)
    except ValidationError:
        raise ValidationError(TELEGRAM_MESSAGE, code="telegram") from None


def _minutes(hours: str, minutes: str | None) -> int:
    return int(hours) * 60 + int(minutes or 0)


def clean_day_hours(value: str) -> str:
    """A day's opening hours as "09:00-17:00" or "09:00-12:00, 14:00-17:00", from what was typed ("9-17",
    "09.00 – 12.00; 14:00-17:00", Persian digits); "" for closed. ValidationError for anything else."""
    value = ascii_digits(value).strip()
    if not value:
        return ""
    parts = [part.strip() for part in re.split(r"[,;]", value)]
    if len(parts) > 2:
        raise ValidationError(HOURS_MESSAGE, code="hours")
    ranges = []
    for part in parts:
        match = TIME_RANGE.fullmatch(part)
        if not match:
            raise ValidationError(HOURS_MESSAGE, code="hours")
        start, end = _minutes(match[1], match[2]), _minutes(match[3], match[4])
        if int(match[2] or 0) > 59 or int(match[4] or 0) > 59 or start >= 24 * 60 or end > 24 * 60:
            raise ValidationError(HOURS_MESSAGE, code="hours")
        ranges.append((start, end))
    if any(start >= end for start, end in ranges) or (len(ranges) == 2 and ranges[1][0] <= ranges[0][1]):
        raise ValidationError(HOURS_ORDER_MESSAGE, code="hours_order")
    return ", ".join(f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}" for start, end in ranges)


def _day_field(label) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=50,
        validators=[refuse_control_characters],
        widget=forms.TextInput(attrs={"dir": "ltr", "aria-describedby": "weekday-help"}),
    )


class ServiceForm(MultilingualFormMixin, forms.ModelForm):
    """A service of an organization, edited by its editors (and coordinators); one language's texts at a time."""

    spoken_languages = forms.MultipleChoiceField(
        label=capfirst(Service._meta.get_field("languages").verbose_name),
        choices=SPOKEN_LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    served_populations = forms.MultipleChoiceField(
        label=capfirst(Service._meta.get_field("populations").verbose_name),
        choices=Population.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    monday, tuesday, wednesday, thursday, friday, saturday, sunday = (_day_field(name) for _day, name in WEEKDAYS)

    class Meta:
        model = Service
        fields = [
            "kind",
            "name",
            "phone",
            "toll_free",
            "sms",
            "whatsapp",
            "telegram",
            "signal",
            "email",
            "walk_in",
            "city",
            "address",
            "areas_served",
            "open_24_7",
            "hours",
            "members_only",
            "description",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            **{name: forms.TextInput(attrs={"type": "tel", "dir": "ltr"}) for name in NUMBER_FIELDS},
            "telegram": forms.TextInput(attrs={"dir": "ltr"}),
            "email": forms.EmailInput(attrs={"dir": "ltr"}),
        }
        help_texts = {
            "whatsapp": _("With + and the country code."),
            "telegram": _("A user name such as @helpline, or a number with + and the country code."),
            "signal": _("With + and the country code."),
            "open_24_7": _("Then leave the weekdays empty."),
            "description": _("Plain text, up to 1000 characters. Never describe individual victims."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        service = self.instance
        self.initial.setdefault("spoken_languages", service.spoken_languages)
        self.initial.setdefault("served_populations", service.served_populations)
        for day, name in enumerate(DAY_FIELDS):
            self.initial.setdefault(name, (service.opening_hours or {}).get(str(day), ""))

    def clean_phone(self):
        return clean_phone_number(self.cleaned_data["phone"])

    def clean_sms(self):
        return clean_phone_number(self.cleaned_data["sms"])

    def clean_whatsapp(self):
        return clean_phone_number(self.cleaned_data["whatsapp"], international=True)

    def clean_signal(self):
        return clean_phone_number(self.cleaned_data["signal"], international=True)

    def clean_telegram(self):
        return clean_telegram(self.cleaned_data["telegram"])

    def clean(self):
        cleaned = super().clean()
        for name in DAY_FIELDS:
            if cleaned.get(name):
                try:
                    cleaned[name] = clean_day_hours(cleaned[name])
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned

    def opening_hours(self) -> dict:
        """{"0": "09:00-17:00", …} of the days with hours (none when open round the clock)."""
        if self.cleaned_data.get("open_24_7"):
            return {}
        return {str(day): self.cleaned_data[name] for day, name in enumerate(DAY_FIELDS) if self.cleaned_data.get(name)}

    def save(self, commit=True):
        service = self.instance
        service.spoken_languages = self.cleaned_data["spoken_languages"]
        service.served_populations = self.cleaned_data["served_populations"]
        service.opening_hours = self.opening_hours()
        return super().save(commit)
