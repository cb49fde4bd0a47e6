"""Progress at a glance, and the yearly results of an indicator."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import permissions
from ..forms.progress import IndicatorResultsForm
from ..progress import progress_of


def progress(request, pk):
    """Each objective's indicators against their targets, its work and its budget, and the strategy's totals."""
    strategy = permissions.get_visible_strategy(request.user, pk)
    return render(request, "strategy/progress.html", {
        "strategy": strategy,
        "tab": "progress",
        "progress": progress_of(strategy, request.user),
        "can_record": permissions.can_keep_plan(request.user, strategy),
    })


@login_required
def indicator_results(request, pk, indicator):
    """Record an indicator's result for each year of the period so far (drafters, while not superseded)."""
    strategy = permissions.get_plan_strategy(request.user, pk)
    indicator = permissions.get_indicator(strategy, indicator)
    form = IndicatorResultsForm(request.POST if request.method == "POST" else None, indicator=indicator)
    if request.method == "POST":
        if form.is_valid():
            form.save(request.user)
            messages.success(request, _("The results of “%(indicator)s” were saved.") % {"indicator": indicator})
            return redirect(reverse("strategy:progress", args=[strategy.pk]) + f"#objective-{indicator.objective_id}")
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request, "strategy/indicator_results_form.html",
        {"strategy": strategy, "tab": "progress", "indicator": indicator, "form": form},
        status=400 if request.method == "POST" else 200,
    )
