# Two commands for a new machine: `make run` (the main job on samples/) and `make test`.
# Both first install the Debian packages the build needs, if they are missing.
SWIFT ?= swift
DEBIAN_PACKAGES = libsqlite3-dev libxlsxwriter-dev libtcmalloc-minimal4 pkg-config
# The Markdown structure test renders briefs with cmark-gfm.
TEST_PACKAGES = $(DEBIAN_PACKAGES) cmark-gfm
SUDO = $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: deps test-deps build run test examples bench fuzz fuzz-smoke clean
PACKAGES ?= $(DEBIAN_PACKAGES)

deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	fi

build: deps
	$(SWIFT) build -c release --product rightsbrief

# The main job on the bundled samples: ingest, analyse, score, briefs and workbooks.
run: build
	.build/release/rightsbrief run

# The rule files must be consistent, then the whole test suite.
test-deps:
	@$(MAKE) --no-print-directory deps PACKAGES="$(TEST_PACKAGES)"

test: test-deps
	$(SWIFT) build --product rightsbrief
	.build/debug/rightsbrief rules check --strict
	$(SWIFT) test

# Regenerate reports/examples/ from samples/ (a test fails when they differ from what the code produces).
# The store lives in this checkout's .build, so two checkouts can regenerate at once.
examples: deps
	$(SWIFT) build --product rightsbrief
	rm -rf reports/examples .build/examples.sqlite*
	.build/debug/rightsbrief run --db .build/examples.sqlite --out reports/examples --no-workbook

bench: deps
	$(SWIFT) run -c release rightsbench

# libFuzzer targets (Fuzz/): the input readers, the rule loader and pattern parser, the xlsx reader,
# each for FUZZ_SECONDS. `fuzz-smoke` is the short pass CI runs after the tests.
FUZZ_SECONDS ?= 60
fuzz: test-deps
	Fuzz/fuzz.sh build
	Fuzz/fuzz.sh run $(FUZZ_SECONDS)

fuzz-smoke:
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=20

clean:
	rm -rf .build rightsbrief.sqlite rightsbrief.sqlite-wal rightsbrief.sqlite-shm reports/out
