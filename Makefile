# tierdesk: `make run` serves the demo department; `make test` runs every check.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TIERDESK_SMTP_PORT ?= 2525

.PHONY: run test lint typecheck migrations-check pytest pytest-postgres browser-deps demo clean

$(VENV)/.installed-runtime: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed-runtime requirements-dev.txt
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

run: $(VENV)/.installed-runtime
	$(PY) -m tierdesk migrate --noinput
	$(PY) -m tierdesk demo --if-empty
	$(PY) -m tierdesk serve --port $(PORT)

demo: $(VENV)/.installed-runtime
	$(PY) -m tierdesk migrate --noinput
	$(PY) -m tierdesk demo

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

typecheck: $(VENV)/.installed-dev
	$(VENV)/bin/mypy

migrations-check: $(VENV)/.installed-dev
	TIERDESK_VAR_DIR=$$(mktemp -d) $(PY) -m tierdesk makemigrations --check --dry-run

# Browser tests drive Debian's Chromium; install it when it is missing and we may.
# The IMAP tests start a private Dovecot; install it likewise.
browser-deps:
	@missing=""; [ -x /usr/bin/chromium ] || missing="chromium"; \
	[ -x /usr/sbin/dovecot ] || missing="$$missing dovecot-imapd"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null); \
	  else echo "Missing Debian packages: $$missing (browser and IMAP tests need them)"; exit 1; fi; \
	fi

pytest: $(VENV)/.installed-dev browser-deps
	TIERDESK_TESTING=1 TIERDESK_VAR_DIR=$$(mktemp -d) DATABASE_URL= $(VENV)/bin/pytest $(PYTEST_ARGS)

pytest-postgres: $(VENV)/.installed-dev browser-deps
	@if [ -n "$$TIERDESK_TEST_DATABASE_URL" ]; then \
	  echo "== the suite again on PostgreSQL"; \
	  TIERDESK_TESTING=1 TIERDESK_VAR_DIR=$$(mktemp -d) DATABASE_URL="$$TIERDESK_TEST_DATABASE_URL" \
	    $(VENV)/bin/pytest $(PYTEST_ARGS); \
	else echo "== TIERDESK_TEST_DATABASE_URL is not set: PostgreSQL run skipped"; fi

test: lint typecheck migrations-check pytest pytest-postgres

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
