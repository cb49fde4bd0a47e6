"""History pages: an organization's change history and the coordinators' "recent changes" page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import history, permissions


@login_required
def organization_history(request, slug):
    organization = permissions.get_history_organization(request.user, slug)
    entries = history.organization_entries(organization)
    return render(request, "members/history.html", {"organization": organization, "entries": entries})


@permissions.permission_required(permissions.can_see_recent_changes)
def recent_changes(request):
    return render(request, "members/recent_changes.html", {"entries": history.recent_entries()})
