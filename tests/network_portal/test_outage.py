"""While the database or Redis cannot be reached (down, restarting) visitors get a plain 503 page that asks them to
try again in a minute, never a stack trace; any other failure stays the plain 500 page."""

import pytest
import redis.exceptions
from django.db import OperationalError
from django.test import Client

from network_portal import outages, views

pytestmark = pytest.mark.django_db


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def fail_home_with(monkeypatch, error):
    def broken():
        raise error

    monkeypatch.setattr(views, "countries_with_member_counts", broken)


@pytest.mark.parametrize(
    "error",
    [
        OperationalError("could not connect to server: Connection refused"),
        redis.exceptions.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused."),
        redis.exceptions.TimeoutError("Timeout reading from socket"),
    ],
)
def test_an_unreachable_database_or_cache_gives_the_503_page(visitor, monkeypatch, error):
    fail_home_with(monkeypatch, error)
    response = visitor.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert "The portal is briefly unavailable" in content
    assert "Traceback" not in content and "Connection refused" not in content and "6379" not in content


def test_a_wrapped_outage_is_recognised(visitor, monkeypatch):
    def broken():
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError as exc:
            raise RuntimeError("while rendering") from exc

    monkeypatch.setattr(views, "countries_with_member_counts", broken)
    assert visitor.get("/").status_code == 503


def test_any_other_failure_is_the_plain_500_page(visitor, monkeypatch):
    fail_home_with(monkeypatch, ValueError("a bug"))
    response = visitor.get("/")
    assert response.status_code == 500
    content = response.content.decode()
    assert "Something went wrong" in content and "a bug" not in content and "Traceback" not in content


def test_a_session_store_that_is_down_gives_503_to_logged_in_visitors(client_as, monkeypatch):
    """With REDIS_URL the sessions live in Redis: while it restarts, logged-in pages answer 503."""
    member = client_as("member")
    member.raise_request_exception = False

    def down(self, *args, **kwargs):
        raise redis.exceptions.ConnectionError("Connection refused")

    from django.contrib.sessions.backends.db import SessionStore

    monkeypatch.setattr(SessionStore, "load", down)
    response = member.get("/members/")
    assert response.status_code == 503
    assert "Traceback" not in response.content.decode()


def test_the_503_page_speaks_the_visitors_language(visitor, monkeypatch):
    fail_home_with(monkeypatch, OperationalError("down"))
    response = visitor.get("/", headers={"Accept-Language": "ru"})
    assert response.status_code == 503
    assert 'lang="ru" dir="ltr"' in response.content.decode()
    assert "Портал ненадолго недоступен" in response.content.decode()
    response = visitor.get("/", headers={"Accept-Language": "fa"})
    assert 'lang="fa" dir="rtl"' in response.content.decode()


def test_sessions_in_redis_that_cannot_be_reached_are_an_outage_not_a_logout(settings, monkeypatch):
    """With REDIS_URL the session store is network_portal.sessions: an unreachable Redis gives the 503 page, not
    the public page of a logged-out visitor (nor the login page for a form being sent)."""
    from network_portal.sessions import SessionStore

    class Down:
        def get(self, *args, **kwargs):
            raise redis.exceptions.ConnectionError("Connection refused")

    settings.SESSION_ENGINE = "network_portal.sessions"
    original_init = SessionStore.__init__

    def unreachable(self, session_key=None):
        original_init(self, session_key)
        self._cache = Down()

    monkeypatch.setattr(SessionStore, "__init__", unreachable)
    visitor = Client(raise_request_exception=False)
    visitor.cookies["sessionid"] = "a" * 32
    response = visitor.get("/forums/follow-up/")
    assert response.status_code == 503


def test_sessions_in_the_cache_work_when_it_answers(settings, users):
    settings.SESSION_ENGINE = "network_portal.sessions"
    member = Client()
    member.force_login(users["member"])
    response = member.get("/members/account/")
    assert response.status_code == 200 and users["member"].email in response.content.decode()
    assert Client().get("/members/account/").status_code == 302


def test_an_outage_is_logged_in_one_line(caplog, visitor, monkeypatch):
    import logging

    fail_home_with(monkeypatch, OperationalError("the database system is starting up"))
    with caplog.at_level(logging.ERROR, logger="django.request"):
        visitor.get("/")
    record = next(r for r in caplog.records if r.name == "django.request")
    outages.OutageWithoutTrace().filter(record)
    assert record.exc_info is None
    assert "the database system is starting up" in record.getMessage() and "Service Unavailable" in record.getMessage()


def test_the_page_nginx_shows_when_the_portal_does_not_answer_says_the_same_in_every_language(settings):
    """static/errors/unavailable.html (deploy/nginx/ctip-portal.conf: gunicorn restarting or down) carries the 503
    page's texts in each of the portal's languages, as the catalogues translate them today."""
    from pathlib import Path

    from django.utils import translation

    page = (Path(settings.BASE_DIR) / "static" / "errors" / "unavailable.html").read_text()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            heading = translation.gettext("The portal is briefly unavailable")
            advice = translation.gettext(
                "Please try again in a minute. Nothing saved before is lost; if you were sending a form, check "
                "afterwards whether it was saved."
            )
        direction = "rtl" if translation.get_language_info(code)["bidi"] else "ltr"
        assert f'<section lang="{code}" dir="{direction}">\n<h1>{heading}</h1>\n<p>{advice}</p>' in page, code
