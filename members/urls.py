from django.urls import path, re_path

from . import feeds
from .views import accounts, directory, history, invitations, joining, notifications, security, staff

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
]
