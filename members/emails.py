"""Transactional e-mails of the join flow (invitations, declined applications), each in its recipient's language,
and the portal's links in e-mails."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(path: str) -> str:
    """A link for an e-mail: the portal's address (PORTAL_BASE_URL) before a path; full URLs and "" as they are."""
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.PORTAL_BASE_URL + path


def send_invitation_email(invitation, token: str, *, welcome: bool = False):
    """The only place the raw token appears: the link in this e-mail."""
    context = {
        "invitation": invitation,
        "organization": invitation.organization,
        "inviter": invitation.invited_by,
        "url": absolute_url(reverse("members:invitation", args=[token])),
        "welcome": welcome,
    }
    with translation.override(invitation.email_language):
        subject = render_to_string("members/emails/invitation_subject.txt", context).strip()
        body = render_to_string("members/emails/invitation.txt", context)
    send_mail(subject, body, None, [invitation.email])


def send_decline_email(application):
    context = {"application": application}
    with translation.override(application.language or settings.LANGUAGE_CODE):
        subject = render_to_string("members/emails/declined_subject.txt", context).strip()
        body = render_to_string("members/emails/declined.txt", context)
    send_mail(subject, body, None, [application.contact_email])
