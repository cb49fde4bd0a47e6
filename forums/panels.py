"""What the forums add to the directory's pages: on an agreement's page, the forum recommendations that call for it
and the follow-up action items about it (declared on ForumsConfig, read by members/extensions.py)."""

from .models import ActionItem, Recommendation


def agreement_panel(request, agreement):
    recommendations = list(
        Recommendation.objects.filter(agreements=agreement)
        .select_related("forum", "forum__country", "target_country")
        .order_by("forum__start_date", "cluster_code", "order", "pk")
    )
    action_items = list(
        ActionItem.objects.filter(agreements=agreement)
        .select_related("forum", "forum__country")
        .order_by("forum__start_date", "order", "pk")
    )
    return {
        "template": "forums/_agreement_panel.html",
        "recommendations": recommendations,
        "action_items": action_items,
    }
