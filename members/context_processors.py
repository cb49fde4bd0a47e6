"""Navigation context: how many membership applications wait for a coordinator."""

from . import permissions
from .models import Application


def applications(request):
    if not permissions.can_review_applications(request.user):
        return {}
    return {"pending_applications_count": Application.objects.pending().count()}
