"""The limit on the size of a request body (settings.MAX_REQUEST_SIZE), applied before anything reads the body."""

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation


class RequestSizeLimitMiddleware:
    """413 for a body whose Content-Length is over settings.MAX_REQUEST_SIZE, 411 for a body without a length.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count uploaded files: a 60 MB multipart POST from anyone was
    parsed (its files spooled to disk) before a view could refuse it. This middleware comes right after the
    security ones, so nothing has read the body yet (CsrfViewMiddleware reads request.POST).

    A chunked body (Transfer-Encoding, no Content-Length) is refused with 411 Length Required rather than read
    with a cap: Django would read it as empty (it reads at most Content-Length bytes), so the form would fail
    for a reason nobody sees. Browsers always send a length with a form. Under ASGI the server reads the whole
    body before any middleware runs; the portal is served by gunicorn's WSGI workers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = request.META.get("CONTENT_LENGTH")
        if not length and "chunked" in request.META.get("HTTP_TRANSFER_ENCODING", "").lower():
            return HttpResponse(status=411)
        try:
            too_large = int(length or 0) > settings.MAX_REQUEST_SIZE
        except ValueError:
            too_large = False  # Django reads nothing of a body whose length it cannot read either
        if too_large:
            # A page of its own, like 500.html: sessions, users and the language middleware have not run.
            with translation.override(translation.get_language_from_request(request)):
                return HttpResponse(render_to_string("413.html", {"limit": settings.MAX_REQUEST_SIZE}), status=413)
        return self.get_response(request)
