"""Public Atom feeds of the member directory."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .models import Organization


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
        # Feed readers render the summary as HTML: escape the organization's own text.
        return escape(Truncator(item.description).words(60))

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at
