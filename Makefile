# Two commands matter: `make run` and `make test`. Both build .venv themselves.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
LIS := $(BIN)/lis

.PHONY: run test test-faults test-teams-client check bench bench-scale ingest clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files: reinstall only when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

run: $(VENV)/.installed
	-@$(LIS) ingest --quiet  # a document that fails is reported; the assistant still starts
	@$(LIS) run

ingest: $(VENV)/.installed
	$(LIS) ingest --prune

test: $(VENV)/.installed-test
	$(BIN)/pytest -q

# Only the fault tests (Chroma server outage, killed ingest, full disk, Slack errors).
test-faults: $(VENV)/.installed-test
	$(BIN)/pytest -q -m faults

# Lint, format and the import directions between layers (import-linter, pyproject.toml).
# The real Teams client: the Microsoft 365 Agents Playground (npm) driven in headless
# Chromium (Debian's package) against `lis serve`; about a minute with installs done.
PLAYGROUND_VERSION := 0.2.28
PLAYGROUND := .cache/playground/node_modules/.bin/agentsplayground

$(VENV)/.installed-client: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,client]"
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

$(PLAYGROUND):
	npm install --silent --no-audit --no-fund --prefix .cache/playground \
		@microsoft/m365agentsplayground@$(PLAYGROUND_VERSION)

/usr/bin/chromium:
	apt-get update -qq && apt-get install -y -qq chromium

test-teams-client: $(VENV)/.installed-client $(PLAYGROUND) /usr/bin/chromium
	PLAYGROUND_BIN=$(CURDIR)/$(PLAYGROUND) $(BIN)/pytest -q -m client tests/client

check: $(VENV)/.installed-test
	$(BIN)/ruff check bot ingest tests benchmarks testkit
	$(BIN)/ruff format --check bot ingest tests benchmarks testkit
	$(BIN)/lint-imports

$(VENV)/.installed-bench: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test,bench]"
	touch $@ $(VENV)/.installed $(VENV)/.installed-test

bench: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.run

# 1k, 10k and 50k chunks with generated distractors: several minutes.
bench-scale: $(VENV)/.installed-bench
	$(BIN)/python -m benchmarks.scale

clean:
	rm -rf $(VENV) .lis
