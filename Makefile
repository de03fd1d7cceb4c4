# Two entry points for a new machine: `make demo` and `make test` (see README.md).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
IVP := $(BIN)/ivp
HOST ?= 127.0.0.1:8000
# pytest-xdist workers for the test runs: one per core (`make test TEST_WORKERS=0` runs serially).
# The browser tests stay together on one worker (tests/conftest.py schedules them).
TEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(TEST_WORKERS)

.PHONY: demo test setup setup-dev system-deps test-sqlite test-postgres lint messages vendor bench clean

$(BIN)/python:
	@$(PYTHON) -c 'import ensurepip, venv' 2>/dev/null || { \
	  echo "$(PYTHON) kan geen virtuele omgeving maken: installeer het Debian-pakket python3-venv."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install --quiet -c requirements.lock -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/pip install --quiet -c requirements.lock -e '.[dev]'
	touch $@

setup: $(VENV)/.installed
	$(IVP) migrate --no-input -v 0
	$(IVP) load_demo --skip-if-loaded

## Sets everything up on SQLite with the demo data and serves http://$(HOST)
demo: setup
	@echo ""
	@echo "ivp draait op http://$(HOST)/  (stoppen met Ctrl+C)"
	@# The worker takes background tasks (imports of uploaded files) from the database queue,
	@# records a heartbeat, so /gereed/ answers 200, and sends the weekly reminder and summary
	@# on its own schedule: the first start sends them at once (console e-mail backend), no cron.
	IVP_SITE_URL=http://$(HOST) $(IVP) worker --no-startup-delay -v 0 & worker=$$!; \
	  trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	  $(IVP) runserver $(HOST)

setup-dev: $(VENV)/.installed-dev

system-deps:
	scripts/system-deps.sh

## The whole suite: lint, then unit, browser and everything else on SQLite and on PostgreSQL
test: system-deps setup-dev lint test-sqlite test-postgres

lint:
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	@# The layers of .importlinter, checked on this checkout's src (also from a git worktree).
	PYTHONPATH=src $(BIN)/lint-imports --no-cache

test-sqlite:
	$(PYTEST)

test-postgres:
	scripts/with-postgres.sh $(PYTEST)

messages:
	cd src/ivp && ../../$(IVP) makemessages -l nl --no-obsolete && ../../$(IVP) compilemessages

vendor:
	scripts/vendor-assets.sh

bench: setup-dev system-deps
	$(BIN)/python bench/load_regions.py
	scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$$DATABASE_URL $(BIN)/python bench/load_regions.py'
	$(BIN)/python bench/import_figures.py
	scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$$DATABASE_URL $(BIN)/python bench/import_figures.py'
	$(BIN)/python bench/safety_picture.py
	scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$$DATABASE_URL $(BIN)/python bench/safety_picture.py'
	$(BIN)/python bench/documents.py
	$(BIN)/python bench/action_list.py
	scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$$DATABASE_URL $(BIN)/python bench/documents.py'
	command -v wrk >/dev/null || apt-get install -y -qq wrk
	$(BIN)/python bench/public_load.py
	scripts/with-postgres.sh sh -c 'IVP_BENCH_DATABASE_URL=$$DATABASE_URL $(BIN)/python bench/public_load.py'

clean:
	rm -rf $(VENV) var
