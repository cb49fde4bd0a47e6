from django.urls import path, re_path

from . import views

app_name = "members"

urlpatterns = [
    path("members/", views.directory, name="directory"),
    path("members/org/<slug:slug>/", views.organization_detail, name="organization"),
    path("members/org/<slug:slug>/edit/", views.organization_edit, name="organization-edit"),
    re_path(r"^members/(?P<code>[a-zA-Z]{2})/$", views.country_detail, name="country"),
    path("steering-committee/", views.steering_committee, name="steering-committee"),
]
