"""Pages of the member directory: the regional directory, country pages, profiles, the steering committee."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import permissions, verification
from ..extensions import render_country_panels
from ..filters import DirectoryFilter, filtered_page
from ..forms.directory import PersonFormSet, organization_form
from ..forms.multilingual import CONTENT_PARAMETER, edit_language, language_bar
from ..models import Organization, Service, SteeringCommitteeSeat, get_country_or_404
from .agreements import country_agreements

PAGE_SIZE = 20


def directory(request):
    """The regional directory with search, filters and pagination."""
    queryset = permissions.visible_organizations(request.user).for_directory(permissions.visible_services(request.user))
    filterset = DirectoryFilter(request.GET, queryset=queryset, request=request)
    # A search ranks organizations found by name before those found by their descriptions or services.
    ranked = "search_rank" in filterset.qs.query.annotations
    context = filtered_page(request, filterset, ("search_rank", "name", "pk") if ranked else ("name", "pk"), PAGE_SIZE)
    return render(
        request,
        "members/directory.html",
        {
            **context,
            "organizations": context["page_obj"].object_list,
            "query": filterset.form.cleaned_data.get("q", ""),
            "other_filters": any(request.GET.get(name) for name in ("country", "focus", "service", "kind")),
        },
    )


# The country page shows the first of each list; the directory, filtered by country, has them all.
COUNTRY_PAGE_CARDS = 24
COUNTRY_PAGE_SERVICES = 20


def country_detail(request, code):
    country = get_country_or_404(code)
    organizations = permissions.visible_organizations(request.user).filter(country=country)
    is_member = Q(membership_status=Organization.MembershipStatus.MEMBER)
    services = permissions.visible_services(request.user, Service.objects.filter(organization__in=organizations))
    services = services.select_related("organization").order_by("name")
    counts = {
        **organizations.aggregate(members=Count("pk", filter=is_member), stakeholders=Count("pk", filter=~is_member)),
        **services.aggregate(
            hotlines=Count("pk", filter=Q(kind=Service.Kind.HOTLINE)),
            shelters=Count("pk", filter=Q(kind=Service.Kind.SHELTER)),
        ),
    }
    counts["listed"] = counts["members"] + counts["stakeholders"]
    seat = (
        SteeringCommitteeSeat.objects.current()
        .filter(country=country)
        .select_related("organization", "representative__organization")
        .first()
    )
    return render(
        request,
        "members/country.html",
        {
            "country": country,
            "networks": country.networks.all(),
            "seat": seat,
            "counts": counts,
            "members": organizations.filter(is_member)
            .for_directory(permissions.visible_services(request.user))
            .order_by("name", "pk")[:COUNTRY_PAGE_CARDS],
            "stakeholders": organizations.exclude(is_member).order_by("name", "pk")[:COUNTRY_PAGE_CARDS],
            "hotlines": services.filter(kind=Service.Kind.HOTLINE)[:COUNTRY_PAGE_SERVICES],
            "shelters": services.filter(kind=Service.Kind.SHELTER)[:COUNTRY_PAGE_SERVICES],
            "panels": render_country_panels(request, country),
            "agreements": country_agreements(country),
            "laws": country.legal_instruments.order_by("year_adopted", "pk"),
        },
    )


def organization_detail(request, slug):
    organization = permissions.get_visible_organization(request.user, slug)
    people = permissions.visible_people(request.user, organization.people.all())
    services = list(permissions.visible_services(request.user, organization.services.all()))
    return render(
        request,
        "members/organization.html",
        {
            "organization": organization,
            "focus_areas": organization.focus_areas.all(),
            "services": services,
            # The numbers to call come first on a phone, with the organization's public contacts.
            "hotlines": [service for service in services if service.kind == Service.Kind.HOTLINE and service.phone],
            "people": people,
            "seats": organization.seats.current().select_related("country", "representative__organization"),
        },
    )


@login_required
def organization_edit(request, slug):
    organization = permissions.get_editable_organization(request.user, slug)
    data = request.POST if request.method == "POST" else None
    files = request.FILES if request.method == "POST" else None
    language = edit_language(request)
    form = organization_form(language)(data, files, instance=organization)
    people = PersonFormSet(data, instance=organization, prefix="people", form_kwargs={"user": request.user})
    if request.method == "POST" and form.is_valid() and people.is_valid():
        with transaction.atomic():
            form.save()
            for person in people.save(commit=False):
                person.country = organization.country
                person.save()
            for person in people.deleted_objects:
                person.delete()
            verification.record_edit(organization, request.user)
        messages.success(request, _("The profile of %(name)s was saved.") % {"name": organization.name})
        return redirect(organization)
    if request.method == "POST":
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "members/organization_edit.html",
        {
            "organization": organization,
            "form": form,
            "services": organization.services.all(),
            "people": people,
            "language_bar": language_bar(organization, language),
            "content_parameter": CONTENT_PARAMETER,
            "editing_language": language,
        },
        status=400 if request.method == "POST" else 200,
    )


def steering_committee(request):
    seats = SteeringCommitteeSeat.objects.select_related("country", "organization", "representative__organization")
    seats = list(seats.order_by("country__order", "-term_start"))
    return render(
        request,
        "members/steering_committee.html",
        {
            "current_seats": [s for s in seats if s.is_current],
            "past_seats": [s for s in seats if not s.is_current],
        },
    )
