"""Fixtures and helpers of the members tests: directory, profiles, joining, accounts, staff, notifications."""

import io
import time

import pytest
from django.core.cache import cache
from django.urls import reverse
from PIL import Image

from members.models import Country, FocusArea, Organization, Service
from members.search import search_key, search_text
from members.tokens import make_form_timestamp

from ..factories import make_person, make_service, make_user


def png_bytes(size=(40, 40), color=(200, 30, 30)) -> bytes:
    """A small valid PNG made in memory."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def form_data(response) -> dict:
    """The POST data the rendered edit form would send unchanged: the profile form and the people formset
    (services have their own pages: tests/members/test_services*.py)."""
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
    for key in ("people",):
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


def service_form_data(response) -> dict:
    """The POST data a rendered service form (members/views/services.py) would send unchanged."""
    form = response.context["form"]
    return {name: value for name in form.fields if (value := form[name].value()) not in (None, False)}


def bulk_organizations(count, country="TJ", prefix="Bulk", with_services=True, **extra):
    """Many organizations at once, each with two focus areas and (optionally) a hotline and a shelter."""
    country = Country.objects.get(code=country)
    orgs = []
    kinds = (Service.Kind.HOTLINE, Service.Kind.SHELTER)
    for i in range(count):
        name = f"{prefix} Organization {i:03d}"
        acronym = f"{prefix[:3].upper()}{i:03d}"
        # bulk_create skips save(): the search texts save() would build (names, then the services' names).
        services = [f"{acronym} {kind}" for kind in kinds] if with_services else []
        orgs.append(
            Organization(
                name=name,
                acronym=acronym,
                slug=f"{prefix.lower()}-{country.code.lower()}-{i:03d}",
                country=country,
                search_names=search_text(name, acronym),
                search_names_latin=search_key(name, acronym),
                search_text=search_text(name, acronym, *services),
                search_text_latin=search_key(name, acronym, *services),
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
                for kind in kinds
            ]
        )
    return orgs


@pytest.fixture
def png():
    return png_bytes


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    """Rate limits (login, joining, invitations) live in the cache: a cache of this process, none used up."""
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "members-tests"}}
    cache.clear()
    yield
    cache.clear()


def started(seconds_ago=10):
    """A join-form time stamp as if the form had been rendered `seconds_ago` (a new one each call: single use)."""
    return make_form_timestamp(time.time() - seconds_ago)


@pytest.fixture
def join_data(db):
    return {
        "name": "Hayot Women's Centre",
        "acronym": "HWC",
        "country": "TJ",
        "kind": "ngo",
        "city": "Khujand",
        "website": "https://hayot.example.org",
        "description": "Shelter and legal aid for women returning from labour migration.",
        "focus_areas": [FocusArea.objects.order_by("order").first().pk],
        "contact_name": "Dilnoza Karimova",
        "contact_position": "Director",
        "contact_email": "Dilnoza@Example.org",
        "contact_phone": "+992 92 000 0000",
        "consent": "on",
        "started": started(),
        "homepage": "",
    }


def edit_url(org):
    return reverse("members:organization-edit", args=[org.slug])


@pytest.fixture
def editor_client(client_as):
    return client_as("editor")


@pytest.fixture
def rendered(editor_client, organization):
    """The edit page as the editor of `organization` first sees it."""
    make_service(organization, Service.Kind.HOTLINE, name="Existing Hotline", phone="1190")
    make_person(organization, name="Existing Person", contact_visibility="members")
    organization.description = "Original description."
    organization.save()
    response = editor_client.get(edit_url(organization))
    assert response.status_code == 200
    return response


@pytest.fixture
def immediate_users(db, prefer):
    users = [make_user(f"reader{n}@example.org", is_coordinator=True) for n in range(3)]
    for user in users:
        prefer(user, frequency="immediate")
    return users
