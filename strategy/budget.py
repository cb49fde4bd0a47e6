"""The budget as a reader may see it: an activity's lines and totals per currency (written by the budget part)."""

from .permissions import can_keep_plan, can_see_activity_budget


def activity_budget(user, activity) -> dict:
    """Context of templates/strategy/_activity_budget.html for `activity`'s page (its lines and totals), or
    {"budget_hidden": True} when the reader may not see this budget."""
    if not can_see_activity_budget(user, activity):
        return {"budget_hidden": True}
    lines = list(activity.budget_lines.select_related("funder"))
    strategy = activity.objective.goal.strategy
    return {"budget_lines": lines, "can_keep_budget": can_keep_plan(user, strategy)}
