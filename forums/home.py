"""The forums' section on the home page: the next upcoming forum, or else the latest one held."""

from .models import Forum


def home_section(request):
    upcoming = (
        Forum.objects.upcoming().exclude(status=Forum.Status.CANCELLED).select_related("country")
        .order_by("start_date", "pk").first()
    )
    forum = upcoming or (
        Forum.objects.past().filter(status=Forum.Status.HELD).select_related("country").order_by("-start_date", "-pk").first()
    )
    if forum is None:
        return None
    return {
        "template": "forums/_home_section.html",
        "forum": forum,
        "upcoming": upcoming is not None,
        "open_actions": forum.action_items.open().count(),
    }
