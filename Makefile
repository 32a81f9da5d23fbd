# Kaizen: `make run` serves the app, `make test` runs every check. Both install what is missing.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV := backend/.venv
BIN := $(VENV)/bin
PY_STAMP := $(VENV)/.installed
NODE_STAMP := frontend/node_modules/.installed
FRONTEND_SOURCES := $(shell find frontend/src frontend/public -type f 2>/dev/null) \
	$(wildcard frontend/index.html frontend/vite.config.ts frontend/package.json frontend/tsconfig*.json)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run dev test install lint check-config test-backend test-backend-sqlite \
	test-backend-postgres test-frontend test-e2e client check-client lock bench clean

run: $(PY_STAMP) frontend/dist/index.html ## Serve Kaizen on http://127.0.0.1:8000 (SQLite)
	$(BIN)/kaizen serve --host $(HOST) --port $(PORT)

dev: $(PY_STAMP) $(NODE_STAMP) ## Backend on :8000 with Vite (hot reload) on :5173
	$(BIN)/kaizen serve --port 8000 & trap 'kill %1' EXIT; cd frontend && npm run dev

# The API suites and the web app's checks share nothing (their own temporary databases, free
# ports, their own server for the browser tests), and each keeps about one core busy, so they run
# side by side; each one's output is printed when it ends.
test: install lint ## Lint, type checks, API tests on SQLite and PostgreSQL, web app tests
	$(MAKE) --no-print-directory -j2 --output-sync=target test-backend test-frontend
	@echo "make test: all checks passed"

install: $(PY_STAMP) $(NODE_STAMP)

$(PY_STAMP): backend/pyproject.toml backend/requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Kaizen needs Python 3.11+")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r backend/requirements.lock
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps -e 'backend[dev]'
	touch $@

$(NODE_STAMP): frontend/package.json frontend/package-lock.json
	@node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)' || (echo "Kaizen's web app needs Node 20+"; exit 1)
	cd frontend && npm ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: $(NODE_STAMP) $(FRONTEND_SOURCES)
	cd frontend && npm run build
	touch $@

lint: $(PY_STAMP) check-config
	cd backend && .venv/bin/ruff check . && .venv/bin/ruff format --check . && .venv/bin/mypy

check-config: $(PY_STAMP) ## Validate docker-compose.yml and the GitHub workflows (no Docker engine needed)
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec docker-compose.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml

# One suite after the other (the web app's checks run beside them, see `test`).
test-backend: $(PY_STAMP)
	$(MAKE) --no-print-directory test-backend-sqlite
	$(MAKE) --no-print-directory test-backend-postgres

test-backend-sqlite: $(PY_STAMP)
	cd backend && env -u KAIZEN_TEST_DATABASE_URL .venv/bin/python -m pytest -q

test-backend-postgres: $(PY_STAMP)
	cd backend && .venv/bin/python scripts/with_postgres.py -- .venv/bin/python -m pytest -q

test-frontend: $(PY_STAMP) $(NODE_STAMP) check-client ## Type checks, unit tests, bundle size, browser tests
	cd frontend && npm test
	cd frontend && npm run build && npm run check:size
	cd frontend && npm run test:e2e

client: $(PY_STAMP) ## Regenerate the web app's API types from the backend's OpenAPI document
	cd backend && .venv/bin/python -m kaizen.openapi > ../frontend/src/api/openapi.json
	cd frontend && npm run gen:api

check-client: $(PY_STAMP) $(NODE_STAMP) ## Fail when the generated API types are out of date
	cd backend && .venv/bin/python -m kaizen.openapi > /tmp/kaizen-openapi.json
	@cmp -s /tmp/kaizen-openapi.json frontend/src/api/openapi.json || \
		(echo "frontend/src/api/openapi.json is stale: run 'make client' and commit"; exit 1)
	cd frontend && npm run check:api

lock: ## Re-pin the backend's transitive dependencies after changing pyproject.toml
	rm -rf /tmp/kaizen-lock && $(PYTHON) -m venv /tmp/kaizen-lock
	/tmp/kaizen-lock/bin/pip install -q -e 'backend[dev]'
	/tmp/kaizen-lock/bin/pip freeze --exclude-editable | grep -v '^kaizen' > backend/requirements.lock

bench: $(PY_STAMP) ## Load benchmark: heavy endpoints against budgets (not part of make test)
	cd backend && .venv/bin/python -m bench

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist
