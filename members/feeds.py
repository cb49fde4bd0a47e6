"""Public Atom feeds of the members app: new member organizations, news and the library."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape, format_html
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .announcements import poster_name
from .models import Announcement, Organization, Resource
from .templatetags.content import language_note

SUMMARY_WORDS = 60


def content_summary(item, field: str) -> str:
    """An item's text as feed readers show it (HTML): shortened, escaped, in the reader's language where
    written, otherwise marked with its language's name and `lang`/`dir` (members/templatetags/content.py)."""
    text = item.localized(field)
    body = escape(Truncator(text.text).words(SUMMARY_WORDS))
    if not text.is_foreign:
        return body
    return format_html(
        '<p><em>{}</em></p><div lang="{}" dir="{}">{}</div>', language_note(text.language), text.language, text.direction, body
    )


class NewMembersFeed(Feed):
    """The latest organizations to join the network."""

    feed_type = Atom1Feed
    title = _("Regional CTIP Network: new member organizations")
    subtitle = _("Organizations that joined the regional network of counter-trafficking NGOs.")
    link = "/members/"

    def items(self):
        return Organization.objects.members().select_related("country").order_by("-created_at", "-pk")[:30]

    def item_title(self, item):
        return f"{item} – {item.country.name}"

    def item_description(self, item):
        return content_summary(item, "description")

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class PublicPostsFeed(Feed):
    """The newest posts of `model` approved for everyone (not hidden), one query: announcements or resources."""

    feed_type = Atom1Feed
    model = None
    text_field = ""

    def items(self):
        return self.model.objects.public().select_related("organization").order_by("-created_at", "-pk")[:30]

    def item_title(self, item):
        return gettext("%(kind)s: %(title)s") % {"kind": item.get_kind_display(), "title": item.localized("title").marked()}

    def item_description(self, item):
        return content_summary(item, self.text_field)

    def item_author_name(self, item):
        return poster_name(item)

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class NewsFeed(PublicPostsFeed):
    """The latest announcements approved for everyone."""

    title = _("Regional CTIP Network: news")
    subtitle = _("News, events, calls for cooperation, publications and vacancies shared by the network.")
    link = "/news/"
    model = Announcement
    text_field = "body"


class LibraryFeed(PublicPostsFeed):
    """The newest resources of the library that everyone may read."""

    title = _("Regional CTIP Network: resource library")
    subtitle = _("Reports, laws, training and awareness material shared by the network's members.")
    link = "/library/"
    model = Resource
    text_field = "description"
