"""The catalogues under locale/: complete in every language, compiled, and covering every string of the code.

A new or changed string without a translation in every language fails here (see README, "Languages").
"""

import gettext
import shutil
import subprocess

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

LOCALE = settings.BASE_DIR / "locale"
TRANSLATED = [code for code, _name in settings.ALL_LANGUAGES if code != settings.LANGUAGE_CODE]
needs_gettext = pytest.mark.skipif(
    shutil.which("msgfmt") is None or shutil.which("xgettext") is None,
    reason="GNU gettext is not installed (apt-get install gettext); .ci/run installs it",
)


def catalogue(code) -> polib.POFile:
    return polib.pofile(str(LOCALE / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_entry_is_translated_and_none_is_fuzzy(code):
    po = catalogue(code)
    assert not po.metadata_is_fuzzy
    assert po.metadata["Language"] == code
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    obsolete = [entry.msgid for entry in po.obsolete_entries()]
    assert not untranslated, f"{code}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"
    assert not fuzzy, f"{code}: fuzzy {fuzzy[:5]}"
    assert not obsolete, f"{code}: obsolete entries left in the catalogue {obsolete[:5]}"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalogue_matches_its_source(code):
    """locale/<code>/LC_MESSAGES/django.mo is committed; it must be compiled from the current .po."""
    with open(LOCALE / code / "LC_MESSAGES" / "django.mo", "rb") as handle:
        compiled = gettext.GNUTranslations(handle)._catalog
    for entry in catalogue(code).translated_entries():
        if entry.msgid_plural:
            for index, text in entry.msgstr_plural.items():
                assert compiled.get((entry.msgid, int(index))) == text, entry.msgid
        else:
            key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
            assert compiled.get(key) == entry.msgstr, f"{code}: stale django.mo for {entry.msgid!r}"


@needs_gettext
@pytest.mark.parametrize("code", TRANSLATED)
def test_msgfmt_check_is_clean(code):
    po = LOCALE / code / "LC_MESSAGES" / "django.po"
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@needs_gettext
def test_every_string_of_the_code_is_in_every_catalogue(tmp_path, monkeypatch):
    """Extract the strings as `make messages` does, into a copy of the catalogues: none may come out untranslated."""
    project = tmp_path / "project"
    project.mkdir()
    for name in SOURCES:
        (project / name).symlink_to(settings.BASE_DIR / name)
    shutil.copytree(LOCALE, project / "locale", ignore=shutil.ignore_patterns("*.mo", "*.md"))
    monkeypatch.chdir(project)
    with override_settings(LOCALE_PATHS=[project / "locale"]):
        call_command(
            "makemessages", locale=TRANSLATED, verbosity=0, symlinks=True, add_location="file",
            ignore_patterns=["*/migrations/*"],
        )
    missing = {}
    for code in TRANSLATED:
        po = polib.pofile(str(project / "locale" / code / "LC_MESSAGES" / "django.po"))
        new = [entry.msgid for entry in po.untranslated_entries() + po.fuzzy_entries()]
        if new:
            missing[code] = new[:10]
    assert not missing, f"strings without a translation (run `make messages`, then translate): {missing}"


# Where the portal's strings live (`make messages` reads the same folders).
SOURCES = ["countryreviews", "forums", "members", "network_portal", "strategy", "templates"]
