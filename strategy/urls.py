"""Addresses of the network's strategy, /strategy/ (names in the "strategy" namespace)."""

from django.urls import path

from .views import budget, plan, progress, structure  # noqa: F401  (each part adds its routes in its block)

app_name = "strategy"

urlpatterns = [
    # [structure] (issue 18): the strategy's text, versions, adoption and revisions.
    path("", structure.current, name="current"),
    path("new/", structure.create, name="create"),
    path("<int:pk>/", structure.detail, name="detail"),
    path("<int:pk>/edit/", structure.edit, name="edit"),
    path("<int:pk>/goals/new/", structure.goal_create, name="goal-create"),
    path("<int:pk>/goals/<int:goal>/edit/", structure.goal_edit, name="goal-edit"),
    path("<int:pk>/goals/<int:goal>/delete/", structure.goal_delete, name="goal-delete"),
    path("<int:pk>/objectives/new/", structure.objective_create, name="objective-create"),
    path("<int:pk>/objectives/<int:objective>/edit/", structure.objective_edit, name="objective-edit"),
    path("<int:pk>/objectives/<int:objective>/delete/", structure.objective_delete, name="objective-delete"),
    path("<int:pk>/indicators/new/", structure.indicator_create, name="indicator-create"),
    path("<int:pk>/indicators/<int:indicator>/edit/", structure.indicator_edit, name="indicator-edit"),
    path("<int:pk>/indicators/<int:indicator>/delete/", structure.indicator_delete, name="indicator-delete"),
    path("<int:pk>/adopt/", structure.adopt, name="adopt"),
    path("<int:pk>/revise/", structure.revise, name="revise"),
    # [/structure]
    # [plan] (issue 18): the action plan, activities, progress notes, forum action items, the yearly cycle.
    path("<int:pk>/plan/", plan.plan, name="plan"),
    path("<int:pk>/activities/new/", plan.activity_create, name="activity-create"),
    path("<int:pk>/activities/<int:activity>/", plan.activity_detail, name="activity"),
    path("<int:pk>/activities/<int:activity>/edit/", plan.activity_edit, name="activity-edit"),
    path("<int:pk>/activities/<int:activity>/progress/", plan.activity_update, name="activity-update"),
    path("<int:pk>/objectives/<int:objective>/action-items/", plan.objective_action_items, name="objective-action-items"),
    # [/plan]
    # [budget] (issue 18): budget lines, totals, visibility, CSV exports of the plan and the budget.
    path("<int:pk>/budget/", budget.budget, name="budget"),
    path("<int:pk>/budget.csv", budget.budget_csv, name="budget-csv"),
    path("<int:pk>/plan.csv", budget.plan_csv, name="plan-csv"),
    path("<int:pk>/activities/<int:activity>/budget/new/", budget.line_create, name="budget-line-create"),
    path("<int:pk>/activities/<int:activity>/budget/visibility/", budget.visibility, name="budget-visibility"),
    path("<int:pk>/budget/lines/<int:line>/edit/", budget.line_edit, name="budget-line-edit"),
    path("<int:pk>/budget/lines/<int:line>/delete/", budget.line_delete, name="budget-line-delete"),
    # [/budget]
    # [progress] (issue 18): progress at a glance and indicator results.
    path("<int:pk>/progress/", progress.progress, name="progress"),
    path("<int:pk>/indicators/<int:indicator>/results/", progress.indicator_results, name="indicator-results"),
    # [/progress]
]
