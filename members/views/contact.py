"""Writing to the secretariat: the public contact form, and the coordinators' inbox where messages are answered."""

import logging
from email.utils import formataddr

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import BadRequest
from django.core.mail import EmailMessage
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .. import emails, permissions, ratelimit
from ..forms.contact import ContactForm, ReplyForm
from ..models import ContactMessage

logger = logging.getLogger(__name__)

# Messages sent per IP address per hour (forms with errors do not count).
CONTACT_LIMIT = ratelimit.RateLimit("contact", limit=5, period=3600)
PAGE_SIZE = 25


def secretariat_address() -> str:
    """Where messages are e-mailed (members/ratelimit.py decides, for the whole portal)."""
    return ratelimit.secretariat_email()


def contact(request):
    """Anyone writes to the secretariat. Scripts (the honeypot) are told it worked; nothing is stored."""
    status = 200
    if request.method == "POST":
        form = ContactForm(request.POST, user=request.user)
        if form.is_bot:
            return redirect("members:contact-thanks")
        ip = ratelimit.client_ip(request)
        if not form.is_valid():
            messages.error(request, _("Your message was not sent. Please correct the errors below."))
            status = 400
        elif CONTACT_LIMIT.exceeded(ip):
            # Keep what was typed: it can be sent again later.
            messages.error(
                request,
                _(
                    "Your message was not sent: several messages were already sent from your connection in the "
                    "last hour. Please send this form again in an hour; what you wrote is still below."
                ),
            )
            status = 429
        elif not form.claim_timestamp():
            messages.error(request, _("Your message was not sent. Please correct the errors below."))
            status = 400
        else:
            message = form.save(commit=False)
            message.language = translation.get_language() or ""  # the reply's wrapper text uses it
            message.save()
            CONTACT_LIMIT.count(ip)
            try:
                send_to_secretariat(message)
            except Exception:  # the message is stored and waits in the coordinators' inbox
                logger.exception("E-mail to the secretariat about contact message %s failed", message.pk)
            return redirect("members:contact-thanks")
    else:
        form = ContactForm(user=request.user)
    response = render(
        request,
        "members/contact/form.html",
        {"form": form, "days": settings.CONTACT_MESSAGE_DAYS},
        status=status,
    )
    if status == 429:
        response["Retry-After"] = str(CONTACT_LIMIT.period)
    return response


def contact_thanks(request):
    return render(request, "members/contact/thanks.html", {"days": settings.CONTACT_MESSAGE_DAYS})


def send_to_secretariat(message: ContactMessage):
    """Who wrote, about what, and the link to read and answer it. Not the text itself: it stays in the portal,
    where only coordinators read it and where it is deleted after CONTACT_MESSAGE_DAYS; mailboxes keep copies
    for ever. Reply-To is the sender."""
    context = {
        "message": message,
        "url": emails.absolute_url(message.get_absolute_url()),
        "days": settings.CONTACT_MESSAGE_DAYS,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = _one_line(render_to_string("members/emails/contact_message_subject.txt", context))
        body = render_to_string("members/emails/contact_message.txt", context)
    EmailMessage(
        subject, body, None, [secretariat_address()], reply_to=[formataddr((message.name, message.email))]
    ).send()


def send_reply(message: ContactMessage, reply: str):
    """The coordinator's answer, in the sender's language, in the secretariat's name (not the coordinator's)."""
    context = {
        "message": message,
        "reply": reply,
        "quoted": "\n".join("> " + line for line in message.message.splitlines()),
        "portal_url": settings.PORTAL_BASE_URL,
    }
    with translation.override(message.language or settings.LANGUAGE_CODE):
        subject = _one_line(render_to_string("members/emails/contact_reply_subject.txt", context))
        body = render_to_string("members/emails/contact_reply.txt", context)
    EmailMessage(subject, body, None, [message.email], reply_to=[secretariat_address()]).send()


def _one_line(text: str) -> str:
    return " ".join(text.split())


@permissions.permission_required(permissions.can_answer_contact_messages)
def message_list(request):
    """Newest first, filtered by status; three queries of its own (the counts, the page count, the page)."""
    status = request.GET.get("status", "")
    if status not in ContactMessage.Status.values:
        status = ""
    counts = ContactMessage.objects.aggregate(
        all=Count("pk"), **{value: Count("pk", filter=Q(status=value)) for value in ContactMessage.Status.values}
    )
    queryset = ContactMessage.objects.select_related("country", "answered_by")
    if status:
        queryset = queryset.filter(status=status)
    page = Paginator(queryset.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    tabs = [("", _("All"), counts["all"])] + [
        (value, label, counts[value]) for value, label in ContactMessage.Status.choices
    ]
    return render(
        request,
        "members/contact/messages.html",
        {
            "page_obj": page,
            "contact_messages": page.object_list,
            "status": status,
            "tabs": tabs,
            "new_count": counts[ContactMessage.Status.NEW],
            "querystring": f"status={status}" if status else "",
            "days": settings.CONTACT_MESSAGE_DAYS,
        },
    )


@permissions.permission_required(permissions.can_answer_contact_messages)
def message_detail(request, pk):
    """The message and the sender's details; POST action=reply (e-mails the answer) or action=close."""
    message = get_object_or_404(ContactMessage.objects.select_related("country", "answered_by"), pk=pk)
    form = ReplyForm()
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "close":
            _close(request, pk)
            return redirect(message)
        if action != "reply":
            raise BadRequest("Unknown action")
        form = ReplyForm(request.POST)
        if form.is_valid() and _answer(request, pk, form.cleaned_data["reply"]):
            return redirect(message)
        if form.errors:
            messages.error(request, _("Your answer was not sent. Please correct the errors below."))
        status = 400 if form.errors else 503
    return render(
        request,
        "members/contact/message.html",
        {"message": message, "form": form, "language_name": _language_name(message.language)},
        status=status,
    )


def _answer(request, pk, reply: str) -> bool:
    """E-mail the answer, then record it; False if the e-mail could not be sent (nothing recorded, form kept)."""
    with transaction.atomic():
        # Locked while the mail server answers: two coordinators answering at once send one answer.
        message = get_object_or_404(ContactMessage.objects.select_for_update(), pk=pk)
        if message.status == ContactMessage.Status.ANSWERED:
            messages.warning(request, _("This message was already answered; your answer was not sent."))
            return True
        try:
            send_reply(message, reply)
        except Exception:
            logger.exception("Reply to contact message %s failed", pk)
            messages.error(
                request,
                _("The e-mail could not be sent, so your answer was not recorded. Please try again later."),
            )
            return False
        message.status = ContactMessage.Status.ANSWERED
        message.reply = reply
        message.answered_by = request.user
        message.answered_at = timezone.now()
        message.save(update_fields=["status", "reply", "answered_by", "answered_at"])
    messages.success(request, _("Your answer was sent to %(email)s.") % {"email": message.email})
    return True


def _close(request, pk):
    with transaction.atomic():
        message = get_object_or_404(ContactMessage.objects.select_for_update(), pk=pk)
        if message.status != ContactMessage.Status.NEW:
            messages.warning(request, _("This message was already answered or closed."))
            return
        message.status = ContactMessage.Status.CLOSED
        message.answered_by = request.user
        message.answered_at = timezone.now()
        message.save(update_fields=["status", "answered_by", "answered_at"])
    messages.success(request, _("The message was closed without an answer."))


def _language_name(code: str) -> str:
    try:
        return translation.get_language_info(code)["name_translated"]
    except KeyError:
        return code
