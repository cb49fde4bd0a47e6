"""Staff management: an organization's editors (and coordinators) invite people, change roles, remove staff."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import emails, permissions, ratelimit
from ..forms.staff import InviteForm, RoleForm
from ..models import Invitation, Membership

logger = logging.getLogger(__name__)

INVITE_LIMIT = ratelimit.RateLimit("invite", limit=30, period=3600)  # invitations per user per hour


@login_required
def staff(request, slug):
    organization = permissions.get_staff_organization(request.user, slug)
    memberships = organization.memberships.select_related("user").order_by("-role", "user__email")
    return render(
        request,
        "members/staff.html",
        {
            "organization": organization,
            "memberships": memberships,
            "invitations": organization.invitations.pending().select_related("invited_by").order_by("email"),
            "roles": Membership.Role.choices,
        },
    )


@login_required
def invite(request, slug):
    organization = permissions.get_staff_organization(request.user, slug)
    form = InviteForm(request.POST or None, organization=organization)
    if request.method == "POST":
        if INVITE_LIMIT.limited(request.user.pk):
            return ratelimit.too_many_attempts(request)
        if form.is_valid():
            email = form.cleaned_data["email"]
            with transaction.atomic():
                # A new invitation replaces an earlier one to the same address.
                organization.invitations.pending().filter(email=email).update(revoked_at=timezone.now())
                invitation, token = Invitation.issue(
                    organization, email, form.cleaned_data["role"], invited_by=request.user,
                    language=form.cleaned_data["language"],
                )
            try:
                emails.send_invitation_email(invitation, token)
            except Exception:
                logger.exception("Invitation e-mail %s failed", invitation.pk)
                invitation.revoked_at = timezone.now()
                invitation.save(update_fields=["revoked_at"])
                messages.error(request, _("The invitation e-mail could not be sent. Please try again later."))
                return redirect("members:staff", slug=organization.slug)
            messages.success(request, _("An invitation was sent to %(email)s.") % {"email": email})
            return redirect("members:staff", slug=organization.slug)
    return render(
        request,
        "members/staff_invite.html",
        {"organization": organization, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def _membership(organization, pk):
    return get_object_or_404(Membership.objects.select_related("user"), pk=pk, organization=organization)


@login_required
@require_POST
def change_role(request, slug, pk):
    organization = permissions.get_staff_organization(request.user, slug)
    membership = _membership(organization, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a role."))
        return redirect("members:staff", slug=organization.slug)
    try:
        membership.change_role(form.cleaned_data["role"])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("%(user)s is now %(role)s.")
            % {"user": membership.user.email, "role": membership.get_role_display().lower()},
        )
    return redirect("members:staff", slug=organization.slug)


@login_required
@require_POST
def remove(request, slug, pk):
    organization = permissions.get_staff_organization(request.user, slug)
    membership = _membership(organization, pk)
    try:
        membership.remove()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("members:staff", slug=organization.slug)
    messages.success(
        request,
        _("%(user)s was removed from %(name)s.") % {"user": membership.user.email, "name": organization.name},
    )
    if membership.user_id == request.user.pk and not permissions.is_coordinator(request.user):
        return redirect(organization)  # they no longer see the staff page
    return redirect("members:staff", slug=organization.slug)


@login_required
@require_POST
def revoke_invitation(request, slug, pk):
    organization = permissions.get_staff_organization(request.user, slug)
    invitation = get_object_or_404(organization.invitations.pending(), pk=pk)
    invitation.revoked_at = timezone.now()
    invitation.save(update_fields=["revoked_at"])
    messages.success(request, _("The invitation to %(email)s was withdrawn.") % {"email": invitation.email})
    return redirect("members:staff", slug=organization.slug)
