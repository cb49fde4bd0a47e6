"""Navigation context: how many membership applications wait, and which pages belong to the directory tab."""

from . import permissions
from .models import Application

# URL names under /members/ that highlight the "Directory" tab (not the account, staff or join pages).
DIRECTORY_PAGES = ("directory", "country", "organization", "organization-edit", "organization-history", "staff",
                   "staff-invite")


def applications(request):
    context = {"directory_pages": DIRECTORY_PAGES}
    if permissions.can_review_applications(request.user):
        context["pending_applications_count"] = Application.objects.pending().count()
    return context
