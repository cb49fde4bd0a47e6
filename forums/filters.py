"""Filters of the forum list (/forums/?kind=&year=&country=) and the tracker (/forums/follow-up/)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.filters import country_choices
from members.models import Country, Organization

from .models import ActionItem, Forum, today


def year_choices():
    years = Forum.objects.dates("start_date", "year", order="DESC")
    return [(str(d.year), str(d.year)) for d in years]


def forum_choices():
    return [(f.slug, f"{f.title} ({f.start_date.year})") for f in Forum.objects.order_by("-start_date", "title")]


class ForumFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=Forum.Kind.choices, empty_label=_("All kinds"))
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=year_choices, method="filter_year", empty_label=_("All years")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, method="filter_country", empty_label=_("All countries"),
        # The explanation is a line under the whole row (list.html), so the three labels stay aligned.
        widget=forms.Select(attrs={"aria-describedby": "forum-filter-help"}),
    )

    class Meta:
        model = Forum
        fields = ["kind", "year", "country"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(start_date__year=int(value))

    def filter_country(self, queryset, name, value):
        code = Country.normalize_code(value)
        return queryset.filter(Q(country_id=code) | Q(participants__country_id=code)).distinct()


class TrackerFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ActionItem.Status.choices, empty_label=_("Any status")
    )
    forum = django_filters.ChoiceFilter(
        label=_("Forum"), choices=forum_choices, field_name="forum__slug", empty_label=_("All forums")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=country_choices, method="filter_country", empty_label=_("All countries")
    )
    organization = django_filters.ModelChoiceFilter(
        label=_("Responsible organization"),
        queryset=Organization.objects.filter(action_items__isnull=False).distinct().order_by("name"),
        to_field_name="slug",
        field_name="responsible_organizations",
        empty_label=_("All organizations"),
    )
    overdue = django_filters.BooleanFilter(
        label=_("Overdue only"), method="filter_overdue",
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    class Meta:
        model = ActionItem
        fields = ["status", "forum", "country", "organization", "overdue"]

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is not None:
            # Only organizations the reader may see named (no applicants but for coordinators).
            field = self.filters["organization"]
            field.queryset = organizations.filter(action_items__isnull=False).distinct().order_by("name")

    def filter_country(self, queryset, name, value):
        code = Country.normalize_code(value)
        return queryset.filter(
            Q(responsible_countries=code) | Q(responsible_organizations__country_id=code)
        ).distinct()

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue(today()) if value else queryset
