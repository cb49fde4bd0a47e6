from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")
    # What forums add to the directory's pages (see members/extensions.py).
    history_models = ["forums.Forum", "forums.ActionItem", "forums.Session", "forums.Recommendation"]
    recent_events = ["forums.recent.participant_imports", "forums.recent.progress_updates"]
    agreement_panels = ["forums.panels.agreement_panel"]

    def ready(self):
        from members.validators import refuse_control_characters_in

        from . import permissions  # noqa: F401  registers the predicates with django-rules

        refuse_control_characters_in(self)
