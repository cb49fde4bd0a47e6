"""Who may see, write, publish and withdraw country reviews and overview editions. Views and templates ask these.

- Published revisions and published overview editions are public.
- Drafts (open or withdrawn revisions) are visible to members of that country's organizations, to any
  steering committee representative and to coordinators; to everyone else they do not exist (404).
- Members of the country, its representative and coordinators write and submit drafts.
- Only the country's representative or a coordinator publishes, sends back or withdraws (403 for others).
- Any representative or a coordinator assembles and publishes a regional overview edition.
- Only a coordinator removes a withdrawn review's text from a published edition (redaction).
"""

from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from members.models import Country, get_country_or_404
from members.permissions import (
    can_see_user_name,
    hides_names_from,
    is_coordinator,
    is_member_in,
    is_steering_representative,
    member_countries,
    permission_required,  # noqa: F401  the views' decorator, offered here with this app's predicates
    register,
    require,
)

from .models import CountryReview, OverviewEntry, RegionalOverview, ReviewRevision


def can_see_drafts(user, country) -> bool:
    return is_coordinator(user) or is_steering_representative(user) or is_member_in(user, country)


def can_edit_review(user, country) -> bool:
    """Write, submit and start revisions of the country's review."""
    return is_coordinator(user) or is_member_in(user, country) or is_steering_representative(user, country)


def can_publish_review(user, country) -> bool:
    """Publish, send back and withdraw: the country's steering representative or a coordinator."""
    return is_coordinator(user) or is_steering_representative(user, country)


def can_manage_overview(user) -> bool:
    return is_coordinator(user) or is_steering_representative(user)


def can_redact_overview_text(user) -> bool:
    """Removing text from a published edition is recorded in the security log; the secretariat's decision."""
    return is_coordinator(user)


def visible_revisions(user, country) -> QuerySet:
    revisions = ReviewRevision.objects.all()
    if can_see_drafts(user, country):
        return revisions
    return revisions.published()


def visible_revisions_everywhere(user) -> QuerySet:
    """Revisions of every country the user may read: published ones, plus drafts where can_see_drafts."""
    revisions = ReviewRevision.objects.all()
    if is_coordinator(user) or is_steering_representative(user):
        return revisions
    return revisions.filter(Q(status=ReviewRevision.Status.PUBLISHED) | Q(review__country__in=member_countries(user)))


def visible_overviews(user) -> QuerySet:
    if can_manage_overview(user):
        return RegionalOverview.objects.all()
    return RegionalOverview.objects.published()


def can_see_publisher_name(user, revision) -> bool:
    """Who published a revision is named, unless names are hidden from the user: the publisher's (members
    .permissions.can_see_user_name) or the review's country's, whose representative publishes it."""
    return not hides_names_from(user, revision.review.country) and can_see_user_name(user, revision.published_by)


register(
    "countryreviews",
    can_see_drafts,
    can_edit_review,
    can_publish_review,
    can_manage_overview,
    can_redact_overview_text,
    can_see_publisher_name,
)


def get_editable_review(user, code: str, year: int):
    """(country, review or None) for the edit page: 404 if the user sees no revision of it, 403 if not theirs."""
    country = get_country_or_404(code)
    review = CountryReview.objects.filter(country=country, year=year).first()
    may_edit = can_edit_review(user, country)
    if not may_edit and (review is None or not visible_revisions(user, country).filter(review=review).exists()):
        raise Http404
    require(may_edit)
    return country, review


def _get_revision_for(user, code: str, year: int, number: int, may_act) -> ReviewRevision:
    """A revision the user acts on: 404 if they may not see it, 403 unless may_act(user, country)."""
    country = get_country_or_404(code)
    revision = get_object_or_404(
        visible_revisions(user, country).select_related("review__country"),
        review__country=country,
        review__year=year,
        number=number,
    )
    require(may_act(user, country))
    return revision


def get_revision_to_decide(user, code: str, year: int, number: int) -> ReviewRevision:
    """A revision to publish, send back or withdraw: only the representative or a coordinator."""
    return _get_revision_for(user, code, year, number, can_publish_review)


def get_revision_to_submit(user, code: str, year: int, number: int) -> ReviewRevision:
    return _get_revision_for(user, code, year, number, can_edit_review)


def get_overview(user, year: int) -> RegionalOverview:
    return get_object_or_404(visible_overviews(user), year=year)


def get_manageable_overview(user, year: int) -> RegionalOverview:
    """An edition to assemble or publish: 404 if unseen (drafts), 403 if published but not theirs to manage."""
    overview = get_object_or_404(visible_overviews(user), year=year)
    require(can_manage_overview(user))
    return overview


def get_redactable_entry(user, year: int, code: str) -> OverviewEntry:
    """A withdrawn revision pinned in a published edition, to redact: 404 if the user may not see the edition or
    there is no such entry, 403 for everyone but coordinators."""
    overview = get_overview(user, year)
    require(can_redact_overview_text(user))
    return get_object_or_404(
        OverviewEntry.objects.select_related("overview", "revision__review__country"),
        overview=overview,
        overview__status=RegionalOverview.Status.PUBLISHED,
        country_id=Country.normalize_code(code),
        revision__status=ReviewRevision.Status.WITHDRAWN,
    )
