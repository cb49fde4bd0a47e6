"""Who may see and change the network's strategy, action plan and budget. Views and templates ask these.

- An adopted strategy (in force or superseded) is public, with its action plan; drafts are read by network
  members and coordinators only: to everyone else a draft does not exist (404).
- Steering committee representatives and coordinators draft and revise the strategy, adopt it, and keep its
  action plan, results and budget. An adopted version's text is frozen; a superseded version is read-only
  altogether (403 on its forms, for those who may see it).
- The budget: network members and coordinators read all of it; the public reads only the budget of the
  activities the steering committee marked public, in an adopted strategy.
- Responsible organizations are named as the directory names them (applicants to coordinators only).
"""

from django.shortcuts import get_object_or_404

from members.permissions import (
    is_coordinator,
    is_network_member,
    is_steering_representative,
    permission_required,  # noqa: F401  the views' decorator, offered here with this app's predicates
    register,
    require,
)
from members.permissions import visible_organizations as visible_directory_organizations

from .models import Activity, BudgetLine, Strategy


def can_draft_strategy(user) -> bool:
    """Start a strategy, write drafts, adopt and revise: the steering committee and the coordinators."""
    return is_coordinator(user) or is_steering_representative(user)


def can_read_drafts(user) -> bool:
    return is_network_member(user) or can_draft_strategy(user)


def visible_strategies(user):
    if can_read_drafts(user):
        return Strategy.objects.all()
    return Strategy.objects.adopted()


def can_edit_text(user, strategy: Strategy) -> bool:
    """Goals, objectives, indicators, targets, title and period: only in a draft."""
    return can_draft_strategy(user) and strategy.is_draft


def can_adopt(user, strategy: Strategy) -> bool:
    return can_draft_strategy(user) and strategy.is_draft


def can_revise(user, strategy: Strategy) -> bool:
    """Start a new draft version from the version in force (one draft revision at a time)."""
    return (
        can_draft_strategy(user)
        and strategy.status == Strategy.Status.ADOPTED
        and not strategy.revisions.filter(status=Strategy.Status.DRAFT).exists()
    )


def can_keep_plan(user, strategy: Strategy) -> bool:
    """Activities, progress notes, results, budget lines, links to forum action items: not once superseded."""
    return can_draft_strategy(user) and not strategy.is_read_only


def can_see_full_budget(user) -> bool:
    return is_network_member(user) or can_draft_strategy(user)


def visible_budget_lines(user, strategy: Strategy):
    """The budget lines of `strategy` that the user may read."""
    lines = BudgetLine.objects.filter(activity__objective__goal__strategy=strategy)
    if can_see_full_budget(user):
        return lines
    if strategy.is_draft:
        return lines.none()
    return lines.filter(activity__budget_public=True)


def can_see_activity_budget(user, activity: Activity) -> bool:
    return can_see_full_budget(user) or (activity.budget_public and not activity.objective.goal.strategy.is_draft)


def responsible_organizations(user):
    """The organizations that activities may name to this user (the directory's rule: no applicants)."""
    return visible_directory_organizations(user)


def get_visible_strategy(user, pk: int) -> Strategy:
    return get_object_or_404(visible_strategies(user).select_related("adopted_at", "revises"), pk=pk)


def get_editable_draft(user, pk: int) -> Strategy:
    """A strategy whose text the user edits: 404 if unseen, 403 if adopted or not theirs to write."""
    strategy = get_visible_strategy(user, pk)
    require(can_edit_text(user, strategy))
    return strategy


def get_plan_strategy(user, pk: int) -> Strategy:
    """A strategy whose plan, results or budget the user keeps: 404 if unseen, 403 if superseded or not theirs."""
    strategy = get_visible_strategy(user, pk)
    require(can_keep_plan(user, strategy))
    return strategy


def get_activity(strategy: Strategy, pk: int) -> Activity:
    """An activity of `strategy` (404 for another strategy's)."""
    return get_object_or_404(
        Activity.objects.select_related("objective__goal"), pk=pk, objective__goal__strategy=strategy
    )


register("strategy", can_draft_strategy, can_read_drafts, can_see_full_budget)


def get_indicator(strategy: Strategy, pk: int):
    """An indicator of `strategy` (404 for another strategy's)."""
    from .models import Indicator

    return get_object_or_404(Indicator.objects.select_related("objective__goal"), pk=pk, objective__goal__strategy=strategy)
