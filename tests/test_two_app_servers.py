"""Issue 14: two app servers against one PostgreSQL and one Redis keep no state of their own.

Two gunicorn servers (one worker each, on two ports) run the portal as production does (DEBUG off, REDIS_URL set,
so the cache, the rate limits and the sessions live in Redis), against this test's PostgreSQL database. A visitor
is a `Browser` with one cookie jar for the portal's host, whichever server answers, as behind a load balancer.
The test process plays a third portal process (an admin, a management command): same database, same Redis, same
SECRET_KEY, so what it saves is saved as the portal saves it.

PostgreSQL and a Redis only (CI runs the PostgreSQL suite with TEST_REDIS_URL set). The servers see only committed
rows, so the tests are transactional, as in test_concurrent_connections.py.
"""

import http.client
import os
import re
import runpy
import shutil
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest
from django.conf import global_settings
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings

from members.models import Application, FocusArea
from members.tokens import make_form_timestamp
from members.views.joining import JOIN_LIMIT

from .factories import PASSWORD, make_organization, make_user, totp_code

TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "")
SECRET_KEY = "two-app-servers-test-key-not-a-secret-0123456789-abcdefghijklmnop"

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL: DATABASE_URL=postgres://…"),
    pytest.mark.skipif(not TEST_REDIS_URL, reason="needs a Redis: TEST_REDIS_URL=redis://127.0.0.1:6379/15"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module", autouse=True)
def _migrated_data_put_back(django_db_setup, django_db_blocker):
    """Put back what the migrations created once the last test here has emptied the database (see
    test_concurrent_connections.py): pytest-xdist may run other files after this one in the same database."""
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


def redis_db():
    import redis

    return redis.Redis.from_url(TEST_REDIS_URL)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The URL of the test database this process uses (pytest-django's test_… database)."""
    db = connection.settings_dict
    credentials = quote(db["USER"], safe="") + (":" + quote(db["PASSWORD"], safe="") if db["PASSWORD"] else "")
    host = db["HOST"] or "localhost"
    return f"postgres://{credentials}@{host}:{db['PORT'] or 5432}/{quote(db['NAME'], safe='')}"


class Server:
    """One app server: `gunicorn network_portal.wsgi:application` with one worker on a free port."""

    def __init__(self, name, var_dir: Path, static_root: Path):
        self.name, self.port = name, free_port()
        # A directory of its own, as on a machine of its own: a file cache there would be this server's alone.
        var_dir = var_dir / name
        var_dir.mkdir()
        (var_dir / "static").symlink_to(static_root)
        self.log = var_dir / "gunicorn.log"
        environment = {key: os.environ[key] for key in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR") if key in os.environ}
        environment |= {
            "DJANGO_SETTINGS_MODULE": "network_portal.settings",
            "DATABASE_URL": database_url(),
            "REDIS_URL": TEST_REDIS_URL,
            "DEBUG": "false",
            "SECRET_KEY": SECRET_KEY,
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "VAR_DIR": str(var_dir),
        }
        command = [
            sys.executable, "-m", "gunicorn", "network_portal.wsgi:application",
            "--workers", "1", "--bind", f"127.0.0.1:{self.port}", "--chdir", str(django_settings.BASE_DIR),
            "--graceful-timeout", "5", "--access-logfile", "-",
        ]
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(command, env=environment, stdout=log, stderr=subprocess.STDOUT)

    def wait_until_healthy(self, deadline: float):
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            try:
                if Browser().get(self, "/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise AssertionError(f"server {self.name} did not answer /healthz:\n{self.log.read_text()[-3000:]}")

    def wait_until_stopped(self):
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def listening_socket(port: int) -> str:
    """The inode of the socket listening on 127.0.0.1:port (from /proc/net/tcp)."""
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if fields[3] == "0A" and int(fields[1].split(":")[1], 16) == port:  # 0A: LISTEN
            return fields[9]
    raise AssertionError(f"nothing listens on port {port}")


def open_sockets(pid: int) -> set[str]:
    """The inodes of the sockets a process holds."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


@pytest.fixture(scope="module")
def servers(django_db_setup, tmp_path_factory):
    """Two app servers on the test database and TEST_REDIS_URL (flushed before and after), stopped at the end."""
    var_dir = tmp_path_factory.mktemp("two-app-servers")
    # DEBUG off serves static files through their manifest: collect them once for both servers (without the
    # compression of production's storage, which only costs time here).
    static_root = var_dir / "static"
    with override_settings(
        STATIC_ROOT=static_root,
        STORAGES={
            **django_settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
        },
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
    redis_db().flushdb()
    started = []
    try:
        started += [Server("one", var_dir, static_root), Server("two", var_dir, static_root)]
        deadline = time.monotonic() + 60
        for server in started:
            server.wait_until_healthy(deadline)
        yield started
    finally:
        for server in started:
            server.process.terminate()
        for server in started:
            server.wait_until_stopped()
        redis_db().flushdb()
        shutil.rmtree(static_root, ignore_errors=True)


@pytest.fixture
def one_and_two(servers, settings, monkeypatch):
    """The two servers, checked to be two processes, each alone on its port; this process set up as a third
    portal process (the servers' Redis cache and sessions, SECRET_KEY and password hashers); Redis emptied."""
    one, two = servers
    assert one.process.pid != two.process.pid and one.port != two.port
    assert one.process.poll() is None and two.process.poll() is None
    for server, other in ((one, two), (two, one)):
        listener = listening_socket(server.port)
        assert listener in open_sockets(server.process.pid) and listener not in open_sockets(other.process.pid)

    monkeypatch.setenv("REDIS_URL", TEST_REDIS_URL)
    configured = runpy.run_path(str(django_settings.BASE_DIR / "network_portal" / "settings.py"))
    assert configured["CACHES"]["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    settings.CACHES = configured["CACHES"]
    settings.SESSION_ENGINE = configured["SESSION_ENGINE"]
    settings.SECRET_KEY = SECRET_KEY
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS  # the servers check passwords with these
    redis_db().flushdb()
    yield one, two
    redis_db().flushdb()


class Response:
    def __init__(self, response: http.client.HTTPResponse):
        self.status, self.headers = response.status, response.headers
        self.text = response.read().decode("utf-8", "replace")

    def form_token(self) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', self.text)
        assert match, f"no CSRF token in the page ({self.status})"
        return match.group(1)


class Browser:
    """A visitor: one cookie jar for the portal's address whichever server answers; redirects not followed."""

    def __init__(self):
        self.cookies = {}

    def request(self, server, method, path, data=None) -> Response:
        headers = {"Host": "127.0.0.1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        client = http.client.HTTPConnection("127.0.0.1", server.port, timeout=20)
        try:
            client.request(method, path, body=body, headers=headers)
            response = Response(client.getresponse())
        finally:
            client.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, server, path) -> Response:
        return self.request(server, "GET", path)

    def post(self, server, path, data, token_from) -> Response:
        return self.request(server, "POST", path, {**data, "csrfmiddlewaretoken": token_from.form_token()})


def application(n) -> dict:
    return {
        "name": f"Rate Limit Test NGO {n}",
        "acronym": f"RLT{n}",
        "country": "TJ",
        "kind": "ngo",
        "city": "Khujand",
        "website": "",
        "description": "Shelter and legal aid for women returning from labour migration.",
        "focus_areas": [FocusArea.objects.order_by("order").first().pk],
        "contact_name": "Dilnoza Karimova",
        "contact_position": "Director",
        "contact_email": f"applicant{n}@example.org",
        "contact_phone": "+992 92 000 0000",
        "consent": "on",
        # A form rendered ten seconds ago (signed with the servers' SECRET_KEY): a person, not a script.
        "started": make_form_timestamp(time.time() - 10),
        "homepage": "",
    }


def test_the_join_forms_rate_limit_counts_the_applications_sent_to_both_servers(one_and_two):
    one, two = one_and_two
    browser = Browser()
    form = browser.get(one, "/members/join/")
    assert form.status == 200 and "csrftoken" in browser.cookies

    # The limit's applications alternately on each server: one server alone sees fewer than the limit.
    servers = [one, two] * JOIN_LIMIT.limit
    for n in range(JOIN_LIMIT.limit):
        sent = browser.post(servers[n], "/members/join/", application(n), token_from=form)
        assert (sent.status, sent.headers["Location"]) == (302, "/members/join/thanks/"), sent.text[-2000:]
    assert Application.objects.count() == JOIN_LIMIT.limit
    assert max(servers[: JOIN_LIMIT.limit].count(server) for server in (one, two)) < JOIN_LIMIT.limit

    for server in (servers[JOIN_LIMIT.limit], servers[JOIN_LIMIT.limit + 1]):  # one more on each server
        refused = browser.post(server, "/members/join/", application(99), token_from=form)
        assert refused.status == 429, f"server {server.name} answered {refused.status}"
        assert "several applications were already sent from your connection" in refused.text
    assert Application.objects.count() == JOIN_LIMIT.limit
    assert redis_db().keys("*ratelimit:*"), "the count is not in Redis"


def test_a_change_is_seen_by_both_servers_on_the_very_next_request(one_and_two):
    one, two = one_and_two
    organization = make_organization("TJ", name="Two Servers NGO", slug="two-servers", description_en="Old text: shelter.")
    visitor = Browser()
    page = f"/members/org/{organization.slug}/"
    for server in (one, two, one, two):  # twice each: any cache of either server is warm
        shown = visitor.get(server, page)
        assert shown.status == 200 and "Old text: shelter." in shown.text, f"server {server.name}: {shown.status}"
    caches_seen = {server.name: visitor.get(server, page).headers.get("X-Page-Cache") for server in (one, two)}

    organization.description_en = "New text: legal aid."
    organization.save()  # committed at once: the test runs in autocommit mode, as a management command would

    for server in (two, one):
        shown = visitor.get(server, page)
        assert shown.status == 200
        assert "New text: legal aid." in shown.text and "Old text: shelter." not in shown.text, (
            f"server {server.name} still shows the old text (page cache before the change: {caches_seen})"
        )


def test_a_login_begun_on_one_server_goes_on_and_holds_on_the_other(one_and_two):
    one, two = one_and_two
    user = make_user("two.servers@example.org", second_factor=True)
    browser = Browser()
    assert browser.get(two, "/members/account/").status == 302  # not logged in yet

    login = browser.get(one, "/accounts/login/")
    password_step = browser.post(one, "/accounts/login/", {"login": user.email, "password": PASSWORD}, token_from=login)
    assert password_step.status == 302 and "/2fa/" in password_step.headers["Location"], password_step.text[-2000:]

    code_form = browser.get(two, password_step.headers["Location"])  # the pending login, from Redis
    assert code_form.status == 200 and 'name="code"' in code_form.text
    code_step = browser.post(two, password_step.headers["Location"], {"code": totp_code()}, token_from=code_form)
    assert code_step.status == 302, code_step.text[-2000:]
    assert "sessionid" in browser.cookies
    assert redis_db().keys(f"*django.contrib.sessions.cache{browser.cookies['sessionid']}"), "the session is not in Redis"

    for server in (one, two):
        account = browser.get(server, "/members/account/")
        assert account.status == 200 and user.email in account.text, f"server {server.name}: {account.status}"
    assert Browser().get(one, "/members/account/").status == 302  # the page is a member's indeed
