"""Pages come from the page cache (network_portal/page_cache.py): never stale, in every language; public pages
for visitors who are not logged in, and a logged-in user's pages for their own session only; never a page made
for someone else, nor one carrying another visitor's token.

The suite runs each test in a transaction that never commits, so the page cache is off elsewhere (conftest.py);
here it is on, and a change "commits" through django_capture_on_commit_callbacks(execute=True).
"""

import gzip
from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.test import Client

from members.models import Organization, SecurityEvent
from network_portal import page_cache

from ..factories import make_organization

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}}
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def listed(db):
    return make_organization("TJ", name="Sitora Shelter", slug="sitora", membership_status=Organization.MembershipStatus.MEMBER)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run the on-commit callbacks of the writes inside the block, as a commit would.

    The test's transaction never commits, so the fixtures' writes left their "new generation" callback pending,
    and the page cache registers one callback per transaction: forget those before the block."""

    @contextmanager
    def block():
        connection.run_on_commit = [entry for entry in connection.run_on_commit if entry[1] is not page_cache.new_generation]
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            yield callbacks

    return block


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_the_second_visit_is_served_from_the_cache(client, listed):
    first = get(client, "/members/")
    second = get(client, "/members/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first.content == second.content
    assert "Sitora Shelter" in second.content.decode()


def test_a_saved_change_shows_on_the_next_request(client, listed, committed):
    get(client, "/members/org/sitora/")
    assert get(client, "/members/org/sitora/")["X-Page-Cache"] == "hit"
    with committed():
        Organization.objects.filter(pk=listed.pk).update(name="Sitora Women's Shelter")  # a bulk update, no signal
    after = get(client, "/members/org/sitora/")
    assert after["X-Page-Cache"] == "miss"
    assert "Sitora Women&#x27;s Shelter" in after.content.decode()


def test_a_change_shows_in_every_language_at_once(client, listed, committed):
    for language in ("en", "ru", "fa"):
        get(client, "/members/", **{"Accept-Language": language})
        assert get(client, "/members/", **{"Accept-Language": language})["X-Page-Cache"] == "hit"
    with committed():
        listed.name = "Sitora Renamed"
        listed.save()
    for language in ("en", "ru", "fa"):
        response = get(client, "/members/", **{"Accept-Language": language})
        assert response["X-Page-Cache"] == "miss"
        assert "Sitora Renamed" in response.content.decode()


def test_each_language_is_kept_apart(client, listed):
    english = get(client, "/members/", **{"Accept-Language": "en"}).content.decode()
    russian = get(client, "/members/", **{"Accept-Language": "ru"})
    assert russian["X-Page-Cache"] == "miss"
    assert 'lang="ru"' in russian.content.decode() and 'lang="en"' in english
    assert get(client, "/members/?lang=fa")["X-Page-Cache"] == "miss"


def test_a_change_that_was_rolled_back_keeps_the_pages(client, listed, committed):
    get(client, "/members/")
    generation = cache.get(page_cache.GENERATION_KEY)
    connection.run_on_commit = [entry for entry in connection.run_on_commit if entry[1] is not page_cache.new_generation]
    with transaction.atomic():
        listed.save()
        assert any(entry[1] is page_cache.new_generation for entry in connection.run_on_commit)  # on commit...
        transaction.set_rollback(True)
    assert cache.get(page_cache.GENERATION_KEY) == generation  # ...but nothing was committed
    assert get(client, "/members/")["X-Page-Cache"] == "hit"


def test_writes_that_no_page_shows_keep_the_cache(client, listed, committed):
    get(client, "/members/")
    with committed():
        SecurityEvent.objects.create(kind=SecurityEvent.Kind.LOGIN_FAILED, actor_email="x@example.org")
    assert get(client, "/members/")["X-Page-Cache"] == "hit"


ROLES = ["member", "editor", "steering", "coordinator"]


@pytest.fixture
def logged_in(client_as):
    """A logged-in user's browser, which has its CSRF cookie already (the login form set it)."""

    def build(role):
        browser = client_as(role)
        browser.get("/")
        assert "csrftoken" in browser.cookies
        return browser

    return build


@pytest.mark.parametrize("role", ROLES)
def test_a_logged_in_user_gets_their_own_page_again(logged_in, role, listed):
    theirs = logged_in(role)
    first = get(theirs, "/members/")
    second = get(theirs, "/members/")
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert second.content == first.content and "Log out" in second.content.decode()
    assert "private" in second["Cache-Control"] and "no-cache" in second["Cache-Control"]


@pytest.mark.parametrize("role", ROLES)
def test_nobody_else_gets_a_logged_in_users_page(logged_in, role, listed, users):
    theirs = logged_in(role)
    get(theirs, "/members/")
    assert get(theirs, "/members/")["X-Page-Cache"] == "hit"
    public = get(Client(), "/members/")
    assert public["X-Page-Cache"] == "miss" and "Log out" not in public.content.decode()
    other_role = "member" if role != "member" else "editor"
    other = get(logged_in(other_role), "/members/")
    assert other["X-Page-Cache"] == "miss"
    assert users[other_role].email in other.content.decode() and users[role].email not in other.content.decode()
    same_user_new_login = logged_in(role)
    assert get(same_user_new_login, "/members/")["X-Page-Cache"] == "miss"  # another session of the same user


def test_a_public_page_is_not_served_to_a_logged_in_user(logged_in, listed):
    get(Client(), "/members/")
    member = get(logged_in("member"), "/members/")
    assert member["X-Page-Cache"] == "miss" and "Log out" in member.content.decode()


def test_after_logging_out_the_sessions_pages_are_gone(logged_in, listed):
    member = logged_in("member")
    get(member, "/members/")
    assert get(member, "/members/")["X-Page-Cache"] == "hit"
    old_cookie = member.cookies["sessionid"].value
    member.post("/accounts/logout/")
    replay = Client()
    replay.cookies["sessionid"] = old_cookie  # someone who copied the cookie, or a browser still sending it
    response = get(replay, "/members/")
    assert response.get("X-Page-Cache") != "hit"
    assert "Log out" not in response.content.decode()


def test_a_message_after_saving_is_shown(logged_in, listed, users):
    member = logged_in("member")
    get(member, "/members/account/")
    assert get(member, "/members/account/")["X-Page-Cache"] == "hit"
    member.post("/members/account/", {"name": "Renamed Member", "language": ""})
    response = get(member, "/members/account/")
    assert response.get("X-Page-Cache") != "hit"
    assert "Your account was saved." in response.content.decode()


def test_the_idle_session_clock_keeps_running(logged_in, listed, settings):
    """After a minute the request is rendered, so the idle timeout counts from the latest request, and a session
    idle for too long is logged out rather than served from memory."""
    member = logged_in("member")
    get(member, "/members/")
    assert get(member, "/members/")["X-Page-Cache"] == "hit"
    session = member.session
    session["portal_last_seen"] -= settings.SESSION_IDLE_TIMEOUT + 1
    session.save()
    response = get(member, "/members/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_change_makes_logged_in_pages_stale_too(logged_in, listed, committed):
    member = logged_in("member")
    get(member, "/members/")
    with committed():
        listed.name = "Sitora Changed"
        listed.save()
    response = get(member, "/members/")
    assert response["X-Page-Cache"] == "miss" and "Sitora Changed" in response.content.decode()


def test_a_page_with_a_form_token_is_not_kept(client):
    first = get(client, "/members/join/")
    assert "csrfmiddlewaretoken" in first.content.decode()
    assert "X-Page-Cache" not in first
    assert "X-Page-Cache" not in get(client, "/members/join/")


def test_public_pages_carry_no_personal_token(client, listed):
    """The language menu of a visitor who is not logged in has no CSRF token, so the page can be shared."""
    for url in ("/", "/members/", "/members/org/sitora/", "/steering-committee/", "/forums/", "/reviews/"):
        response = get(client, url)
        assert response.status_code == 200, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url
        assert response["X-Page-Cache"] == "miss", url


def test_a_visitor_with_a_session_or_a_message_is_not_served_from_the_cache(client, listed):
    get(client, "/members/")
    client.cookies["sessionid"] = "whatever"
    assert "X-Page-Cache" not in get(client, "/members/")
    del client.cookies["sessionid"]
    client.cookies["messages"] = "something"
    assert "X-Page-Cache" not in get(client, "/members/")


def test_pages_are_compressed_and_kept_compressed(client, listed):
    plain = get(client, "/members/")
    compressed = get(client, "/members/", **{"Accept-Encoding": "gzip"})
    assert compressed["Content-Encoding"] == "gzip" and compressed["X-Page-Cache"] == "miss"
    assert gzip.decompress(compressed.content) == plain.content
    again = get(client, "/members/", **{"Accept-Encoding": "gzip"})
    assert again["X-Page-Cache"] == "hit" and again["Content-Encoding"] == "gzip"
    assert len(again.content) < len(plain.content) / 3


def test_the_browser_revalidates_and_gets_304(client, listed, committed):
    first = get(client, "/members/")
    assert "no-cache" in first["Cache-Control"]
    again = get(client, "/members/", **{"If-None-Match": first["ETag"]})
    assert again.status_code == 304 and again.content == b""
    with committed():
        listed.name = "Sitora Changed"
        listed.save()
    changed = get(client, "/members/", **{"If-None-Match": first["ETag"]})
    assert changed.status_code == 200 and "Sitora Changed" in changed.content.decode()


def test_a_new_day_renders_afresh(client, listed, monkeypatch):
    """Pages say "overdue" and "upcoming": a page of yesterday is not served today."""
    get(client, "/members/")
    assert get(client, "/members/")["X-Page-Cache"] == "hit"
    monkeypatch.setattr(page_cache.time, "strftime", lambda fmt: "2099-01-01")
    assert get(client, "/members/")["X-Page-Cache"] == "miss"


def test_without_the_cache_pages_are_still_served(client, listed, monkeypatch):
    class Down:
        def __getattr__(self, name):
            def down(*args, **kwargs):
                raise ConnectionError("cache down")

            return down

    monkeypatch.setattr(page_cache, "cache", Down())
    response = get(client, "/members/")
    assert response.status_code == 200 and "X-Page-Cache" not in response
