"""The list-serve: queue e-mail updates for the users who asked for them; `send_notifications` sends them.

Other apps call `notify()` inside the transaction that makes the event happen, so an update is
queued if and only if the change is committed. Sending never happens in the request: a cron job or
systemd timer runs `manage.py send_notifications` (immediate ones, every few minutes) and
`manage.py send_notifications --digest` (weekly digests).

How the other apps call it (topic is one of `members.models.Topic`)::

    from members.models import Topic
    from members.notifications import notify

    with transaction.atomic():
        review.publish(by=request.user)
        notify(
            Topic.REVIEW_PUBLISHED,
            # (subject, plain-text body), called once in each recipient's language: use gettext inside.
            message=lambda: (_("%(country)s: country review published") % {...}, review.summary),
            url=review.get_absolute_url(),          # a path; PORTAL_BASE_URL is prepended
            country=review.country,                 # reviews: only users following this country
            dedupe_key=f"review-published:{review.pk}:{review.revision}",
        )

    notify(Topic.OVERVIEW_PUBLISHED, message=..., url=..., dedupe_key=f"overview:{edition.pk}")
    notify(Topic.FORUMS, message=..., url=..., dedupe_key=f"forum-changed:{forum.pk}:{forum.updated_at:%s}")
    # action items: only staff of the responsible organization (call once per organization)
    notify(Topic.ACTION_ITEMS, message=..., url=..., organization=org,
           dedupe_key=f"action-due:{item.pk}:{item.due_date}:{org.pk}")

The dedupe key names the event: the same key never queues twice for a user, so calling notify()
again for an event already announced (a retried request, a re-run cron job) does nothing.
"""

import logging
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from .emails import absolute_url
from .models import Country, Notification, NotificationPreference, Topic, User
from .permissions import can_read_post, network_member_users
from .tokens import ALL_TOPICS, make_unsubscribe_token

logger = logging.getLogger(__name__)

DEFAULTS = NotificationPreference()  # what a user who never opened the settings receives
# A claim older than this is a run that crashed: far longer than sending one e-mail takes (EMAIL_TIMEOUT).
CLAIM_TIMEOUT = timedelta(minutes=30)


def recipients(topic: str, *, country=None, organization=None, announcement=None, users=None):
    """Users who want updates on `topic` (for `country` / of `organization` / of `announcement`'s kind and
    countries), among `users` if given, and who may read it: network members (as
    `permissions.is_network_member` decides); for an announcement approved for everyone, every active account."""
    topic = Topic(topic)
    if announcement is not None and announcement.is_public:
        base = User.objects.filter(is_active=True)
    else:
        base = network_member_users()
    if users is not None:
        base = base.filter(pk__in=users.values("pk"))
    no_preference = Q(notification_preference__isnull=True)
    wanted = Q(**{f"notification_preference__{topic.value}": True})
    if not getattr(DEFAULTS, topic.value):
        no_preference = Q(pk__in=[])
    base = base.filter(no_preference | wanted)
    if topic == Topic.REVIEW_PUBLISHED and country is not None:
        base = base.filter(
            no_preference
            | Q(notification_preference__review_all_countries=True)
            | Q(notification_preference__review_countries=Country.normalize_code(country))
        )
    if topic == Topic.ANNOUNCEMENTS and announcement is not None:
        # Kinds are stored as ",news,event," so that one kind never matches inside another.
        base = base.filter(no_preference | Q(notification_preference__announcement_kinds__contains=f",{announcement.kind},"))
        countries = [c.pk for c in announcement.countries.all()]
        if countries:  # a post about the whole region goes to everyone; one about some countries to who follows them
            base = base.filter(
                no_preference
                | Q(notification_preference__announcement_all_countries=True)
                | Q(notification_preference__announcement_countries__in=countries)
            )
    if organization is not None:
        base = base.filter(memberships__organization=organization)
    return base.distinct()


def notify(
    topic, *, message, url, country=None, organization=None, announcement=None, users=None, exclude=None, dedupe_key
) -> int:
    """Queue one e-mail per subscribed user, in the caller's transaction; returns how many were queued.

    `message()` returns (subject, body). It is called once per language among the recipients, with that
    language active, so each e-mail is written in its recipient's language, not in the language of whoever
    caused it.
    """
    topic = Topic(topic)
    texts = {}
    rows = []
    wanted = recipients(topic, country=country, organization=organization, announcement=announcement, users=users)
    if exclude is not None:  # e.g. whoever wrote the comment being announced
        wanted = wanted.exclude(pk=exclude.pk)
    for user_id, frequency, language in wanted.values_list("pk", "notification_preference__frequency", "language"):
        language = language or settings.LANGUAGE_CODE
        if language not in texts:
            with translation.override(language):
                subject, body = message()
            texts[language] = (str(subject), str(body))
        subject, body = texts[language]
        rows.append(
            Notification(
                user_id=user_id,
                topic=topic,
                subject=subject[:200],
                body=body,
                url=url or "",
                announcement=announcement,
                dedupe_key=dedupe_key[:200],
                digest=(frequency or DEFAULTS.frequency) == NotificationPreference.Frequency.WEEKLY,
            )
        )
    already = set(
        Notification.objects.filter(dedupe_key=dedupe_key[:200], user_id__in=[r.user_id for r in rows]).values_list(
            "user_id", flat=True
        )
    )
    rows = [r for r in rows if r.user_id not in already]
    # ignore_conflicts: a concurrent notify() for the same event cannot queue a second copy either.
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def unsubscribe_url(user_id: int, topic: str) -> str:
    return absolute_url(reverse("members:unsubscribe", args=[make_unsubscribe_token(user_id, topic)]))


def build_message(user, notifications, *, digest: bool, connection=None) -> EmailMultiAlternatives:
    topic = ALL_TOPICS if digest else notifications[0].topic
    unsubscribe = unsubscribe_url(user.pk, topic)
    context = {
        "user": user,
        "notifications": [(n, absolute_url(n.url)) for n in notifications],
        "unsubscribe_url": unsubscribe,
        "settings_url": absolute_url(reverse("members:notification-settings")),
        "topic_label": Topic(topic).label if topic != ALL_TOPICS else "",
    }
    with translation.override(user.language or settings.LANGUAGE_CODE):
        if digest:
            subject = render_to_string("members/emails/digest_subject.txt", context).strip()
            body = render_to_string("members/emails/digest.txt", context)
        else:
            subject = notifications[0].subject
            body = render_to_string("members/emails/notification.txt", context)
    return EmailMultiAlternatives(
        subject=subject,
        body=body,
        to=[user.email],
        connection=connection,
        headers={"List-Unsubscribe": f"<{unsubscribe}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def _claim(queryset) -> list[Notification]:
    """Take the rows for this run, or none if another run has them; returns the rows taken.

    One conditional UPDATE (queued → sending, with this run's token), committed before the e-mail goes out
    (the command runs outside any transaction): of two runs at once only one matches the rows, on every
    database. Locking the rows with select_for_update did not do that on SQLite, which ignores it: both runs
    sent, and the transaction held open while sending made one fail "database is locked" afterwards.
    A run that crashes leaves its rows "sending"; after CLAIM_TIMEOUT another run claims them again (the
    e-mail may then go out twice, but is never lost).
    """
    token = uuid.uuid4().hex
    now = timezone.now()
    claimed = queryset.claimable(stale_before=now - CLAIM_TIMEOUT).update(
        status=Notification.Status.SENDING, claim=token, claimed_at=now
    )
    if not claimed:
        return []
    return list(
        Notification.objects.filter(claim=token).select_related("user", "announcement").order_by("created_at", "pk")
    )


def _finish(rows, **changes):
    """Update the rows this run claimed (still claimed by it: a stale claim may have been taken over)."""
    Notification.objects.filter(pk__in=[r.pk for r in rows], claim=rows[0].claim).update(**changes)


def _record_failure(rows, error: Exception):
    max_attempts = settings.NOTIFICATION_MAX_ATTEMPTS
    for row in rows:
        attempts = row.attempts + 1
        _finish(
            [row],
            attempts=attempts,
            last_error=f"{type(error).__name__}: {error}"[:2000],
            status=Notification.Status.FAILED if attempts >= max_attempts else Notification.Status.QUEUED,
        )


def _send_batch(user, rows, *, digest: bool, mail_connection) -> bool | None:
    """Send one e-mail for `rows` (claimed by the caller); mark them sent only if the backend accepted it.
    None if nothing was left to send (every row withdrawn)."""
    if not user.is_active:  # deactivated since the update was queued: never write to them
        _finish(rows, status=Notification.Status.FAILED, last_error="The account is inactive.")
        return False
    # An announcement hidden since, or one the recipient may no longer read (they left the network): not sent.
    unreadable = [r for r in rows if r.announcement is not None and not can_read_post(user, r.announcement)]
    if unreadable:
        _finish(unreadable, status=Notification.Status.WITHDRAWN)
        rows = [r for r in rows if r not in unreadable]
        if not rows:
            return None
    try:
        build_message(user, rows, digest=digest, connection=mail_connection).send()
    except Exception as error:  # any mail server error: queue the rows again for the next run
        logger.warning("Notification e-mail to user %s failed: %s", user.pk, error)
        _record_failure(rows, error)
        return False
    _finish(rows, status=Notification.Status.SENT, sent_at=timezone.now())
    return True


def send_immediate(limit: int | None = None) -> tuple[int, int]:
    """Send queued one-per-update e-mails; returns (sent, failed)."""
    stale_before = timezone.now() - CLAIM_TIMEOUT
    candidates = Notification.objects.claimable(stale_before).filter(digest=False).order_by("pk")
    sent = failed = 0
    mail_connection = get_connection()
    for pk in list(candidates.values_list("pk", flat=True)[:limit]):
        rows = _claim(Notification.objects.filter(pk=pk, digest=False))
        if not rows:  # sent or claimed by another run meanwhile
            continue
        result = _send_batch(rows[0].user, rows, digest=False, mail_connection=mail_connection)
        sent += result is True
        failed += result is False
    return sent, failed


def send_digests() -> tuple[int, int]:
    """Send each user one e-mail with all their queued digest updates; returns (e-mails sent, failed)."""
    stale_before = timezone.now() - CLAIM_TIMEOUT
    user_ids = list(
        Notification.objects.claimable(stale_before)
        .filter(digest=True)
        .order_by("user_id")
        .values_list("user_id", flat=True)
        .distinct()
    )
    sent = failed = 0
    mail_connection = get_connection()
    for user_id in user_ids:
        # All of the user's digest rows in one claim: a second run finds none left, so sends no second digest.
        rows = _claim(Notification.objects.filter(digest=True, user_id=user_id))
        if not rows:
            continue
        result = _send_batch(rows[0].user, rows, digest=True, mail_connection=mail_connection)
        sent += result is True
        failed += result is False
    return sent, failed


def unsubscribe(user, topic: str):
    """Turn off `topic` (or every topic) for the user."""
    preference, _ = NotificationPreference.objects.get_or_create(user=user)
    topics = [t.value for t in Topic] if topic == ALL_TOPICS else [Topic(topic).value]
    for name in topics:
        setattr(preference, name, False)
    preference.save()
