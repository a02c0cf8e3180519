# The two commands a newcomer needs:
#   make serve   create the environment, build the default guide, serve it at http://127.0.0.1:8000
#   make test    install what the tests need (Python packages, a Chromium) and run the whole suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: serve build validate test bench browser webserver clean dist

serve: $(VENV)/.installed
	$(BIN)/followup-guide serve

build: $(VENV)/.installed
	$(BIN)/followup-guide build

validate: $(VENV)/.installed
	$(BIN)/followup-guide validate

test: $(VENV)/.installed-test browser webserver
	$(BIN)/python -m pytest

# The sdist and the wheel, in dist/, as the release workflow publishes them.
dist: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet build
	rm -rf dist
	$(BIN)/python -m build --outdir dist

# Figures, not tests: build time, scaling, page weight, Lighthouse (tests/benchmarks/).
bench: $(VENV)/.installed-test browser
	cd tests/benchmarks && npm install --no-audit --no-fund --silent
	$(BIN)/python tests/benchmarks/bench.py

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable .
	touch $@

# The tests build the guide with both engines, so they install Zensical too.
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[test,zensical]'
	touch $@

# The end-to-end tests drive a real Chromium. Prefer the system's (Debian's
# package where apt-get can install it); otherwise Playwright downloads its own.
browser: $(VENV)/.installed-test
	@if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; then \
	  echo "Using the system Chromium."; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	else \
	  $(BIN)/python -m playwright install chromium; \
	fi

# The hosting recipe for nginx is tested with a real nginx: Debian's package where apt-get can
# install it; elsewhere that test is skipped and says why.
webserver:
	@if command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ]; then \
	  echo "Using the system nginx."; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; \
	else \
	  echo "nginx is not installed and cannot be installed here: its hosting test will be skipped."; \
	fi

clean:
	rm -rf site site.zip .site-staging-* .site-previous-* .site-zip-*
