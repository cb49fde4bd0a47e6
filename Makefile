# The two commands of README.md: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TRANSLATED := ru fa ps ur uz tg tk

.PHONY: run test lint clean messages bench

$(VENV)/.runtime: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Local development server with the demo data (SQLite under var/ unless DATABASE_URL is set).
# Links in e-mails (invitations, unsubscribe) point at the port actually served.
run: export DEBUG := $(or $(DEBUG),true)
run: export PORTAL_BASE_URL := $(or $(PORTAL_BASE_URL),http://127.0.0.1:$(PORT))
run: $(VENV)/.runtime
	mkdir -p var
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo --if-empty
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

# The whole suite; with DATABASE_URL=postgres://… it runs on PostgreSQL.
test: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	DEBUG=false SECRET_KEY=tests-only-not-a-secret $(PY) manage.py makemigrations --check --dry-run
	DEBUG=false SECRET_KEY=tests-only-not-a-secret $(VENV)/bin/pytest

# Speed next to a bare Django view, page weight and a fault round (issue 14); prints a table. Needs root: it
# installs and runs its own PostgreSQL cluster (15/bench, port 5433) and redis-server (port 6390). See bench/run.py
# for BENCH_SECONDS, BENCH_WORKERS, BENCH_ORGANIZATIONS, BENCH_REDIS=0 and BENCH_FAULTS=0.
bench: $(VENV)/.runtime
	$(PY) bench/run.py

# After changing a string: update every catalogue under locale/, translate what is new (locale/GLOSSARY.md),
# then `make messages` again to compile. Needs GNU gettext (apt-get install gettext).
messages: $(VENV)/.runtime
	DEBUG=true $(PY) manage.py makemessages $(foreach l,$(TRANSLATED),-l $(l)) --add-location=file --no-obsolete \
		--ignore=.venv --ignore=var --ignore=tests --ignore='*/migrations/*'
	DEBUG=true $(PY) manage.py compilemessages --ignore=.venv

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) var/static
