"""Cross-border referral requests (/referrals/): the list, sending one, its page, and answering, closing and
withdrawing it.

Who sees and does what is members/permissions.py's (only staff of the two organizations and coordinators see a
request: 404 for everyone else); what a change logs and e-mails is members/referrals.py's.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import referrals
from ..forms.referrals import AnswerForm, ReferralForm
from ..models import Organization, ReferralRequest
from ..permissions import (
    can_answer_referral,
    can_close_referral,
    can_see_referrals,
    can_send_referrals,
    can_withdraw_referral,
    get_visible_referral,
    is_coordinator,
    permission_required,
    referral_organization_ids,
    referral_receivers,
    require,
    visible_referrals,
)

PAGE_SIZE = 25
BOXES = ("incoming", "outgoing", "all")


@permission_required(can_see_referrals)
def referral_list(request):
    """Requests to and from the user's organizations (coordinators: all of them), newest first."""
    user = request.user
    ids = referral_organization_ids(user)
    boxes = ["incoming", "outgoing"] if ids else []
    if is_coordinator(user):
        boxes.append("all")
    box = request.GET.get("box")
    if box not in boxes:
        box = boxes[0]
    visible = visible_referrals(user)
    incoming, outgoing = Q(to_organization__in=ids), Q(from_organization__in=ids)
    counts = visible.aggregate(
        incoming=Count("pk", filter=incoming),
        outgoing=Count("pk", filter=outgoing),
        all=Count("pk"),
        waiting=Count("pk", filter=incoming & Q(status=ReferralRequest.Status.SENT)),
    )
    queryset = {"incoming": visible.filter(incoming), "outgoing": visible.filter(outgoing), "all": visible}[box]
    queryset = queryset.select_related("from_organization__country", "to_organization__country")
    page = Paginator(queryset.order_by("-created_at", "-pk"), PAGE_SIZE).get_page(request.GET.get("page"))
    labels = {"incoming": _("Received requests"), "outgoing": _("Sent requests"), "all": _("All requests")}
    return render(
        request,
        "members/referrals/list.html",
        {
            "page_obj": page,
            "referrals": page.object_list,
            "box": box,
            "tabs": [(name, labels[name], counts[name]) for name in boxes],
            "waiting_count": counts["waiting"],
            "own_ids": ids,
            "can_send": can_send_referrals(user),
            "querystring": f"box={box}",
            "days": settings.REFERRAL_RETENTION_DAYS,
        },
    )


@permission_required(can_send_referrals)
def referral_create(request):
    """Staff of a member organization send a request to a member organization in another country."""
    user = request.user
    senders = Organization.objects.filter(pk__in=referral_organization_ids(user)).select_related("country")
    receivers = list(
        referral_receivers(user).select_related("country").order_by("country__order", "country__name", "name")
    )
    status = 200
    if request.method == "POST":
        form = ReferralForm(request.POST, senders=senders, receivers=receivers)
        if form.is_valid():
            with transaction.atomic():
                referral = form.save(commit=False)
                referral.created_by = user
                referral.save()
                referrals.sent(referral)
            messages.success(
                request,
                _("Your request was sent to %(organization)s. Its staff are told by e-mail.")
                % {"organization": referral.to_organization.name},
            )
            return redirect("members:referral", referral.pk)
        messages.error(request, _("Your request was not sent. Please correct the errors below."))
        status = 400
    else:
        chosen = next((org for org in receivers if org.slug == request.GET.get("to")), None)
        form = ReferralForm(
            initial={"to_organization": chosen.pk} if chosen else {}, senders=senders, receivers=receivers
        )
    return render(
        request, "members/referrals/form.html", {"form": form, "has_receivers": bool(receivers)}, status=status
    )


@login_required
def referral_detail(request, pk):
    referral = get_visible_referral(request.user, pk)
    return _render_detail(request, referral, AnswerForm())


def _render_detail(request, referral, answer_form, status=200):
    user = request.user
    ids = referral_organization_ids(user)
    return render(
        request,
        "members/referrals/detail.html",
        {
            "referral": referral,
            "answer_form": answer_form,
            "can_answer": can_answer_referral(user, referral),
            "can_close": can_close_referral(user, referral),
            "can_withdraw": can_withdraw_referral(user, referral),
            "is_sender": referral.from_organization_id in ids,
            "days": settings.REFERRAL_RETENTION_DAYS,
        },
        status=status,
    )


@login_required
@require_POST
def referral_accept(request, pk):
    return _answer(request, pk, decline=False)


@login_required
@require_POST
def referral_decline(request, pk):
    return _answer(request, pk, decline=True)


def _answer(request, pk, *, decline: bool):
    """The receiving organization's answer, with its note; the sender is told by e-mail."""
    user = request.user
    referral = get_visible_referral(user, pk)
    require(can_answer_referral(user, referral))
    form = AnswerForm(request.POST, decline=decline)
    if not form.is_valid():
        messages.error(request, _("Your answer was not sent. Please correct the errors below."))
        return _render_detail(request, referral, form, status=400)
    with transaction.atomic():
        referral = _locked(pk)
        if not can_answer_referral(user, referral):  # answered or withdrawn meanwhile
            messages.warning(request, _("This request was already answered or withdrawn."))
            return redirect("members:referral", pk)
        if decline:
            referral.decline(user, form.cleaned_data["note"])
        else:
            referral.accept(user, form.cleaned_data["note"])
        referral.save()
        referrals.answered(referral)
    if decline:
        messages.success(request, _("You declined the request. The sending organization is told by e-mail."))
    else:
        messages.success(request, _("You accepted the request. The sending organization is told by e-mail."))
    return redirect("members:referral", pk)


@login_required
@require_POST
def referral_close(request, pk):
    """Either organization (or a coordinator) closes an accepted request once the case is handed over."""
    return _finish(
        request, pk, can_close_referral, ReferralRequest.close,
        _("The request is closed. The other organization is told by e-mail."),
    )


@login_required
@require_POST
def referral_withdraw(request, pk):
    """The sender withdraws a request not answered yet."""
    return _finish(
        request, pk, can_withdraw_referral, ReferralRequest.withdraw,
        _("The request is withdrawn. The receiving organization is told by e-mail."),
    )


def _finish(request, pk, allowed, change, done: str):
    user = request.user
    require(allowed(user, get_visible_referral(user, pk)))
    with transaction.atomic():
        referral = _locked(pk)
        if not allowed(user, referral):  # its status changed meanwhile
            messages.warning(request, _("The status of this request has changed; please look at it again."))
            return redirect("members:referral", pk)
        change(referral)
        referral.save()
        ids = referral_organization_ids(user)
        by = next((org for org in (referral.from_organization_id, referral.to_organization_id) if org in ids), None)
        referrals.closed(referral, by)
    messages.success(request, done)
    return redirect("members:referral", pk)


def _locked(pk) -> ReferralRequest:
    """The request, locked until the change is saved: two people answering at once make one answer."""
    return (
        ReferralRequest.objects.select_related("from_organization", "to_organization")
        .select_for_update(of=("self",))
        .get(pk=pk)
    )
