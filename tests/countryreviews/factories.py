"""Builders for country review test data."""

from django.utils import timezone

from countryreviews.models import CountryReview, OverviewEntry, RegionalOverview, ReviewRevision, ReviewStatistic
from members.models import Country


def make_revision(country="TJ", year=2017, status=ReviewRevision.Status.DRAFT, number=None, statistics=(), **content):
    """A revision of the country's review (created if needed); statistics: (indicator, year, value[, illustrative])."""
    review, _ = CountryReview.objects.get_or_create(country=Country.objects.get(code=country), year=year)
    if number is None:
        number = review.revisions.count() + 1
    content.setdefault("summary", f"Summary of {country} {year} r{number}")
    revision = ReviewRevision.objects.create(review=review, number=number, **content)
    for indicator, stat_year, value, *rest in statistics:
        ReviewStatistic.objects.create(
            revision=revision, indicator=indicator, year=stat_year, value=value, illustrative=bool(rest and rest[0])
        )
    if status != ReviewRevision.Status.DRAFT:
        revision.status = status
        if status in (ReviewRevision.Status.PUBLISHED, ReviewRevision.Status.WITHDRAWN):
            revision.published_at = timezone.now()
        revision.save()
    return revision


def make_overview(year=2017, revisions=(), published=False, **extra):
    overview = RegionalOverview.objects.create(year=year, **extra)
    for revision in revisions:
        OverviewEntry.objects.create(overview=overview, country=revision.review.country, revision=revision)
    if published:
        overview.status = RegionalOverview.Status.PUBLISHED
        overview.published_at = timezone.now()
        overview.save()
    return overview
