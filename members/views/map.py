"""The map of members (/members/map/): member organizations and services by city, drawn on the server as SVG."""

from django import forms
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from .. import geo, permissions
from ..models import Country, Organization, Service


class MapFilterForm(forms.Form):
    service = forms.ChoiceField(
        label=_("Service"), required=False, choices=[("", _("All services")), *Service.Kind.choices]
    )


def region_map(request):
    """Member organizations (by their city) and the services the reader may see (by theirs), in three queries.

    Only the network's members are placed, not stakeholders, applicants or former members; services are those of
    member organizations that `visible_services` lets the reader see, so members-only ones count for members only.
    With ?service=<kind>, the services of that kind and the organizations offering one.
    """
    form = MapFilterForm(request.GET)
    kind = form.cleaned_data["service"] if form.is_valid() else ""
    organizations = (
        permissions.visible_organizations(request.user)
        .members()
        .only("name", "acronym", "slug", "city", "country_id")
        .order_by("name", "pk")
    )
    services = permissions.visible_services(
        request.user, Service.objects.filter(organization__membership_status=Organization.MembershipStatus.MEMBER)
    )
    if kind:
        services = services.filter(kind=kind)
    rows = list(services.values_list("organization_id", "organization__country_id", "city", "organization__city"))
    if kind:
        offering = {organization_id for organization_id, *_rest in rows}
        organizations = [organization for organization in organizations if organization.pk in offering]
    region = geo.region_map(
        Country.objects.all(), organizations, [(country, city, org_city) for _id, country, city, org_city in rows]
    )
    return render(request, "members/map.html", {"form": form, "kind": kind, "region": region})
