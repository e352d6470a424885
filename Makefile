# Escalator: `make run` opens the board, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG ?= debug
BIN = .build/$(CONFIG)/escalator

.PHONY: build test run release clean install deps bench

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# The board on the demo store in ./.build/demo-store (made on first run).
run: build
	@if [ ! -d "$${ESCALATOR_STORE:-.build/demo-store}" ]; then \
		.build/debug/escalator demo --store "$${ESCALATOR_STORE:-.build/demo-store}"; fi
	.build/debug/escalator board --store "$${ESCALATOR_STORE:-.build/demo-store}"

# The tests run beside a private PostgreSQL cluster (.ci/postgres), removed afterwards.
test: deps
	$(SWIFT) build --build-tests
	./.ci/postgres $(SWIFT) test --skip-build

bench: deps
	./Benchmarks/run

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 .build/release/escalator $(DESTDIR)$(PREFIX)/bin/escalator

clean:
	rm -rf .build

# What the build and the tests need from the system: ncursesw headers and tmux.
deps:
	@./.ci/deps
