"""What the country reviews add to other apps' pages: the country page panel (registered in apps.py)."""

from .models import ReviewRevision


def latest_published_revision(country):
    """The newest published revision of the country's newest published review (one query)."""
    return (
        ReviewRevision.objects.published()
        .filter(review__country=country)
        .select_related("review", "published_by")
        .order_by("-review__year", "-number")
        .first()
    )


def country_panel(request, country):
    return {"template": "countryreviews/_country_panel.html", "revision": latest_published_revision(country), "country": country}
