from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountryReviewsConfig(AppConfig):
    name = "countryreviews"
    verbose_name = _("Country reviews")
