from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CountryReviewsConfig(AppConfig):
    name = "countryreviews"
    verbose_name = _("Country reviews")
    # What country reviews add to the directory's pages (see members/extensions.py).
    country_panels = ["countryreviews.panels.country_panel"]
    recent_events = ["countryreviews.recent.review_steps"]

    def ready(self):
        from members.validators import refuse_control_characters_in

        from . import permissions  # noqa: F401  registers the predicates with django-rules

        refuse_control_characters_in(self)
