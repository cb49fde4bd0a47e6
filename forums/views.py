"""Public pages of the forum records: the list, a forum, the follow-up tracker, calendars and documents."""

from itertools import groupby

from django.db.models import F
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from members.filters import filtered_page
from members.permissions import visible_resources
from members.uploads import safe_download_name

from . import permissions
from .filters import ForumFilter, TrackerFilter
from .ics import build_calendar
from .models import ActionItem, Forum, ForumDocument, today

TRACKER_PAGE_SIZE = 50


def forum_list(request):
    """Upcoming forums first (soonest first), then past ones (latest first), filterable."""
    forum_filter = ForumFilter(request.GET, queryset=Forum.objects.for_list())
    forums = list(forum_filter.qs.order_by("start_date", "pk"))
    on = today()
    upcoming = [f for f in forums if f.end_date >= on]
    past = sorted((f for f in forums if f.end_date < on), key=lambda f: (f.start_date, f.pk), reverse=True)
    return render(
        request,
        "forums/list.html",
        {
            "filter": forum_filter,
            "upcoming": upcoming,
            "past": past,
            "is_filtered": any(request.GET.get(k) for k in ForumFilter.Meta.fields),
        },
    )


def _organizations_by_country(participants, user):
    """Participating organizations grouped by country, each once, linked; an applicant organization (not yet in
    the public directory) is named to coordinators only."""
    groups: dict = {}
    for participant in participants:
        org = participant.organization
        if org is not None and not permissions.can_see_organization_name(user, org):
            continue
        country = participant.country or (org.country if org else None)
        label = str(org) if org else participant.organization_name
        if not label:
            continue
        key = (country.order, str(country)) if country else (999, "")
        entries = groups.setdefault(key, {"country": country, "organizations": {}})["organizations"]
        entries.setdefault(label.casefold(), {"label": label, "organization": org})
    return [
        {
            "country": group["country"],
            "organizations": sorted(group["organizations"].values(), key=lambda e: e["label"].casefold()),
        }
        for _key, group in sorted(groups.items())
    ]


def forum_detail(request, slug):
    forum = permissions.get_visible_forum(request.user, slug)
    sessions = list(forum.sessions.all())
    participants = list(forum.participants.select_related("organization__country", "country", "person"))
    # Named only as far as the reader may see them (a "coordinators only" person, an applicant organization);
    # the counts still count everyone.
    named = permissions.visible_participants(request.user, participants)
    recommendations = list(forum.recommendations.select_related("target_country").prefetch_related("agreements"))
    action_items = list(forum.action_items.for_tracker(permissions.responsible_organizations(request.user)))
    return render(
        request,
        "forums/detail.html",
        {
            "forum": forum,
            "organizers": list(forum.organizers.all()),
            "funders": list(forum.funders.all()),
            "session_days": [(day, list(items)) for day, items in groupby(sessions, key=lambda s: s.date)],
            "organizations_by_country": _organizations_by_country(participants, request.user),
            "participants": named,
            "participant_count": len(participants),
            "attended_count": sum(1 for p in participants if p.attended),
            "clusters": [
                (code, list(items)) for code, items in groupby(recommendations, key=lambda r: r.cluster_code)
            ],
            "action_items": action_items,
            "documents": list(forum.documents.all()),
            # In the library: only the resources this reader may read.
            "resources": list(
                visible_resources(request.user)
                .filter(pk__in=forum.resources.values("pk"))
                .order_by(F("year").desc(nulls_last=True), "-created_at", "-pk")
            ),
        },
    )


def tracker(request):
    """Every action item of every forum, with responsibilities, due dates, status and update history."""
    organizations = permissions.responsible_organizations(request.user)
    tracker_filter = TrackerFilter(
        request.GET, queryset=ActionItem.objects.for_tracker(organizations), organizations=organizations
    )
    ordering = ("-forum__start_date", "forum__pk", "order", "pk")
    context = filtered_page(request, tracker_filter, ordering, TRACKER_PAGE_SIZE)
    return render(
        request,
        "forums/tracker.html",
        {**context, "items": context["page_obj"].object_list, "overdue_count": ActionItem.objects.overdue().count()},
    )


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def calendar(request):
    """Upcoming forums as an iCalendar feed that calendar programs can subscribe to."""
    forums = Forum.objects.upcoming().exclude(status=Forum.Status.CANCELLED).select_related("country")
    content = build_calendar(forums.order_by("start_date", "pk"), request, _("CTIP network forums"))
    return _calendar_response(content, "ctip-forums.ics")


def forum_calendar(request, slug):
    forum = permissions.get_visible_forum(request.user, slug)
    return _calendar_response(build_calendar([forum], request, forum.title), f"{forum.slug}.ics")


def document_download(request, slug, pk):
    document = get_object_or_404(ForumDocument.objects.select_related("forum"), forum__slug=slug, pk=pk)
    try:
        handle = document.file.open("rb")
    except (FileNotFoundError, ValueError) as exc:
        raise Http404(_("The file of this document is missing.")) from exc
    extension = "." + document.file.name.rsplit(".", 1)[-1] if "." in document.file.name else ""
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=safe_download_name(document.original_name or document.title, extension),
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
