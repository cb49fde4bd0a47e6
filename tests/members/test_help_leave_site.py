""" "Leave this site": on the help finder, its cards and the directory's public pages, a plain link to a neutral site
(settings.LEAVE_SITE_URL) that sends no referrer; static/js/leave-site.js makes it replace the history entry."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from ..conftest import ROLES
from ..factories import make_service

PAGES = [
    ("members:help", ()),
    ("members:help-card", ("tj",)),
    ("members:directory", ()),
    ("members:country", ("tj",)),
    ("members:organization", ("madina-test",)),
]
BUTTON = re.compile(r'<a class="btn btn-danger" href="([^"]*)" rel="noreferrer" data-leave-site>Leave this site</a>')
SCRIPT = '<script src="/static/js/leave-site.js" defer></script>'


@pytest.mark.parametrize("role", ["anonymous", "member", "coordinator"])
@pytest.mark.parametrize(("name", "args"), PAGES)
def test_the_button_is_on_the_help_and_directory_pages(client_as, role, name, args):
    html = client_as(role).get(reverse(name, args=args)).content.decode()
    assert BUTTON.findall(html) == [settings.LEAVE_SITE_URL]
    assert html.count(SCRIPT) == 1
    # At the top of the page's content: before its heading.
    assert html.index("data-leave-site") < html.index("<h1")


def test_the_neutral_site_is_a_setting(client, organization, settings):
    settings.LEAVE_SITE_URL = "https://weather.example.org/today"
    for name, args in PAGES:
        assert BUTTON.findall(client.get(reverse(name, args=args)).content.decode()) == ["https://weather.example.org/today"]


@pytest.mark.parametrize("path", ["/", "/news/", "/library/", "/forums/", "/contact/", "/members/join/", "/steering-committee/"])
def test_other_pages_have_no_button_and_load_no_script(client, db, path):
    html = client.get(path).content.decode()
    assert "data-leave-site" not in html and "leave-site.js" not in html


@pytest.mark.parametrize("role", ["editor", "coordinator"])
def test_nor_do_the_pages_for_editors(client_as, role, organization):
    html = client_as(role).get(reverse("members:organization-edit", args=["madina-test"])).content.decode()
    assert "data-leave-site" not in html


def test_a_page_of_no_view_renders_without_it(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "data-leave-site" not in response.content.decode()


def test_help_says_leaving_does_not_erase_the_history(client, db):
    html = client.get(reverse("members:help")).content.decode()
    assert "does not erase this site from the browser's history" in html
    assert "use a private window" in html


def test_the_script_replaces_the_history_entry_and_leaves_on_escape_twice():
    """What the browser runs (there is no JavaScript test runner here): the script is a static file of our own, which
    the Content-Security-Policy ('self') allows."""
    script = (settings.BASE_DIR / "static" / "js" / "leave-site.js").read_text()
    assert "location.replace(link.href)" in script
    assert '"Escape"' in script and "preventDefault" in script
    assert settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"] == ["'self'"]


@pytest.mark.parametrize("role", ROLES)
def test_the_help_page_carries_a_policy_that_allows_the_script_and_nothing_inline(client_as, role, organization):
    make_service(organization, name="Tajik Hotline")
    response = client_as(role).get(reverse("members:help") + "?country=tj")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert not re.search(r"<script(?![^>]*\ssrc=)", response.content.decode())
