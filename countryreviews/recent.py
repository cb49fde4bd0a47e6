"""What country reviews add to the coordinators' recent changes page: reviews submitted, sent back, published
and withdrawn (their saves stay on each review's own log).

One query for the newest `limit` events (see members.history.event_source).
"""

from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.history import Event, event_source, user_name

from .models import ReviewChange

LABELS = {
    ReviewChange.Action.SUBMITTED: gettext_lazy("Review submitted"),
    ReviewChange.Action.RETURNED: gettext_lazy("Review sent back"),
    ReviewChange.Action.PUBLISHED: gettext_lazy("Review published"),
    ReviewChange.Action.WITHDRAWN: gettext_lazy("Review withdrawn"),
}


@event_source("reviews", gettext_lazy("review publications"))
def review_steps(since, until, country, limit):
    rows = ReviewChange.objects.select_related("revision__review__country", "user").filter(action__in=list(LABELS))
    if since:
        rows = rows.filter(at__gte=since)
    if until:
        rows = rows.filter(at__lt=until)
    if country:
        rows = rows.filter(revision__review__country_id=country)
    events = []
    for change in rows.order_by("-at", "-pk")[:limit]:
        revision = change.revision
        events.append(
            Event(
                at=change.at,
                kind="reviews",
                kind_label=str(LABELS[change.action]),
                label=_("%(review)s, revision %(number)s") % {"review": revision.review, "number": revision.number},
                user=user_name(change.user),
                country_code=revision.review.country_id,
                url=revision.get_absolute_url(),
                detail=Truncator(change.comment).chars(200),
            )
        )
    return events
