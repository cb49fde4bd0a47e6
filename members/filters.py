"""Filters of the regional directory (/members/?q=&country=&focus=&service=&kind=) and of the security log."""

import django_filters
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import permissions
from .models import Country, FocusArea, Organization, SecurityEvent, Service


def country_choices():
    return [(c.slug, str(c)) for c in Country.objects.all()]  # the name in the reader's language


class DirectoryFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        widget=forms.TextInput(attrs={"placeholder": _("Name, acronym or a word, in any script"), "type": "search"}),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, method="filter_country", empty_label=_("All countries")
    )
    focus = django_filters.ModelChoiceFilter(
        label=_("Focus area"),
        queryset=FocusArea.objects.all(),
        to_field_name="slug",
        field_name="focus_areas",
        empty_label=_("All focus areas"),
    )
    service = django_filters.ChoiceFilter(
        label=_("Service"), choices=Service.Kind.choices, method="filter_service", empty_label=_("All services")
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Organization.Kind.choices, empty_label=_("All kinds")
    )

    class Meta:
        model = Organization
        fields = ["q", "country", "focus", "service", "kind"]

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("country"):
            data = data.copy()
            data["country"] = Country.url_code(data["country"])  # ?country=TJ works like /members/TJ/
        super().__init__(data, *args, **kwargs)

    def search(self, queryset, name, value):
        return queryset.search(value)

    def filter_country(self, queryset, name, value):
        return queryset.filter(country_id=Country.normalize_code(value))

    def filter_service(self, queryset, name, value):
        """Organizations with a service of this kind that the reader may see (a members-only one counts for members)."""
        user = getattr(self.request, "user", None) or AnonymousUser()
        services = permissions.visible_services(user, Service.objects.filter(kind=value))
        return queryset.filter(pk__in=services.values("organization_id"))


class SecurityLogFilter(django_filters.FilterSet):
    """Filters of the security log (/members/security-log/?kind=&email=)."""

    kind = django_filters.ChoiceFilter(label=_("Event"), choices=SecurityEvent.Kind.choices, empty_label=_("All events"))
    email = django_filters.CharFilter(
        label=_("E-mail address"),
        method="filter_email",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Part of an address")}),
    )

    class Meta:
        model = SecurityEvent
        fields = ["kind", "email"]

    def filter_email(self, queryset, name, value):
        """Who acted, whose account it was (also a failed login's typed address), or an address added or removed."""
        return queryset.filter(Q(actor_email__icontains=value) | Q(target__icontains=value) | Q(detail__icontains=value))


def filtered_page(request, filterset, ordering: tuple, per_page: int) -> dict:
    """Template context for a filtered, paginated list: the filter, the page, and the query string to keep."""
    page = Paginator(filterset.qs.order_by(*ordering), per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return {
        "filter": filterset,
        "page_obj": page,
        "querystring": query.urlencode(),
        "is_filtered": any(request.GET.get(name) for name in filterset.Meta.fields),
    }
