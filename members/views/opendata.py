"""Open data: the public directory as Open Referral HSDS 3.0, a read-only JSON API and a CSV data package.

What anyone may read, so the same for everyone: a member's request gets the public data too (no session or user
is looked at). The answers may be kept by browsers and shared caches for a few minutes, and read from other sites.
"""

import math

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from ..hsds import ATTRIBUTION, HSDS_VERSION, LICENCE_NAME, LICENCE_URL, SPEC_OPENAPI_URL, uid
from ..hsds import export as hsds
from ..hsds.package import data_package

CACHE_SECONDS = 300
PER_PAGE = 50
MAX_PER_PAGE = 100


@require_safe
def open_data(request):
    """The page that says what is published, where, under which licence, and what is not."""
    example_organization = hsds.public_organizations(with_services=False).values_list("pk", flat=True).first()
    example_service = hsds.public_services().order_by("pk").values_list("pk", flat=True).first()
    return render(
        request,
        "members/opendata.html",
        {
            "example_organization_id": example_organization and uid("organization", example_organization),
            "example_service_id": example_service and uid("service", example_service),
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "attribution": ATTRIBUTION,
            "hsds_version": HSDS_VERSION,
            "max_per_page": MAX_PER_PAGE,
            "cache_minutes": CACHE_SECONDS // 60,
        },
    )


def published(response):
    """Public, read-only data: any site may read it, any cache may keep it for a few minutes."""
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    return response


def answer(data, status=200):
    return published(JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False}))


def not_found():
    return answer({"detail": "Not found."}, status=404)


def base_url(request) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def flag(request, name: str) -> bool:
    return request.GET.get(name, "").lower() in ("1", "true", "yes")


def page(request, queryset, item):
    """The HSDS Page of `queryset` that `?page=` (from 1) and `?per_page=` (at most MAX_PER_PAGE) ask for; a 400
    for a page or size that is not a positive whole number. Two queries: the count and the page."""
    try:
        number = int(request.GET.get("page") or 1)
        size = min(int(request.GET.get("per_page") or PER_PAGE), MAX_PER_PAGE)
    except ValueError:
        number = size = 0
    if number < 1 or size < 1:
        return answer({"detail": "page and per_page must be positive whole numbers."}, status=400)
    total = queryset.count()
    contents = [item(record) for record in queryset[(number - 1) * size : number * size]] if total else []
    total_pages = math.ceil(total / size)
    return answer(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": number,
            "size": len(contents),
            "first_page": number == 1,
            "last_page": number >= total_pages,
            "empty": not contents,
            "contents": contents,
        }
    )


@require_safe
def api_root(request):
    """The API's relation to HSDS (the specification's `/` endpoint)."""
    return answer(
        {
            "version": HSDS_VERSION,
            "profile": request.build_absolute_uri(reverse("members:open-data")),
            "openapi_url": SPEC_OPENAPI_URL,
        }
    )


@require_safe
def organizations(request):
    """Organizations of the public directory; `?full=true` nests their locations and services."""
    full, full_service = flag(request, "full"), flag(request, "full_service")
    queryset = hsds.public_organizations(with_services=full or full_service)
    if query := request.GET.get("search", "").strip():
        queryset = queryset.search(query).order_by("search_rank", "name", "pk")
    root = base_url(request)
    return page(request, queryset, lambda o: hsds.organization_list_item(o, root, full=full, full_service=full_service))


@require_safe
def organization(request, id):
    found = hsds.find(hsds.public_organizations(), "organization", id)
    if found is None:
        return not_found()
    return answer(hsds.organization_detail(found, base_url(request), full_service=flag(request, "full_service")))


@require_safe
def services(request):
    """Services open to the public; `?full=true` nests how to reach them, hours, languages and places."""
    queryset = hsds.public_services().select_related("organization__country")
    if organization_id := request.GET.get("organization_id", "").strip():
        owner = hsds.find(hsds.public_organizations(with_services=False), "organization", organization_id)
        queryset = queryset.filter(organization=owner) if owner else queryset.none()
    if query := request.GET.get("search", "").strip():
        queryset = hsds.search_services(queryset, query)
    queryset = queryset.order_by("organization__name", "organization_id", "kind", "name", "pk")
    full, root = flag(request, "full"), base_url(request)
    return page(request, queryset, lambda s: hsds.service_list_item(s, root, full=full))


@require_safe
def service(request, id):
    found = hsds.find(hsds.public_services().select_related("organization__country"), "service", id)
    if found is None:
        return not_found()
    return answer(hsds.service_detail(found, found.organization, base_url(request)))


@require_safe
def package(request):
    """Everything published, as a zip of CSV files with their datapackage.json."""
    response = HttpResponse(data_package(base_url(request)), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="ctip-network-hsds.zip"'
    return published(response)

