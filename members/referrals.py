"""Cross-border referral requests beyond the model: refusing text that identifies the person, the e-mails to the
two organizations, and the security log's entries (who did what to which request, never its content).

`refuse_personal_identifiers()` is a validator for every text field of a request and of an answer. It looks for
what identifies a person (a phone number, a date, a document number, an e-mail or web address, a name given with
a label) in Latin, Cyrillic and Arabic script, after turning Persian and Arabic-Indic digits into 0-9. It errs
on the side of refusing: a sender can always write "in May" instead of a date.
"""

import logging
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .emails import absolute_url
from .models import ReferralRequest, SecurityEvent, User
from .security import log_event

logger = logging.getLogger(__name__)

# Persian (U+06F0…) and Arabic-Indic (U+0660…) digits; NFKC turns full-width ones into 0-9.
DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
# Letters of the scripts the region writes in (Latin, Cyrillic, Arabic).
LETTER = r"A-Za-z\u0400-\u04FF\u0600-\u06FF"
MONTHS = (
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр"
)

PATTERNS = [
    # (code, pattern): the first that matches names the reason. Documents before phones: a CNIC is digit groups.
    ("email", r"[^\s@]+@[^\s@]+\.[^\s@]+"),
    ("link", r"\b(?:https?://|www\.)|\b[\w-]+\.(?:com|org|net|info|ru|tj|af|pk|uz|tm|kz|kg|ir|me|io|ly)(?![\w-])|"
             r"(?<![\w@])@[A-Za-z0-9_]{4,}"),
    ("name", r"(?:\b(?:sur)?name|\bимя|\bфамилия|\bфио|\bотчество|\bном|\bism(?:i)?|\bady|نام|نوم)\s*[:=]"),
    ("date", r"\bborn\b|\bd\.?o\.?b\b|\bbirth|\bродил[аи]?с|\bрожд|\bг\.\s?р\.|\bтаваллуд|\btug.?ilgan|\bdoglan|"
             r"تولد|پیدائش|زیږ|زېږ|"
             r"(?<![\d)][\s./-])(?:\b\d{1,2}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{2,4}\b|\b\d{4}\s*[./-]\s*\d{1,2}\s*[./-]\s*"
             r"\d{1,2}\b)(?![\s./-]\d)|"
             rf"\b\d{{1,2}}\s+(?:{MONTHS})[{LETTER}.]*,?\s+\d{{2,4}}\b|\b(?:{MONTHS})[{LETTER}.]*\s+\d{{1,2}},?\s+\d{{4}}\b"),
    ("document", r"\bpass?ports?\b|\bpasport|\bпаспорт|پاسپورت|پاسپورٹ|پاسپورټ|\btazk[ie]ra|\btaskira|تذکره|تذکرہ|"
                 r"\bcnic\b|\bnic\b|شناختی|شناسنامه|کارت ملی|\bid\s*(?:card|no\b|number|#|:)|\bудостоверени|\bшиносном|"
                 r"\d{5}\s*-\s*\d{7}\s*-\s*\d\b|"
                 rf"(?<![{LETTER}\d])[{LETTER}]{{1,3}}\s?\d{{6,9}}(?!\d)|\d{{9,}}"),
    # Seven or more digits with separators, unless they follow a code's capital letter and a dash ("DSH-2026-014").
    ("phone", r"(?<!(?-i:[A-Z])[-/])(?<![\w+])\+?\(?\d(?:[\s\-./()]{0,2}\d){6,}"),
]
COMPILED = [(code, re.compile(pattern, re.IGNORECASE)) for code, pattern in PATTERNS]

MESSAGES = {
    "email": _("This looks like an e-mail address. Never write anyone's e-mail address here."),
    "link": _(
        "This looks like a web address or an account name. Never write links or accounts here: they can lead to "
        "the person's photos or profiles."
    ),
    "name": _("This looks like a person's name. Never write the name of the person."),
    "date": _(
        "This looks like a date or a date of birth. Never write the person's date of birth; write an age, or "
        "\"in May\" instead of a date."
    ),
    "document": _(
        "This looks like a passport or identity document number. Never write the person's document numbers."
    ),
    "phone": _(
        "This looks like a phone number. Never write the person's phone number: the other organization contacts "
        "you, not the person."
    ),
}


def normalize(text: str) -> str:
    """The text with compatibility forms folded (NFKC) and Persian and Arabic-Indic digits as 0-9."""
    return unicodedata.normalize("NFKC", text).translate(DIGITS)


def find_personal_identifiers(text: str) -> list[str]:
    """The kinds of identifier the text seems to hold (keys of MESSAGES), in the order of PATTERNS."""
    text = normalize(text or "")
    return [code for code, pattern in COMPILED if pattern.search(text)]


def refuse_personal_identifiers(value) -> None:
    """Validator: refuse text that looks like it identifies a person; the messages say what, never repeat it."""
    codes = find_personal_identifiers(value if isinstance(value, str) else "")
    if codes:
        raise ValidationError([ValidationError(MESSAGES[code], code=f"personal_{code}") for code in codes])


# What happens to a request: saved by the view, logged and announced here.


def referral_url(referral: ReferralRequest) -> str:
    return reverse("members:referral", args=[referral.pk])


def staff_of(organization) -> list[User]:
    """Who hears about a request for or from the organization: its staff with an active account and an address."""
    return list(User.objects.filter(memberships__organization=organization, is_active=True).exclude(email="").distinct())


def notify(referral: ReferralRequest, event: str, organization, other) -> None:
    """After the commit, tell `organization`'s staff that `other` sent, answered, closed or withdrew `referral`.

    Only that it happened and the link: the help needed, city, reference, details and note stay in the portal
    (mailboxes keep copies for ever and are read on shared phones).
    """
    referral_pk = referral.pk

    def send():
        try:
            current = ReferralRequest.objects.select_related("from_organization", "to_organization").get(pk=referral_pk)
            context = {
                "referral": current,
                "organization": organization,
                "other": other,
                "url": absolute_url(referral_url(current)),
                "days": settings.REFERRAL_RETENTION_DAYS,
            }
            for user in staff_of(organization):
                with translation.override(user.language or settings.LANGUAGE_CODE):
                    subject = " ".join(render_to_string(f"members/emails/referral_{event}_subject.txt", context).split())
                    body = render_to_string(f"members/emails/referral_{event}.txt", context)
                send_mail(subject, body, None, [user.email])
        except Exception as error:  # the request is saved; its page shows the status
            logger.warning("E-mail about referral request %s (%s) failed: %s", referral_pk, event, error)

    transaction.on_commit(send)


def sent(referral: ReferralRequest) -> None:
    log_event(SecurityEvent.Kind.REFERRAL_SENT, target=str(referral))
    notify(referral, "sent", referral.to_organization, referral.from_organization)


def answered(referral: ReferralRequest) -> None:
    log_event(SecurityEvent.Kind.REFERRAL_ANSWERED, target=str(referral), detail=referral.status)
    notify(referral, "answered", referral.from_organization, referral.to_organization)


def closed(referral: ReferralRequest, by_organization_id: int | None) -> None:
    """Closed or withdrawn: the other side hears of it (both sides, when a coordinator closed it)."""
    log_event(SecurityEvent.Kind.REFERRAL_CLOSED, target=str(referral), detail=referral.status)
    sides = (referral.from_organization, referral.to_organization)
    for organization, other in (sides, sides[::-1]):
        if organization.pk != by_organization_id:
            notify(referral, "closed", organization, other)
