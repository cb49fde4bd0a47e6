"""Joining the network: the public application form and the coordinators' review of applications."""

import logging

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import emails, permissions, ratelimit
from ..forms.joining import ApplicationForm, DeclineForm
from ..models import Application, Topic
from ..notifications import notify

logger = logging.getLogger(__name__)

# Accepted applications per IP address per hour (forms with errors do not count).
JOIN_LIMIT = ratelimit.RateLimit("join", limit=5, period=3600)


def join(request):
    """Public form; the answer is the same whatever the e-mail address, so it reveals no accounts."""
    status = 200
    if request.method == "POST":
        form = ApplicationForm(request.POST)
        if form.is_bot:
            return redirect("members:join-thanks")
        ip = ratelimit.client_ip(request)
        if not form.is_valid():
            messages.error(request, _("Your application was not sent. Please correct the errors below."))
            status = 400
        elif JOIN_LIMIT.exceeded(ip):
            # Keep what the applicant typed: they can send it again later or write to the secretariat.
            messages.error(
                request,
                _(
                    "Your application was not sent: several applications were already sent from your connection "
                    "in the last hour. Please send this form again in an hour, or write to the network "
                    "secretariat at %(email)s."
                )
                % {"email": ratelimit.secretariat_email()},
            )
            status = 429
        elif not form.claim_timestamp():
            messages.error(request, _("Your application was not sent. Please correct the errors below."))
            status = 400
        else:
            with transaction.atomic():
                application = form.save(commit=False)
                application.language = translation.get_language() or ""  # e-mails to the applicant use it
                application.save()
                form.save_m2m()
            JOIN_LIMIT.count(ip)
            return redirect("members:join-thanks")
    else:
        form = ApplicationForm()
    return render(request, "members/join.html", {"form": form}, status=status)


def join_thanks(request):
    return render(request, "members/join_thanks.html")


@permissions.permission_required(permissions.can_review_applications)
def application_list(request):
    base = Application.objects.select_related("country", "decided_by")
    return render(
        request,
        "members/applications.html",
        {
            "pending": base.pending().order_by("created_at", "pk"),
            "decided": base.exclude(status=Application.Status.PENDING).order_by("-decided_at", "-pk")[:20],
        },
    )


@permissions.permission_required(permissions.can_review_applications)
def application_detail(request, pk):
    application = get_object_or_404(
        Application.objects.select_related("country", "decided_by", "organization").prefetch_related("focus_areas"),
        pk=pk,
    )
    return render(
        request,
        "members/application_detail.html",
        {"application": application, "decline_form": DeclineForm()},
    )


@permissions.permission_required(permissions.can_review_applications)
@require_POST
def application_approve(request, pk):
    application = get_object_or_404(Application, pk=pk)
    try:
        with transaction.atomic():
            invitation, token = application.approve(by=request.user)
            organization = invitation.organization
            names = {"name": organization.name, "country": organization.country.name}
            notify(
                Topic.NEW_MEMBERS,
                message=lambda: (
                    _("New member of the network: %(name)s") % names,
                    _("%(name)s (%(country)s) has joined the regional CTIP network.") % names,
                ),
                url=organization.get_absolute_url(),
                country=organization.country,
                dedupe_key=f"new-member:{organization.pk}",
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("members:application", pk=pk)
    try:
        emails.send_invitation_email(invitation, token, welcome=True)
    except Exception:  # the organization exists; the coordinator can invite again from the staff page
        logger.exception("Invitation e-mail for application %s failed", application.pk)
        messages.warning(
            request,
            _("The invitation e-mail could not be sent. Invite the contact again from the staff page."),
        )
    messages.success(
        request,
        _("%(name)s is now a member. An invitation was sent to %(email)s.")
        % {"name": organization.name, "email": invitation.email},
    )
    return redirect(reverse("members:staff", args=[organization.slug]))


@permissions.permission_required(permissions.can_review_applications)
@require_POST
def application_decline(request, pk):
    application = get_object_or_404(Application.objects.select_related("country"), pk=pk)
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
        return render(
            request,
            "members/application_detail.html",
            {"application": application, "decline_form": form},
            status=400,
        )
    try:
        application.decline(by=request.user, reason=form.cleaned_data["reason"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("members:application", pk=pk)
    try:
        emails.send_decline_email(application)
    except Exception:
        logger.exception("Decline e-mail for application %s failed", application.pk)
        messages.warning(request, _("The e-mail to the applicant could not be sent."))
    messages.success(request, _("The application of %(name)s was declined.") % {"name": application.name})
    return redirect("members:applications")
