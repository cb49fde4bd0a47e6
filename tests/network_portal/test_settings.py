"""Configuration comes from the environment and fails loudly on bad values."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

from network_portal.settings import env_bool, env_int


def run(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}} | env
    return subprocess.run([sys.executable, "-c", code], env=environment, capture_output=True, text=True, cwd=settings.BASE_DIR)


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
