"""The life of a review and of an overview edition: start, save, submit, publish, send back, withdraw, assemble,
redact.

Every function runs in a transaction, locks the row it changes, and raises WorkflowError with a message
for the user when the step is not possible (published twice, stale version, wrong status…).
"""

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from members.models import Country, Topic
from members.notifications import notify
from members.security import Kind, log_event

from .models import CountryReview, OverviewEntry, RegionalOverview, ReviewChange, ReviewRevision, ReviewStatistic


class WorkflowError(Exception):
    """A step of the workflow that is not possible now; the message is shown to the user."""


class EditConflict(WorkflowError):
    """The draft changed since the form was loaded; `current` is the revision as now saved."""

    def __init__(self, message, current):
        super().__init__(message)
        self.current = current


def _lock(revision: ReviewRevision) -> ReviewRevision:
    return ReviewRevision.objects.select_for_update(of=("self",)).select_related("review__country").get(pk=revision.pk)


def _log(revision, action, user, fields=(), comment=""):
    ReviewChange.objects.create(revision=revision, action=action, user=user, fields=list(fields), comment=comment)


def describe_revision(revision: ReviewRevision) -> str:
    """A revision as the security log names it (in English, whoever reads the log later)."""
    return f"Country review: {revision.review.country.name} {revision.review.year}, revision {revision.number}"


def start_revision(country: Country, year: int, user, copy_from: ReviewRevision | None = None) -> ReviewRevision:
    """The open draft of the country's review for the year; a new one (copied from the newest revision) if none.

    A review's first revision starts empty, or with the sections (every language, not the statistics: they are
    of other years) of `copy_from`, an earlier year's revision of the same country.
    """
    if copy_from is not None and (copy_from.review.country_id != country.code or copy_from.review.year >= year):
        raise ValueError("A review starts only from an earlier year's review of the same country.")
    try:
        with transaction.atomic():
            review, _created = CountryReview.objects.get_or_create(country=country, year=year, defaults={"created_by": user})
            review = CountryReview.objects.select_for_update().get(pk=review.pk)
            existing = review.revisions.open().first()
            if existing:
                return existing
            base = review.revisions.prefetch_related("statistics").order_by("-number").first()
            source = base or copy_from
            now = timezone.now()
            revision = ReviewRevision.objects.create(
                review=review,
                number=(review.revisions.aggregate(n=Max("number"))["n"] or 0) + 1,
                created_by=user,
                changed_by=user,
                created_at=now,
                updated_at=now,
                **(source.content() if source else {}),
            )
            if base:
                ReviewStatistic.objects.bulk_create(
                    ReviewStatistic(
                        revision=revision,
                        indicator=s.indicator,
                        value=s.value,
                        year=s.year,
                        source=s.source,
                        illustrative=s.illustrative,
                        network_data=s.network_data,
                    )
                    for s in base.statistics.all()
                )
            comment = _("Copied from revision %(number)s.") % {"number": base.number} if base else ""
            if base is None and copy_from is not None:
                comment = _("Sections copied from the %(year)s review, revision %(number)s (not its statistics).") % {
                    "year": copy_from.review.year,
                    "number": copy_from.number,
                }
            _log(revision, ReviewChange.Action.CREATED, user, comment=comment)
            return revision
    except IntegrityError:
        # Two people started a revision at the same moment: the other one won; use theirs.
        return ReviewRevision.objects.open().get(review__country=country, review__year=year)


def save_draft(revision: ReviewRevision, expected_version: int, form, statistics, user) -> list[str]:
    """Save the edit form and statistics formset into the open revision; returns the changed field names.

    Raises EditConflict when someone else saved since the form was loaded: nothing is saved.

    The save takes the next version with a compare-and-set (UPDATE … WHERE version = expected) as the
    transaction's first statement, so of two saves at once exactly one wins and the other gets the conflict,
    on every database: on PostgreSQL the second UPDATE waits for the first to commit, then matches nothing;
    SQLite ignores select_for_update, and a transaction that read before writing failed "database is locked"
    (a 500) where a transaction that starts by writing waits for the lock.
    """
    # Sections by their language's column ("summary_ru"), so the audit trail says which language changed.
    content_fields = ReviewRevision.stored_content_fields()
    changed = [name for name in form.changed_data if name in content_fields]
    if statistics.has_changed():
        changed.append("statistics")
    now = timezone.now()
    with transaction.atomic():
        expected = ReviewRevision.objects.open().filter(pk=revision.pk, version=expected_version)
        if changed:
            won = expected.update(version=expected_version + 1, changed_by=user, updated_at=now)
        else:
            won = expected.exists()
        current = ReviewRevision.objects.select_related("review__country").get(pk=revision.pk)
        if not current.is_open:
            raise WorkflowError(
                _("Revision %(number)s was published or withdrawn meanwhile; nothing was saved.") % {"number": current.number}
            )
        if not won:
            raise EditConflict(
                _(
                    "Someone else saved this draft after you opened it. Nothing of yours was saved: "
                    "compare your text with the saved version below and save again."
                ),
                current,
            )
        if not changed:
            return []
        instance = form.save(commit=False)
        instance.status = current.status
        instance.version = current.version
        instance.changed_by = user
        instance.updated_at = now
        instance.save()
        statistics.instance = instance
        statistics.save()
        _log(instance, ReviewChange.Action.SAVED, user, fields=changed)
        return changed


def _check_version(current, expected_version):
    if expected_version is not None and current.version != expected_version:
        raise WorkflowError(_("This draft was changed after you loaded the page; reload it and check the latest text first."))


def submit(revision: ReviewRevision, user, expected_version=None) -> ReviewRevision:
    with transaction.atomic():
        current = _lock(revision)
        if current.status != ReviewRevision.Status.DRAFT:
            raise WorkflowError(
                _("Only a draft can be submitted; this revision is %(status)s.")
                % {"status": current.get_status_display().lower()}
            )
        _check_version(current, expected_version)
        current.status = ReviewRevision.Status.SUBMITTED
        current.submitted_at = timezone.now()
        current.submitted_by = user
        current.save()
        _log(current, ReviewChange.Action.SUBMITTED, user)
        return current


def check_publishable(revision: ReviewRevision) -> None:
    """Raise WorkflowError unless the revision is open (a draft or submitted): published twice, withdrawn…"""
    if revision.status == ReviewRevision.Status.PUBLISHED:
        raise WorkflowError(_("Revision %(number)s is already published.") % {"number": revision.number})
    if not revision.is_open:
        raise WorkflowError(_("A withdrawn revision cannot be published again; start a new revision."))


def publish(revision: ReviewRevision, user, expected_version=None) -> ReviewRevision:
    """Freeze the revision and make it the public text of the review."""
    with transaction.atomic():
        current = _lock(revision)
        check_publishable(current)
        _check_version(current, expected_version)
        current.status = ReviewRevision.Status.PUBLISHED
        current.published_at = timezone.now()
        current.published_by = user
        current.save()
        _log(current, ReviewChange.Action.PUBLISHED, user)
        log_event(Kind.REVIEW_PUBLISHED, actor=user, target=describe_revision(current))
        review = current.review
        notify(
            Topic.REVIEW_PUBLISHED,
            message=lambda: (
                _("%(country)s: country review %(year)s published") % {"country": review.country.name, "year": review.year},
                # The summary in the recipient's language where written, otherwise marked with its language.
                Truncator(current.localized("summary").marked()).words(120) if current.localized("summary") else str(review),
            ),
            url=review.get_absolute_url(),
            country=review.country,
            dedupe_key=f"review-published:{current.pk}",
        )
        return current


def send_back(revision: ReviewRevision, user, comment: str) -> ReviewRevision:
    with transaction.atomic():
        current = _lock(revision)
        if current.status != ReviewRevision.Status.SUBMITTED:
            raise WorkflowError(_("Only a submitted revision can be sent back."))
        current.status = ReviewRevision.Status.DRAFT
        current.return_comment = comment
        current.save()
        _log(current, ReviewChange.Action.RETURNED, user, comment=comment)
        return current


def withdraw(revision: ReviewRevision, user, comment: str = "") -> ReviewRevision:
    """Take a published revision off the public pages; its text stays frozen and visible to the network."""
    with transaction.atomic():
        current = _lock(revision)
        if current.status != ReviewRevision.Status.PUBLISHED:
            raise WorkflowError(_("Only a published revision can be withdrawn."))
        current.status = ReviewRevision.Status.WITHDRAWN
        current.withdrawn_at = timezone.now()
        current.save()
        _log(current, ReviewChange.Action.WITHDRAWN, user, comment=comment)
        log_event(Kind.REVIEW_WITHDRAWN, actor=user, target=describe_revision(current), detail=comment)
        return current


def latest_published_revisions(year: int) -> dict[str, ReviewRevision]:
    """Country code -> the newest published revision of that country's review for the year."""
    revisions = ReviewRevision.objects.latest_published_per_review().filter(review__year=year).select_related("review")
    return {r.review.country_id: r for r in revisions}


def assemble_overview(overview: RegionalOverview) -> int:
    """Pin the latest published revision of each country's review for the edition's year; returns how many."""
    with transaction.atomic():
        overview = RegionalOverview.objects.select_for_update().get(pk=overview.pk)
        if overview.is_published:
            raise WorkflowError(_("A published edition is frozen; it cannot be refreshed."))
        latest = latest_published_revisions(overview.year)
        overview.entries.all().delete()
        OverviewEntry.objects.bulk_create(
            OverviewEntry(overview=overview, country_id=code, revision=revision) for code, revision in latest.items()
        )
        overview.updated_at = timezone.now()
        overview.save(update_fields=["updated_at"])
        return len(latest)


def describe_overview(overview: RegionalOverview) -> str:
    return f"Regional overview: {overview.year}"


def publish_overview(overview: RegionalOverview, user) -> RegionalOverview:
    with transaction.atomic():
        overview = RegionalOverview.objects.select_for_update().get(pk=overview.pk)
        if overview.is_published:
            raise WorkflowError(_("This edition is already published."))
        entries = list(overview.entries.select_related("revision"))
        if not entries:
            raise WorkflowError(_("No country review is pinned yet: refresh the edition first."))
        if any(e.revision.status != ReviewRevision.Status.PUBLISHED for e in entries):
            raise WorkflowError(_("A pinned review was withdrawn meanwhile: refresh the edition first."))
        overview.status = RegionalOverview.Status.PUBLISHED
        overview.published_at = timezone.now()
        overview.published_by = user
        overview.save()
        log_event(Kind.OVERVIEW_PUBLISHED, actor=user, target=describe_overview(overview))
        notify(
            Topic.OVERVIEW_PUBLISHED,
            message=lambda: (
                _("Regional overview %(year)s published") % {"year": overview.year},
                Truncator(overview.introduction).words(120),
            ),
            url=overview.get_absolute_url(),
            dedupe_key=f"overview-published:{overview.pk}",
        )
        return overview


def redact_withdrawn_text(entry: OverviewEntry, user, reason: str) -> OverviewEntry:
    """Stop a published edition from showing a withdrawn revision's text, figures included: it shows a note instead.

    The edition holds no copy of the text, only the pinned revision, so nothing is erased here: the revision
    itself stays, withdrawn, for the network (its members, representatives and coordinators) to read.
    """
    with transaction.atomic():
        entry = (
            OverviewEntry.objects.select_for_update(of=("self",))
            .select_related("overview", "revision__review__country")
            .get(pk=entry.pk)
        )
        if entry.redacted_at:
            raise WorkflowError(_("This text was already removed from the edition."))
        if not entry.overview.is_published or entry.revision.status != ReviewRevision.Status.WITHDRAWN:
            raise WorkflowError(_("Only a withdrawn review's text can be removed from a published edition."))
        entry.redacted_at = timezone.now()
        entry.redacted_by = user
        entry.save(update_fields=["redacted_at", "redacted_by"])
        log_event(
            Kind.OVERVIEW_TEXT_REDACTED,
            actor=user,
            target=f"{describe_overview(entry.overview)}, {describe_revision(entry.revision)}",
            detail=reason,
        )
        return entry
