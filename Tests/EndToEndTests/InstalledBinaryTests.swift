import Foundation
import Testing

/// The program as `make install` and `make dist` ship it (issue 14): a static release binary that
/// runs with the Swift toolchain's folder hidden, its themes compiled in, a man page and completions.
///
/// `make test` installs into `.build/installed` and makes the tarball first, and names them in
/// ESCALATOR_INSTALLED (the PREFIX under DESTDIR) and ESCALATOR_DIST; a plain `swift test` has
/// neither and these tests say so and pass. Hiding the toolchain needs a mount namespace
/// (`unshare -m`, a tmpfs over the toolchain), so that part needs root.
@Suite(.serialized) struct InstalledBinaryTests {
    static let environment = ProcessInfo.processInfo.environment
    static let prefix = environment["ESCALATOR_INSTALLED"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }
    static let tarball = environment["ESCALATOR_DIST"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0) }

    /// The toolchain folder this test runner's own Swift runtime comes from (e.g. /opt/swift), read
    /// from /proc/self/maps: the folder a dynamically linked escalator would need.
    static var toolchain: String? {
        // /proc files say their size is 0: read to the end rather than by size.
        guard let data = FileHandle(forReadingAtPath: "/proc/self/maps")?.readDataToEndOfFile() else { return nil }
        let maps = String(decoding: data, as: UTF8.self)
        let suffix = "/usr/lib/swift/linux/libswiftCore.so"
        for line in maps.split(separator: "\n") {
            guard let slash = line.firstIndex(of: "/") else { continue }
            let path = String(line[slash...])
            if path.hasSuffix(suffix) { return String(path.dropLast(suffix.count)) }
        }
        return nil
    }

    static func skip(_ why: String) { print("InstalledBinaryTests: skipped: \(why)") }

    /// Runs `script` with sh in a new mount namespace where a tmpfs covers `hidden`; its output, both streams.
    static func hidden(_ hidden: String, _ script: String) throws -> (status: Int32, output: String) {
        let folder = NSTemporaryDirectory() + "escalator-installed-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let file = folder + "/script.sh"
        try ("set -u\nmount -t tmpfs escalator-hidden-toolchain '\(hidden)' || exit 99\n" + script).write(toFile: file, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = ["--mount", "--propagation", "private", "sh", file]
        var environment = Self.environment
        environment["NO_COLOR"] = nil
        environment["ESCALATOR_CONFIG"] = nil
        environment["ESCALATOR_THEMES"] = nil
        environment["HOME"] = folder
        environment["XDG_CONFIG_HOME"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["WORK"] = folder
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// What the root-only tests need, or why they are skipped.
    static func namespace() -> String? {
        guard getuid() == 0 else { skip("hiding the toolchain needs a mount namespace, which needs root"); return nil }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { skip("no /usr/bin/unshare"); return nil }
        guard let toolchain, !toolchain.isEmpty, toolchain != "/usr" else {
            skip("the Swift runtime is not in a toolchain folder of its own (\(toolchain ?? "not found")), so there is nothing to hide")
            return nil
        }
        return toolchain
    }

    /// The scenario of issue 14 with the toolchain hidden: `--version`, `init`, `new`, a change,
    /// `show`, then the board in tmux with `--theme light`. A dynamically linked escalator (the debug
    /// build) must fail there, or the toolchain was not hidden and the test proves nothing.
    @Test func theInstalledBinaryRunsWithTheToolchainHidden() throws {
        guard let prefix = Self.prefix else { Self.skip("ESCALATOR_INSTALLED is not set; `make test` installs and sets it"); return }
        guard let toolchain = Self.namespace() else { return }
        let binary = prefix.appendingPathComponent("bin/escalator").path
        let debug = CLI.executable.path
        try #require(FileManager.default.isExecutableFile(atPath: binary), "no installed binary at \(binary)")
        let q = ShellWord.quoted
        let script = """
            export ESCALATOR_STORE="$WORK/store" ESCALATOR_USER=carla ESCALATOR_NOW=2026-03-10T09:00:00Z
            B=\(q(binary))
            [ -e \(q(toolchain + "/usr/lib/swift/linux/libswiftCore.so")) ] && echo "TOOLCHAIN STILL VISIBLE"
            \(q(debug)) --version >/dev/null 2>&1 && echo "DYNAMIC BINARY RAN"
            echo "version: $("$B" --version)"
            "$B" init || echo "INIT FAILED"
            "$B" new --account "Acme Corp" --title "API latency on reports" --category product_defect \\
                --impact 5 --urgency 4 --capability 4 --ask "Investigate the slow query" >/dev/null 2>&1 || echo "NEW FAILED"
            "$B" ack ESC-2026-0001 --owner "Mike Ross" >/dev/null || echo "ACK FAILED"
            "$B" update ESC-2026-0001 --note "Reproduced on staging" >/dev/null || echo "UPDATE FAILED"
            "$B" show ESC-2026-0001 | grep -q "Reproduced on staging" && echo "show: the note is there"
            # The themes beside the binary are hidden too: --theme light must come from the binary itself.
            mount -t tmpfs escalator-hidden-themes \(q(prefix.appendingPathComponent("share/escalator").path)) || echo "HIDING THEMES FAILED"
            [ -e \(q(prefix.appendingPathComponent("share/escalator/themes/light.toml").path)) ] && echo "THEMES STILL VISIBLE"
            # A store's own theme wins over the built-in one of the same name.
            mkdir -p "$ESCALATOR_STORE/themes"
            printf 'name = "solarized"\\nheader = "white on 160/red, bold"\\n' > "$ESCALATOR_STORE/themes/solarized.toml"
            board() {
                # A server of its own for each board: a new session right after kill-server can meet the old one going.
                T="tmux -L escalator-installed-$$-$1 -f /dev/null"
                $T new-session -d -s board -x 120 -y 40 "TERM=xterm-256color \\"$B\\" board --theme $1; sleep 30"
                i=0
                while [ $i -lt 100 ]; do
                    $T capture-pane -p -t board > "$WORK/screen" 2>/dev/null
                    grep -q "● live" "$WORK/screen" && break
                    sleep 0.1; i=$((i + 1))
                done
                $T capture-pane -p -e -t board > "$WORK/styled" 2>/dev/null
                echo "--- screen ($1)"; cat "$WORK/screen"
                $T send-keys -t board q
                sleep 0.3
                $T kill-server 2>/dev/null
            }
            board light
            grep -q "48;5;25m\\|;44m\\|\\[44m" "$WORK/styled" && echo "light: header on blue"
            board solarized
            grep -q "48;5;160m\\|;41m\\|\\[41m" "$WORK/styled" && echo "store theme: header on red"
            exit 0
            """
        let (status, output) = try Self.hidden(toolchain, script)
        #expect(status == 0, "\(output)")
        #expect(!output.contains("TOOLCHAIN STILL VISIBLE"), "\(output)")
        #expect(!output.contains("DYNAMIC BINARY RAN"), "the debug build ran with the toolchain hidden: nothing was hidden\n\(output)")
        #expect(output.contains("version: 0."), "\(output)")
        #expect(!output.contains("FAILED"), "\(output)")
        #expect(output.contains("show: the note is there"), "\(output)")
        #expect(output.contains("● live") && output.contains("Routed") && output.contains("Acme Corp"), "the board did not open:\n\(output)")
        #expect(!output.contains("no theme of that name"), "\(output)")
        #expect(!output.contains("THEMES STILL VISIBLE") && !output.contains("HIDING THEMES FAILED"), "\(output)")
        #expect(output.contains("light: header on blue"), "--theme light did not colour the header:\n\(output)")
        #expect(output.contains("store theme: header on red"), "the store's solarized did not win over the built-in one:\n\(output)")
    }

    /// The binary needs nothing from the toolchain: every library it loads is the C library's or
    /// ncursesw's, it has no RUNPATH, and it asks no glibc newer than 2.35.
    @Test func theInstalledBinaryLinksOnlySystemLibraries() throws {
        guard let prefix = Self.prefix else { Self.skip("ESCALATOR_INSTALLED is not set; `make test` installs and sets it"); return }
        let binary = prefix.appendingPathComponent("bin/escalator").path
        let needed = try Self.shell("readelf -d \(ShellWord.quoted(binary))")
        #expect(!needed.contains("RUNPATH") && !needed.contains("RPATH"), "\(needed)")
        let libraries = needed.split(separator: "\n").filter { $0.contains("(NEEDED)") }.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(!libraries.isEmpty)
        let allowed = ["libc.so", "libm.so", "libdl.so", "libpthread.so", "librt.so", "libutil.so", "ld-linux", "libstdc++.so",
                       "libgcc_s.so", "libncursesw.so", "libtinfo.so"]
        for library in libraries {
            #expect(allowed.contains { library.hasPrefix($0) }, "\(library) is not a system library every Debian or Ubuntu has")
        }
        #expect(!libraries.contains { $0.contains("swift") || $0.contains("Foundation") || $0.contains("icu") || $0.contains("dispatch") })
        // libstdc++ and libgcc are linked in (loading them was a fifth of every start), and the
        // binary still runs on glibc 2.35 (Ubuntu 22.04): no symbol of a newer version is asked for.
        #expect(!libraries.contains { $0.hasPrefix("libstdc++.so") || $0.hasPrefix("libgcc_s.so") }, "\(libraries)")
        let versions = try Self.shell("objdump -T \(ShellWord.quoted(binary))")
        let newest = versions.split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" && $0 != "." })
            .filter { $0.hasPrefix("GLIBC_2.") }.compactMap { Int($0.dropFirst("GLIBC_2.".count).prefix { $0.isNumber }) }.max()
        #expect(newest != nil && newest! <= 35, "the binary asks for GLIBC_2.\(newest.map(String.init) ?? "?")")
    }

    /// `make install` puts the themes, the man page and the completions where their tools look.
    @Test func installPutsThemesManPageAndCompletionsUnderThePrefix() throws {
        guard let prefix = Self.prefix else { Self.skip("ESCALATOR_INSTALLED is not set; `make test` installs and sets it"); return }
        let files = ["share/escalator/themes/default.toml", "share/escalator/themes/light.toml", "share/escalator/themes/solarized.toml",
                     "share/escalator/themes/high-contrast.toml", "share/escalator/themes/monochrome.toml",
                     "share/man/man1/escalator.1", "share/bash-completion/completions/escalator",
                     "share/zsh/site-functions/_escalator", "share/fish/vendor_completions.d/escalator.fish"]
        for file in files {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent(file).path), "missing \(file)")
        }
        let man = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/escalator.1"), encoding: .utf8)
        #expect(man.contains(".Dt ESCALATOR 1") && man.contains("board") && man.contains("--store"), "\(man.prefix(400))")
        let bash = try String(contentsOf: prefix.appendingPathComponent("share/bash-completion/completions/escalator"), encoding: .utf8)
        #expect(bash.contains("complete") && bash.contains("escalator"))
        let zsh = try String(contentsOf: prefix.appendingPathComponent("share/zsh/site-functions/_escalator"), encoding: .utf8)
        #expect(zsh.hasPrefix("#compdef escalator"))
        let fish = try String(contentsOf: prefix.appendingPathComponent("share/fish/vendor_completions.d/escalator.fish"), encoding: .utf8)
        #expect(fish.contains("complete -c 'escalator'") || fish.contains("complete -c escalator"))
    }

    /// The tarball unpacks into one folder whose SHA256SUMS check, holds what the issue lists, and its
    /// binary runs with the toolchain hidden (where this test is root).
    @Test func theDistTarballUnpacksChecksAndRuns() throws {
        guard let tarball = Self.tarball else { Self.skip("ESCALATOR_DIST is not set; `make test` makes the tarball and sets it"); return }
        let folder = NSTemporaryDirectory() + "escalator-dist-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let q = ShellWord.quoted
        let sums = try Self.shell("cd \(q(tarball.deletingLastPathComponent().path)) && sha256sum -c \(q(tarball.lastPathComponent)).sha256")
        #expect(sums.contains(": OK"), "\(sums)")
        _ = try Self.shell("tar -C \(q(folder)) -xzf \(q(tarball.path))")
        let top = try FileManager.default.contentsOfDirectory(atPath: folder)
        try #require(top.count == 1, "\(top)")
        let root = folder + "/" + top[0]
        let check = try Self.shell("cd \(q(root)) && sha256sum -c SHA256SUMS")
        #expect(!check.contains("FAILED"), "\(check)")
        for file in ["bin/escalator", "README.md", "share/man/man1/escalator.1", "share/escalator/themes/light.toml",
                     "share/bash-completion/completions/escalator", "share/zsh/site-functions/_escalator",
                     "share/fish/vendor_completions.d/escalator.fish"] {
            #expect(check.contains("\(file): OK"), "\(file) is not in SHA256SUMS: \(check)")
        }
        guard let toolchain = Self.namespace() else { return }
        let (status, output) = try Self.hidden(toolchain, """
            B=\(q(root + "/bin/escalator"))
            "$B" --version && "$B" init --store "$WORK/s" >/dev/null && "$B" list --store "$WORK/s" --json
            """)
        #expect(status == 0 && output.contains("0.") && output.contains("["), "\(output)")
    }

    static func shell(_ line: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", line]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

enum ShellWord {
    /// A word for sh, in single quotes.
    static func quoted(_ word: String) -> String { "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
