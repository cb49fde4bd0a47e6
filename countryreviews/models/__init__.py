"""Country reviews and regional overview editions; import them from here (`from countryreviews.models import …`)."""

from .overview import OverviewEntry, OverviewQuerySet, RegionalOverview
from .reviews import (
    LAW_YEAR_VALIDATORS,
    MIN_LAW_YEAR,
    MIN_YEAR,
    YEAR_VALIDATORS,
    CountryReview,
    ImmutableRevisionError,
    ReviewChange,
    ReviewRevision,
    ReviewStatistic,
    RevisionQuerySet,
    YearRangeValidator,
    max_year,
)

__all__ = [
    "LAW_YEAR_VALIDATORS",
    "MIN_LAW_YEAR",
    "MIN_YEAR",
    "YEAR_VALIDATORS",
    "CountryReview",
    "ImmutableRevisionError",
    "OverviewEntry",
    "OverviewQuerySet",
    "RegionalOverview",
    "ReviewChange",
    "ReviewRevision",
    "ReviewStatistic",
    "RevisionQuerySet",
    "YearRangeValidator",
    "max_year",
]
