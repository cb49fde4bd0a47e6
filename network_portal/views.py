"""The home page and the health check."""

from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from members.models import Organization, SteeringCommitteeSeat, countries_with_member_counts

from .home import render_home_sections


def home(request):
    """The network at a glance."""
    countries = list(countries_with_member_counts())
    return render(
        request,
        "home.html",
        {
            "countries": countries,
            "member_total": sum(c.member_count for c in countries),
            "seat_count": SteeringCommitteeSeat.objects.current().count(),
            "recently_updated": Organization.objects.members()
            .select_related("country")
            .order_by("-updated_at")[:5],
            "sections": render_home_sections(request),
        },
    )


@never_cache
def healthz(request):
    """200 with a small JSON body when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
