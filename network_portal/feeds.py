"""Public Atom and RSS feeds of what the network publishes: country reviews, overview editions, forums, new members.

Only public content goes out: published review revisions (a withdrawn one drops out of the feed), published
overview editions, forum records (public, without participants or their contacts) and member organizations.
Each feed is one query whatever the amount of data. Readers treat item descriptions as HTML, so the plain
text is shortened and escaped here; titles are plain text (the XML writer escapes them).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Count, F
from django.urls import reverse_lazy
from django.utils import formats
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from countryreviews.models import RegionalOverview, ReviewRevision
from forums.models import Forum
from members.feeds import NewMembersFeed, content_summary

from .models import AnnualReport

FEED_SIZE = 30
SUMMARY_WORDS = 60


def plain_summary(*parts: str) -> str:
    """The non-empty parts as one short, HTML-escaped plain text."""
    text = " ".join(str(part).strip() for part in parts if part and str(part).strip())
    return escape(Truncator(text).words(SUMMARY_WORDS))


def tag_uri(specific: str) -> str:
    """A GUID that survives a change of the item's address (RFC 4151 tag URI on the portal's host)."""
    host = urlsplit(settings.PORTAL_BASE_URL).hostname or "localhost"
    return f"tag:{host},2017:{specific}"


class PublishedDatesMixin:
    """An item's date is when it was published (or last changed, before that)."""

    def item_pubdate(self, item):
        return item.published_at or item.updated_at

    def item_updateddate(self, item):
        return item.published_at or item.updated_at


class ReviewsFeed(PublishedDatesMixin, Feed):
    """Each publication of a country review revision; withdrawn revisions and drafts never appear."""

    feed_type = Atom1Feed
    title = _("Regional CTIP Network: country reviews")
    subtitle = _("Country TIP reviews published by the regional network, one entry per published revision.")
    description = subtitle
    link = reverse_lazy("countryreviews:list")

    def items(self):
        return (
            ReviewRevision.objects.published()
            .select_related("review__country")
            .order_by(F("published_at").desc(nulls_last=True), "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        review = item.review
        if item.number == 1:
            return gettext("%(country)s: country review %(year)s") % {"country": review.country.name, "year": review.year}
        return gettext("%(country)s: country review %(year)s, revision %(number)s") % {
            "country": review.country.name,
            "year": review.year,
            "number": item.number,
        }

    def item_description(self, item):
        return content_summary(item, "summary")

    def item_link(self, item):
        return item.get_absolute_url()  # the permanent address of this revision, never of a later one


    def item_categories(self, item):
        return [item.review.country.name]


class ReviewsRssFeed(ReviewsFeed):
    """The country reviews feed in RSS 2.0."""

    feed_type = Rss201rev2Feed


class OverviewFeed(PublishedDatesMixin, Feed):
    """Published editions of the regional overview."""

    feed_type = Atom1Feed
    title = _("Regional CTIP Network: regional overview")
    subtitle = _("Editions of the regional overview of counter-trafficking in the five countries.")
    description = subtitle
    link = reverse_lazy("countryreviews:overview")

    def items(self):
        return (
            RegionalOverview.objects.published()
            .annotate(country_count=Count("entries"))
            .order_by(F("published_at").desc(nulls_last=True), "-year")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.display_title

    def item_description(self, item):
        countries = gettext("Country reviews of %(count)s countries.") % {"count": item.country_count}
        return plain_summary(item.introduction, countries)



class OverviewRssFeed(OverviewFeed):
    """The regional overview feed in RSS 2.0."""

    feed_type = Rss201rev2Feed


class ReportsFeed(PublishedDatesMixin, Feed):
    """Published annual reports of the network; drafts never appear."""

    feed_type = Atom1Feed
    title = _("Regional CTIP Network: annual reports")
    subtitle = _("The regional network's report on each year, as published by its steering committee.")
    description = subtitle
    link = reverse_lazy("annual-reports")

    def items(self):
        return AnnualReport.objects.published().order_by(F("published_at").desc(nulls_last=True), "-year")[:FEED_SIZE]

    def item_title(self, item):
        return item.localized("title").marked() or item.display_title

    def item_description(self, item):
        return content_summary(item, "introduction")


class ReportsRssFeed(ReportsFeed):
    """The annual reports feed in RSS 2.0."""

    feed_type = Rss201rev2Feed


class ForumsFeed(Feed):
    """Forums and meetings as they are announced or updated, most recently changed first."""

    feed_type = Atom1Feed
    title = _("Regional CTIP Network: forums and meetings")
    subtitle = _("Regional forums and network meetings, announced and updated.")
    description = subtitle
    link = reverse_lazy("forums:list")

    def items(self):
        return Forum.objects.select_related("country").order_by("-updated_at", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        if item.status == Forum.Status.CANCELLED:
            return gettext("Cancelled: %(title)s") % {"title": item.localized("title").marked()}
        return item.localized("title").marked()

    def item_description(self, item):
        if item.dates_tentative:
            when = formats.date_format(item.start_date, "YEAR_MONTH_FORMAT")
        elif item.start_date == item.end_date:
            when = formats.date_format(item.start_date)
        else:
            when = f"{formats.date_format(item.start_date)} – {formats.date_format(item.end_date)}"
        facts = f"{item.get_kind_display()}, {item.get_status_display().lower()}. {when}, {item.place}."
        return f"{plain_summary(facts)} {content_summary(item, 'summary')}".strip()

    def item_guid(self, item):
        return tag_uri(f"forum:{item.pk}")  # the slug (and so the link) may change

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        return [item.country.name]


class ForumsRssFeed(ForumsFeed):
    """The forums feed in RSS 2.0."""

    feed_type = Rss201rev2Feed


class NewMembersRssFeed(NewMembersFeed):
    """The new member organizations feed (members/feeds.py) in RSS 2.0, with escaped plain-text descriptions."""

    feed_type = Rss201rev2Feed
    description = NewMembersFeed.subtitle

    def item_description(self, item):
        return content_summary(item, "description")
