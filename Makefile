# The two commands a new user needs: `make demo` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
VENDOR := src/weerbaar/static/vendor
PG_URL ?= postgres://postgres@127.0.0.1:5432/weerbaar
DEMO_SEED ?= 1
DEMO_SCALE ?= 1

.PHONY: demo test install static chromium gettext pango java icu lint i18n test-sqlite test-postgres test-browser bench clean

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock pyproject.toml | icu
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Front-end packages are copied from node_modules, never committed (ARCHITECTURE.md).
static: node_modules/.installed
	mkdir -p $(VENDOR)/htmx $(VENDOR)/utrecht $(VENDOR)/chartjs $(VENDOR)/leaflet $(VENDOR)/cytoscape
	cp node_modules/htmx.org/dist/htmx.min.js $(VENDOR)/htmx/
	cp node_modules/chart.js/dist/chart.umd.min.js $(VENDOR)/chartjs/
	cp node_modules/cytoscape/dist/cytoscape.min.js node_modules/cytoscape-svg/cytoscape-svg.js $(VENDOR)/cytoscape/
	cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images $(VENDOR)/leaflet/
	cp node_modules/@utrecht/component-library-css/dist/index.css $(VENDOR)/utrecht/components.css
	cp node_modules/@utrecht/design-tokens/dist/index.css $(VENDOR)/utrecht/tokens.css

chromium:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# WeasyPrint (minutes and letters as PDF) renders with Pango and needs a font.
pango:
	@ldconfig -p | grep -q libpangoft2 && ldconfig -p | grep -q libharfbuzz-subset && fc-list 2>/dev/null | grep -qi dejavu || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null; }

# The warehouse's Spark engine (tests run Spark in local mode) needs a Java runtime.
java:
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

# pyicu (under followthemoney, which checks the FtM hand-over in the tests) is built from
# source: it needs ICU's headers, pkg-config and a C++ compiler.
icu:
	@pkg-config --exists icu-uc 2>/dev/null && command -v g++ >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }

gettext:
	@command -v msgfmt >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; }

demo: install static pango
	WEERBAAR_ENV=demo $(BIN)/weerbaar demo --seed $(DEMO_SEED) --scale $(DEMO_SCALE)

lint: install gettext
	$(BIN)/ruff check src tests tools benchmarks
	$(BIN)/ruff format --check src tests tools benchmarks
	$(BIN)/lint-imports
	WEERBAAR_ENV=test $(PY) -m django makemigrations --check --dry-run --settings=weerbaar.settings
	WEERBAAR_ENV=test $(PY) tools/i18n_check.py

test-sqlite: install static pango java
	WEERBAAR_ENV=test DATABASE_URL= $(BIN)/pytest -m "not browser" -q

test-postgres: install static pango java
	@if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null || $(PY) -c "import socket; socket.create_connection(('127.0.0.1', 5432), 2)" 2>/dev/null; then \
		WEERBAAR_ENV=test DATABASE_URL=$(PG_URL) DATABASE_TEST_NAME=test_weerbaar_$$$$ $(BIN)/pytest -m "not browser" -q && touch .postgres-leg-ran; \
	elif [ "$$CI" = "true" ]; then \
		echo "PostgreSQL on 127.0.0.1:5432 is not reachable, and CI requires the PostgreSQL leg." >&2; exit 1; \
	else \
		echo; echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; \
		echo "!!  PostgreSQL on 127.0.0.1:5432 is not reachable: the PostgreSQL leg is SKIPPED  !!"; \
		echo "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!"; echo; \
	fi

test-browser: install static chromium pango
	WEERBAAR_ENV=test DATABASE_URL= $(BIN)/pytest -m browser -q

test: lint
	rm -f .postgres-leg-ran
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-postgres
	$(MAKE) --no-print-directory test-browser

bench: install static
	@echo "See benchmarks/README.md; e.g. $(PY) benchmarks/subject_search.py --persons 1000000"

clean:
	rm -rf $(VENV) node_modules $(VENDOR) var .pytest_cache .postgres-leg-ran
