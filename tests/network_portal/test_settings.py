"""Configuration comes from the environment and fails loudly on bad values."""

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

from network_portal.settings import env_bool, env_int

# Variables that change what is tested here; the tests set those they need.
CONFIGURATION = {
    "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "SECURE_COOKIES", "SECURE_SSL_REDIRECT", "TRUST_X_FORWARDED_PROTO",
    "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_HSTS_PRELOAD",
}


def run(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in CONFIGURATION} | env
    return subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR)


def https_settings(**env) -> dict:
    """The HTTPS settings as network_portal/settings.py computes them from these environment variables."""
    names = [
        "SECURE_SSL_REDIRECT", "SECURE_PROXY_SSL_HEADER", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    ]
    result = run(f"import json, network_portal.settings as s; print(json.dumps({{n: getattr(s, n) for n in {names}}}))", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_the_production_server_refuses_to_start_without_a_secret_key():
    result = run("import network_portal.wsgi", DEBUG="false", DJANGO_SETTINGS_MODULE="network_portal.settings")
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_management_commands_work_without_a_secret_key():
    result = run(
        "import django; django.setup(); from django.core.management import call_command; call_command('check')",
        DEBUG="false",
        DJANGO_SETTINGS_MODULE="network_portal.settings",
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("value, expected", [("true", True), ("1", True), ("no", False), ("", False)])
def test_env_bool_reads_yes_and_no(monkeypatch, value, expected):
    monkeypatch.setenv("SOME_FLAG", value)
    assert env_bool("SOME_FLAG", False) is expected


def test_env_bool_and_int_refuse_nonsense(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    monkeypatch.setenv("SOME_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured):
        env_bool("SOME_FLAG", False)
    monkeypatch.setenv("SOME_NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_NUMBER", 1)


def test_check_deploy_is_clean_with_debug_off_and_a_real_secret_key():
    """DEBUG=false is secure by itself: besides a real key and a host name, `check --deploy` asks for nothing."""
    result = run(
        "from django.core.management import execute_from_command_line;"
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        DEBUG="false",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="portal.example.org",
        DJANGO_SETTINGS_MODULE="network_portal.settings",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_debug_off_means_https_by_default():
    assert https_settings(DEBUG="false") == {
        "SECURE_SSL_REDIRECT": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_HSTS_SECONDS": 365 * 24 * 60 * 60,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
    }


def test_debug_on_keeps_plain_http():
    """`make run` serves http://127.0.0.1: no redirect, no HSTS (a browser would remember it), no secure cookies."""
    assert https_settings(DEBUG="true") == {
        "SECURE_SSL_REDIRECT": False,
        "SECURE_PROXY_SSL_HEADER": None,
        "SECURE_HSTS_SECONDS": 0,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": False,
        "SESSION_COOKIE_SECURE": False,
        "CSRF_COOKIE_SECURE": False,
    }


def test_https_settings_follow_the_environment():
    values = https_settings(
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        TRUST_X_FORWARDED_PROTO="false",
        SECURE_HSTS_SECONDS="600",
        SECURE_HSTS_INCLUDE_SUBDOMAINS="false",
        SECURE_HSTS_PRELOAD="true",
    )
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SECURE_PROXY_SSL_HEADER"] is None
    assert values["SECURE_HSTS_SECONDS"] == 600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is False
    assert values["SECURE_HSTS_PRELOAD"] is True
