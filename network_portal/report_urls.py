"""Addresses of the network's annual report (names are global: "annual-report", …)."""

from django.urls import path

from . import report_views

urlpatterns = [
    path("<int:year>/", report_views.report_detail, name="annual-report"),
]
