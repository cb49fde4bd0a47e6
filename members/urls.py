from django.urls import path, re_path

from . import feeds
from .views import (
    accounts,
    agreements,
    contact,
    directory,
    help,
    history,
    invitations,
    joining,
    laws,
    library,
    map,
    moderation,
    news,
    notifications,
    opendata,
    referrals,
    security,
    services,
    staff,
    verification,
)

app_name = "members"

urlpatterns = [
    path("members/", directory.directory, name="directory"),
    path("members/join/", joining.join, name="join"),
    path("members/join/thanks/", joining.join_thanks, name="join-thanks"),
    path("members/applications/", joining.application_list, name="applications"),
    path("members/applications/<int:pk>/", joining.application_detail, name="application"),
    path("members/applications/<int:pk>/approve/", joining.application_approve, name="application-approve"),
    path("members/applications/<int:pk>/decline/", joining.application_decline, name="application-decline"),
    path("members/invitation/<str:token>/", invitations.invitation, name="invitation"),
    path("members/account/", accounts.account, name="account"),
    path("members/account/notifications/", notifications.notification_settings, name="notification-settings"),
    path("members/unsubscribe/<str:token>/", notifications.unsubscribe, name="unsubscribe"),
    path("members/recent-changes/", history.recent_changes, name="recent-changes"),
    path("members/security-log/", security.security_log, name="security-log"),
    path("members/org/<slug:slug>/", directory.organization_detail, name="organization"),
    path("members/org/<slug:slug>/edit/", directory.organization_edit, name="organization-edit"),
    path("members/org/<slug:slug>/history/", history.organization_history, name="organization-history"),
    path("members/org/<slug:slug>/staff/", staff.staff, name="staff"),
    path("members/org/<slug:slug>/staff/invite/", staff.invite, name="staff-invite"),
    path("members/org/<slug:slug>/staff/<int:pk>/role/", staff.change_role, name="staff-role"),
    path("members/org/<slug:slug>/staff/<int:pk>/remove/", staff.remove, name="staff-remove"),
    path(
        "members/org/<slug:slug>/staff/invitations/<int:pk>/revoke/",
        staff.revoke_invitation,
        name="staff-invitation-revoke",
    ),
    re_path(r"^members/(?P<code>[a-zA-Z]{2})/$", directory.country_detail, name="country"),
    path("steering-committee/", directory.steering_committee, name="steering-committee"),
    path("feeds/members/", feeds.NewMembersFeed(), name="feed-new-members"),
    # What the network shares (issue 15): announcements, the library, the secretariat's contact form.
    path("news/", news.announcement_list, name="news"),
    path("news/new/", news.announcement_create, name="announcement-create"),
    path("news/comments/<int:pk>/delete/", news.comment_delete, name="comment-delete"),
    path("news/<slug:slug>/", news.announcement_detail, name="announcement"),
    path("news/<slug:slug>/edit/", news.announcement_edit, name="announcement-edit"),
    path("news/<slug:slug>/comment/", news.comment_add, name="announcement-comment"),
    path("news/<slug:slug>/approve/", moderation.approve, {"kind": "announcement"}, name="announcement-approve"),
    path("news/<slug:slug>/decline/", moderation.decline, {"kind": "announcement"}, name="announcement-decline"),
    path("news/<slug:slug>/hide/", moderation.hide, {"kind": "announcement"}, name="announcement-hide"),
    path("news/<slug:slug>/unhide/", moderation.unhide, {"kind": "announcement"}, name="announcement-unhide"),
    path("library/", library.resource_list, name="library"),
    path("library/new/", library.resource_create, name="resource-create"),
    path("library/<slug:slug>/", library.resource_detail, name="resource"),
    path("library/<slug:slug>/edit/", library.resource_edit, name="resource-edit"),
    path("library/<slug:slug>/file/", library.resource_file, name="resource-file"),
    path("library/<slug:slug>/approve/", moderation.approve, {"kind": "resource"}, name="resource-approve"),
    path("library/<slug:slug>/decline/", moderation.decline, {"kind": "resource"}, name="resource-decline"),
    path("library/<slug:slug>/hide/", moderation.hide, {"kind": "resource"}, name="resource-hide"),
    path("library/<slug:slug>/unhide/", moderation.unhide, {"kind": "resource"}, name="resource-unhide"),
    path("contact/", contact.contact, name="contact"),
    path("contact/thanks/", contact.contact_thanks, name="contact-thanks"),
    path("contact/messages/", contact.message_list, name="contact-messages"),
    path("contact/messages/<int:pk>/", contact.message_detail, name="contact-message"),
    path("feeds/news/", feeds.NewsFeed(), name="feed-news"),
    path("feeds/library/", feeds.LibraryFeed(), name="feed-library"),
    # A verified directory for help across borders, and open data (issue 16). Each block is one helper's.
    # [verification]
    path("members/org/<slug:slug>/confirm/", verification.confirm, name="organization-confirm"),
    path("members/stale/", verification.stale_entries, name="stale-entries"),
    # [/verification]
    # [services]
    path("members/org/<slug:slug>/services/new/", services.service_create, name="service-create"),
    path("members/org/<slug:slug>/services/<int:pk>/edit/", services.service_edit, name="service-edit"),
    path("members/org/<slug:slug>/services/<int:pk>/delete/", services.service_delete, name="service-delete"),
    # [/services]
    # [help]
    path("help/", help.find_help, name="help"),
    re_path(r"^help/(?P<code>[a-zA-Z]{2})/card/$", help.referral_card, name="help-card"),
    # [/help]
    # [referrals]
    path("referrals/", referrals.referral_list, name="referrals"),
    path("referrals/new/", referrals.referral_create, name="referral-create"),
    path("referrals/<int:pk>/", referrals.referral_detail, name="referral"),
    path("referrals/<int:pk>/accept/", referrals.referral_accept, name="referral-accept"),
    path("referrals/<int:pk>/decline/", referrals.referral_decline, name="referral-decline"),
    path("referrals/<int:pk>/close/", referrals.referral_close, name="referral-close"),
    path("referrals/<int:pk>/withdraw/", referrals.referral_withdraw, name="referral-withdraw"),
    # [/referrals]
    # [map]
    path("members/map/", map.region_map, name="map"),
    # [/map]
    # [opendata]
    path("open-data/", opendata.open_data, name="open-data"),
    path("open-data/hsds/", opendata.api_root, name="hsds"),
    path("open-data/hsds/organizations", opendata.organizations, name="hsds-organizations"),
    path("open-data/hsds/organizations/<uuid:id>", opendata.organization, name="hsds-organization"),
    path("open-data/hsds/services", opendata.services, name="hsds-services"),
    path("open-data/hsds/services/<uuid:id>", opendata.service, name="hsds-service"),
    path("open-data/hsds.zip", opendata.package, name="open-data-download"),
    # [/opendata]
    # Laws and agreements registers (issue 17). Each block is one helper's.
    # [laws]
    path("laws/", laws.law_list, name="laws"),
    path("laws/new/", laws.law_create, name="law-create"),
    path("laws/<slug:slug>/", laws.law_detail, name="law"),
    path("laws/<slug:slug>/edit/", laws.law_edit, name="law-edit"),
    path("laws/<slug:slug>/amendments/new/", laws.amendment_create, name="law-amendment-create"),
    path("laws/<slug:slug>/amendments/<int:pk>/edit/", laws.amendment_edit, name="law-amendment-edit"),
    path("laws/<slug:slug>/amendments/<int:pk>/delete/", laws.amendment_delete, name="law-amendment-delete"),
    # [/laws]
    # [agreements]
    path("agreements/", agreements.agreement_list, name="agreements"),
    path("agreements/new/", agreements.agreement_create, name="agreement-create"),
    path("agreements/<slug:slug>/", agreements.agreement_detail, name="agreement"),
    path("agreements/<slug:slug>/edit/", agreements.agreement_edit, name="agreement-edit"),
    path("agreements/<slug:slug>/status/", agreements.agreement_status, name="agreement-status"),
    # [/agreements]
]
