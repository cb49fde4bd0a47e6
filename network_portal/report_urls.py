"""Addresses of the network's annual report (names are global: "annual-report", …)."""

from django.urls import path

from . import report_views

urlpatterns = [
    path("", report_views.report_list, name="annual-reports"),
    path("new/", report_views.report_create, name="annual-report-create"),
    path("<int:year>/", report_views.report_detail, name="annual-report"),
    path("<int:year>/edit/", report_views.report_edit, name="annual-report-edit"),
    path("<int:year>/publish/", report_views.report_publish, name="annual-report-publish"),
]
