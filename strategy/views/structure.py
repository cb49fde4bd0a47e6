"""The strategy's text and versions: /strategy/ (the version in force), a version's page, the forms of its goals,
objectives and indicators (drafts only), its adoption at a meeting and its revision (strategy/workflow.py)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar

from ..forms.structure import AdoptionForm, GoalForm, IndicatorForm, ObjectiveForm, StrategyForm
from ..models import Goal, Indicator, IndicatorTarget, Objective, Strategy
from ..permissions import (
    can_adopt,
    can_draft_strategy,
    can_edit_text,
    can_read_drafts,
    can_revise,
    get_editable_draft,
    get_visible_strategy,
    permission_required,
    require,
    visible_strategies,
)
from ..workflow import WorkflowError, dropped_objectives, replaced_versions, start_revision
from ..workflow import adopt as adopt_strategy


def _goals(strategy):
    """The strategy's goals with their objectives, indicators and targets (four queries)."""
    return list(
        strategy.goals.prefetch_related(
            Prefetch("objectives", queryset=Objective.objects.order_by("order", "code", "pk")),
            Prefetch("objectives__indicators", queryset=Indicator.objects.prefetch_related("targets")),
        )
    )


def _text_context(user, strategy) -> dict:
    """What a version's page shows: its goals → objectives → indicators with targets per year, and what the user
    may do."""
    goals = _goals(strategy)
    for goal in goals:
        for objective in goal.objectives.all():
            for indicator in objective.indicators.all():
                by_year = {t.year: t.value for t in indicator.targets.all()}
                indicator.yearly_targets = [by_year.get(year) for year in strategy.years]
    return {
        "strategy": strategy,
        "tab": "strategy",
        "goals": goals,
        "can_edit": can_edit_text(user, strategy),
        "can_adopt": can_adopt(user, strategy),
        "can_revise": can_revise(user, strategy),
    }


def current(request):
    user = request.user
    strategy = Strategy.objects.current()
    if strategy:
        strategy = get_visible_strategy(user, strategy.pk)
    others = visible_strategies(user).select_related("adopted_at").exclude(pk=getattr(strategy, "pk", None))
    others = list(others)
    context = _text_context(user, strategy) if strategy else {}
    context.update(
        {
            "strategy": strategy,
            "is_current_page": True,
            "drafts": [s for s in others if s.is_draft],
            "others": others,
            "can_create": can_draft_strategy(user),
            "can_read_drafts": can_read_drafts(user),
        }
    )
    return render(request, "strategy/detail.html" if strategy else "strategy/current_empty.html", context)


def detail(request, pk):
    strategy = get_visible_strategy(request.user, pk)
    return render(request, "strategy/detail.html", _text_context(request.user, strategy))


# --- the strategy's title, summary and period ----------------------------------------------------------------


@permission_required(can_draft_strategy)
def create(request):
    return _multilingual_form(request, StrategyForm, Strategy(created_by=request.user), None,
                              "strategy/strategy_form.html", _("The draft strategy was saved."))


@login_required
def edit(request, pk):
    strategy = get_editable_draft(request.user, pk)
    return _multilingual_form(request, StrategyForm, strategy, strategy, "strategy/strategy_form.html",
                              _("The draft strategy was saved."))


def _multilingual_form(request, form_class, instance, strategy, template, saved, with_strategy=False):
    """A form of the strategy's text in one language (members/forms/multilingual.py): saved, then the version's
    page; invalid, shown again with 400."""
    language = edit_language(request)
    data = request.POST if request.method == "POST" else None
    form_kwargs = {"strategy": strategy} if with_strategy else {}
    form = for_language(form_class, language)(data, instance=instance, **form_kwargs)
    if request.method == "POST":
        if form.is_valid():
            saved_object = form.save()
            messages.success(request, saved)
            return redirect((strategy or saved_object).get_absolute_url() + _anchor(saved_object))
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        template,
        {
            "form": form,
            "object": instance,
            "strategy": strategy,
            "tab": "strategy",
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(instance, language),
        },
        status=400 if request.method == "POST" else 200,
    )


def _anchor(obj) -> str:
    kind = {Goal: "goal", Objective: "objective", Indicator: "indicator"}.get(type(obj))
    return f"#{kind}-{obj.pk}" if kind else ""


# --- goals, objectives, indicators (drafts only) ---------------------------------------------------------------

def _goal_of(strategy, pk):
    return get_object_or_404(Goal, pk=pk, strategy=strategy)


def _objective_of(strategy, pk):
    return get_object_or_404(Objective.objects.select_related("goal"), pk=pk, goal__strategy=strategy)


def _indicator_of(strategy, pk):
    return get_object_or_404(Indicator.objects.select_related("objective__goal"), pk=pk,
                             objective__goal__strategy=strategy)


@login_required
def goal_create(request, pk):
    strategy = get_editable_draft(request.user, pk)
    goal = Goal(strategy=strategy, order=strategy.goals.count() + 1)
    return _multilingual_form(request, GoalForm, goal, strategy, "strategy/goal_form.html", _("The goal was saved."))


@login_required
def goal_edit(request, pk, goal):
    strategy = get_editable_draft(request.user, pk)
    return _multilingual_form(request, GoalForm, _goal_of(strategy, goal), strategy, "strategy/goal_form.html",
                              _("The goal was saved."))


@login_required
def objective_create(request, pk):
    strategy = get_editable_draft(request.user, pk)
    objective = Objective()
    goal = Goal.objects.filter(strategy=strategy, pk=request.GET.get("goal") or 0).first()
    if goal:
        objective.goal = goal
        objective.order = goal.objectives.count() + 1
    return _multilingual_form(request, ObjectiveForm, objective, strategy, "strategy/objective_form.html",
                              _("The objective was saved."), with_strategy=True)


@login_required
def objective_edit(request, pk, objective):
    strategy = get_editable_draft(request.user, pk)
    return _multilingual_form(request, ObjectiveForm, _objective_of(strategy, objective), strategy,
                              "strategy/objective_form.html", _("The objective was saved."), with_strategy=True)


@login_required
def indicator_create(request, pk):
    strategy = get_editable_draft(request.user, pk)
    indicator = Indicator()
    objective = Objective.objects.filter(goal__strategy=strategy, pk=request.GET.get("objective") or 0).first()
    if objective:
        indicator.objective = objective
    return _multilingual_form(request, IndicatorForm, indicator, strategy, "strategy/indicator_form.html",
                              _("The indicator was saved."), with_strategy=True)


@login_required
def indicator_edit(request, pk, indicator):
    strategy = get_editable_draft(request.user, pk)
    return _multilingual_form(request, IndicatorForm, _indicator_of(strategy, indicator), strategy,
                              "strategy/indicator_form.html", _("The indicator was saved."), with_strategy=True)


@login_required
def goal_delete(request, pk, goal):
    strategy = get_editable_draft(request.user, pk)
    goal = _goal_of(strategy, goal)
    objectives = goal.objectives.annotate(activity_count=Count("activities"))
    return _confirm_delete(request, strategy, goal, sum(o.activity_count for o in objectives))


@login_required
def objective_delete(request, pk, objective):
    strategy = get_editable_draft(request.user, pk)
    objective = _objective_of(strategy, objective)
    return _confirm_delete(request, strategy, objective, objective.activities.count())


@login_required
def indicator_delete(request, pk, indicator):
    strategy = get_editable_draft(request.user, pk)
    return _confirm_delete(request, strategy, _indicator_of(strategy, indicator), 0)


def _confirm_delete(request, strategy, obj, activity_count: int):
    """GET: what deleting `obj` removes; POST: delete it. Refused while activities of the plan are under it."""
    if request.method == "POST" and not activity_count:
        obj.delete()
        messages.success(request, _("Deleted from the draft."))
        return redirect(strategy)
    return render(
        request,
        "strategy/confirm_delete.html",
        {"strategy": strategy, "tab": "strategy", "object": obj, "activity_count": activity_count},
        status=409 if request.method == "POST" else 200,
    )


# --- adoption and revision -------------------------------------------------------------------------------------


@login_required
def adopt(request, pk):
    strategy = get_visible_strategy(request.user, pk)
    require(can_adopt(request.user, strategy))
    form = AdoptionForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            try:
                adopt_strategy(strategy, form.cleaned_data["forum"], form.cleaned_data["adopted_on"], request.user)
            except WorkflowError as error:
                messages.error(request, str(error))
            else:
                messages.success(request, _("The strategy was adopted. Its text can no longer be changed."))
                return redirect(strategy)
        else:
            messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "strategy/adopt.html",
        {
            "strategy": strategy,
            "tab": "strategy",
            "form": form,
            "replaced": list(replaced_versions(strategy)),
            "dropped": dropped_objectives(strategy),
            "counts": {
                "goals": strategy.goals.count(),
                "objectives": Objective.objects.filter(goal__strategy=strategy).count(),
                "indicators": Indicator.objects.filter(objective__goal__strategy=strategy).count(),
                "targets": IndicatorTarget.objects.filter(indicator__objective__goal__strategy=strategy).count(),
            },
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def revise(request, pk):
    strategy = get_visible_strategy(request.user, pk)
    require(can_revise(request.user, strategy))
    try:
        revision = start_revision(strategy, request.user)
    except WorkflowError as error:
        messages.error(request, str(error))
        return redirect(strategy)
    messages.success(request, _("A new draft version was started from the version in force."))
    return redirect(revision)
