"""Addresses of the network's strategy, /strategy/ (names in the "strategy" namespace)."""

from django.urls import path

from .views import budget, plan, progress, structure  # noqa: F401  (each part adds its routes in its block)

app_name = "strategy"

urlpatterns = [
    # [structure] (issue 18): the strategy's text, versions, adoption and revisions.
    path("", structure.current, name="current"),
    # [/structure]
    # [plan] (issue 18): the action plan, activities, progress notes, forum action items, the yearly cycle.
    # [/plan]
    # [budget] (issue 18): budget lines, totals, visibility, CSV exports of the plan and the budget.
    # [/budget]
    # [progress] (issue 18): progress at a glance and indicator results.
    # [/progress]
]
