from django.apps import AppConfig
from django.db.backends.signals import connection_created


class NetworkPortalConfig(AppConfig):
    name = "network_portal"

    def ready(self):
        from members.validators import refuse_control_characters_in

        from . import permissions  # noqa: F401  registers the predicates with django-rules
        from .page_cache import install_write_watch

        # Every write to the database makes the public pages in the cache stale (network_portal/page_cache.py).
        connection_created.connect(install_write_watch, dispatch_uid="page_cache_write_watch")
        refuse_control_characters_in(self)
