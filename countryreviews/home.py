"""The home page section of the country reviews: the latest published regional overview."""

from .models import RegionalOverview


def home_section(request):
    overview = RegionalOverview.objects.published().order_by("-year").first()
    return {"template": "countryreviews/_home_section.html", "overview": overview}
