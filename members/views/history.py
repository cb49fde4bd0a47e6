"""History pages: an organization's change history and the coordinators' "recent changes" page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from .. import history, permissions
from ..forms.recent_changes import RecentChangesFilterForm


@login_required
def organization_history(request, slug):
    organization = permissions.get_history_organization(request.user, slug)
    entries = history.organization_entries(organization)
    return render(request, "members/history.html", {"organization": organization, "entries": entries})


@permissions.permission_required(permissions.can_see_recent_changes)
def recent_changes(request):
    """The newest RECENT_LIMIT changes and events, filtered by kind, country and days; no list while the
    filter is wrong (e.g. "to" before "from"), only its message."""
    form = RecentChangesFilterForm(request.GET)
    valid = form.is_valid()
    entries = history.recent_entries(history.RECENT_LIMIT, **form.filters()) if valid else []
    context = {
        "form": form,
        "valid": valid,
        "entries": entries,
        "limit": history.RECENT_LIMIT,
        "is_filtered": any(request.GET.get(name) for name in form.fields),
    }
    return render(request, "members/recent_changes.html", context)
