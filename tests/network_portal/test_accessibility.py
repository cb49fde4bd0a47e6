"""The public pages in a real browser (Debian's chromium driven by Playwright) checked with axe-core.

No serious or critical violation in English, Russian or Dari, and no complaint of the browser about the
Content-Security-Policy or Permissions-Policy (tests/network_portal/test_headers.py). Skipped, saying so,
where chromium or the Python packages are missing; .ci/run installs them.
"""

import os
import shutil

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (requirements-dev.txt)")
axe_module = pytest.importorskip("axe_playwright_python.sync_playwright", reason="axe-playwright-python is not installed")
pytestmark = pytest.mark.skipif(
    not os.path.exists(CHROMIUM), reason="chromium is not installed (apt-get install chromium); .ci/run installs it"
)

PAGES = [
    "/",
    "/members/",
    "/members/?q=madina",
    "/members/tj/",
    "/members/map/",
    "/help/?country=tj&origin=af",
    "/help/tj/card/",
    "/open-data/",
    "/members/org/ofrd/",
    "/steering-committee/",
    "/forums/",
    "/forums/dushanbe-2017/",
    "/forums/follow-up/",
    "/reviews/",
    "/reviews/tj/2017/",
    "/reviews/overview/",
    "/members/join/",
    "/accounts/login/",
    "/news/",
    "/news/second-regional-ngo-forum-kabul-2018/",
    "/library/",
    "/library/outcome-document-dushanbe-2017/",
    "/contact/",
]
LANGUAGES = ["en", "ru", "fa"]
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture
def demo(transactional_db, settings):
    settings.DEBUG = True
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))


def test_public_pages_have_no_serious_or_critical_violations(demo, live_server, monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the live server answers in its own thread
    axe = axe_module.Axe()
    problems, console = [], []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for language in LANGUAGES:
            context = browser.new_context()
            context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
            page = context.new_page()
            # The browser's own word on the security headers: a blocked inline style or script, or a feature
            # it does not know in Permissions-Policy, is reported on the console.
            page.on("console", lambda message, lang=language: console.append(f"{lang} {message.location['url']}: {message.text}"))
            for path in PAGES:
                response = page.goto(live_server.url + path)
                assert response.status == 200, (language, path, response.status)
                results = axe.run(page)
                for violation in results.response["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        targets = [node["target"] for node in violation["nodes"]][:3]
                        problems.append(f"{language} {path}: {violation['id']} ({len(violation['nodes'])} nodes) {targets}")
            context.close()
        browser.close()
    assert not problems, "\n".join(problems)
    policy_messages = [text for text in console if "Content Security Policy" in text or "Permissions-Policy" in text]
    assert not policy_messages, "\n".join(policy_messages)
