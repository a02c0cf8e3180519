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

# An editable install is not compiled as pip compiles an installed package, and where
# PYTHONDONTWRITEBYTECODE is set nothing ever is: every command would compile the package first.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable .
	$(BIN)/python -m compileall -q generator
	touch $@

# The tests build the guide with both engines, so they install Zensical too.
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet --editable '.[test,zensical]'
	touch $@

# $(call debian,COMMANDS,PACKAGE,OTHERWISE): when none of COMMANDS is installed, install Debian's
# PACKAGE where apt-get can (as root or with sudo); elsewhere run OTHERWISE.
debian = if $(foreach c,$(1),command -v $(c) >/dev/null 2>&1 || [ -x /usr/sbin/$(c) ] ||) false; then \
	  echo "Using the system $(2)."; \
	elif command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2); \
	elif command -v apt-get >/dev/null 2>&1 && sudo -n true 2>/dev/null; then \
	  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2); \
	else \
	  $(3); \
	fi

# The end-to-end tests drive a real Chromium: the system's (Debian's package where apt-get can
# install it); otherwise Playwright downloads its own.
browser: $(VENV)/.installed-test
	@$(call debian,chromium chromium-browser,chromium,$(BIN)/python -m playwright install chromium)

# The hosting recipe for nginx is tested with a real nginx; where it cannot be installed, that
# test is skipped and says why.
webserver:
	@$(call debian,nginx,nginx,echo "nginx cannot be installed here: its hosting test will be skipped.")

clean:
	rm -rf site site.zip .site-staging-* .site-previous-* .site-zip-*
