"""Accepting an invitation: set a name and password (or just accept when logged in), land in the organization."""

from django.contrib import messages
from django.contrib.auth import login
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import ratelimit
from ..forms.joining import AcceptInvitationForm
from ..models import Application, Invitation, InvitationUnusable, Person, User, hash_token

# Attempts per IP address per hour (password form, token guessing).
ACCEPT_LIMIT = ratelimit.RateLimit("invitation", limit=20, period=3600)


def _problem(request, kind, invitation=None, status=410):
    return render(request, "members/invitation_problem.html", {"kind": kind, "invitation": invitation}, status=status)


def invitation(request, token):
    if request.method == "POST" and ACCEPT_LIMIT.limited(ratelimit.client_ip(request)):
        return ratelimit.too_many_attempts(request)
    invitation = (
        Invitation.objects.select_related("organization", "invited_by").filter(token_hash=hash_token(token)).first()
    )
    if invitation is None:
        return _problem(request, "unknown", status=404)
    if invitation.state != "pending":
        return _problem(request, invitation.state, invitation)

    user = request.user
    if user.is_authenticated:
        if user.email.lower() != invitation.email.lower():
            return _problem(request, "other_account", invitation, status=403)
        if request.method == "POST":
            return _accept(request, invitation, user)
        return render(request, "members/invitation_accept.html", {"invitation": invitation})

    if User.objects.filter(email__iexact=invitation.email).exists():
        # The invitee already has an account: log in first, then come back to this link.
        return render(request, "members/invitation_login.html", {"invitation": invitation})

    form = AcceptInvitationForm(request.POST or None, email=invitation.email, initial=_known_name(invitation))
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            user = User.objects.create_user(
                email=invitation.email,
                password=form.cleaned_data["password1"],
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
            )
            _mark_email_verified(user)
            try:
                invitation.accept(user)
            except InvitationUnusable:
                transaction.set_rollback(True)
                return _problem(request, "used", invitation)
        login(request, user, backend="members.backends.PortalBackend")
        return _welcome(request, invitation)
    return render(
        request,
        "members/invitation_signup.html",
        {"invitation": invitation, "form": form},
        status=400 if request.method == "POST" else 200,
    )


def known_name(invitation: Invitation) -> str:
    """The invitee's name as the network already knows it: their person entry, else their application."""
    person = (
        Person.objects.filter(organization=invitation.organization, email__iexact=invitation.email, user__isnull=True)
        .exclude(name="")
        .order_by("pk")
        .first()
    )
    if person is not None:
        return person.name
    application = (
        Application.objects.filter(organization=invitation.organization, contact_email__iexact=invitation.email)
        .exclude(contact_name="")
        .order_by("-pk")
        .first()
    )
    return application.contact_name if application is not None else ""


def _known_name(invitation: Invitation) -> dict:
    """Initial first and last name: the first word, and the rest (the invitee can correct both)."""
    parts = known_name(invitation).split(maxsplit=1)
    return {"first_name": parts[0], "last_name": parts[1] if len(parts) > 1 else ""} if parts else {}


def _mark_email_verified(user):
    """Opening the e-mailed link proves the address, so allauth need not verify it again."""
    from allauth.account.models import EmailAddress

    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


def _accept(request, invitation, user):
    try:
        invitation.accept(user)
    except InvitationUnusable:
        return _problem(request, "used", invitation)
    _mark_email_verified(user)
    return _welcome(request, invitation)


def _welcome(request, invitation):
    messages.success(
        request,
        _("Welcome! You are now %(role)s of %(name)s.")
        % {"role": invitation.get_role_display().lower(), "name": invitation.organization.name},
    )
    return redirect(invitation.organization)
