"""What announcements tell the list-serve: a new post, and a new comment on a post.

Both queue e-mails through `members.notifications.notify()` in the caller's transaction. The dedupe key names
the post or the comment, so calling `announce()` again (when a post meant for everyone is approved, and the
subscribers who are not network members may now get it) never sends anyone a second copy. Each e-mail carries
its announcement: one whose post was hidden before it went out is withdrawn (members/notifications.py).
"""

from django.db.models import Q
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from .calendars import local_date
from .models import AnnouncementComment, Notification, Organization, Topic, User
from .notifications import notify

SUBJECT_WORDS = 12  # of a title in a subject line


def event_dates(announcement) -> str:
    """An event's dates in the active language's calendar: "27 August 2018 – 28 August 2018", or one day."""
    start, end = announcement.event_start, announcement.event_end
    if start is None:
        return ""
    if end is None or end == start:
        return local_date(start)
    return f"{local_date(start)} – {local_date(end)}"


def poster_name(announcement) -> str:
    """Who posted it, as readers see it: the organization, or the network's secretariat (a coordinator)."""
    return str(announcement.organization) if announcement.organization_id else _("The network's secretariat")


def _facts(announcement, countries) -> list[str]:
    """The lines under an announcement's text: dates and place, deadline, countries, poster, link."""
    lines = []
    if announcement.event_start:
        lines.append(_("Dates: %(dates)s") % {"dates": event_dates(announcement)})
    if announcement.place:
        lines.append(_("Place: %(place)s") % {"place": announcement.place})
    if announcement.deadline:
        lines.append(_("Deadline: %(date)s") % {"date": local_date(announcement.deadline)})
    names = ", ".join(str(country) for country in countries) or _("Whole region")
    lines.append(_("Countries: %(countries)s") % {"countries": names})
    lines.append(_("Posted by: %(organization)s") % {"organization": poster_name(announcement)})
    if announcement.link:
        lines.append(_("More information: %(link)s") % {"link": announcement.link})
    return lines


def announcement_message(announcement, countries=None):
    """The e-mail's (subject, body) in the active language: the post's text in it where written, otherwise
    the original, marked with its language."""
    countries = list(announcement.countries.all()) if countries is None else countries
    title = announcement.localized("title").marked()
    short_title = Truncator(title).words(SUBJECT_WORDS)
    body = announcement.localized("body")
    subject = _("%(kind)s: %(title)s") % {"kind": announcement.get_kind_display(), "title": short_title}
    parts = [] if short_title == title else [title, ""]  # the whole title where the subject shortened it
    if body.is_foreign:
        parts.append(_("Written in %(language)s:") % {"language": body.language_name})
    parts += [body.text, "", *_facts(announcement, countries)]
    return subject, "\n".join(parts)


def announce(announcement) -> int:
    """Queue the list-serve e-mail of a post for everyone who may read it now and asked for its kind and
    countries; returns how many were queued. Call inside the transaction that creates or approves it."""
    countries = list(announcement.countries.all())  # once, not once per recipients' language
    return notify(
        Topic.ANNOUNCEMENTS,
        message=lambda: announcement_message(announcement, countries),
        url=announcement.get_absolute_url(),
        announcement=announcement,
        exclude=announcement.author,  # who wrote it gets no copy of their own post
        dedupe_key=f"announcement:{announcement.pk}",
    )


def commenter_name(user) -> str:
    """A commenter as other members read it: their name and their member organization, never their e-mail."""
    if user is None:
        return _("A former member")
    organizations = member_organizations(user)
    organization = str(organizations[0]) if organizations else ""
    name = user.get_full_name()
    if name and organization:
        return f"{name} ({organization})"
    return name or organization or (_("The network's secretariat") if user.is_coordinator else _("A network member"))


def member_organizations(user) -> list[Organization]:
    """The member organizations the user is staff of, by name (prefetched `memberships` are used if there)."""
    memberships = user.memberships.all()
    if "memberships" not in getattr(user, "_prefetched_objects_cache", {}):
        memberships = memberships.select_related("organization")
    organizations = [
        m.organization for m in memberships if m.organization.membership_status == Organization.MembershipStatus.MEMBER
    ]
    return sorted(organizations, key=lambda org: (str(org).lower(), org.pk))


def notify_comment(comment) -> int:
    """Tell the post's author and those who commented before that a member commented; returns how many
    e-mails were queued. Call inside the transaction that saves the comment."""
    announcement = comment.announcement
    earlier = AnnouncementComment.objects.filter(announcement=announcement, pk__lt=comment.pk).values("author_id")
    users = User.objects.filter(Q(pk=announcement.author_id) | Q(pk__in=earlier))
    who = commenter_name(comment.author)

    def message():
        title = announcement.localized("title").marked()
        subject = _("New comment on: %(title)s") % {"title": Truncator(title).words(SUBJECT_WORDS)}
        body = _("%(who)s commented on “%(title)s”:") % {"who": who, "title": title}
        return subject, f"{body}\n\n{comment.body}"

    return notify(
        Topic.COMMENTS,
        message=message,
        url=f"{announcement.get_absolute_url()}#comment-{comment.pk}",
        announcement=announcement,
        users=users,
        exclude=comment.author,
        dedupe_key=f"comment:{comment.pk}",
    )


def withdraw_comment_emails(comment) -> int:
    """A deleted comment is not mailed: its e-mails not yet sent are withdrawn."""
    return Notification.objects.filter(dedupe_key=f"comment:{comment.pk}", status=Notification.Status.QUEUED).update(
        status=Notification.Status.WITHDRAWN
    )

