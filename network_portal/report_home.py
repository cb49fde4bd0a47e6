"""The annual report's home page section: the latest published report (none until one is published)."""

from .models import AnnualReport


def home_section(request):
    report = AnnualReport.objects.published().order_by("-year").first()
    if report is None:
        return None
    return {"template": "reports/_home_section.html", "report": report}
