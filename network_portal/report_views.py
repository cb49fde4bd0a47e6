"""Pages of the network's annual report: the list, a report, starting, editing and publishing one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from members.forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar

from . import permissions
from .annual_report import ReportError, content_of, publish_report
from .report_forms import ReportCreateForm, ReportTextForm


def report_list(request):
    """Published reports; drafts too, and the form to start one, for those who manage them."""
    may_manage = permissions.can_manage_annual_reports(request.user)
    return render(
        request,
        "reports/list.html",
        {
            "reports": list(permissions.visible_reports(request.user).order_by("-year")),
            "form": ReportCreateForm(initial={"year": timezone.localdate().year}) if may_manage else None,
        },
    )


def report_detail(request, year):
    report = permissions.get_visible_report(request.user, year)
    return render(
        request,
        "reports/detail.html",
        {"report": report, "content": content_of(report), "print_view": request.GET.get("print") == "1"},
    )


@permissions.permission_required(permissions.can_manage_annual_reports)
def report_create(request):
    """Start the draft report of a year; it is assembled from the records each time it is shown."""
    form = ReportCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report = form.save(commit=False)
        report.created_by = request.user
        report.save()
        messages.success(request, _("The draft report for %(year)s was started.") % {"year": report.year})
        return redirect(report)
    return render(request, "reports/create.html", {"form": form}, status=400 if request.method == "POST" else 200)


@login_required
def report_edit(request, year):
    """The title and introduction, one language at a time; a published report is frozen."""
    report = permissions.get_manageable_report(request.user, year)
    if report.is_published:
        messages.error(request, _("A published report is frozen and cannot be edited."))
        return redirect(report)
    language = edit_language(request)
    form = for_language(ReportTextForm, language)(request.POST or None, instance=report)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            report = form.save(commit=False)
            report.updated_at = timezone.now()
            report.save()
        messages.success(request, _("The report was saved."))
        return redirect(report)
    return render(
        request,
        "reports/edit.html",
        {
            "form": form,
            "report": report,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(report, language),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def report_publish(request, year):
    """GET: what will be frozen, and which sections are empty; POST: publish."""
    report = permissions.get_manageable_report(request.user, year)
    if report.is_published:
        messages.error(request, _("This report is already published."))
        return redirect(report)
    if request.method == "POST":
        try:
            publish_report(report, request.user)
        except ReportError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The %(year)s annual report is published.") % {"year": year})
        return redirect(report)
    return render(request, "reports/publish.html", {"report": report, "content": content_of(report)})
