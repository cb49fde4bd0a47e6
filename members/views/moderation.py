"""Approving a post for everyone, keeping it for members, hiding it and showing it again.

The same four actions for announcements (/news/<slug>/…) and library resources (/library/<slug>/…): the URL
names the kind. Who may do which is members/permissions.py's: approving and keeping for members belong to
coordinators and the steering committee representative of the poster's country; hiding to coordinators.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import emails
from ..forms.moderation import ReasonForm
from ..models import Announcement, PublicStatus, Resource
from ..permissions import can_approve_for_public, can_hide_post, require, visible_posts

MODELS = {"announcement": Announcement, "resource": Resource}


def _item(request, kind: str, slug: str):
    """The post, if the user may read it (404 otherwise), locked for the change in the caller's transaction."""
    queryset = visible_posts(request.user, MODELS[kind].objects.select_related("organization", "author"))
    if request.method == "POST":
        queryset = queryset.select_for_update(of=("self",))
    return get_object_or_404(queryset, slug=slug)


def _back(item):
    return redirect(item.get_absolute_url())


@login_required
@require_POST
def approve(request, slug, kind):
    with transaction.atomic():
        item = _item(request, kind, slug)
        require(can_approve_for_public(request.user, item))
        if item.is_hidden or item.public_status not in (PublicStatus.PENDING, PublicStatus.DECLINED):
            messages.info(request, _("There is nothing to approve: it is hidden, meant for members only, or already public."))
            return _back(item)
        item.approve(by=request.user)
        item.save(update_fields=["public_status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
        if kind == "announcement":
            from ..announcements import announce

            announce(item)  # subscribers who are not network members get it now; members had it already
    messages.success(request, _("Approved: everyone can read it now."))
    return _back(item)


def _reason_page(request, item, *, title: str, intro: str, button: str, apply):
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        apply(form.cleaned_data["reason"])
        return None
    return render(
        request,
        "members/moderation/reason.html",
        {"item": item, "form": form, "title": title, "intro": intro, "button": button},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def decline(request, slug, kind):
    """Keep a post meant for everyone for network members (before or after it was approved), with a reason."""
    with transaction.atomic():
        item = _item(request, kind, slug)
        require(can_approve_for_public(request.user, item))
        if item.is_hidden or item.public_status not in (PublicStatus.PENDING, PublicStatus.APPROVED):
            messages.info(request, _("It is not waiting for approval or public, so there is nothing to keep for members."))
            return _back(item)

        def apply(reason):
            item.decline(by=request.user, reason=reason)
            item.save(update_fields=["public_status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
            emails.send_moderation_email_on_commit(item, "declined")

        page = _reason_page(
            request,
            item,
            title=_("Keep for network members"),
            intro=_(
                "The public will not see it; network members still do. Its author reads your reason, and can change "
                "the post and ask again."
            ),
            button=_("Keep for members"),
            apply=apply,
        )
    if page is not None:
        return page
    messages.success(request, _("Kept for network members. Its author was told why."))
    return _back(item)


@login_required
def hide(request, slug, kind):
    """Hide a post from everyone but its author and the coordinators, with a reason shown to the author."""
    with transaction.atomic():
        item = _item(request, kind, slug)
        require(can_hide_post(request.user, item))
        if item.is_hidden:
            messages.info(request, _("It is already hidden."))
            return _back(item)

        def apply(reason):
            item.hide(by=request.user, reason=reason)
            item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
            emails.send_moderation_email_on_commit(item, "hidden")

        page = _reason_page(
            request,
            item,
            title=_("Hide"),
            intro=_(
                "Only its author and the coordinators will see it, with your reason; e-mails about it that have not "
                "gone out yet are not sent."
            ),
            button=_("Hide"),
            apply=apply,
        )
    if page is not None:
        return page
    messages.success(request, _("Hidden. Its author was told why."))
    return _back(item)


@login_required
@require_POST
def unhide(request, slug, kind):
    with transaction.atomic():
        item = _item(request, kind, slug)
        require(can_hide_post(request.user, item))
        if item.is_hidden:
            item.unhide()
            item.save(update_fields=["hidden_at", "hidden_by", "hidden_reason", "updated_at"])
            messages.success(request, _("Shown again."))
    return _back(item)
