from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = _("Forums")

    def ready(self):
        from members.history import register_recent_changes_source

        for label in ["forums.Forum", "forums.ActionItem", "forums.Session", "forums.Recommendation"]:
            register_recent_changes_source(label)
