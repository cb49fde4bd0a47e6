from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountryReviewsConfig(AppConfig):
    name = "countryreviews"
    verbose_name = _("Country reviews")

    def ready(self):
        from members.panels import country_panels, register_country_panel

        from .panels import country_panel

        if country_panel not in country_panels:
            register_country_panel(country_panel)
