from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from members.views import accounts

from . import feeds, views

admin.site.site_header = _("CTIP Network Portal administration")
admin.site.site_title = _("CTIP Network Portal")
admin.site.login = views.admin_login  # logins, the admin's included, go through allauth
admin.site.admin_view = views.require_recent_login(admin.site.admin_view)

handler500 = views.server_error

feed_patterns = [
    path("reviews/", feeds.ReviewsFeed(), name="reviews"),
    path("reviews/rss/", feeds.ReviewsRssFeed(), name="reviews-rss"),
    path("overview/", feeds.OverviewFeed(), name="overview"),
    path("overview/rss/", feeds.OverviewRssFeed(), name="overview-rss"),
    path("forums/", feeds.ForumsFeed(), name="forums"),
    path("forums/rss/", feeds.ForumsRssFeed(), name="forums-rss"),
    path("members/rss/", feeds.NewMembersRssFeed(), name="members-rss"),
    path("reports/", feeds.ReportsFeed(), name="reports"),
    path("reports/rss/", feeds.ReportsRssFeed(), name="reports-rss"),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("allauth.urls")),
    path("admin/", admin.site.urls),
    path("i18n/setlang/", accounts.set_language, name="set_language"),
    path("", include("members.urls")),
    path("forums/", include("forums.urls")),
    path("reviews/", include("countryreviews.urls")),
    # [annual report] (issue 17): the network's annual report, /reports/ and /reports/<year>/.
    path("reports/", include("network_portal.report_urls")),
    # [strategy] (issue 18): the network's five-year strategy, action plan and budget.
    path("strategy/", include("strategy.urls")),
    # Public feeds; the Atom feed of new members is /feeds/members/ (members:feed-new-members).
    path("feeds/", include((feed_patterns, "feeds"))),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
