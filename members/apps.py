from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Member directory")
    history_models = [
        "members.Organization",
        "members.Service",
        "members.Person",
        "members.Membership",
        "members.LegalInstrument",
        "members.LegalAmendment",
        "members.Agreement",
    ]
    recent_events = ["members.recent.invitations", "members.recent.application_decisions"]

    def ready(self):
        from django.contrib.auth.signals import user_logged_in

        from . import (
            permissions,  # noqa: F401  registers the predicates with django-rules
            security_signals,
        )
        from .middleware import IdleSessionMiddleware, remember_login_language
        from .validators import refuse_control_characters_in

        refuse_control_characters_in(self)
        user_logged_in.connect(remember_login_language, dispatch_uid="members.remember_login_language")
        user_logged_in.connect(IdleSessionMiddleware.start_clock, dispatch_uid="members.idle_session_clock")
        security_signals.connect()
