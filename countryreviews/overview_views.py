"""Pages of the regional overview: the published editions, their CSV, assembling and publishing an edition, and
redacting a withdrawn review's text from it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import overview as overview_data
from . import permissions, workflow
from .forms import OverviewForm, RedactionForm
from .models import RegionalOverview


def _render_overview(request, overview):
    columns = overview_data.load_columns(overview)
    return render(
        request,
        "countryreviews/overview.html",
        {
            "overview": overview,
            "columns": columns,
            "reported": [c for c in columns if c.revision or c.withdrawn_at],
            "comparison": overview_data.comparison(overview, columns),
            "charts": overview_data.charts(overview, columns),
            "editions": permissions.visible_overviews(request.user).order_by("-year").values_list("year", "status"),
        },
    )


def overview_latest(request):
    """The latest published edition of the regional overview."""
    overview = RegionalOverview.objects.published().select_related("published_by").order_by("-year").first()
    if overview is None:
        return render(
            request,
            "countryreviews/overview_empty.html",
            {"drafts": permissions.visible_overviews(request.user).order_by("-year")},
        )
    return _render_overview(request, overview)


def overview_year(request, year):
    overview = permissions.get_overview(request.user, year)
    return _render_overview(request, overview)


def overview_csv(request, year):
    """The comparison table as a CSV file (UTF-8 with a byte order mark, so Excel reads the letters right)."""
    overview = permissions.get_overview(request.user, year)
    columns = overview_data.load_columns(overview)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="regional-overview-{overview.year}.csv"'
    response.write("\ufeff")
    overview_data.write_csv(overview, columns, response, base_url=request.build_absolute_uri("/").rstrip("/"))
    return response


def _render_form(request, form, overview):
    status = 400 if request.method == "POST" else 200
    return render(request, "countryreviews/overview_form.html", {"form": form, "overview": overview}, status=status)


@permissions.permission_required(permissions.can_manage_overview)
def overview_create(request):
    """Start an edition for a year: the latest published review of each country is pinned at once."""
    form = OverviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            overview = form.save(commit=False)
            overview.created_by = request.user
            overview.save()
            count = workflow.assemble_overview(overview)
        messages.success(
            request,
            ngettext(
                "The %(year)s edition was started with the published review of %(count)s country.",
                "The %(year)s edition was started with the published reviews of %(count)s countries.",
                count,
            )
            % {"year": overview.year, "count": count},
        )
        return redirect(overview)
    return _render_form(request, form, None)


@login_required
def overview_edit(request, year):
    overview = permissions.get_manageable_overview(request.user, year)
    if overview.is_published:
        messages.error(request, _("A published edition is frozen and cannot be edited."))
        return redirect(overview)
    form = OverviewForm(request.POST or None, instance=overview)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            overview = form.save(commit=False)
            overview.updated_at = timezone.now()
            overview.save()
        messages.success(request, _("The introduction was saved."))
        return redirect(overview)
    return _render_form(request, form, overview)


@login_required
@require_POST
def overview_refresh(request, year):
    overview = permissions.get_manageable_overview(request.user, year)
    try:
        count = workflow.assemble_overview(overview)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            ngettext(
                "The edition now pins the latest published review of %(count)s country.",
                "The edition now pins the latest published reviews of %(count)s countries.",
                count,
            )
            % {"count": count},
        )
    return redirect(overview)


@login_required
@require_POST
def overview_publish(request, year):
    overview = permissions.get_manageable_overview(request.user, year)
    try:
        workflow.publish_overview(overview, request.user)
    except workflow.WorkflowError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("The %(year)s regional overview is published.") % {"year": year})
    return redirect(overview)


@login_required
def overview_redact(request, year, cc):
    """A coordinator removes a withdrawn review's text from a published edition, giving a reason (the security log).

    The page confirms what goes; it never shows the text itself.
    """
    entry = permissions.get_redactable_entry(request.user, year, cc)
    if entry.redacted_at:
        messages.info(request, _("This text was already removed from the edition."))
        return redirect(entry.overview)
    form = RedactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workflow.redact_withdrawn_text(entry, request.user, form.cleaned_data["reason"])
        except workflow.WorkflowError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(
                request,
                _("The text of %(country)s was removed from the %(year)s edition.")
                % {"country": entry.revision.review.country, "year": year},
            )
        return redirect(entry.overview)
    return render(
        request,
        "countryreviews/overview_redact.html",
        {
            "form": form,
            "entry": entry,
            "overview": entry.overview,
            "withdrawn_at": entry.revision.withdrawn_at or timezone.now(),  # as the note will say
        },
        status=400 if request.method == "POST" else 200,
    )
