"""What forums add to the coordinators' recent changes page: participant imports and progress updates.

Each source is one query for the newest `limit` events (see members.history.event_source).
"""

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.calendars import local_date
from members.history import Event, event_source, user_name

from .models import ActionUpdate, ParticipantImport


def _between(rows, field, since, until, country, country_lookup):
    if since:
        rows = rows.filter(**{f"{field}__gte": since})
    if until:
        rows = rows.filter(**{f"{field}__lt": until})
    if country:
        rows = rows.filter(**{country_lookup: country})
    return rows.order_by(f"-{field}", "-pk")


@event_source("imports", gettext_lazy("participant imports"))
def participant_imports(since, until, country, limit):
    """Participant lists imported into a forum, by whom and when (an import does not record how many rows)."""
    rows = ParticipantImport.objects.select_related("forum", "imported_by")
    rows = _between(rows, "imported_at", since, until, country, "forum__country_id")
    return [
        Event(
            at=row.imported_at,
            kind="imports",
            kind_label=_("Participants imported"),
            label=str(row.forum),
            user=user_name(row.imported_by),
            country_code=row.forum.country_id,
            url=row.forum.get_absolute_url(),
        )
        for row in rows[:limit]
    ]


@event_source("progress", gettext_lazy("progress updates"))
def progress_updates(since, until, country, limit):
    """Progress updates on forums' action items: the item, its author, the status it set and the update's date."""
    rows = ActionUpdate.objects.select_related("item__forum", "author")
    rows = _between(rows, "created_at", since, until, country, "item__forum__country_id")
    events = []
    for update in rows[:limit]:
        forum = update.item.forum
        if update.new_status:
            detail = _("%(date)s: status %(status)s. %(text)s") % {
                "date": local_date(update.date), "status": update.get_new_status_display(), "text": update.text,
            }
        else:
            detail = _("%(date)s: %(text)s") % {"date": local_date(update.date), "text": update.text}
        events.append(
            Event(
                at=update.created_at,
                kind="progress",
                kind_label=_("Progress update"),
                label=str(update.item),
                user=user_name(update.author),
                country_code=forum.country_id,
                url=f"{reverse('forums:follow-up')}?forum={forum.slug}#action-{update.item_id}",
                detail=Truncator(detail).chars(300),
            )
        )
    return events
