"""The annual report's content: assembled from one year's records of every app, and frozen when published.

`snapshot_of(report)` gathers the sections as a JSON-serializable dict: the year's published regional overview,
the forums held and the state of their follow-up, membership changes, laws and agreements that changed, the
announcements the public may read, and figures at a glance. Publishing stores it on the report
(`publish_report`); a published report is shown from that dict alone, so later edits of the records never
change it. A draft is assembled afresh on every view, with the same dict.

What the dict keeps so that each reader still gets their language: texts written in several languages as all
their languages (`{"original": "en", "texts": {"en": …, "ru": …}}`), choice values and countries as codes;
`for_reader()` picks the reader's text and translates the labels when the page is rendered.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django.db.models import Count, Min, OuterRef, Prefetch, Q, Subquery
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext as _

from countryreviews.models import OverviewEntry, RegionalOverview
from forums.models import ActionItem, Forum
from members.content import CONTENT_LANGUAGES, Localized, reader_language
from members.models import (
    Agreement,
    AgreementStatusChange,
    Announcement,
    Application,
    Country,
    LegalAmendment,
    LegalInstrument,
    Organization,
    Topic,
)
from members.notifications import notify
from members.permissions import visible_announcements
from strategy.models import Strategy, period_text
from strategy.progress import progress_of

from .models import AnnualReport

SNAPSHOT_VERSION = 1
EXCERPT_WORDS = 80
OPEN = (ActionItem.Status.PLANNED, ActionItem.Status.IN_PROGRESS)


class ReportError(Exception):
    """A step that is not possible now (published twice…); the message is shown to the user."""


# --- storing ------------------------------------------------------------------------------------------------


def stored_texts(obj, name: str, words: int = 0) -> dict:
    """A translated field in every language it is written in, and its original language."""
    texts = {}
    for code in CONTENT_LANGUAGES:
        if text := obj.text_in(name, code):
            texts[code] = Truncator(text).words(words) if words else text
    return {"original": obj.original_language, "texts": texts}


def _url(obj) -> str:
    try:
        return obj.get_absolute_url()
    except NoReverseMatch:  # a register whose pages are not there (yet)
        return ""


def _country(country) -> dict:
    return {"code": country.code, "name": country.name}


def _year_bounds(year: int):
    zone = timezone.get_current_timezone()
    return (
        datetime.datetime(year, 1, 1, tzinfo=zone),
        datetime.datetime(year + 1, 1, 1, tzinfo=zone),
    )


def _overview(year: int) -> dict | None:
    overview = (
        RegionalOverview.objects.published()
        .filter(year=year)
        .prefetch_related(Prefetch("entries", queryset=OverviewEntry.objects.select_related("country")))
        .first()
    )
    if overview is None:
        return None
    return {
        "year": overview.year,
        "title": overview.title,
        "url": overview.get_absolute_url(),
        "introduction": Truncator(overview.introduction).words(EXCERPT_WORDS),
        "published_on": timezone.localdate(overview.published_at).isoformat() if overview.published_at else "",
        "countries": [_country(entry.country) for entry in overview.entries.all()],
    }


def _forums(year: int, today: datetime.date) -> list[dict]:
    items = "action_items"
    forums = (
        Forum.objects.filter(status=Forum.Status.HELD, start_date__year=year)
        .select_related("country")
        .annotate(
            recommendation_count=Count("recommendations", distinct=True),
            done=Count(items, filter=Q(action_items__status=ActionItem.Status.DONE), distinct=True),
            dropped=Count(items, filter=Q(action_items__status=ActionItem.Status.DROPPED), distinct=True),
            open=Count(items, filter=Q(action_items__status__in=OPEN), distinct=True),
            overdue=Count(items, filter=Q(action_items__status__in=OPEN, action_items__due_date__lt=today), distinct=True),
        )
        .order_by("start_date", "pk")
    )
    return [
        {
            "title": stored_texts(forum, "title"),
            "url": forum.get_absolute_url(),
            "kind": forum.kind,
            "start": forum.start_date.isoformat(),
            "end": forum.end_date.isoformat(),
            "tentative": forum.dates_tentative,
            "venue": forum.venue,
            "city": forum.city,
            "country": _country(forum.country),
            "recommendations": forum.recommendation_count,
            "actions": {
                "done": forum.done,
                "in_progress": forum.open - forum.overdue,
                "overdue": forum.overdue,
                "dropped": forum.dropped,
            },
        }
        for forum in forums
    ]


def _organization(organization) -> dict:
    return {
        "name": organization.name,
        "acronym": organization.distinct_acronym,
        "url": organization.get_absolute_url(),
        "country": _country(organization.country),
    }


def _membership_changes(year: int) -> dict:
    """Who joined (an application approved, or its first record as a member, in the year) and who left (recorded
    as a former member in the year, and still one). Applicants are never named: listed() leaves them out."""
    history = Organization.history.model
    became_member = (
        history.objects.filter(membership_status=Organization.MembershipStatus.MEMBER)
        .values("id")
        .annotate(first=Min("history_date"))
        .filter(first__year=year)
        .values("id")
    )
    approved = Application.objects.filter(
        status=Application.Status.APPROVED, decided_at__year=year, organization__isnull=False
    ).values("organization")
    listed = Organization.objects.listed().select_related("country").order_by("country__order", "name", "pk")
    joined = listed.filter(Q(pk__in=became_member) | Q(pk__in=approved))
    left = listed.filter(
        membership_status=Organization.MembershipStatus.FORMER,
        pk__in=history.objects.filter(
            membership_status=Organization.MembershipStatus.FORMER, history_date__year=year
        ).values("id"),
    )
    return {"joined": [_organization(o) for o in joined], "left": [_organization(o) for o in left]}


def _members_by_country(year: int) -> list[dict] | None:
    """Member organizations per country at the end of the year, from the directory's history; None when the
    history does not go back that far."""
    history = Organization.history.model
    _start, end = _year_bounds(year)
    status_then = Subquery(
        history.objects.filter(id=OuterRef("pk"), history_date__lt=end)
        .order_by("-history_date", "-history_id")
        .values("membership_status")[:1]
    )
    counts = dict(
        Organization.objects.annotate(status_then=status_then)
        .filter(status_then=Organization.MembershipStatus.MEMBER)
        .values_list("country")
        .annotate(n=Count("pk"))
        .order_by()
    )
    if not counts:
        return None
    return [{**_country(c), "count": counts.get(c.code, 0)} for c in Country.objects.all()]


def _laws(year: int) -> dict:
    adopted = LegalInstrument.objects.filter(year_adopted=year).select_related("country").order_by(
        "country__order", "country__name", "pk"
    )
    amended = LegalAmendment.objects.filter(year=year).select_related("instrument__country").order_by(
        "instrument__country__order", "instrument__country__name", "pk"
    )
    return {
        "adopted": [
            {
                "title": stored_texts(law, "title"),
                "kind": law.kind,
                "country": _country(law.country),
                "url": _url(law),
            }
            for law in adopted
        ],
        "amended": [
            {
                "title": stored_texts(amendment.instrument, "title"),
                "summary": stored_texts(amendment, "summary", words=EXCERPT_WORDS),
                "kind": amendment.instrument.kind,
                "country": _country(amendment.instrument.country),
                "url": _url(amendment.instrument),
            }
            for amendment in amended
        ],
    }


def _agreement_changes(year: int) -> list[dict]:
    changes = AgreementStatusChange.objects.filter(date__year=year).select_related("agreement").order_by("date", "pk")
    return [
        {
            "title": stored_texts(change.agreement, "title"),
            "kind": change.agreement.kind,
            "status": change.status,
            "date": change.date.isoformat(),
            "url": _url(change.agreement),
        }
        for change in changes
    ]


def _announcements(year: int) -> list[dict]:
    """Only what the public may read: the report is public (never a members-only or hidden post)."""
    start, end = _year_bounds(year)
    posts = visible_announcements(AnonymousUser()).filter(created_at__gte=start, created_at__lt=end)
    return [
        {
            "title": stored_texts(post, "title"),
            "kind": post.kind,
            "date": timezone.localdate(post.created_at).isoformat(),
            "url": post.get_absolute_url(),
        }
        for post in posts.order_by("created_at", "pk")
    ]


def _amount(value) -> str | None:
    """A decimal as stored: two decimal places, whatever the database returns for a sum."""
    return None if value is None else f"{Decimal(value):.2f}"


def _strategy(year: int, today: datetime.date) -> dict:
    """The strategy in force during the year (the version adopted last by the year's end whose period covers
    it), with each objective's indicators for the year, its work as of `today` and the year's PUBLIC budget per
    currency. Without one, only the period of a draft being prepared: a draft's content is never public."""
    strategy = (
        Strategy.objects.adopted()
        .filter(adopted_on__lte=datetime.date(year, 12, 31), start_year__lte=year, end_year__gte=year)
        .select_related("adopted_at")
        .order_by("-adopted_on", "-version", "-pk")
        .first()
    )
    if strategy is None:
        draft = Strategy.objects.filter(status=Strategy.Status.DRAFT, end_year__gte=year).order_by("start_year", "pk")
        draft = draft.values("start_year", "end_year").first()
        return {"in_force": None, "draft_period": [draft["start_year"], draft["end_year"]] if draft else []}
    progress = progress_of(strategy, AnonymousUser(), on=today, year=year)

    def budget(rows):
        return [{key: _amount(row[key]) if key != "currency" else row[key] for key in row} for row in rows]

    objectives = []
    for row in progress.objectives:
        indicators = []
        for item in row.indicators:
            figure = next((f for f in item.years if f.year == year), None)
            indicators.append({
                "text": stored_texts(item.indicator, "text"),
                "target": _amount(figure.target) if figure else None,
                "result": _amount(figure.result) if figure else None,
                "state": figure.state_on(today) if figure else "",
            })
        objectives.append({
            "code": row.objective.code,
            "title": stored_texts(row.objective, "title"),
            "goal": {"code": row.objective.goal.code, "title": stored_texts(row.objective.goal, "title")},
            "indicators": indicators,
            "activities": row.activities.as_dict(),
            "action_items": row.action_items.as_dict(),
            "budget": budget(row.budget),
        })
    return {
        "in_force": {
            "title": stored_texts(strategy, "title"),
            "period": [strategy.start_year, strategy.end_year],
            "url": strategy.get_absolute_url(),
            "adopted_on": strategy.adopted_on.isoformat(),
            "adopted_at": stored_texts(strategy.adopted_at, "title") if strategy.adopted_at else None,
            "objectives": objectives,
            "activities": progress.activities.as_dict(),
            "action_items": progress.action_items.as_dict(),
            "budget": budget(progress.budget),
        },
        "draft_period": [],
    }


def snapshot_of(report: AnnualReport, today: datetime.date | None = None) -> dict:
    """Everything the report shows, as of `today` (the follow-up's state), JSON-serializable."""
    today = today or timezone.localdate()
    year = report.year
    forums = _forums(year, today)
    return {
        "version": SNAPSHOT_VERSION,
        "year": year,
        "as_of": today.isoformat(),
        "title": stored_texts(report, "title"),
        "introduction": stored_texts(report, "introduction"),
        "overview": _overview(year),
        "forums": forums,
        "members": _membership_changes(year),
        "laws": _laws(year),
        "agreements": _agreement_changes(year),
        "announcements": _announcements(year),
        "strategy": _strategy(year, today),
        "figures": {
            "members_by_country": _members_by_country(year),
            "forums": len(forums),
            "recommendations": sum(f["recommendations"] for f in forums),
            "actions_done": sum(f["actions"]["done"] for f in forums),
            "actions": sum(sum(f["actions"].values()) for f in forums),
        },
    }


def publish_report(report: AnnualReport, user) -> AnnualReport:
    """Freeze the report's content and make it public; subscribers are told by e-mail."""
    with transaction.atomic():
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.is_published:
            raise ReportError(_("This report is already published."))
        now = timezone.now()
        report.snapshot = snapshot_of(report)
        report.status = AnnualReport.Status.PUBLISHED
        report.published_at = now
        report.published_by = user
        report.updated_at = now
        report.save()
        notify(
            Topic.ANNUAL_REPORT,
            # Called in each recipient's language: the title and introduction in theirs where written.
            message=lambda: (
                _("%(title)s published") % {"title": report.display_title},
                Truncator(report.localized("introduction").marked()).words(120),
            ),
            url=report.get_absolute_url(),
            dedupe_key=f"annual-report-published:{report.pk}",
        )
        return report


# --- reading ------------------------------------------------------------------------------------------------


def read_text(stored) -> Localized:
    """A stored text for the reader: their language where written, else the original, else any."""
    if not isinstance(stored, dict):
        return Localized(str(stored or ""), reader_language())
    texts = stored.get("texts") or {}
    language = reader_language()
    for candidate in (language, stored.get("original"), *CONTENT_LANGUAGES):
        if texts.get(candidate):
            return Localized(texts[candidate], candidate)
    return Localized("", language)


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return str(value)


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _country_name(stored) -> str:
    return gettext(stored["name"]) if stored else ""


@dataclass
class ReportContent:
    """A report's sections as a page shows them to the current reader."""

    year: int
    as_of: datetime.date | None
    title: Localized
    introduction: Localized
    overview: dict | None
    forums: list = field(default_factory=list)
    joined: list = field(default_factory=list)
    left: list = field(default_factory=list)
    laws_adopted: list = field(default_factory=list)
    laws_amended: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    announcements: list = field(default_factory=list)
    figures: dict = field(default_factory=dict)
    strategy: dict | None = None  # None: a snapshot published before the report had a strategy section

    @property
    def empty_sections(self) -> list[str]:
        """The sections that will say "nothing to report" (shown before publishing)."""
        sections = [
            (self.overview, _("Regional overview")),
            (self.forums, _("Forums held")),
            (self.joined or self.left, _("Membership")),
            (self.laws_adopted or self.laws_amended, _("Laws and action plans")),
            (self.agreements, _("Agreements")),
            (self.announcements, _("Announcements")),
            (self.strategy and self.strategy["in_force"], _("The network's strategy")),
        ]
        return [label for present, label in sections if not present]


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _period(years: list) -> str:
    """A stored [first year, last year] as "2019–2023", isolated on right-to-left pages."""
    return period_text(*years) if years else ""


def _strategy_for_reader(stored: dict | None) -> dict | None:
    """The strategy section with texts in the reader's language and amounts as numbers; None in old snapshots."""
    if stored is None:
        return None
    if not stored.get("in_force"):
        return {**stored, "draft_period": _period(stored.get("draft_period"))}

    def work(counts):
        return {**counts, "total": sum(counts.values())}

    def budget(rows):
        return [{**row, **{k: _decimal(row[k]) for k in ("planned", "secured", "spent")}} for row in rows]

    strategy = stored["in_force"]
    objectives = [
        {
            **objective,
            "title": read_text(objective["title"]),
            "goal": {**objective["goal"], "title": read_text(objective["goal"]["title"])},
            "indicators": [
                {**row, "text": read_text(row["text"]), "target": _decimal(row["target"]), "result": _decimal(row["result"])}
                for row in objective["indicators"]
            ],
            "activities": work(objective["activities"]),
            "action_items": work(objective["action_items"]),
            "budget": budget(objective["budget"]),
        }
        for objective in strategy["objectives"]
    ]
    return {
        **stored,
        "in_force": {
            **strategy,
            "title": read_text(strategy["title"]),
            "period": _period(strategy["period"]),
            "adopted_on": _date(strategy["adopted_on"]),
            "adopted_at": read_text(strategy["adopted_at"]) if strategy.get("adopted_at") else None,
            "objectives": objectives,
            "activities": work(strategy["activities"]),
            "action_items": work(strategy["action_items"]),
            "budget": budget(strategy["budget"]),
        },
    }


def for_reader(data: dict) -> ReportContent:
    """A stored (or freshly assembled) report's dict, with texts in the reader's language and labels translated."""
    overview = data.get("overview")
    if overview:
        overview = {
            **overview,
            "title": overview["title"] or _("Regional overview %(year)s") % {"year": overview["year"]},
            "published_on": _date(overview.get("published_on", "")),
            "countries": [_country_name(c) for c in overview.get("countries", [])],
        }
    forums = []
    for forum in data.get("forums", []):
        dates = Forum(
            start_date=_date(forum["start"]), end_date=_date(forum["end"]), dates_tentative=forum["tentative"]
        ).dates_display
        place = ", ".join(part for part in [forum["venue"], forum["city"], _country_name(forum["country"])] if part)
        forums.append(
            {
                **forum,
                "title": read_text(forum["title"]),
                "kind": _label(Forum.Kind, forum["kind"]),
                "dates": dates,
                "place": place,
                "total_actions": sum(forum["actions"].values()),
            }
        )

    def organizations(rows):
        return [{**row, "country": _country_name(row["country"])} for row in rows]

    def law(row):
        return {
            **row,
            "title": read_text(row["title"]),
            "summary": read_text(row.get("summary")),
            "kind": _label(LegalInstrument.Kind, row["kind"]),
            "country": _country_name(row["country"]),
        }

    members = data.get("members", {})
    laws = data.get("laws", {})
    figures = dict(data.get("figures", {}))
    if figures.get("members_by_country"):
        figures["members_by_country"] = [
            {**row, "name": _country_name(row)} for row in figures["members_by_country"]
        ]
    return ReportContent(
        year=data.get("year"),
        as_of=_date(data.get("as_of", "")),
        title=read_text(data.get("title")),
        introduction=read_text(data.get("introduction")),
        overview=overview,
        forums=forums,
        joined=organizations(members.get("joined", [])),
        left=organizations(members.get("left", [])),
        laws_adopted=[law(row) for row in laws.get("adopted", [])],
        laws_amended=[law(row) for row in laws.get("amended", [])],
        agreements=[
            {
                **row,
                "title": read_text(row["title"]),
                "kind": _label(Agreement.Kind, row["kind"]),
                "status": _label(Agreement.Status, row["status"]),
                "date": _date(row["date"]),
            }
            for row in data.get("agreements", [])
        ],
        announcements=[
            {
                **row,
                "title": read_text(row["title"]),
                "kind": _label(Announcement.Kind, row["kind"]),
                "date": _date(row["date"]),
            }
            for row in data.get("announcements", [])
        ],
        figures=figures,
        strategy=_strategy_for_reader(data.get("strategy")),
    )


def content_of(report: AnnualReport) -> ReportContent:
    """What the report's page shows: the frozen snapshot once published, the records as they are now for a draft."""
    return for_reader(report.snapshot if report.is_published else snapshot_of(report))
