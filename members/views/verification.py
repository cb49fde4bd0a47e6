"""Verified entries: an editor's "Still correct", a coordinator's "Mark verified", and the coordinators' list of
entries that may be out of date."""

import django_filters
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .. import permissions, verification
from ..filters import country_choices, filtered_page
from ..models import Country, Organization

PAGE_SIZE = 30


@login_required
@require_POST
def confirm(request, slug):
    """Confirm the organization and all its services as correct now (a coordinator's: verified by the secretariat)."""
    organization = permissions.get_visible_organization(request.user, slug)
    permissions.require(permissions.can_confirm_entry(request.user, organization))
    if verification.confirm(organization, request.user):
        message = _("%(name)s and its services are marked verified by the secretariat today.")
    else:
        message = _("Thank you: %(name)s and its services are confirmed as correct today.")
    messages.success(request, message % {"name": organization.name})
    return redirect(organization)


class StaleFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=gettext_lazy("Country"), choices=country_choices, method="filter_country",
        empty_label=gettext_lazy("All countries"),
    )

    class Meta:
        model = Organization
        fields = ["country"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = Country.url_code(data["country"])  # ?country=TJ as ?country=tj
        super().__init__(data, *args, **kwargs)
        self.filters["country"].extra["choices"] = country_choices()  # one query, for validating and showing

    def filter_country(self, queryset, name, value):
        return queryset.filter(country_id=Country.normalize_code(value))


@permissions.permission_required(permissions.can_verify_entries)
def stale_entries(request):
    """Organizations whose entry or services were not confirmed for the verification period, the oldest first."""
    filterset = StaleFilter(request.GET, queryset=verification.stale_organizations())
    context = filtered_page(request, filterset, ("oldest", "name", "pk"), PAGE_SIZE)
    return render(
        request,
        "members/stale_entries.html",
        {**context, "organizations": context["page_obj"].object_list, "months": settings.VERIFICATION_MONTHS},
    )
