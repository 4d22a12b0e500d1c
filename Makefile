# The two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.8
PORT ?= 8000
export UV_PROJECT_ENVIRONMENT := $(VENV)
MANAGE := $(BIN)/python manage.py

.PHONY: demo test install install-dev lint check pytest search-engine bench load clean deploy-check

$(BIN)/uv:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

install: $(BIN)/uv  ## runtime dependencies from the lock file
	$(BIN)/uv sync --frozen --no-dev --inexact --python $(BIN)/python

install-dev: $(BIN)/uv  ## runtime and test tools from the lock file
	$(BIN)/uv sync --frozen --python $(BIN)/python

demo: export DJANGO_SETTINGS_MODULE := catalog.settings.dev
demo: export WAGTAILADMIN_BASE_URL := http://127.0.0.1:$(PORT)
demo: install  ## migrate, load the sample data and serve at http://127.0.0.1:$(PORT)
	$(MANAGE) set_aside_old_demo_database
	$(MANAGE) migrate --no-input
	$(MANAGE) set_site_url $(WAGTAILADMIN_BASE_URL)
	$(MANAGE) load_demo
	$(MANAGE) demo_admin
	@echo "Serving the sample catalog at http://127.0.0.1:$(PORT)/ (task worker beside it)"
	$(MANAGE) db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The production settings must pass Django's deployment checks with the documented environment.
check: install-dev
	DJANGO_SETTINGS_MODULE=catalog.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=catalog.settings.test $(MANAGE) makemigrations --check --dry-run
	DJANGO_SETTINGS_MODULE=catalog.settings.production \
	DJANGO_SECRET_KEY="check-deploy-$$(printf '%064d' 0)-not-a-real-key-but-long-and-varied-XyZ9" \
	DJANGO_ALLOWED_HOSTS=catalog.example.org \
	$(MANAGE) check --deploy --fail-level WARNING
	msgfmt --check -o /dev/null locale/vi/LC_MESSAGES/django.po
	msgfmt --check -o /dev/null locale/vi/LC_MESSAGES/djangojs.po

# The suite runs beside real OpenSearch and Elasticsearch nodes that it starts and stops itself,
# on both databases: SQLite, then PostgreSQL (production's), a throw-away server that
# tests/with-postgres.sh starts and stops; the engines are shared by both runs.
# Browser tests flush the database after themselves, so they run in a process of their own,
# once, on SQLite: they drive pages whose queries the other runs already check on both.
# All runs measure coverage of the apps ([tool.coverage.run] source) into one data file, each
# appending to the first; the report then fails under COVERAGE_FLOOR per cent of lines
# (the whole suite measured 94.99%, so narrowing it with PYTEST_ARGS needs COVERAGE_FLOOR=0).
COVERAGE_FLOOR ?= 94
SUITE := $(BIN)/pytest -n 2 --dist loadfile -m "not browser" --cov --cov-report= $(PYTEST_ARGS)
pytest: install-dev
	rm -f .coverage .coverage.*
	search/engine/with-engines.sh sh -c '\
	  $(SUITE) && \
	  tests/with-postgres.sh $(SUITE) --cov-append && \
	  $(BIN)/pytest -m browser --cov --cov-append --cov-report= $(PYTEST_ARGS)'
	$(BIN)/coverage report --skip-covered --sort=cover --fail-under=$(COVERAGE_FLOOR)


search-engine:  ## an OpenSearch node for development: SEARCH_URL=http://127.0.0.1:9201
	search/engine/engine.sh start opensearch
	@echo "Run the site with SEARCH_URL=http://127.0.0.1:9201, then: $(MANAGE) search_index rebuild"
	@echo "Stop it with: search/engine/engine.sh stop opensearch"

test: lint check deploy-check pytest  ## the whole suite: ruff, Django checks, migrations, the deploy recipe, pytest

clean:
	rm -rf $(VENV) db.sqlite3 .demo-admin-password

# Search figures on a throw-away database: the sample data, then 10,000 generated products.
BENCH_DB := $(shell mktemp -u /tmp/cnnt-bench-XXXXXX.sqlite3)
bench: install-dev
	SQLITE_PATH=$(BENCH_DB) DJANGO_SETTINGS_MODULE=catalog.settings.dev $(MANAGE) migrate --no-input -v0
	SQLITE_PATH=$(BENCH_DB) DJANGO_SETTINGS_MODULE=catalog.settings.dev $(MANAGE) load_demo -v0
	SQLITE_PATH=$(BENCH_DB) DJANGO_SETTINGS_MODULE=catalog.settings.dev SEARCH_INDEX_PREFIX=bench- \
	search/engine/with-engines.sh sh -c '\
	  $(MANAGE) search_bench --engine $$SEARCH_TEST_OPENSEARCH_URL --engine $$SEARCH_TEST_ELASTICSEARCH_URL && \
	  $(MANAGE) search_bench --products 10000 --engine $$SEARCH_TEST_OPENSEARCH_URL --engine $$SEARCH_TEST_ELASTICSEARCH_URL'
	rm -f $(BENCH_DB)

# Buyers and editors at once: 50 clients for 60 s on two gunicorn workers while an import and
# publishes write (tests/loadrun.py); prints requests per second, p50/p95/p99 and the errors.
load: install-dev
	$(BIN)/python tests/loadrun.py $(LOAD_ARGS)

# The production recipe (catalog/deploy/), rendered into a throw-away folder and checked:
# nginx -t on the site, systemd-analyze verify on the units (README, "Production").
DEPLOY_CHECK_DIR := $(shell mktemp -u /tmp/cnnt-deploy-check-XXXXXX)
deploy-check: install
	DEPLOY_LOG_DIR=$(DEPLOY_CHECK_DIR) DEPLOY_ENV_FILE=$(DEPLOY_CHECK_DIR)/catalog.env \
	$(MANAGE) render_deploy $(DEPLOY_CHECK_DIR) --check
	rm -rf $(DEPLOY_CHECK_DIR)
