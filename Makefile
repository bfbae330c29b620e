# `make demo` and `make test` work on a fresh machine: they create .venv and install into it.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test install typecheck lint pytest bench clean mypy-oldest browser screenshot packaging

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(PY) -m examples.demo

typecheck: $(STAMP)
	$(PY) -m mypy --strict dagwire

lint: $(STAMP)
	$(PY) -m flake8 examples

pytest: $(STAMP) browser
	$(PY) -m pytest -q

# The catalog page's browser test drives Debian's chromium through Playwright, which never
# downloads a browser of its own. Installed here with apt where it is missing.
CHROMIUM := /usr/bin/chromium

browser:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "installing Debian's chromium for the browser test (apt-get)"; \
	  { apt-get update -q >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; } || \
	  { echo "error: apt-get could not install chromium (it needs root): install Debian's" \
	         "'chromium' package, the browser test drives $(CHROMIUM)" >&2; exit 1; }; \
	else \
	  echo "error: $(CHROMIUM) is missing and apt-get is not available: install Chromium at" \
	       "$(CHROMIUM), the browser test drives it" >&2; exit 1; \
	fi

# The README's screenshot of the catalog page, taken by the browser test.
screenshot: $(STAMP) browser
	$(PY) -m pytest -q tests/catalog/test_browser.py
	cp build/catalog/catalog.png docs/catalog.png

test: typecheck lint pytest mypy-oldest packaging

# The mypy plugin's smoke subset on the oldest supported mypy (the full suite runs on the newest).
OLDEST_MYPY := mypy==1.20.2
VENV_OLDEST := .venv-mypy-oldest

$(VENV_OLDEST)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV_OLDEST)
	$(VENV_OLDEST)/bin/python -m pip install --quiet --upgrade pip
	$(VENV_OLDEST)/bin/python -m pip install --quiet -e '.[test]' '$(OLDEST_MYPY)'
	touch $@

mypy-oldest: $(VENV_OLDEST)/.installed
	$(VENV_OLDEST)/bin/python -m pytest -q -m mypy_smoke tests/mypy_plugin

# Build the wheel and sdist, install the wheel into a fresh environment per Python 3.10-3.13
# found on the machine, and smoke-test each installed copy (tests/packaging/wheel_smoke.py).
packaging: $(STAMP)
	$(PY) tests/packaging/wheel_smoke.py

bench: $(STAMP)
	for b in benchmarks/*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf $(VENV) $(VENV_OLDEST) .mypy_cache .pytest_cache
