"""What the forums tell the list-serve: forums announced or changed, and follow-up actions due or overdue.

Both queue e-mails through `members.notifications.notify()` in the caller's transaction; the dedupe
key names the event, so a retried request or a cron job run twice never queues the same update twice.
The texts are written in the portal's default language (one text is queued for every recipient).
"""

import datetime
import functools
import hashlib

from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from members.calendars import local_date
from members.models import Topic
from members.notifications import notify

from .models import ActionItem, Forum, today

REMINDER_DAYS = 7
SUBJECT_WORDS = 12  # of a forum's title or an action's text in a subject

# The fields whose change is news for the network: the dates, the place and the status.
ANNOUNCED_FIELDS = ("start_date", "end_date", "dates_tentative", "city", "venue", "country_id", "status")


def forum_state(forum: Forum) -> dict:
    """The announced facts of a forum, to compare before and after a save."""
    return {name: getattr(forum, name) for name in ANNOUNCED_FIELDS}


def _dates(forum: Forum) -> str:
    """The dates as the forum pages show them ("10–11 March 2027")."""
    if forum.dates_tentative:
        return _("%(month)s (exact days not fixed)") % {"month": forum.dates_display}
    return forum.dates_display


def _forum_facts(forum: Forum) -> str:
    """Dates, place and status on one line: the body is one paragraph, so it reads the same on its own
    and indented under its subject in the weekly digest."""
    return " ".join(
        [
            _("Dates: %(dates)s.") % {"dates": _dates(forum)},
            _("Place: %(place)s.") % {"place": forum.place.rstrip(".")},
            _("Status: %(status)s.") % {"status": forum.get_status_display()},
        ]
    )


def _state_key(forum: Forum) -> str:
    place = hashlib.sha256(f"{forum.venue}\n{forum.city}".encode()).hexdigest()[:12]
    return (
        f"{forum.start_date:%Y-%m-%d}:{forum.end_date:%Y-%m-%d}:{int(forum.dates_tentative)}:"
        f"{forum.country_id}:{place}:{forum.status}"
    )


def announce_forum(forum: Forum, before: dict | None) -> int:
    """Queue "forum announced" for a new forum (`before` is None), or "forum changed" when its dates,
    place or status differ from `before`; returns how many e-mails were queued. Call inside the save's
    transaction."""
    if before is not None and before == forum_state(forum):
        return 0
    if before is None:
        key = f"forum:{forum.pk}:created"
    else:
        key = f"forum:{forum.pk}:changed:{_state_key(forum)}"

    def message():
        # The title in the recipient's language where written, otherwise marked with its language's name.
        full_title = forum.localized("title").marked()
        title = Truncator(full_title).words(SUBJECT_WORDS)
        facts = _forum_facts(forum)
        if before is None:
            subject = _("New forum: %(title)s, %(dates)s") % {"title": title, "dates": forum.dates_display}
            body = _("A new forum was announced on the network portal: %(title)s.") % {"title": full_title}
        else:
            changed = [
                str(Forum._meta.get_field(name.removesuffix("_id")).verbose_name)
                for name in ANNOUNCED_FIELDS
                if before[name] != getattr(forum, name)
            ]
            if forum.status == Forum.Status.CANCELLED and before["status"] != forum.status:
                subject = _("Forum cancelled: %(title)s") % {"title": title}
            else:
                subject = _("Forum changed: %(title)s, %(dates)s") % {"title": title, "dates": forum.dates_display}
            body = _("The forum %(title)s has changed (%(fields)s).") % {
                "title": full_title, "fields": ", ".join(changed),
            }
        return subject, f"{body} {facts}"

    return notify(Topic.FORUMS, message=message, url=forum.get_absolute_url(), dedupe_key=key)


def reminder_items(on: datetime.date | None = None):
    """Open action items due within the next REMINDER_DAYS days or overdue, with what the e-mails need."""
    on = on or today()
    return (
        ActionItem.objects.open()
        .filter(due_date__isnull=False, due_date__lte=on + datetime.timedelta(days=REMINDER_DAYS))
        .select_related("forum")
        .prefetch_related("responsible_organizations")
        .order_by("due_date", "pk")
    )


def queue_action_reminders(on: datetime.date | None = None) -> tuple[int, int]:
    """Remind the staff of each responsible organization of its open action items that are due soon or
    overdue, once per state; returns (items concerned, e-mails queued)."""
    on = on or today()
    items = list(reminder_items(on))
    queued = 0
    for item in items:
        overdue = item.due_date < on
        state = "overdue" if overdue else "due"
        for organization in item.responsible_organizations.all():
            queued += notify(
                Topic.ACTION_ITEMS,
                message=functools.partial(_reminder, item, organization, overdue),
                url=reverse("forums:follow-up") + f"#action-{item.pk}",
                organization=organization,
                dedupe_key=f"action:{item.pk}:{organization.pk}:{state}:{item.due_date:%Y-%m-%d}",
            )
    return len(items), queued


def _reminder(item, organization, overdue: bool) -> tuple[str, str]:
    """The reminder's subject and body, in the active language."""
    due = local_date(item.due_date)
    if overdue:
        subject = _("Overdue follow-up action (due %(date)s): %(text)s")
    else:
        subject = _("Follow-up action due %(date)s: %(text)s")
    subject = subject % {"date": due, "text": Truncator(item.text).words(SUBJECT_WORDS)}
    # One paragraph, like the forum announcements (see _forum_facts).
    body = _(
        "%(organization)s is responsible for this action agreed at %(forum)s: “%(text)s” "
        "Due: %(date)s. Status: %(status)s. "
        "Please post a progress update on the follow-up tracker, or ask your steering committee "
        "representative to do so."
    ) % {
        "organization": organization.name, "forum": item.forum.localized("title").marked(), "text": " ".join(item.text.split()),
        "date": due, "status": item.get_status_display(),
    }
    return subject, body
