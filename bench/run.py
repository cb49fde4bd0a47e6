"""`make bench` (issue 14): how fast the portal is next to a bare Django view, and how it takes faults.

Builds its own set-up (needs root, Debian): a PostgreSQL cluster of its own (15/bench on port 5433, left stopped
afterwards), a redis-server of its own on port 6390 (BENCH_REDIS=0: none), the portal with the demo data and the
directory grown to BENCH_ORGANIZATIONS organizations, served by gunicorn. It measures each page of PAGES with wrk,
then a bare Django view (bench/bare.py) with the same workers, and prints a table with the targets of issue 14;
then a fault round (BENCH_FAULTS=0 skips it): a worker killed, PostgreSQL and Redis restarted under load.

    BENCH_SECONDS=10 BENCH_WORKERS=2 BENCH_ORGANIZATIONS=10000 BENCH_REDIS=1 BENCH_FAULTS=1 BENCH_PORT=8765

Exits non-zero only when the set-up fails; missed targets are printed as MISS.
"""

import gzip
import http.client
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode, urljoin

# What is measured: (page, who, path). "member" is a plain member of SPARC that the bench creates (every demo
# account is an editor); "editor" is steering.tj@example.org, editor of NGO "Madina" and the Tajik representative.
PAGES = [
    ("home", "public", "/"),
    ("directory", "public", "/members/"),
    ("directory search", "public", "/members/?q=umed"),  # Umed, Umeed, «Умед»: a few hundred organizations
    ("country page", "public", "/members/tj/"),
    ("profile", "public", "/members/org/madina/"),
    ("steering committee", "public", "/steering-committee/"),
    ("overview", "public", "/reviews/overview/"),
    ("forums", "public", "/forums/"),
    ("tracker", "public", "/forums/follow-up/"),
    ("news", "public", "/news/"),
    ("library", "public", "/library/"),
    ("library search", "public", "/library/?q=outcome"),
    ("laws", "public", "/laws/"),
    ("agreements", "public", "/agreements/"),
    ("annual report", "public", "/reports/2018/"),
    ("strategy", "public", "/strategy/"),  # the demo strategy is a draft: the public sees the empty state
    ("directory", "member", "/members/"),
    ("profile", "member", "/members/org/sparc/"),
    ("tracker", "member", "/forums/follow-up/"),
    ("news", "member", "/news/"),
    ("overview", "member", "/reviews/overview/"),
    # The demo's draft strategy 2019–2023, the only strategy of the bench's fresh database (pk 1): members read it.
    ("strategy", "member", "/strategy/"),
    ("strategy text", "member", "/strategy/1/"),
    ("action plan", "member", "/strategy/1/plan/"),
    ("budget", "member", "/strategy/1/budget/"),
    ("progress", "member", "/strategy/1/progress/"),
    ("directory", "editor", "/members/"),
    ("profile", "editor", "/members/org/madina/"),
    ("tracker", "editor", "/forums/follow-up/"),
    ("overview", "editor", "/reviews/overview/"),
    ("action plan", "editor", "/strategy/1/plan/"),
]
ACCOUNTS = {"member": "bench.member@example.org", "editor": "steering.tj@example.org"}
# Targets of issue 14.
RATIO_TARGET = {"public": 0.5, "member": 0.2, "editor": 0.2}
P99_TARGET_MS = 100
FIRST_VISIT_KB, LATER_PAGE_KB = 60, 15
FAR_FUTURE = 365 * 24 * 3600  # static files: cached at least a year

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench"
PY = sys.executable  # the project's .venv python (see the Makefile)
GUNICORN = str(Path(sys.executable).parent / "gunicorn")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
ORGANIZATIONS = int(os.environ.get("BENCH_ORGANIZATIONS", "10000"))
USE_REDIS = os.environ.get("BENCH_REDIS", "1") != "0"
FAULTS = os.environ.get("BENCH_FAULTS", "1") != "0"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
PG_CLUSTER, PG_PORT, REDIS_PORT = "bench", 5433, 6390
# --timeout 10s: wrk leaves requests slower than its timeout (2 s by default) out of the latencies.
WRK = ["wrk", "-t2", "-c20", f"-d{SECONDS}s", "--timeout", "10s", "--latency", "-H", "Accept-Encoding: gzip",
       "-s", str(ROOT / "bench" / "wrk.lua")]


class SetupError(Exception):
    """The bench could not build its set-up: a broken run (exit status 1)."""


def run(cmd, log=None, **kwargs):
    """Run a command; its output goes to `log` (a file) if given. Fails the run if the command fails."""
    if log is None:
        result = subprocess.run(cmd, text=True, capture_output=True, **kwargs)
    else:
        with open(log, "a") as out:
            out.write(f"\n$ {' '.join(map(str, cmd))}\n")
            out.flush()
            result = subprocess.run(cmd, text=True, stdout=out, stderr=subprocess.STDOUT, **kwargs)
    if result.returncode != 0:
        detail = result.stderr or result.stdout if log is None else Path(log).read_text()[-3000:]
        raise SetupError(f"`{' '.join(map(str, cmd))}` failed:\n{detail}")
    return result.stdout


def port_is_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def wait_for(check, what: str, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SetupError(f"{what} did not come up within {timeout:.0f} s")


def ensure_tools():
    """Install Debian's PostgreSQL, redis-server and wrk if one is missing (as root)."""
    missing = [package for package, present in [
        ("postgresql", shutil.which("pg_createcluster") and list(Path("/usr/lib/postgresql").glob("*/bin/postgres"))),
        ("redis-server", shutil.which("redis-server") or not USE_REDIS),
        ("wrk", shutil.which("wrk")),
    ] if not present]
    if missing:
        print(f"Installing {', '.join(missing)} (apt-get)…", flush=True)
        install = ["apt-get", "install", "-y", "--no-install-recommends", *missing]
        if subprocess.run(install).returncode != 0:
            run(["apt-get", "update"])
            run(install)


# --- PostgreSQL: a cluster of our own, so that the machine's main cluster is never touched ---------------------

class Postgres:
    def __init__(self):
        self.version = max((p.parent.parent.name for p in Path("/usr/lib/postgresql").glob("*/bin/postgres")), key=int)

    def clusters(self) -> dict:
        """{(version, name): (port, status)} from pg_lsclusters."""
        lines = run(["pg_lsclusters", "--no-header"]).splitlines()
        return {(f[0], f[1]): (int(f[2]), f[3]) for f in (line.split() for line in lines) if len(f) > 3}

    def start(self):
        clusters = self.clusters()
        if (self.version, PG_CLUSTER) not in clusters:
            taken = [name for name, (port, _status) in clusters.items() if port == PG_PORT]
            if taken:
                raise SetupError(f"port {PG_PORT} is used by PostgreSQL cluster {taken[0]}")
            # Started only by the bench (start.conf manual), never at boot.
            run(["pg_createcluster", self.version, PG_CLUSTER, "--port", str(PG_PORT), "--start-conf", "manual"])
        elif clusters[(self.version, PG_CLUSTER)][0] != PG_PORT:
            raise SetupError(f"cluster {self.version}/{PG_CLUSTER} exists with another port than {PG_PORT}")
        if self.clusters()[(self.version, PG_CLUSTER)][1] != "online":
            run(["pg_ctlcluster", self.version, PG_CLUSTER, "start"])
        wait_for(lambda: subprocess.run(["pg_isready", "-q", "-h", "127.0.0.1", "-p", str(PG_PORT)]).returncode == 0,
                 "PostgreSQL")

    def stop(self):
        subprocess.run(["pg_ctlcluster", "-m", "fast", self.version, PG_CLUSTER, "stop"], capture_output=True)

    def psql(self, sql: str):
        run(["runuser", "-u", "postgres", "--", "psql", "-p", str(PG_PORT), "-v", "ON_ERROR_STOP=1", "-qc", sql],
            cwd="/")

    def fresh_database(self):
        self.psql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_bench') THEN "
                  "CREATE ROLE portal_bench LOGIN PASSWORD 'portal-bench'; END IF; END $$;")
        self.psql("DROP DATABASE IF EXISTS portal_bench WITH (FORCE)")
        self.psql("CREATE DATABASE portal_bench OWNER portal_bench")


# --- Redis: our own redis-server on a private port and directory ----------------------------------------------

class Redis:
    def __init__(self):
        self.dir = VAR / "redis"
        # Debian's redis.conf save points: on SIGTERM Redis writes its data (sessions live here) before it exits.
        self.cmd = ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--dir", str(self.dir),
                    "--save", "3600 1 300 100 60 10000", "--logfile", str(VAR / "redis.log"), "--daemonize", "no"]
        self.process = None

    def start(self, fresh=False):
        if fresh:
            shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        if port_is_open(REDIS_PORT):
            raise SetupError(f"port {REDIS_PORT} is already in use")
        self.process = subprocess.Popen(self.cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_for(lambda: port_is_open(REDIS_PORT), "redis-server")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


# --- gunicorn ---------------------------------------------------------------------------------------------------

class Server:
    """gunicorn serving `app` on 127.0.0.1:PORT with WORKERS sync workers; its output goes to `log`."""

    def __init__(self, app: str, env: dict, log: Path, chdir: Path = ROOT):
        self.app, self.env, self.log, self.chdir, self.process = app, env, log, chdir, None

    def start(self, ready_path: str):
        if port_is_open(PORT):
            raise SetupError(f"port {PORT} is already in use (BENCH_PORT chooses another)")
        self.process = subprocess.Popen(
            [GUNICORN, self.app, "--chdir", str(self.chdir), "--workers", str(WORKERS), "--bind", f"127.0.0.1:{PORT}"],
            env=self.env, stdout=open(self.log, "a"), stderr=subprocess.STDOUT,
        )

        def ready():
            if self.process.poll() is not None:
                raise SetupError(f"gunicorn {self.app} exited")
            return fetch(ready_path).status == 200

        try:
            wait_for(ready, f"gunicorn {self.app}")
        except SetupError as error:
            raise SetupError(f"{error}; the end of {self.log}:\n{self.log.read_text()[-3000:]}") from None

    def workers(self) -> list[int]:
        pid = self.process.pid
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# --- HTTP -------------------------------------------------------------------------------------------------------

@dataclass
class Response:
    status: int
    headers: object  # http.client.HTTPMessage
    body: bytes  # decompressed
    wire: int  # bytes transferred: status line, headers and the (compressed) body


def fetch(path: str, cookie: str = "", headers: dict | None = None, method="GET", body=None, timeout=10) -> Response:
    """One request on a new connection, asking for gzip; redirects are not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=timeout)
    try:
        sent = {"Accept-Encoding": "gzip", **({"Cookie": cookie} if cookie else {}), **(headers or {})}
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        raw = response.read()
    finally:
        connection.close()
    head = f"HTTP/1.1 {response.status} {response.reason}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in response.getheaders()) + "\r\n"
    text = gzip.decompress(raw) if response.getheader("Content-Encoding") == "gzip" else raw
    return Response(response.status, response.headers, text, len(head.encode("latin-1")) + len(raw))


def shows_stack_trace(body: bytes) -> bool:
    """A Python traceback or Django's debug page."""
    return b"Traceback" in body or b"DEBUG = True" in body or b'id="traceback"' in body


def title_of(body: bytes) -> str:
    match = re.search(rb"<title>(.*?)</title>", body, re.S)
    return (match.group(1) if match else body[:80]).decode("utf-8", "replace").strip()


def wrk(path: str, cookie: str = "", extra=(), args=()) -> dict:
    """Run wrk on one path (or on `args` paths in turn): requests/s, p99 in ms, non-2xx, socket errors."""
    cmd = [*WRK, *extra, *(["-H", f"Cookie: {cookie}"] if cookie else []), f"http://127.0.0.1:{PORT}{path}"]
    out = run([*cmd, *(["--", *args] if args else [])])
    p99 = re.search(r"^\s*99%\s+([\d.]+)(us|ms|s|m)\b", out, re.M)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p99": float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[p99.group(2)],
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "non2xx": int(re.search(r"non2xx: (\d+)", out).group(1)),
        "socket_errors": sum(map(int, errors.groups())) if errors else 0,
    }


class Assets(HTMLParser):
    """The stylesheets, scripts and images a page links (what a browser fetches on a first visit)."""

    def __init__(self):
        super().__init__()
        self.urls, self.has_icon = [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        url = None
        if tag == "link" and {"stylesheet", "icon", "preload", "modulepreload", "apple-touch-icon"} & set(rel):
            url, self.has_icon = attrs.get("href"), self.has_icon or "icon" in rel
        elif tag in ("script", "img"):
            url = attrs.get("src")
        if url and url.startswith("/") and not url.startswith("//") and url not in self.urls:
            self.urls.append(url)


# --- the portal -------------------------------------------------------------------------------------------------

def portal_env() -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL", "CACHE_BACKEND")}
    env.update(
        DATABASE_URL=f"postgres://portal_bench:portal-bench@127.0.0.1:{PG_PORT}/portal_bench",
        DEBUG="false", SECRET_KEY="bench-only-not-a-secret-" + "x" * 40, ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false", SECURE_HSTS_SECONDS="0",
        PORTAL_BASE_URL=f"http://127.0.0.1:{PORT}", VAR_DIR=str(VAR / "portal"),
        DJANGO_SETTINGS_MODULE="network_portal.settings",
    )
    if USE_REDIS:
        env["REDIS_URL"] = f"redis://127.0.0.1:{REDIS_PORT}/0"
    return env


def task(env, *args) -> dict:
    """Run bench/portal_tasks.py in the portal's environment; its JSON answer."""
    return json.loads(run([PY, str(ROOT / "bench" / "portal_tasks.py"), *args], env=env, cwd=ROOT).splitlines()[-1])


def set_up_portal(env) -> dict:
    log = VAR / "setup.log"
    log.write_text("")
    for step, cmd in [
        ("migrate", ["migrate", "--noinput"]),
        ("seed_demo", ["seed_demo", "--force"]),
        ("collectstatic", ["collectstatic", "--noinput", "--clear"]),
    ]:
        started = time.monotonic()
        run([PY, "manage.py", *cmd], log=log, env=env, cwd=ROOT)
        print(f"  {step}: {time.monotonic() - started:.0f} s", flush=True)
    grown = task(env, "grow", str(ORGANIZATIONS))
    print(f"  directory: {grown['added']} organizations added in {grown['seconds']} s; {grown['organizations']} in "
          f"all, {grown['listed']} listed publicly, {grown['services']} services; "
          f"search “{grown['search_word']}” matches {grown['search_matches']}", flush=True)
    return grown


def check_pages(cookies, grown) -> tuple[dict, list[str]]:
    """One request per page with gzip: its size, and whether it is the page it should be."""
    sizes, problems = {}, []
    for _page, who, path in PAGES:
        response = fetch(path, cookies.get(who, ""))
        sizes[(who, path)] = response.wire
        logged_in = b"Log out" in response.body
        if response.status != 200:
            problems.append(f"{who} {path}: HTTP {response.status} {response.headers.get('Location', '')}"
                            f" «{title_of(response.body)}»")
        elif logged_in != (who != "public"):
            problems.append(f"{who} {path}: the page {'shows' if logged_in else 'lacks'} the 'Log out' button")
    found = fetch(f"/members/?q={grown['search_word']}").body.decode()
    match = re.search(r"([\d,]+) organizations? found", found)
    if not match or int(match.group(1).replace(",", "")) != grown["search_matches"]:
        problems.append(f"/members/?q={grown['search_word']} finds {match and match.group(1)}, "
                        f"expected {grown['search_matches']}")
    match = re.search(r"([\d,]+) organizations? found", fetch("/members/").body.decode())
    if not match or int(match.group(1).replace(",", "")) != grown["listed"]:
        problems.append(f"/members/ lists {match and match.group(1)} organizations, expected {grown['listed']}")
    return sizes, problems


def page_weight() -> list[str]:
    """First visit (home and everything it links), conditional GETs and the static files' caching."""
    lines = []
    home = fetch("/")
    parser = Assets()
    parser.feed(home.body.decode("utf-8", "replace"))
    urls = list(parser.urls) + ([] if parser.has_icon else ["/favicon.ico"])  # browsers ask for it anyway
    total, cache_misses, seen = home.wire, [], set(urls)
    details = [f"/ {home.wire / 1024:.1f}"]
    while urls:
        url = urls.pop(0)
        asset = fetch(url)
        total += asset.wire
        details.append(f"{url.rsplit('/', 1)[-1]} {asset.wire / 1024:.1f}{'' if asset.status == 200 else f' ({asset.status})'}")
        if url.endswith(".css") and asset.status == 200:  # what a stylesheet itself loads (not data: URLs)
            for ref in re.findall(rb"url\(\s*['\"]?([^'\")]+)", asset.body):
                ref = urljoin(url, ref.decode())
                if not ref.startswith("data:") and ref not in seen:
                    seen.add(ref)
                    urls.append(ref)
        cache = asset.headers.get("Cache-Control", "")
        max_age = re.search(r"max-age=(\d+)", cache)
        if asset.status == 200 and url.startswith("/static/") and not (max_age and int(max_age.group(1)) >= FAR_FUTURE):
            cache_misses.append(f"{url} ({cache or 'no Cache-Control'})")
    verdict = "ok" if total <= FIRST_VISIT_KB * 1024 else f"MISS (> {FIRST_VISIT_KB} KB)"
    lines.append(f"First visit: {total / 1024:.1f} KB transferred ({len(seen) + 1} requests) — {verdict}")
    lines.append(f"  {', '.join(details)} (KB)")
    static = [u for u in seen if u.startswith("/static/")]
    lines.append(f"Static files with far-future Cache-Control (max-age ≥ 1 year): "
                 f"{'ok, all ' + str(len(static)) if not cache_misses else 'MISS: ' + '; '.join(cache_misses)}")
    for label, path in [("public page /", "/"), ("public page /members/org/madina/", "/members/org/madina/"),
                        ("static file", (static or ["/favicon.ico"])[0])]:
        first = fetch(path)
        conditions = {name: first.headers[header] for name, header in
                      [("If-None-Match", "ETag"), ("If-Modified-Since", "Last-Modified")] if first.headers[header]}
        if not conditions:
            lines.append(f"Conditional GET, {label}: MISS (no ETag or Last-Modified; Cache-Control: "
                         f"{first.headers.get('Cache-Control', 'none')})")
            continue
        again = fetch(path, headers=conditions)
        lines.append(f"Conditional GET, {label} ({', '.join(conditions)}): HTTP {again.status} — "
                     f"{'ok' if again.status == 304 else 'MISS (not 304)'}")
    return lines


def measure_portal(cookies) -> dict:
    results = {}
    for page, who, path in PAGES:
        cookie = cookies.get(who, "")
        wrk(path, cookie, extra=["-t1", "-c2", "-d1s"])  # warm up (later options win)
        results[(who, path)] = wrk(path, cookie)
        r = results[(who, path)]
        print(f"  {page:<20} {who:<7} {r['rps']:8.1f} req/s  p99 {r['p99']:7.1f} ms", flush=True)
    return results


def print_table(results, sizes, bares):
    """The table of issue 14. The bare view is measured before and after the portal; ratios use the faster run."""
    bare = max(bares, key=lambda b: b["rps"])
    print(f"\n{'page':<20} {'who':<7} {'req/s':>8} {'× bare':>7} {'p99 ms':>8} {'KB':>6} {'non-2xx':>8} {'sock.err':>8}"
          "  verdict")
    for label, b in zip(("bare view, before", "bare view, after"), bares, strict=True):
        print(f"{label:<20} {'-':<7} {b['rps']:8.1f} {b['rps'] / bare['rps']:7.2f} {b['p99']:8.1f} "
              f"{b['size'] / 1024:6.1f} {b['non2xx']:8d} {b['socket_errors']:8d}")
    misses = 0
    for page, who, path in PAGES:
        r, size = results[(who, path)], sizes[(who, path)]
        ratio = r["rps"] / bare["rps"]
        failed = [f"× bare < {RATIO_TARGET[who]}" if ratio < RATIO_TARGET[who] else "",
                  f"p99 ≥ {P99_TARGET_MS} ms" if r["p99"] >= P99_TARGET_MS else "",
                  f"> {LATER_PAGE_KB} KB" if size > LATER_PAGE_KB * 1024 else "",
                  "errors" if r["non2xx"] + r["socket_errors"] else ""]
        failed = [f for f in failed if f]
        misses += bool(failed)
        print(f"{page:<20} {who:<7} {r['rps']:8.1f} {ratio:7.2f} {r['p99']:8.1f} {size / 1024:6.1f} "
              f"{r['non2xx']:8d} {r['socket_errors']:8d}  {'MISS: ' + ', '.join(failed) if failed else 'ok'}")
    print(f"\nTargets: public pages ≥ {RATIO_TARGET['public']} × bare, logged-in ≥ {RATIO_TARGET['member']} × bare, "
          f"p99 < {P99_TARGET_MS} ms, later page ≤ {LATER_PAGE_KB} KB. "
          f"{'All met.' if not misses else f'{misses} of {len(PAGES)} pages MISS.'}")


# --- fault round ------------------------------------------------------------------------------------------------

PROBES = [("public", "/members/"), ("public", "/steering-committee/"), ("member", "/forums/follow-up/")]
# The public pages of the table but the country page: at 10,000 organizations it lists some 1,500 of them (1 MB of
# HTML, seconds to render), and every write makes each worker render it again, which would leave the probers waiting.
FAULT_LOAD = ["/", "/members/", "/members/?q=umed", "/members/org/madina/", "/steering-committee/",
              "/reviews/overview/", "/forums/", "/forums/follow-up/"]


@dataclass
class Probe:
    at: float  # seconds since the round started, when the answer came (a request may wait long in the queue)
    ok: bool
    outcome: str  # "503 to public /members/", "302 → /accounts/login/… to member …", "connection: …"
    trace: bool = False
    title: str = ""


@dataclass
class FaultRound:
    cookies: dict
    writer: dict
    t0: float = field(default_factory=time.monotonic)
    probes: list = field(default_factory=list)
    acknowledged: list = field(default_factory=list)
    failed_writes: dict = field(default_factory=dict)
    stop: threading.Event = field(default_factory=threading.Event)

    def now(self) -> float:
        return time.monotonic() - self.t0

    def probe(self, who, path):
        """GET a page every ~50 ms; success is a 200 (with the 'Log out' button when logged in)."""
        while not self.stop.is_set():
            started = self.now()
            try:
                r = fetch(path, self.cookies.get(who, ""), timeout=10)
                logged_out = who != "public" and r.status == 200 and b"Log out" not in r.body
                ok = r.status == 200 and not logged_out
                outcome = f"{r.status}" + (f" → {r.headers['Location']}" if r.headers["Location"] else "")
                outcome += f" to {who} {path}" + (" (logged out)" if logged_out else "")
                self.probes.append(Probe(self.now(), ok, outcome, shows_stack_trace(r.body), title_of(r.body)))
            except OSError as error:
                self.probes.append(Probe(self.now(), False, f"connection: {type(error).__name__} ({who} {path})"))
            time.sleep(max(0.0, 0.05 - (self.now() - started)))

    def write(self):
        """Post progress updates through the real form as the writer; remember those acknowledged by a redirect."""
        item, cookie, n = self.writer["item"], self.cookies["writer"], 0
        form_path = f"/forums/follow-up/{item}/update/"
        while not self.stop.is_set():
            n += 1
            text = f"bench write {n}"
            try:
                form = fetch(form_path, cookie)
                token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
                csrf = re.search(r"csrftoken=([^;]+)", " ".join(form.headers.get_all("Set-Cookie") or []))
                if form.status != 200 or not token:
                    raise ValueError(f"form {form.status} {form.headers['Location'] or ''}".strip())
                cookies = cookie + (f"; csrftoken={csrf.group(1)}" if csrf else "")
                body = urlencode({"csrfmiddlewaretoken": token.group(1).decode(), "date": self.writer["today"],
                                  "text": text, "new_status": ""})
                r = fetch(form_path, cookies, {"Content-Type": "application/x-www-form-urlencoded"}, "POST", body)
                if r.status == 302 and "/forums/follow-up/" in r.headers["Location"]:
                    self.acknowledged.append(text)
                else:
                    raise ValueError(f"POST {r.status} {r.headers['Location'] or ''}".strip())
            except (OSError, ValueError) as error:
                reason = str(error) if isinstance(error, ValueError) else f"connection: {type(error).__name__}"
                self.failed_writes[reason] = self.failed_writes.get(reason, 0) + 1
            self.stop.wait(1)


def fault_round(env, pg: Postgres, redis: Redis | None, cookies, writer) -> None:
    print("\nFault round: load on the public pages (wrk -t2 -c10), 3 probers every 50 ms, a writer posting progress "
          "updates through the form; faults one after another.", flush=True)
    log = VAR / "portal-faults.log"
    portal = Server("network_portal.wsgi:application", env, log)
    state = FaultRound(cookies, writer)
    duration = 45 if redis else 33

    def kill_worker():
        os.kill(portal.workers()[0], signal.SIGKILL)

    def restart_postgres():
        pg.stop()
        time.sleep(3)
        pg.start()

    def restart_redis():
        redis.stop()
        time.sleep(2)
        redis.start()

    faults = [("worker killed (kill -9)", 5, kill_worker), ("PostgreSQL restarted (stop, 3 s, start)", 16,
              restart_postgres)] + ([("Redis restarted (kill, 2 s, start)", 30, restart_redis)] if redis else [])
    starts, backs, load, threads = [], [], None, []  # when each fault began, and when its action was over
    try:
        portal.start("/healthz")
        for _page, who, path in PAGES:  # warm up
            fetch(path, cookies.get(who, ""))
        # Fewer connections than the table's 20, so that the probers' requests do not wait seconds in the queue.
        load = subprocess.Popen([*WRK, "-c10", f"-d{duration}s", f"http://127.0.0.1:{PORT}/", "--", *FAULT_LOAD],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        state.t0 = time.monotonic()
        threads = [threading.Thread(target=state.probe, args=probe, daemon=True) for probe in PROBES]
        threads.append(threading.Thread(target=state.write, daemon=True))
        for thread in threads:
            thread.start()
        for _name, at, action in faults:
            time.sleep(max(0.0, at - state.now()))
            starts.append(state.now())
            action()
            backs.append(state.now())
        time.sleep(max(0.0, duration - 2 - state.now()))
    finally:
        state.stop.set()
        for thread in threads:
            thread.join(timeout=15)
        if load:
            load_out = load.communicate(timeout=60)[0]
        portal.stop()
    end = state.now()
    with open(VAR / "fault-probes.tsv", "w") as out:  # every probe, for a closer look
        out.writelines(f"{p.at:.2f}\t{'ok' if p.ok else 'FAIL'}\t{p.outcome}\t{p.title}\n" for p in state.probes)

    print(f"{len(state.probes)} probes answered in {end:.0f} s; faults at " + ", ".join(f"+{s:.1f} s" for s in starts)
          + f". Every probe: {(VAR / 'fault-probes.tsv').relative_to(ROOT)}")
    for (name, _at, _action), start, back, stop in zip(faults, starts, backs, starts[1:] + [end], strict=True):
        window = [p for p in state.probes if start <= p.at < stop]
        failures = [p for p in window if not p.ok]
        if not failures:
            print(f"- {name} at +{start:.1f} s (lasting {back - start:.1f} s): no failed probe "
                  f"({len(window)} probes)")
            continue
        last = max(p.at for p in failures)
        recovered = [p.at for p in window if p.ok and p.at > last]
        by_outcome = {}
        for p in failures:
            by_outcome.setdefault(p.outcome, []).append(p)
        traces = sum(p.trace for p in failures)
        non_503 = [p for p in failures if not p.outcome.startswith("503")]
        print(f"- {name} at +{start:.1f} s (lasting {back - start:.1f} s): {len(failures)} of {len(window)} "
              "probes failed:")
        for outcome, ps in by_outcome.items():
            print(f"    {len(ps)} × {outcome}" + (f" «{ps[0].title}»" if ps[0].title else "")
                  + f", +{ps[0].at - start:.1f} to +{ps[-1].at - start:.1f} s after the fault")
        print(f"    stack trace shown: {'NO' if not traces else f'YES in {traces} responses — MISS'}; "
              f"plain 503 page: {'yes, all' if not non_503 else f'MISS: {len(non_503)} failures were not a 503'}; "
              + (f"recovered {recovered[0] - start:.1f} s after the fault" if recovered else
                 "NOT recovered within the window — MISS"))

    requests, non2xx = re.search(r"(\d+) requests in", load_out), re.search(r"non2xx: (\d+)", load_out)
    errors = re.search(r"Socket errors: .*", load_out)
    print(f"wrk during the round: {requests.group(1)} requests, non-2xx {non2xx.group(1)}, "
          f"{errors.group(0) if errors else 'no socket errors'}")
    in_db = set(task(env, "writes", "bench write ")["texts"])
    lost = [text for text in state.acknowledged if text not in in_db]
    failed = ", ".join(f"{n} × {reason}" for reason, n in state.failed_writes.items()) or "none"
    print(f"Writes: {len(state.acknowledged)} acknowledged (302), {sum(state.failed_writes.values())} attempts "
          f"failed ({failed}); {len(in_db)} in the database; "
          + ("every acknowledged write is there — ok" if not lost else f"LOST {len(lost)}: {lost[:5]} — MISS"))
    # What Django logged (django.request), for a closer look; users never see the log.
    logged = {kind: re.findall(rf"^{kind}: (\S+)", log.read_text(), re.M)
              for kind in ("Service Unavailable", "Internal Server Error")}
    print(f"Server log ({log.relative_to(ROOT)}): " + "; ".join(
        f"{len(paths)} × {kind}" + (f" ({', '.join(sorted(set(paths))[:5])})" if paths else "")
        for kind, paths in logged.items()))


def measure_bare(servers) -> dict:
    """The bare Django view (bench/bare.py) under gunicorn with the same workers, measured like a page."""
    bare = Server("bare:application", {**os.environ}, VAR / "bare.log", chdir=ROOT / "bench")
    servers.append(bare)
    bare.start("/")
    try:
        wrk("/", extra=["-t1", "-c2", "-d1s"])  # warm up
        return {**wrk("/"), "size": fetch("/").wire}
    finally:
        bare.stop()


def main() -> int:
    if os.geteuid() != 0:
        print("make bench needs root: it installs packages and runs its own PostgreSQL cluster.", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # run the clean-up below
    started = time.monotonic()
    VAR.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(VAR / "portal" / "cache", ignore_errors=True)
    for log in ("portal.log", "portal-faults.log", "bare.log", "redis.log"):
        (VAR / log).unlink(missing_ok=True)
    pg, redis, servers = None, None, []
    try:
        ensure_tools()
        pg = Postgres()
        settings = f"BENCH_SECONDS={SECONDS} BENCH_WORKERS={WORKERS} BENCH_ORGANIZATIONS={ORGANIZATIONS} " \
                   f"BENCH_REDIS={int(USE_REDIS)} BENCH_FAULTS={int(FAULTS)} BENCH_PORT={PORT}"
        redis_version = re.search(r"v=(\S+)", run(["redis-server", "--version"])).group(1) if USE_REDIS else ""
        print(f"Set-up: {settings} make bench\n  {os.cpu_count()} CPUs · gunicorn --workers {WORKERS} (sync) · "
              f"{shlex.join(WRK[:-2])} · PostgreSQL {pg.version} (cluster {pg.version}/{PG_CLUSTER}, port {PG_PORT}) · "
              + (f"Redis {redis_version} (port {REDIS_PORT})" if USE_REDIS else "no Redis (file cache, database sessions)"),
              flush=True)
        load = os.getloadavg()[0]
        if load > 0.5:
            print(f"Note: load average {load:.1f} before the run: other processes share the CPUs, numbers are noisy.")
        pg.start()
        pg.fresh_database()
        if USE_REDIS:
            redis = Redis()
            redis.start(fresh=True)
        env = portal_env()
        grown = set_up_portal(env)
        cookies = task(env, "sessions", *ACCOUNTS.values())
        cookies = {who: cookies[email] for who, email in ACCOUNTS.items()}
        writer = task(env, "writer")
        cookies["writer"] = task(env, "sessions", writer["email"])[writer["email"]]

        bares = [measure_bare(servers)]
        portal = Server("network_portal.wsgi:application", env, VAR / "portal.log")
        servers.append(portal)
        portal.start("/healthz")
        sizes, problems = check_pages(cookies, grown)
        for problem in problems:
            print(f"  PROBLEM: {problem}")
        if not problems:
            print(f"  Checked: every page answers 200, logged-in pages show 'Log out' and public ones do not; /members/ "
                  f"lists {grown['listed']} organizations and “{grown['search_word']}” finds {grown['search_matches']}.")
        weight = page_weight()
        print(f"Measuring {len(PAGES)} pages ({SECONDS} s each):", flush=True)
        results = measure_portal(cookies)
        portal.stop()
        bares.append(measure_bare(servers))
        print_table(results, sizes, bares)
        print("\n".join(weight))
        if FAULTS:
            fault_round(env, pg, redis, cookies, writer)
        print(f"\nmake bench took {time.monotonic() - started:.0f} s (load average now {os.getloadavg()[0]:.1f}). "
              f"Logs: {VAR.relative_to(ROOT)}/ (setup.log, portal.log, portal-faults.log, bare.log)")
        return 0
    except SetupError as error:
        print(f"\nmake bench: set-up failed: {error}", file=sys.stderr)
        return 1
    finally:
        for server in servers:
            server.stop()
        if redis:
            redis.stop()
        if pg:
            pg.stop()


if __name__ == "__main__":
    sys.exit(main())
