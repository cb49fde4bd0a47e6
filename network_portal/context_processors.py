"""Template context every page needs: the viewer's roles, for the navigation."""

from members import permissions


def portal(request):
    user = request.user
    return {
        "viewer_is_coordinator": permissions.is_coordinator(user),
        "viewer_is_member": permissions.is_network_member(user),
    }
