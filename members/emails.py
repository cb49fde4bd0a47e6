"""Transactional e-mails of the join flow (invitations, declined applications), each in its recipient's language,
and the portal's links in e-mails."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

logger = logging.getLogger(__name__)


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


def send_moderation_email(item, action: str):
    """Tell a post's author that it was hidden or kept for members ("hidden" / "declined"), and why."""
    author = item.author
    if author is None or not author.is_active or not author.email:
        return
    context = {"item": item, "action": action, "url": absolute_url(item.get_absolute_url())}
    with translation.override(author.language or settings.LANGUAGE_CODE):
        context["title"] = item.localized("title").marked()
        subject = render_to_string("members/emails/moderated_subject.txt", context).strip()
        body = render_to_string("members/emails/moderated.txt", context)
    send_mail(subject, body, None, [author.email])


def send_moderation_email_on_commit(item, action: str):
    """After the change is committed; a mail server that fails is logged, the change stays (the page shows it)."""

    def send():
        try:
            send_moderation_email(item, action)
        except Exception as error:  # the reason is on the post's page too
            logger.warning("Moderation e-mail about %s %s failed: %s", type(item).__name__, item.pk, error)

    transaction.on_commit(send)
