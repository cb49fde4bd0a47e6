"""The action plan: activities under each objective, with the forum action items serving it and the yearly cycle
of annual network meetings; an activity's page with its progress notes and budget; the forms that keep them."""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from forums.models import ActionItem, Forum
from members.forms.multilingual import CONTENT_PARAMETER, edit_language, for_language, language_bar
from members.models import NationalNetwork
from members.permissions import can_see_user_name

from ..budget import activity_budget
from ..forms.plan import OVERDUE, ActivityForm, ActivityUpdateForm, ObjectiveActionItemsForm, PlanFilterForm
from ..models import Activity, ActivityUpdate, Objective, ObjectiveActionItem, today
from ..permissions import (
    can_keep_plan,
    get_activity,
    get_plan_strategy,
    get_visible_strategy,
    responsible_organizations,
)


def responsible_networks():
    return NationalNetwork.objects.select_related("country")


def _filtered(activities, links, filter_form):
    """The activities and forum action item links that match the plan's filters."""
    status, code, organization = filter_form.value("status"), filter_form.country_code(), filter_form.value("organization")
    if status == OVERDUE:
        activities = activities.overdue()
        links = links.filter(action_item__in=ActionItem.objects.overdue())
    elif status:
        activities = activities.filter(status=status)
        links = links.filter(action_item__status=status)
    if code:
        activities = activities.filter(countries=code)
        links = links.filter(
            Q(action_item__responsible_countries=code) | Q(action_item__responsible_organizations__country_id=code)
        )
    if organization:
        activities = activities.filter(responsible_organizations__slug=organization)
        links = links.filter(action_item__responsible_organizations__slug=organization)
    return activities.distinct(), links.distinct()


def yearly_cycle(strategy, on=None) -> list[dict]:
    """Each year of the period with its annual network meetings: "held", "planned", "missing" (a past year
    without one) or "unscheduled" (this year or a later one without one). Cancelled meetings do not count."""
    on = on or today()
    meetings = (
        Forum.objects.filter(
            kind=Forum.Kind.ANNUAL, start_date__year__gte=strategy.start_year, start_date__year__lte=strategy.end_year
        )
        .exclude(status=Forum.Status.CANCELLED)
        .order_by("start_date", "pk")
    )
    by_year = {year: list(forums) for year, forums in groupby(meetings, key=lambda f: f.start_date.year)}
    rows = []
    for year in strategy.years:
        forums = by_year.get(year, [])
        held = [f for f in forums if f.status == Forum.Status.HELD]
        planned = [f for f in forums if f.status == Forum.Status.PLANNED]
        if held:
            state = "held"
        elif planned:
            state = "planned"
        else:
            state = "missing" if year < on.year else "unscheduled"
        rows.append({"year": year, "state": state, "held": held, "planned": planned})
    return rows


def plan(request, pk):
    """Per goal and objective: its activities and the forum action items serving it, filterable; the yearly cycle."""
    strategy = get_visible_strategy(request.user, pk)
    organizations = responsible_organizations(request.user)
    filter_form = PlanFilterForm(
        request.GET or None,
        organizations=organizations.filter(plan_activities__objective__goal__strategy=strategy)
        .distinct()
        .order_by("name"),
    )
    activities, links = _filtered(
        Activity.objects.filter(objective__goal__strategy=strategy),
        ObjectiveActionItem.objects.filter(strategy=strategy),
        filter_form,
    )
    activities = activities.prefetch_related(
        Prefetch("responsible_organizations", queryset=organizations.order_by("name")),
        Prefetch("responsible_networks", queryset=responsible_networks()),
        "countries",
        Prefetch("updates", queryset=ActivityUpdate.objects.all(), to_attr="notes"),
    ).order_by("order", "start_date", "pk")
    links = links.select_related("action_item__forum").order_by(
        "action_item__forum__start_date", "action_item__order", "action_item__pk"
    )
    by_objective: dict = {}
    for activity in activities:
        by_objective.setdefault(activity.objective_id, {"activities": [], "items": []})["activities"].append(activity)
    for link in links:
        by_objective.setdefault(link.objective_id, {"activities": [], "items": []})["items"].append(link.action_item)
    is_filtered = filter_form.is_filtered
    goals = []
    for goal in strategy.goals.prefetch_related("objectives"):
        objectives = []
        for objective in goal.objectives.all():
            found = by_objective.get(objective.pk, {"activities": [], "items": []})
            if is_filtered and not (found["activities"] or found["items"]):
                continue
            objective.plan_activities, objective.plan_items = found["activities"], found["items"]
            objectives.append(objective)
        if objectives or not is_filtered:
            goals.append({"goal": goal, "objectives": objectives})
    return render(
        request,
        "strategy/plan.html",
        {
            "strategy": strategy,
            "tab": "plan",
            "goals": goals,
            "filter_form": filter_form,
            "is_filtered": is_filtered,
            "activity_count": sum(len(found["activities"]) for found in by_objective.values()),
            "item_count": sum(len(found["items"]) for found in by_objective.values()),
            "cycle": yearly_cycle(strategy),
            "can_keep": can_keep_plan(request.user, strategy),
        },
    )


def _activity_page(request, strategy, activity, form=None, status=200):
    user = request.user
    activity.objective.goal.strategy = strategy  # the budget helper asks for it
    can_keep = can_keep_plan(user, strategy)
    if can_keep and form is None:
        form = ActivityUpdateForm(initial={"date": today()})
    notes = []
    for update in activity.updates.select_related("author"):
        # Its author by name only (never an e-mail), unless names of the author's country are hidden from the reader.
        shown = update.author is not None and can_see_user_name(user, update.author)
        notes.append({"update": update, "author": (update.author.get_full_name() or _("Network member")) if shown else ""})
    return render(
        request,
        "strategy/activity.html",
        {
            "strategy": strategy,
            "tab": "plan",
            "activity": activity,
            "organizations": list(responsible_organizations(user).filter(plan_activities=activity).order_by("name")),
            "networks": list(responsible_networks().filter(plan_activities=activity)),
            "countries": list(activity.countries.all()),
            "notes": notes,
            "can_keep": can_keep,
            "form": form,
            **activity_budget(user, activity),
        },
        status=status,
    )


def activity_detail(request, pk, activity):
    strategy = get_visible_strategy(request.user, pk)
    return _activity_page(request, strategy, get_activity(strategy, activity))


@login_required
@require_POST
def activity_update(request, pk, activity):
    """Post a dated progress note; a new status given with it becomes the activity's status."""
    strategy = get_plan_strategy(request.user, pk)
    activity = get_activity(strategy, activity)
    form = ActivityUpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The update was not posted. Please correct the errors below."))
        return _activity_page(request, strategy, activity, form, status=400)
    with transaction.atomic():
        update = form.save(commit=False)
        update.activity = activity
        update.author = request.user
        update.save()
        if update.new_status and update.new_status != activity.status:
            activity.status = update.new_status
            activity.save(update_fields=["status", "updated_at"])
    messages.success(request, _("Your progress update was posted."))
    return redirect(activity)


@login_required
def activity_create(request, pk):
    strategy = get_plan_strategy(request.user, pk)
    objective = request.GET.get("objective", "")
    initial = {}
    if objective.isdigit():
        initial["objective"] = Objective.objects.filter(goal__strategy=strategy, pk=objective).first()
    return _activity_form(request, strategy, Activity(), initial)


@login_required
def activity_edit(request, pk, activity):
    strategy = get_plan_strategy(request.user, pk)
    return _activity_form(request, strategy, get_activity(strategy, activity))


def _activity_form(request, strategy, activity, initial=None):
    language = edit_language(request)
    data = request.POST if request.method == "POST" else None
    form = for_language(ActivityForm, language)(
        data, instance=activity, initial=initial, user=request.user, strategy=strategy
    )
    if request.method == "POST":
        if form.is_valid():
            activity = form.save()
            messages.success(request, _("The activity was saved."))
            return redirect(activity)
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
    return render(
        request,
        "strategy/activity_form.html",
        {
            "strategy": strategy,
            "tab": "plan",
            "activity": activity,
            "form": form,
            "content_parameter": CONTENT_PARAMETER,
            "language_bar": language_bar(activity, language),
        },
        status=400 if request.method == "POST" else 200,
    )


@login_required
def objective_action_items(request, pk, objective):
    """Tick the forum action items that serve an objective. One already serving another objective of this
    strategy is shown but cannot be ticked (the database refuses it too)."""
    strategy = get_plan_strategy(request.user, pk)
    objective = get_object_or_404(Objective.objects.select_related("goal"), pk=objective, goal__strategy=strategy)
    serving = {
        link.action_item_id: link.objective
        for link in ObjectiveActionItem.objects.filter(strategy=strategy).select_related("objective")
    }
    current = {item for item, serves in serving.items() if serves.pk == objective.pk}
    taken = {item: serves for item, serves in serving.items() if serves.pk != objective.pk}
    form = ObjectiveActionItemsForm(
        request.POST if request.method == "POST" else None,
        available=ActionItem.objects.exclude(pk__in=taken),
    )
    if request.method == "POST":
        if form.is_valid() and _link(form, objective, current, request.user):
            messages.success(request, _("The forum action items serving this objective were saved."))
            return redirect(reverse("strategy:plan", args=[strategy.pk]) + f"#objective-{objective.pk}")
        messages.error(request, _("Nothing was saved. Please correct the errors below."))
        ticked = set(form.data.getlist("items"))
    else:
        ticked = {str(pk) for pk in current}
    items = ActionItem.objects.select_related("forum").order_by("-forum__start_date", "forum__pk", "order", "pk")
    forums = []
    for forum, forum_items in groupby(items, key=lambda item: item.forum):
        rows = [
            {"item": item, "ticked": str(item.pk) in ticked, "serves": taken.get(item.pk)}
            for item in forum_items
        ]
        rows.sort(key=lambda row: row["item"].status in ActionItem.CLOSED_STATUSES)  # open ones first
        forums.append({"forum": forum, "rows": rows})
    return render(
        request,
        "strategy/objective_action_items.html",
        {"strategy": strategy, "tab": "plan", "objective": objective, "form": form, "forums": forums},
        status=400 if request.method == "POST" else 200,
    )


def _link(form, objective, current, user) -> bool:
    """Link the ticked items to the objective and unlink the others; False if another objective took one meanwhile."""
    chosen = {item.pk for item in form.cleaned_data["items"]}
    try:
        with transaction.atomic():
            ObjectiveActionItem.objects.filter(objective=objective, action_item__in=current - chosen).delete()
            for item in sorted(chosen - current):
                ObjectiveActionItem.objects.create(objective=objective, action_item_id=item, linked_by=user)
    except IntegrityError:
        form.add_error("items", _("An action item serves one objective of a strategy only."))
        return False
    return True
