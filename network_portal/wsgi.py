"""WSGI entry point (gunicorn network_portal.wsgi)."""
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network_portal.settings")
application = get_wsgi_application()

if settings.SECRET_KEY_MISSING:
    raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=true for local development).")
