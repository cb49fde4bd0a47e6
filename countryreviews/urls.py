from django.urls import path, register_converter

from . import overview_views, views


class CountryCodeConverter:
    """A two-letter ISO country code, lowercase in links (upper case is accepted)."""

    regex = "[a-zA-Z]{2}"

    def to_python(self, value):
        return value.lower()

    def to_url(self, value):
        return str(value).lower()


register_converter(CountryCodeConverter, "cc")

app_name = "countryreviews"

urlpatterns = [
    path("", views.review_list, name="list"),
    path("write/", views.review_go_edit, name="go-edit"),
    path("overview/", overview_views.overview_latest, name="overview"),
    path("overview/new/", overview_views.overview_create, name="overview-create"),
    path("overview/<int:year>/", overview_views.overview_year, name="overview-year"),
    path("overview/<int:year>/comparison.csv", overview_views.overview_csv, name="overview-csv"),
    path("overview/<int:year>/edit/", overview_views.overview_edit, name="overview-edit"),
    path("overview/<int:year>/refresh/", overview_views.overview_refresh, name="overview-refresh"),
    path("overview/<int:year>/publish/", overview_views.overview_publish, name="overview-publish"),
    path("overview/<int:year>/<cc:cc>/redact/", overview_views.overview_redact, name="overview-redact"),
    path("<cc:cc>/<int:year>/", views.review_detail, name="detail"),
    path("<cc:cc>/<int:year>/edit/", views.review_edit, name="edit"),
    path("<cc:cc>/<int:year>/start/", views.review_start, name="start"),
    path("<cc:cc>/<int:year>/r<int:number>/", views.revision_detail, name="revision"),
    path("<cc:cc>/<int:year>/r<int:number>/submit/", views.revision_submit, name="submit"),
    path("<cc:cc>/<int:year>/r<int:number>/publish/", views.revision_publish, name="publish"),
    path("<cc:cc>/<int:year>/r<int:number>/return/", views.revision_send_back, name="return"),
    path("<cc:cc>/<int:year>/r<int:number>/withdraw/", views.revision_withdraw, name="withdraw"),
]
