from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StrategyConfig(AppConfig):
    name = "strategy"
    verbose_name = _("Strategy")
    # What the strategy adds to the directory's pages (see members/extensions.py).
    history_models = ["strategy.Strategy", "strategy.Activity", "strategy.BudgetLine"]

    def ready(self):
        from members.validators import refuse_control_characters_in

        from . import permissions  # noqa: F401  registers the predicates with django-rules

        refuse_control_characters_in(self)
