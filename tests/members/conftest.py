"""Fixtures and helpers of the member directory tests."""

import io

import pytest
from PIL import Image

from members.models import Country, FocusArea, Organization, Service, fold_for_search


def png_bytes(size=(40, 40), color=(200, 30, 30)) -> bytes:
    """A small valid PNG made in memory."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def form_data(response) -> dict:
    """The POST data the rendered edit form would send unchanged: main form and both formsets."""
    data = {}
    form = response.context["form"]
    for name in form.fields:
        if name == "logo":
            continue
        value = form[name].value()
        if name == "focus_areas":
            data[name] = [str(v.pk if hasattr(v, "pk") else v) for v in (value or [])]
        elif value is not None:
            data[name] = value
    for key in ("services", "people"):
        formset = response.context[key]
        for field_name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{field_name}"] = value
        for subform in formset.forms:
            for name in subform.fields:
                value = subform[name].value()
                if name == "DELETE" or value in (None, False):
                    continue
                data[subform.add_prefix(name)] = value
    return data


def bulk_organizations(count, country="TJ", prefix="Bulk", with_services=True, **extra):
    """Many organizations at once, each with two focus areas and (optionally) a hotline and a shelter."""
    country = Country.objects.get(code=country)
    orgs = []
    for i in range(count):
        name = f"{prefix} Organization {i:03d}"
        orgs.append(
            Organization(
                name=name,
                acronym=f"{prefix[:3].upper()}{i:03d}",
                slug=f"{prefix.lower()}-{country.code.lower()}-{i:03d}",
                country=country,
                search_text=fold_for_search(f"{name} {prefix[:3]}{i:03d}"),
                **extra,
            )
        )
    orgs = Organization.objects.bulk_create(orgs)
    orgs = list(Organization.objects.filter(slug__startswith=f"{prefix.lower()}-{country.code.lower()}-").order_by("pk"))
    areas = list(FocusArea.objects.order_by("pk")[:2])
    through = Organization.focus_areas.through
    through.objects.bulk_create(
        [through(organization=org, focusarea=area) for org in orgs for area in areas]
    )
    if with_services:
        Service.objects.bulk_create(
            [
                Service(organization=org, kind=kind, name=f"{org.acronym} {kind}", phone="+992 00 000 0000")
                for org in orgs
                for kind in (Service.Kind.HOTLINE, Service.Kind.SHELTER)
            ]
        )
    return orgs


@pytest.fixture
def png():
    return png_bytes


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Login rate limits live in the cache; start every test with none used up."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
