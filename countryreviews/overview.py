"""The regional overview's content: the side-by-side comparison, its charts and its CSV, built from pinned revisions."""

import csv
import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from members.exports import neutralize
from members.laws import in_force, laws_only
from members.models import Country

from .charts import bar_chart
from .disclosure import disclosed_statistics
from .disclosure import threshold as small_number_threshold
from .models import RegionalOverview, ReviewRevision, ReviewStatistic

Indicator = ReviewStatistic.Indicator

# Key statistics compared across countries, for the edition's year.
KEY_INDICATORS = [
    Indicator.VICTIMS_IDENTIFIED,
    Indicator.VICTIMS_FEMALE,
    Indicator.VICTIMS_MALE,
    Indicator.VICTIMS_CHILDREN,
    Indicator.CASES_INVESTIGATED,
    Indicator.PROSECUTIONS,
    Indicator.CONVICTIONS,
    Indicator.HOTLINE_CALLS,
    Indicator.SHELTER_ADMISSIONS,
]

# Text topics of the comparison: (label, revision field).
TEXT_TOPICS = [
    (gettext_lazy("National coordination body"), "coordination_body"),
    (gettext_lazy("National action plan"), "action_plan"),
    (gettext_lazy("Hotlines"), "hotlines"),
    (gettext_lazy("Shelters"), "shelters"),
    (gettext_lazy("National NGO network"), "ngo_network"),
    (gettext_lazy("MOU between the NGO network and the government"), "mou_status"),
]


@dataclass
class Column:
    """One country in the comparison: its pinned revision, or None when it has not published a review.

    A withdrawn revision whose text a coordinator redacted from the edition is None too, so that no part of the
    page or the CSV can show it; `withdrawn_at` is then set, for the note that replaces it.
    """

    country: Country
    revision: ReviewRevision | None
    withdrawn_at: datetime.datetime | None = None
    laws: list | None = None  # the country's laws in the legislation register as of the edition's year

    def stat(self, indicator, year):
        """The figure as published (a DisclosedValue: small numbers hidden), or None when not reported."""
        return disclosed_statistics(self.revision).get(indicator, year) if self.revision else None

    @property
    def link(self) -> str:
        """The pinned revision's page, or "" once it was withdrawn (the public can no longer open it)."""
        if self.revision is None or self.revision.status == ReviewRevision.Status.WITHDRAWN:
            return ""
        return self.revision.get_absolute_url()


def law_text(revision: ReviewRevision | None, laws=None) -> str | None:
    """The country's laws from the register as of the edition's year (members.laws.InForce entries); where it
    has none, the law an old revision typed in."""
    if revision is None:
        return None
    if laws:
        return "; ".join(_register_law_text(entry) for entry in laws)
    if not (revision.law_name or revision.law_year_adopted):
        return None
    parts = []
    if revision.law_year_adopted:
        parts.append(_("adopted %(year)s") % {"year": revision.law_year_adopted})
    if revision.law_year_amended:
        parts.append(_("amended %(year)s") % {"year": revision.law_year_amended})
    name = revision.law_name or _("Anti-trafficking law")
    return f"{name} ({'; '.join(parts)})" if parts else name


def _register_law_text(entry) -> str:
    parts = [_("adopted %(year)s") % {"year": entry.instrument.year_adopted}]
    if entry.amendments:
        parts.append(_("amended %(year)s") % {"year": ", ".join(str(a.year) for a in entry.amendments)})
    return f"{entry.instrument.localized('title')} ({'; '.join(parts)})"


def law_csv_cells(column: Column) -> list:
    """The CSV's law, year adopted and years amended: from the register, else from the revision."""
    if column.laws:
        return [
            "; ".join(str(entry.instrument.localized("title")) for entry in column.laws),
            "; ".join(str(entry.instrument.year_adopted) for entry in column.laws),
            "; ".join(", ".join(str(a.year) for a in entry.amendments) for entry in column.laws).strip("; "),
        ]
    revision = column.revision
    return [revision.law_name, revision.law_year_adopted or "", revision.law_year_amended or ""]


def load_columns(overview: RegionalOverview) -> list[Column]:
    """Every country of the network, with its pinned revision and its laws in the register as of the edition's
    year (5 queries whatever the size)."""
    entries = {
        entry.country_id: entry
        for entry in overview.entries.select_related("revision__review__country", "revision__published_by").prefetch_related(
            "revision__statistics"
        )
    }
    framework = in_force(overview.year)
    columns = [_column(country, entries.get(country.code)) for country in Country.objects.all()]
    for column in columns:
        column.laws = laws_only(framework.get(column.country.code, []))
    return columns


def _column(country: Country, entry) -> Column:
    if entry is None:
        return Column(country, None)
    if entry.redacted_at:
        return Column(country, None, withdrawn_at=entry.revision.withdrawn_at or entry.redacted_at)
    return Column(country, entry.revision)


def redaction_note(column: Column) -> str:
    """What the edition says instead of a redacted country's text."""
    date = timezone.localdate(column.withdrawn_at).isoformat()
    return _("This text was withdrawn by the network on %(date)s.") % {"date": date}


def comparison(overview: RegionalOverview, columns: list[Column]) -> dict:
    """The side-by-side table: text rows and statistics rows, a cell per country (None = no data)."""
    text_rows = [(_("Anti-trafficking law"), [law_text(c.revision, c.laws) for c in columns])]
    for label, name in TEXT_TOPICS:
        text_rows.append((label, [(getattr(c.revision, name) or None) if c.revision else None for c in columns]))
    stat_rows = [
        (Indicator(indicator).label, [c.stat(indicator, overview.year) for c in columns]) for indicator in KEY_INDICATORS
    ]
    by_country = [(column, [(label, cells[index]) for label, cells in text_rows]) for index, column in enumerate(columns)]
    shown = [cell for _label, cells in stat_rows for cell in cells if cell is not None]
    return {
        "text_rows": text_rows,
        "stat_rows": stat_rows,
        "by_country": by_country,
        "has_small": any(cell.small for cell in shown),
        "has_withheld": any(cell.withheld for cell in shown),
        "small_number_threshold": small_number_threshold(),
    }


def charts(overview: RegionalOverview, columns: list[Column]) -> list:
    year = overview.year

    def cell(column, indicator, cell_year):
        return column.stat(indicator, cell_year)

    result = [
        bar_chart(
            "victims",
            _("Victims identified, %(year)s") % {"year": year},
            [_("Victims identified")],
            [(c.country.name, [cell(c, Indicator.VICTIMS_IDENTIFIED, year)]) for c in columns],
        ),
        bar_chart(
            "prosecutions",
            _("Prosecutions and convictions, %(year)s") % {"year": year},
            [_("Prosecutions"), _("Convictions")],
            [(c.country.name, [cell(c, Indicator.PROSECUTIONS, year), cell(c, Indicator.CONVICTIONS, year)]) for c in columns],
        ),
    ]
    for indicator, slug, title in [
        (Indicator.VICTIMS_IDENTIFIED, "victims-by-year", _("Victims identified by year")),
        (Indicator.PROSECUTIONS, "prosecutions-by-year", _("Prosecutions by year")),
    ]:
        years = sorted({s.year for c in columns if c.revision for s in c.revision.statistics.all() if s.indicator == indicator})
        if len(years) > 1:
            result.append(
                bar_chart(
                    slug,
                    title,
                    [str(y) for y in years],
                    [(c.country.name, [cell(c, indicator, y) for y in years]) for c in columns],
                )
            )
    return result


def write_csv(overview: RegionalOverview, columns: list[Column], stream, base_url: str = "") -> None:
    """The comparison as CSV, one row per country: what a journalist or donor pastes into a spreadsheet."""
    writer = csv.writer(stream)
    header = [
        _("Country"),
        _("ISO code"),
        _("Review year"),
        _("Revision"),
        _("Published on"),
        _("Anti-trafficking law"),
        _("Law adopted"),
        _("Law amended"),
        *[str(label) for label, _name in TEXT_TOPICS],
        *[f"{Indicator(i).label} {overview.year}" for i in KEY_INDICATORS],
        _("Illustrative figures (not from a published source)"),
        _("Summary"),
        _("Language of the summary"),
        _("Full review"),
    ]
    writer.writerow(header)
    writer = _NeutralizingWriter(writer)
    for column in columns:
        revision = column.revision
        if revision is None:
            # Nothing but the country; for a redacted one, the note in the summary's place.
            summary = redaction_note(column) if column.withdrawn_at else ""
            writer.writerow([column.country.name, column.country.code, *[""] * (len(header) - 5), summary, "", ""])
            continue
        stats = [column.stat(i, overview.year) for i in KEY_INDICATORS]
        # The summary in the reader's language where written, otherwise in its own, which the next column names.
        summary = revision.localized("summary")
        writer.writerow(
            [
                column.country.name,
                column.country.code,
                revision.review.year,
                revision.number,
                revision.published_at.date().isoformat() if revision.published_at else "",
                *law_csv_cells(column),
                *[getattr(revision, name) for _label, name in TEXT_TOPICS],
                *["" if s is None else s.csv_text for s in stats],
                "; ".join(str(Indicator(s.indicator).label) for s in stats if s is not None and s.illustrative),
                summary.text,
                summary.language_name if summary else "",
                base_url + revision.get_absolute_url(),
            ]
        )


class _NeutralizingWriter:
    """A csv writer whose cells never start like a spreadsheet formula (members.exports.neutralize)."""

    def __init__(self, writer):
        self.writer = writer

    def writerow(self, row):
        self.writer.writerow([neutralize(cell) for cell in row])
