"""A strategy's life: a draft is adopted at a meeting; an adopted version is revised by a new draft version.

- `adopt()` records the meeting that adopted a draft and freezes its text. The versions it replaces are
  superseded (kept, read-only); for a revision, the living plan of the revised version (activities, indicator
  results, links to forum action items) moves onto the new version's copies.
- `start_revision()` copies an adopted version's text into a new draft version.

Both run in a transaction and lock the strategy, so two people clicking at once cannot adopt twice or start two
revisions; a step that is not possible raises `WorkflowError`, whose message is shown to the user.
"""

import datetime

from django.db import transaction
from django.db.models import Count, Max, Prefetch, Q
from django.utils.translation import gettext as _

from forums.models import Forum
from members.content import CONTENT_LANGUAGES, localized_name

from .models import (
    Activity,
    Goal,
    Indicator,
    IndicatorResult,
    IndicatorTarget,
    Objective,
    ObjectiveActionItem,
    Strategy,
    today,
)

# The meetings that may adopt a strategy: forums of the network and its steering committee, once held.
ADOPTING_KINDS = [Forum.Kind.STEERING, Forum.Kind.ANNUAL, Forum.Kind.REGIONAL_NGO]


class WorkflowError(Exception):
    """A step that is not possible now (adopted twice, a second revision…); the message is shown to the user."""


def adopting_meetings():
    """The forum records a strategy may be adopted at: held network forums and meetings, most recent first."""
    return Forum.objects.filter(kind__in=ADOPTING_KINDS, status=Forum.Status.HELD).order_by("-start_date", "title")


def check_adoption_date(forum: Forum, date: datetime.date) -> None:
    if date > today():
        raise WorkflowError(_("The date of adoption cannot be in the future."))
    if date < forum.start_date:
        raise WorkflowError(_("The date of adoption cannot be before the meeting started."))


def replaced_versions(strategy: Strategy):
    """The versions in force that adopting `strategy` supersedes: those of the same or an earlier period, and the
    version it revises."""
    return (
        Strategy.objects.in_force()
        .filter(Q(start_year__lte=strategy.start_year) | Q(pk=strategy.revises_id))
        .exclude(pk=strategy.pk)
    )


def dropped_objectives(strategy: Strategy) -> list[Objective]:
    """For a revision: the objectives of the revised version that it no longer has (no copy in it), each with
    `activity_count`. Their activities stay with the revised version when the revision is adopted."""
    if not strategy.revises_id:
        return []
    kept = Objective.objects.filter(goal__strategy=strategy, copied_from__isnull=False).values("copied_from")
    return list(
        Objective.objects.filter(goal__strategy_id=strategy.revises_id)
        .exclude(pk__in=kept)
        .select_related("goal")
        .annotate(activity_count=Count("activities"))
    )


@transaction.atomic
def adopt(strategy: Strategy, forum: Forum, date: datetime.date, user) -> Strategy:
    """Adopt the draft `strategy` at `forum` on `date`, recorded by `user`; return it, adopted.

    Its goals, objectives, indicators and targets are frozen from then on. Every other version in force of the same
    or an earlier period (and the version it revises) is superseded on `date`. For a revision of the version in
    force, the living plan moves onto the new version: the activities of each objective go to the objective copied
    from it, indicator results to the copied indicators (a year the copy already has stays where it is), and links
    to forum action items to the objective copies. What the revision dropped stays with the superseded version.
    """
    strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
    if not strategy.is_draft:
        raise WorkflowError(_("This version has already been adopted."))
    if forum.kind not in ADOPTING_KINDS or forum.status != Forum.Status.HELD:
        raise WorkflowError(_("Choose a forum or meeting that has been held."))
    check_adoption_date(forum, date)
    replaced = list(replaced_versions(strategy).select_for_update())
    if any(version.pk == strategy.revises_id for version in replaced):
        _move_plan(strategy)
    for version in replaced:
        version.status = Strategy.Status.SUPERSEDED
        version.superseded_on = date
        version.save(update_fields=["status", "superseded_on", "updated_at"])
    strategy.status = Strategy.Status.ADOPTED
    strategy.adopted_at, strategy.adopted_on, strategy.adopted_by = forum, date, user
    strategy.save(update_fields=["status", "adopted_at", "adopted_on", "adopted_by", "updated_at"])
    return strategy


def _move_plan(strategy: Strategy) -> None:
    """The revised version's activities, results and action item links onto `strategy`'s copies."""
    objectives = dict(
        Objective.objects.filter(goal__strategy=strategy, copied_from__isnull=False).values_list("copied_from", "pk")
    )
    for activity in Activity.objects.filter(objective_id__in=objectives):
        activity.objective_id = objectives[activity.objective_id]
        activity.save(update_fields=["objective", "updated_at"])  # one history entry each
    indicators = dict(
        Indicator.objects.filter(objective__goal__strategy=strategy, copied_from__isnull=False).values_list(
            "copied_from", "pk"
        )
    )
    taken = set(IndicatorResult.objects.filter(indicator_id__in=indicators.values()).values_list("indicator", "year"))
    for result in IndicatorResult.objects.filter(indicator_id__in=indicators):
        if (indicators[result.indicator_id], result.year) not in taken:
            IndicatorResult.objects.filter(pk=result.pk).update(indicator_id=indicators[result.indicator_id])
    linked = set(ObjectiveActionItem.objects.filter(strategy=strategy).values_list("action_item", flat=True))
    for link in ObjectiveActionItem.objects.filter(objective_id__in=objectives).exclude(action_item__in=linked):
        ObjectiveActionItem.objects.filter(pk=link.pk).update(
            objective_id=objectives[link.objective_id], strategy_id=strategy.pk
        )


def _copy_texts(source, target) -> None:
    for field in source.TRANSLATED_FIELDS:
        for code in CONTENT_LANGUAGES:
            name = localized_name(field, code)
            setattr(target, name, getattr(source, name))
    target.original_language = source.original_language


@transaction.atomic
def start_revision(strategy: Strategy, user) -> Strategy:
    """A new draft version of the adopted `strategy`: its title, summary, period, goals, objectives, indicators and
    targets copied in every language (`copied_from` set), numbered after the period's last version. The plan stays
    with `strategy` until the revision is adopted."""
    strategy = Strategy.objects.select_for_update().get(pk=strategy.pk)
    if strategy.status != Strategy.Status.ADOPTED:
        raise WorkflowError(_("Only the version in force can be revised."))
    if strategy.revisions.filter(status=Strategy.Status.DRAFT).exists():
        raise WorkflowError(_("A revision of this version is already being drafted."))
    last = Strategy.objects.filter(start_year=strategy.start_year, end_year=strategy.end_year).aggregate(
        last=Max("version")
    )["last"]
    revision = Strategy(
        start_year=strategy.start_year, end_year=strategy.end_year, version=last + 1, revises=strategy,
        created_by=user,
    )
    _copy_texts(strategy, revision)
    revision.save()
    goals = Goal.objects.filter(strategy=strategy).prefetch_related(
        Prefetch("objectives", queryset=Objective.objects.order_by("order", "code", "pk")),
        Prefetch("objectives__indicators", queryset=Indicator.objects.prefetch_related("targets")),
    )
    targets = []
    for goal in goals:
        goal_copy = Goal(strategy=revision, code=goal.code, order=goal.order)
        _copy_texts(goal, goal_copy)
        goal_copy.save()
        for objective in goal.objectives.all():
            objective_copy = Objective(goal=goal_copy, code=objective.code, order=objective.order, copied_from=objective)
            _copy_texts(objective, objective_copy)
            objective_copy.save()
            for indicator in objective.indicators.all():
                indicator_copy = Indicator(
                    objective=objective_copy, baseline=indicator.baseline, baseline_year=indicator.baseline_year,
                    order=indicator.order, copied_from=indicator,
                )
                _copy_texts(indicator, indicator_copy)
                indicator_copy.save()
                targets += [IndicatorTarget(indicator=indicator_copy, year=t.year, value=t.value)
                            for t in indicator.targets.all()]
    IndicatorTarget.objects.bulk_create(targets)
    return revision
