"""The legislation register read "as of" a year: a country's legal framework as a review or an overview of that
year states it (members/models/legal.py). Country reviews and the regional overview read it from here."""

from dataclasses import dataclass, field

from django.db.models import Prefetch, Q

from .models import LegalAmendment, LegalInstrument


@dataclass
class InForce:
    """An instrument in force at the end of a year, with its amendments up to that year."""

    instrument: LegalInstrument
    amendments: list = field(default_factory=list)

    @property
    def last_amended(self) -> int | None:
        return self.amendments[-1].year if self.amendments else None


def in_force(year: int, countries=None) -> dict[str, list[InForce]]:
    """Each country's laws, plans and regulations in force at the end of `year` ({country code: [InForce]}),
    with the amendments made up to that year; two queries whatever the size. An instrument replaced, repealed or
    ended before `year` is left out; one replaced that very year is still shown."""
    instruments = (
        LegalInstrument.objects.as_of(year)
        .exclude(year_until__lt=year)
        .exclude(Q(replaced_by__isnull=False) & Q(replaced_by__year_adopted__lt=year))
        .prefetch_related(
            Prefetch("amendments", queryset=LegalAmendment.objects.filter(year__lte=year), to_attr="amendments_as_of")
        )
    )
    if countries is not None:
        instruments = instruments.filter(country__in=countries)
    framework: dict[str, list[InForce]] = {}
    for instrument in instruments:
        framework.setdefault(instrument.country_id, []).append(InForce(instrument, instrument.amendments_as_of))
    return framework


def laws_only(entries: list[InForce]) -> list[InForce]:
    return [entry for entry in entries if entry.instrument.kind == LegalInstrument.Kind.LAW]
