"""A bare Django project in one file: no middleware, no database, one URL returning a constant small page.

`make bench` serves it with gunicorn (`gunicorn --pythonpath bench bare:application`), with the same workers as
the portal, to measure what Django and gunicorn alone cost on this machine: the portal's pages are reported as
a ratio of it.
"""

from django.conf import settings
from django.core.wsgi import get_wsgi_application
from django.http import HttpResponse
from django.urls import path

PAGE = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Bare Django</title></head>"
    "<body><h1>Bare Django</h1><p>A constant page, for comparison.</p></body></html>"
)


def page(request):
    return HttpResponse(PAGE)


settings.configure(
    DEBUG=False,
    SECRET_KEY="bench-bare-view-not-a-secret",
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    MIDDLEWARE=[],
    INSTALLED_APPS=[],
    DATABASES={},
)
urlpatterns = [path("", page)]
application = get_wsgi_application()
