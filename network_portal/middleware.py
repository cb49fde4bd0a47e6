"""The security headers that Django 5.2 does not set itself: Content-Security-Policy and Permissions-Policy."""

from csp.middleware import CSPMiddleware
from django.conf import settings


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy from settings.CONTENT_SECURITY_POLICY (django-csp), plus settings.PERMISSIONS_POLICY.

    One middleware for both, placed right after Django's SecurityMiddleware so that every response gets them,
    WhiteNoise's static files and the redirects of other middleware included.
    """

    def process_response(self, request, response):
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
