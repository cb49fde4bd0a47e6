from django.urls import path, re_path

from . import manage_views, views

app_name = "forums"

# Fixed paths come before `<slug>/` so that "follow-up", "new" and "calendar.ics" are never forum slugs.
urlpatterns = [
    path("", views.forum_list, name="list"),
    path("calendar.ics", views.calendar, name="calendar"),
    path("follow-up/", views.tracker, name="follow-up"),
    path("follow-up/<int:pk>/update/", manage_views.action_item_update, name="action-item-update"),
    path("new/", manage_views.forum_create, name="create"),
    path("<slug:slug>/", views.forum_detail, name="detail"),
    path("<slug:slug>/calendar.ics", views.forum_calendar, name="forum-calendar"),
    path("<slug:slug>/edit/", manage_views.forum_edit, name="edit"),
    path("<slug:slug>/history/", manage_views.forum_history, name="history"),
    re_path(
        r"^(?P<slug>[-a-zA-Z0-9_]+)/(?P<part>sessions|recommendations|action-items)/$",
        manage_views.forum_part_edit,
        name="part-edit",
    ),
    path("<slug:slug>/documents/", manage_views.documents, name="documents"),
    path("<slug:slug>/documents/<int:pk>/", views.document_download, name="document"),
    path("<slug:slug>/documents/<int:pk>/delete/", manage_views.document_delete, name="document-delete"),
    path("<slug:slug>/participants/import/", manage_views.participants_import, name="participants-import"),
    path("<slug:slug>/participants/export.csv", manage_views.participants_export, name="participants-export"),
]
