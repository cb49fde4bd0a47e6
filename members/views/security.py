"""The security log page: coordinators read who logged in, failed to, or changed passwords, roles and seats."""

from django.shortcuts import render

from .. import permissions
from ..filters import SecurityLogFilter, filtered_page
from ..models import SecurityEvent

PAGE_SIZE = 50


@permissions.permission_required(permissions.can_read_security_log)
def security_log(request):
    """Newest first, filtered by event and e-mail address; two queries for the page whatever the log's size."""
    filterset = SecurityLogFilter(request.GET, queryset=SecurityEvent.objects.all())
    context = filtered_page(request, filterset, ("-at", "-pk"), PAGE_SIZE)
    return render(request, "members/security_log.html", {**context, "events": context["page_obj"].object_list})
