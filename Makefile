# Escalator: `make run` opens the board, `make test` runs every test.
SWIFT ?= swift
PREFIX ?= /usr/local
DESTDIR ?=
CONFIG ?= debug
BIN = .build/$(CONFIG)/escalator

# The shipped binary links the Swift runtime, Foundation, libstdc++ and libgcc statically (the last two
# through Package.swift and `static-cxx` below): it needs only the C library (2.35 or newer) and
# ncursesw, so it runs where no toolchain is;
# no RUNPATH, so the loader looks for those in the system folders only (not in 20 beside the binary);
# and it exports none of its own names: the toolchain's static-stdlib-args.lnk asks for
# --export-dynamic, which put 37,000 symbols in the dynamic table for the loader and the runtime's
# `dladdr` to search at every start (issue 14: about 1 ms of `escalator --version`).
STATIC_FLAGS = --static-swift-stdlib --disable-local-rpath -Xlinker --no-export-dynamic
RELEASE_FLAGS = -c release $(STATIC_FLAGS)
# What `make install` and `make dist` ship: the static release binary (SHIP_CONFIG=debug links the
# debug objects statically instead, but that link still fails: FoundationInternationalization's ICU
# symbols are left undefined, so `make test` still builds the release binary).
SHIP_CONFIG ?= release
SHIP_BIN = .build/$(SHIP_CONFIG)/escalator
# What `make install` and `make dist` ship besides the binary, made from the shipped binary itself.
SHARE = .build/share
VERSION = $(shell sed -n 's/.*version = "\(.*\)".*/\1/p' Sources/EscalationKit/Version.swift)
ARCH = $(shell uname -m)
DIST = escalator-$(VERSION)-linux-$(ARCH)
# argument-parser's own man page generator, built once from the checked-out dependency.
ARGUMENT_PARSER = .build/checkouts/swift-argument-parser
MANUAL_TOOL = .build-tools/debug/generate-manual

.PHONY: build test run release ship release-flags static-cxx clean install dist share deps bench

build: deps
	$(SWIFT) build

release: deps static-cxx
	$(SWIFT) build $(RELEASE_FLAGS) --product escalator

ship: deps static-cxx
	$(SWIFT) build -c $(SHIP_CONFIG) $(STATIC_FLAGS) --product escalator

# For Benchmarks/run, which builds with the same flags (and the same libstdc++).
release-flags: static-cxx
	@echo $(RELEASE_FLAGS)

# libstdc++.a alone in a folder, which Package.swift's release link searches first (the system
# folder has libstdc++.so beside it, which the linker would take): the binary then needs no
# libstdc++ or libgcc_s at run time, and starts about 1.3 ms sooner.
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
# `make dist`, which the tests run with the toolchain hidden.
test: deps
	$(SWIFT) build --build-tests
	$(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/.build/installed PREFIX=/usr/local
	$(MAKE) --no-print-directory dist
	ESCALATOR_INSTALLED=$(CURDIR)/.build/installed/usr/local ESCALATOR_DIST=$(CURDIR)/.build/$(DIST).tar.gz \
		./.ci/postgres $(SWIFT) test --skip-build

bench: deps
	./Benchmarks/run

# The man page and the bash, zsh and fish completions, from the shipped binary.
share: ship $(MANUAL_TOOL)
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
	rm -rf .build/$(DIST) && $(MAKE) --no-print-directory install DESTDIR=$(CURDIR)/.build/$(DIST) PREFIX=
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
