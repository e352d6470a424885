# Escalator: `make run` opens the board, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= debug
BIN = .build/$(CONFIG)/escalator

# One build serves the tests and the shipped binary: release (so a compile error only the optimizer
# shows fails `make test`), with -enable-testing for the tests' `@testable import`. `make test`,
# `make release` and Benchmarks/run (through `make release-flags`) build with exactly these flags, so
# none of them compiles again what another built.
BUILD_FLAGS = -c release -Xswiftc -enable-testing
# The shipped binary is that build's escalator linked once more (.ci/link-static: SwiftPM's own link
# command, without its RUNPATH) with the Swift runtime, Foundation, libstdc++ and libgcc static (the
# last two through `static-cxx` below): it needs only the C library (2.35 or newer) and ncursesw, so
# it runs where no toolchain is; no RUNPATH, so the loader looks for those in the system folders
# only (not in 20 beside the binary); and it exports none of its own names: the toolchain's
# static-stdlib-args.lnk asks for --export-dynamic, which put 37,000 symbols in the dynamic table for
# the loader and the runtime's `dladdr` to search at every start (issue 14: about 1 ms of
# `escalator --version`).
# The objects were compiled against the toolchain's dynamic Foundation modules, whose link entries
# leave out the archives static Foundation needs besides its own (its swift_static modules name
# them); so they are named here, and libstdc++ once more after them, for ICU's C++ in libstdc++.a.
STATIC_LINK = -static-stdlib -Xlinker --no-export-dynamic \
	-lCoreFoundation -l_FoundationICU -l_FoundationCShims -l_FoundationCollections -lswiftSynchronization -lstdc++ \
	-L $(CURDIR)/.build/static-cxx -Xclang-linker -static-libgcc
# What `make install` and `make dist` ship.
SHIP_BIN = .build/static/escalator
# What `make install` and `make dist` ship besides the binary, made from the shipped binary itself.
SHARE = .build/share
VERSION = $(shell sed -n 's/.*version = "\(.*\)".*/\1/p' Sources/EscalationKit/Version.swift)
ARCH = $(shell uname -m)
DIST = escalator-$(VERSION)-linux-$(ARCH)
# argument-parser's own man page generator, built once from the checked-out dependency.
ARGUMENT_PARSER = .build/checkouts/swift-argument-parser
MANUAL_TOOL = .build-tools/debug/generate-manual

.PHONY: build test run release release-flags clean install install-files static-cxx dist share deps bench

build: deps
	$(SWIFT) build

# What `make release` builds before the static link: escalator; `make test` asks for everything,
# the tests included, in the same `swift build`. The static link takes about 3 s, so it is simply
# done every time.
RELEASE_BUILD = --product escalator
release: deps static-cxx
	$(SWIFT) build $(BUILD_FLAGS) $(RELEASE_BUILD)
	./.ci/link-static release escalator $(SHIP_BIN) $(STATIC_LINK)

# For Benchmarks/run, which builds its other products with the same flags.
release-flags:
	@echo $(BUILD_FLAGS)

# libstdc++.a alone in a folder, which the static link (STATIC_LINK) searches first (the system
# folder has libstdc++.so beside it, which the linker would take): the binary then needs no
# libstdc++ or libgcc_s at run time, and starts about 1.3 ms sooner (loading and binding those two,
# `perf stat` on `escalator --version`). Only there: the test bundle, linked with the toolchain's
# shared libraries that load libstdc++.so anyway, keeps the shared one.
static-cxx:
	@mkdir -p .build/static-cxx && a=$$($(CC) -print-file-name=libstdc++.a) && case "$$a" in \
		/*) ln -sfn "$$a" .build/static-cxx/libstdc++.a ;; \
		*) echo "libstdc++.a not found ($(CC) -print-file-name): the binary will load libstdc++ at run time" >&2 ;; esac

# The board on the demo store in ./.build/demo-store (made on first run).
run: build
	@if [ ! -d "$${ESCALATOR_STORE:-.build/demo-store}" ]; then \
		.build/debug/escalator demo --store "$${ESCALATOR_STORE:-.build/demo-store}"; fi
	.build/debug/escalator board --store "$${ESCALATOR_STORE:-.build/demo-store}"

# The tests beside a private PostgreSQL cluster (.ci/postgres, removed afterwards), then the
# installed static binary (InstalledBinaryTests): `make install` into a scratch DESTDIR and
# `make dist`, which the tests run with the toolchain hidden. One release build for all of it.
test: deps
	$(MAKE) --no-print-directory install dist RELEASE_BUILD=--build-tests DESTDIR=$(CURDIR)/.build/installed PREFIX=/usr/local
	ESCALATOR_INSTALLED=$(CURDIR)/.build/installed/usr/local ESCALATOR_DIST=$(CURDIR)/.build/$(DIST).tar.gz \
		./.ci/postgres $(SWIFT) test $(BUILD_FLAGS) --skip-build

bench: deps
	./Benchmarks/run

# The man page and the bash, zsh and fish completions, from the shipped binary.
share: release $(MANUAL_TOOL)
	rm -rf $(SHARE) && mkdir -p $(SHARE)/man1 $(SHARE)/completions
	ESCALATOR_BINARY=$(CURDIR)/$(SHIP_BIN) $(MANUAL_TOOL) .ci/ascii-help --output-directory $(SHARE)/man1 \
		--authors "The Escalator authors" --section 1 >/dev/null
	@if ESCALATOR_BINARY=$(CURDIR)/$(SHIP_BIN) .ci/ascii-help --experimental-dump-help | grep -qP '[^\x00-\x7F]'; then \
		echo "the help has a character .ci/ascii-help does not spell in ASCII; the man page would lose it" >&2; exit 1; fi
	$(SHIP_BIN) --generate-completion-script bash > $(SHARE)/completions/escalator.bash
	$(SHIP_BIN) --generate-completion-script zsh > $(SHARE)/completions/_escalator
	$(SHIP_BIN) --generate-completion-script fish > $(SHARE)/completions/escalator.fish

$(MANUAL_TOOL):
	@test -d $(ARGUMENT_PARSER) || $(SWIFT) package resolve
	$(SWIFT) build --package-path $(ARGUMENT_PARSER) --scratch-path .build-tools --product generate-manual

# Under $(DESTDIR)$(PREFIX): bin/, the themes (also compiled in) to copy and edit, the man page and
# the completions where bash-completion, zsh and fish look for them.
install: share
	@$(MAKE) --no-print-directory install-files

# `make install` once the binary and $(SHARE) are made: what `dist` stages, so it builds only once.
install-files:
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/escalator/themes $(DESTDIR)$(PREFIX)/share/man/man1 \
		$(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
		$(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 $(SHIP_BIN) $(DESTDIR)$(PREFIX)/bin/escalator
	install -m 0644 Themes/*.toml $(DESTDIR)$(PREFIX)/share/escalator/themes/
	install -m 0644 $(SHARE)/man1/escalator.1 $(DESTDIR)$(PREFIX)/share/man/man1/escalator.1
	install -m 0644 $(SHARE)/completions/escalator.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/escalator
	install -m 0644 $(SHARE)/completions/_escalator $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_escalator
	install -m 0644 $(SHARE)/completions/escalator.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/escalator.fish

# A tarball for another Debian or Ubuntu host: the install tree (bin/, share/) and the README under
# one folder, SHA256SUMS inside for its files, and the tarball's own sum beside it.
dist: share
	rm -rf .build/$(DIST) && $(MAKE) --no-print-directory install-files DESTDIR=$(CURDIR)/.build/$(DIST) PREFIX=
	cp README.md .build/$(DIST)/README.md
	cd .build/$(DIST) && find . -type f ! -name SHA256SUMS | sort | sed 's|^\./||' | xargs sha256sum > SHA256SUMS
	tar -C .build -czf .build/$(DIST).tar.gz --owner=0 --group=0 $(DIST)
	cd .build && sha256sum $(DIST).tar.gz > $(DIST).tar.gz.sha256
	@echo "made .build/$(DIST).tar.gz and .build/$(DIST).tar.gz.sha256"

clean:
	rm -rf .build .build-tools

# What the build and the tests need from the system: ncursesw headers and tmux.
deps:
	@./.ci/deps
