"""The budget: its page and totals, budget lines, which activities' budgets are public, CSV exports of the plan
and the budget."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import exports
from ..budget import strategy_budget
from ..forms.budget import BudgetLineForm
from ..models import BudgetLine
from ..permissions import get_activity, get_plan_strategy, get_visible_strategy


def budget(request, pk):
    strategy = get_visible_strategy(request.user, pk)
    context = {"strategy": strategy, "tab": "budget", **strategy_budget(request.user, strategy)}
    return render(request, "strategy/budget.html", context)


def _csv_response(request, strategy, name: str, header, rows) -> HttpResponse:
    """A CSV file (UTF-8 with a byte order mark, so that Excel reads the letters right)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"strategy-{strategy.start_year}-{strategy.end_year}-v{strategy.version}-{name}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    if request.user.is_authenticated:
        response["Cache-Control"] = "private, no-store"
    response.write("\ufeff")
    exports.write_rows(response, header, rows)
    return response


def budget_csv(request, pk):
    strategy = get_visible_strategy(request.user, pk)
    return _csv_response(request, strategy, "budget", exports.budget_header(),
                         exports.budget_rows(request.user, strategy))


def plan_csv(request, pk):
    strategy = get_visible_strategy(request.user, pk)
    return _csv_response(request, strategy, "plan", exports.plan_header(), exports.plan_rows(request.user, strategy))


def _back(request, default: str):
    """Where a form goes back to: a safe `next` (the page it was opened from) or `default`."""
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                                    require_https=request.is_secure()):
        return next_url
    return default


def _line_form(request, strategy, activity, line=None):
    data = request.POST if request.method == "POST" else None
    form = BudgetLineForm(data, instance=line, strategy=strategy, user=request.user)
    if request.method == "POST" and form.is_valid():
        line = form.save(commit=False)
        line.activity = activity
        line.save()
        messages.success(request, _("The budget line was saved."))
        return redirect(_back(request, activity.get_absolute_url()))
    context = {"strategy": strategy, "tab": "budget", "activity": activity, "line": line, "form": form,
               "next": _back(request, "")}
    return render(request, "strategy/budget_line_form.html", context, status=400 if form.is_bound else 200)


@login_required
def line_create(request, pk, activity):
    strategy = get_plan_strategy(request.user, pk)
    return _line_form(request, strategy, get_activity(strategy, activity))


def _get_line(strategy, pk) -> BudgetLine:
    return get_object_or_404(
        BudgetLine.objects.select_related("activity__objective__goal", "funder"),
        pk=pk, activity__objective__goal__strategy=strategy,
    )


@login_required
def line_edit(request, pk, line):
    strategy = get_plan_strategy(request.user, pk)
    line = _get_line(strategy, line)
    return _line_form(request, strategy, line.activity, line)


@login_required
def line_delete(request, pk, line):
    strategy = get_plan_strategy(request.user, pk)
    line = _get_line(strategy, line)
    if request.method == "POST":
        line.delete()
        messages.success(request, _("The budget line was deleted."))
        return redirect(_back(request, line.activity.get_absolute_url()))
    context = {"strategy": strategy, "tab": "budget", "line": line, "next": _back(request, "")}
    return render(request, "strategy/budget_line_delete.html", context)


@login_required
@require_POST
def visibility(request, pk, activity):
    """The steering committee marks an activity's budget public (or no longer public)."""
    strategy = get_plan_strategy(request.user, pk)
    activity = get_activity(strategy, activity)
    activity.budget_public = request.POST.get("public") == "1"
    activity.save(update_fields=["budget_public", "updated_at"])
    if activity.budget_public:
        messages.success(request, _("Everyone can now see this activity's budget."))
    else:
        messages.success(request, _("This activity's budget is now shown to network members only."))
    return redirect(_back(request, activity.get_absolute_url()))
