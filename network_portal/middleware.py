"""The security headers that Django 5.2 does not set itself: Content-Security-Policy and Permissions-Policy."""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

_policy = {}


@receiver(setting_changed)
def _forget_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _policy.clear()


def default_policy() -> str:
    """The policy of settings.CONTENT_SECURITY_POLICY as a header, built once per process (it is the same for
    every page that neither changes it nor uses a nonce, i.e. every page of the portal today)."""
    if "header" not in _policy:
        _policy["header"] = build_policy()
    return _policy["header"]


class SecurityHeadersMiddleware(CSPMiddleware):
    """Content-Security-Policy from settings.CONTENT_SECURITY_POLICY (django-csp), plus settings.PERMISSIONS_POLICY.

    One middleware for both, placed right after Django's SecurityMiddleware so that every response gets them,
    WhiteNoise's static files and the redirects of other middleware included.
    """

    def process_response(self, request, response):
        if self._uses_default_policy(request, response):
            response.headers.setdefault(HEADER, default_policy())
        else:
            response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    @staticmethod
    def _uses_default_policy(request, response) -> bool:
        """No per-view change (django-csp's decorators), no nonce, no report-only policy: the header built once."""
        return not (
            getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or getattr(request, "_csp_nonce", None)
            or any(
                getattr(response, name, None) is not None
                for name in ("_csp_config", "_csp_update", "_csp_replace", "_csp_exempt")
            )
            or (settings.DEBUG and response.status_code in (404, 500))
        )
