"""Find help (/help/): hotlines and services across borders, for someone who needs help or refers a case; and a
printable referral card per country (/help/<cc>/card/)."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from .. import permissions
from ..forms.help import HelpSearchForm, submitted
from ..models import Country, Service, get_country_or_404
from ..models.directory import SPOKEN_LANGUAGE_NAMES

HOTLINE = Service.Kind.HOTLINE
# What a referral card lists besides hotlines: what a person in need asks for first. As many as fit one A4 page.
CARD_KINDS = (
    Service.Kind.SHELTER,
    Service.Kind.LEGAL_AID,
    Service.Kind.PSYCHOSOCIAL,
    Service.Kind.MEDICAL,
    Service.Kind.REPATRIATION,
)
CARD_HOTLINES = 6
CARD_SERVICES = 8
CARD_SERVICES_PER_KIND = 2


@dataclass
class Group:
    """Services of one country shown together: its hotlines, or its other services."""

    country: Country
    hotlines: bool
    services: list = field(default_factory=list)


def _in_order(services, language: str = "") -> list:
    """Those speaking `language` first (marked `speaks_language`), then by organization and name."""
    for service in services:
        service.speaks_language = bool(language) and language in service.spoken_languages
    return sorted(
        services,
        key=lambda s: (not s.speaks_language, s.organization.name.casefold(), s.localized("name").text.casefold(), s.pk),
    )


def _services(user, countries):
    queryset = Service.objects.filter(organization__country__in=countries).select_related("organization")
    return permissions.visible_services(user, queryset)


def find_help(request):
    """The finder: a country's (and the home country's) hotlines first, then their other services."""
    form = HelpSearchForm(request.GET if submitted(request.GET) else None)
    context = {"form": form}
    if form.is_valid():
        choice = form.cleaned_data
        countries = [country for country in (choice["country"], choice["origin"]) if country]
        services = _services(request.user, countries)
        if choice["kind"]:
            services = services.filter(kind__in={HOTLINE, choice["kind"]})
        by_country = {(country.pk, hotlines): Group(country, hotlines) for hotlines in (True, False) for country in countries}
        for service in _in_order(list(services), choice["language"]):
            by_country[(service.organization.country_id, service.kind == HOTLINE)].services.append(service)
        groups = [group for group in by_country.values() if group.hotlines or choice["kind"] != HOTLINE]
        context.update(
            groups=groups,
            chosen=countries,
            kind_name=Service.Kind(choice["kind"]).label if choice["kind"] else "",
            language_name=SPOKEN_LANGUAGE_NAMES.get(choice["language"], ""),
        )
    else:
        # Nothing chosen yet (or a choice to correct): the hotlines of the whole region, as emergency numbers.
        hotlines = _services(request.user, form.countries.values()).filter(kind=HOTLINE)
        by_country = {country.pk: Group(country, True) for country in form.countries.values()}
        for service in _in_order(list(hotlines)):
            by_country[service.organization.country_id].services.append(service)
        context["region_hotlines"] = [group for group in by_country.values() if group.services]
    return render(request, "members/help/find.html", context, status=400 if form.is_bound and form.errors else 200)


def _card_services(in_order: list) -> list:
    """The first of each kind of CARD_KINDS, then the second of each, up to CARD_SERVICES; in CARD_KINDS order."""
    by_kind = {kind: [service for service in in_order if service.kind == kind] for kind in CARD_KINDS}
    chosen = [of_kind[rank] for rank in range(CARD_SERVICES_PER_KIND) for of_kind in by_kind.values() if rank < len(of_kind)]
    return sorted(chosen[:CARD_SERVICES], key=lambda service: CARD_KINDS.index(service.kind))


def referral_card(request, code):
    """One printable page of a country's hotlines and key services, to hand out. Only what the public may see:
    the card leaves the network's hands."""
    country = get_country_or_404(code)
    services = _in_order(list(_services(AnonymousUser(), [country]).filter(kind__in=(HOTLINE, *CARD_KINDS))))
    hotlines = [service for service in services if service.kind == HOTLINE]
    return render(
        request,
        "members/help/card.html",
        {
            "country": country,
            "hotlines": hotlines[:CARD_HOTLINES],
            "services": _card_services(services),
            "today": timezone.localdate(),
            "help_url": request.build_absolute_uri(reverse("members:help")),
        },
    )
