"""Security headers on every kind of page, HTTPS in production, and templates that the policy lets through."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "publickey-credentials-create=(self), publickey-credentials-get=(self)"
)


def directives(header: str) -> dict:
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.mark.parametrize(
    "path, status",
    [
        ("/", 200),
        ("/members/", 200),
        ("/members/org/madina-test/", 200),
        ("/accounts/login/", 200),
        ("/admin/", 302),  # to the portal's login
        ("/no-such-page/", 404),
        ("/healthz", 200),
    ],
)
def test_every_kind_of_page_carries_the_security_headers(client, organization, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert directives(response["Content-Security-Policy"]) == CSP
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_production_redirects_to_https_except_the_health_check(client, settings):
    """tests/conftest.py turns the redirect off for the other tests; these are the production defaults
    (tests/network_portal/test_settings.py checks that DEBUG=false gives them)."""
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get("/members/?q=madina")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/members/?q=madina"
    assert client.get("/healthz").status_code == 200  # monitors probe the server directly, over http

    for secure in [client.get("/", secure=True), client.get("/", headers={"x-forwarded-proto": "https"})]:
        assert secure.status_code == 200
        assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def project_templates() -> list[Path]:
    """Every template of the project (templates/ and our apps' own), but e-mails: mail clients know no CSP, and
    many need inline styles."""
    folders = [Path(folder) for engine in settings.TEMPLATES for folder in engine["DIRS"]]
    folders += [Path(app.path) / "templates" for app in apps.get_app_configs() if Path(app.path).parent == settings.BASE_DIR]
    files = [file for folder in folders if folder.is_dir() for file in folder.rglob("*.html")]
    assert len(files) > 50
    return [file for file in files if not {"email", "emails"} & set(file.relative_to(settings.BASE_DIR).parts)]


INLINE = {
    "a style attribute": re.compile(r"<[^>]*\sstyle\s*=", re.S),
    "a <style> element": re.compile(r"<style[\s>]", re.I),
    "an event handler attribute": re.compile(r"<[^>]*\son[a-z]+\s*=", re.S),
    "a javascript: URL": re.compile(r"javascript:", re.I),
    # A <script> needs a src, unless it is a JSON data block (allauth's), which a browser never runs.
    "an inline script": re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I),
}


def test_no_template_has_inline_styles_or_scripts():
    """The policy allows no inline style or script: the browser would ignore them."""
    problems = [
        f"{file.relative_to(settings.BASE_DIR)}: {what}"
        for file in project_templates()
        for what, pattern in INLINE.items()
        if pattern.search(file.read_text())
    ]
    assert not problems, "\n".join(problems)


def test_the_template_check_finds_what_it_looks_for():
    samples = {
        "a style attribute": '<span class="x" style="color: red">',
        "a <style> element": "<style>p {}</style>",
        "an event handler attribute": '<button onclick="go()">',
        "a javascript: URL": '<a href="javascript:go()">',
        "an inline script": "<script>go()</script>",
    }
    for what, sample in samples.items():
        assert INLINE[what].search(sample), what
    harmless = '<script src="/static/x.js"></script><script type="application/json">{}</script><p>Style = on</p>'
    assert not any(pattern.search(harmless) for pattern in INLINE.values())
