"""Pages of the agreements register (issue 17): MOUs and agreements, their parties and the history of their status.

Everyone reads the register; who adds and keeps an agreement is members/permissions.py's. The forum
recommendations that call for an agreement and the action items about it come from the forums app, through
`agreement_panels` (members/extensions.py).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Exists, Max, OuterRef, Prefetch, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..content import localized_name
from ..extensions import render_agreement_panels
from ..filters import filtered_page
from ..forms.agreements import AgreementFilter, AgreementForm, StatusChangeForm
from ..forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from ..models import Agreement, Country, NationalNetwork, unique_slug
from ..permissions import (
    can_add_agreements,
    can_keep_agreement,
    can_read_post,
    can_see_user_name,
    get_editable_agreement,
    get_visible_agreement,
    permission_required,
    visible_organizations,
)

PAGE_SIZE = 50


def with_parties(queryset, user):
    """Agreements with their parties in a fixed number of queries; organizations only those the user may see named."""
    return queryset.prefetch_related(
        "countries",
        Prefetch("networks", queryset=NationalNetwork.objects.select_related("country")),
        Prefetch("organizations", queryset=visible_organizations(user).order_by("name")),
    )


def agreement_list(request):
    queryset = with_parties(Agreement.objects.annotate(last_change=Max("status_changes__date")), request.user)
    filterset = AgreementFilter(request.GET, queryset=queryset)
    context = filtered_page(request, filterset, ("title", "pk"), PAGE_SIZE)
    return render(
        request,
        "members/agreements/list.html",
        {**context, "agreements": context["page_obj"].object_list, "can_add": can_add_agreements(request.user)},
    )


def agreement_detail(request, slug):
    return _detail(request, get_visible_agreement(request.user, slug), StatusChangeForm())


def _detail(request, agreement, status_form, status=200):
    user = request.user
    history = list(agreement.status_changes.select_related("recorded_by"))
    for change in history:
        # Who recorded it (their name, never their e-mail), unless their country hides names from this reader.
        shown = change.recorded_by is not None and can_see_user_name(user, change.recorded_by)
        change.recorder_name = (change.recorded_by.get_full_name() or _("Network member")) if shown else ""
    return render(
        request,
        "members/agreements/detail.html",
        {
            "agreement": agreement,
            "countries": list(agreement.countries.all()),
            "networks": list(agreement.networks.select_related("country")),
            "organizations": list(visible_organizations(user).filter(agreements=agreement).order_by("name")),
            "resource": agreement.resource if agreement.resource and can_read_post(user, agreement.resource) else None,
            "history": history,
            "can_keep": can_keep_agreement(user, agreement),
            "status_form": status_form,
            "panels": render_agreement_panels(request, agreement),
        },
        status=status,
    )


@permission_required(can_add_agreements)
def agreement_create(request):
    return _agreement_form(request, Agreement())


@login_required
def agreement_edit(request, slug):
    return _agreement_form(request, get_editable_agreement(request.user, slug))


def _agreement_form(request, agreement):
    creating = agreement.pk is None
    language = edit_language(request)
    form = for_language(AgreementForm, language)(request.POST or None, instance=agreement, user=request.user)
    if request.method == "POST":
        if form.is_valid():
            with transaction.atomic():
                agreement = form.save(commit=False)
                if creating:
                    title = form.cleaned_data[localized_name("title", language)]
                    agreement.slug = unique_slug(Agreement, title, fallback="agreement", reserved={"new"})
                    agreement.status = form.cleaned_data["status"]
                agreement.save()
                form.save_m2m()
                if creating:
                    data = form.cleaned_data
                    agreement.record_status(data["status"], data["date"], data["note"], request.user)
            messages.success(request, _("The agreement “%(title)s” was saved.") % {"title": agreement})
            return redirect(agreement)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "members/agreements/form.html",
        {
            "form": form,
            "agreement": None if creating else agreement,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(None if creating else agreement, language),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def agreement_status(request, slug):
    """Record a dated change of status; the page shows the form again with its errors."""
    user = request.user
    agreement = get_editable_agreement(user, slug)
    form = StatusChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The status change was not recorded. Please correct the errors below."))
        return _detail(request, agreement, form, status=400)
    data = form.cleaned_data
    agreement.record_status(data["status"], data["date"], data["note"], user)
    messages.success(request, _("The status change was recorded."))
    return redirect(agreement.get_absolute_url() + "#history")


def country_agreements(country: Country) -> list:
    """The agreements the country or its national network is party to, for its page (one query); `by_network`:
    its national network is a party."""
    by_network = NationalNetwork.agreements.through.objects.filter(
        agreement=OuterRef("pk"), nationalnetwork__country=country
    )
    return list(
        Agreement.objects.filter(Q(countries=country) | Q(networks__country=country))
        .annotate(by_network=Exists(by_network))
        .distinct()
        .order_by("title", "pk")
    )
