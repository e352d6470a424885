import Foundation
import Testing

/// Themes and the wallboard with the real `escalator board` in tmux: colours as the terminal gets
/// them (`capture-pane -e` shows the SGR codes), a broken theme file, a wallboard following another process.
@Suite(.serialized) struct ThemeAndWallboardEndToEndTests {
    static let binary = TmuxPane.built("escalator")

    func demoStore() throws -> String {
        let directory = NSTemporaryDirectory() + "escalator-look-e2e-\(UUID().uuidString.prefix(8))"
        let status = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) demo --store \(TmuxPane.quoted(directory)) --count 80 --seed 5 >/dev/null")
        try #require(status == 0)
        return directory
    }

    /// A board in a pane with `environment` set before it, until it shows `ready`. NO_COLOR is
    /// cleared first: the test runner may set it for its own output.
    func board(_ arguments: String, store: String, environment: String = "TERM=xterm-256color", width: Int = 120, height: Int = 40,
               ready: String = "● live") throws -> (TmuxPane, String) {
        let pane = try TmuxPane(width: width, height: height,
                                command: "sh -c 'unset NO_COLOR; ESCALATOR_NOW= LANG=C.UTF-8 \(environment) \(Self.binary) board \(arguments) --store \(store); sleep 30'")
        return (pane, pane.wait(for: ready))
    }

    /// The pane with its SGR codes (colours and attributes).
    func styled(_ pane: TmuxPane) -> String { (try? pane.tmux("capture-pane", "-p", "-e", "-t", pane.name)) ?? "" }

    /// The SGR parameter lists in a capture, e.g. "38;5;196" or "1;31".
    static func codes(_ text: String) -> Set<String> {
        var out: Set<String> = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: "m") else { break }
            out.insert(String(rest[..<end]))
            rest = rest[rest.index(after: end)...]
        }
        return out
    }

    @Test func anotherThemeSendsOtherColoursAndColoursDegrade() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }

        let (standard, _) = try board("", store: store)
        let defaultCodes = Self.codes(styled(standard))
        let (light, lightScreen) = try board("--theme light", store: store)
        let lightCodes = Self.codes(styled(light))
        #expect(lightScreen.contains("● live"), "\(lightScreen)")
        #expect(defaultCodes.contains { $0.contains("38;5;81") }, "default header colour 81: \(defaultCodes.sorted())")
        #expect(lightCodes.contains { $0.contains("44") }, "light's header on blue: \(lightCodes.sorted())")
        #expect(defaultCodes != lightCodes)

        // Eight colours: only the basic SGR colours, never a 256-colour index.
        let (eight, _) = try board("", store: store, environment: "TERM=xterm")
        let eightCodes = Self.codes(styled(eight))
        #expect(!eightCodes.contains { $0.contains("38;5") }, "\(eightCodes.sorted())")
        #expect(eightCodes.contains { $0.split(separator: ";").contains { (30...37).contains(Int($0) ?? 0) } }, "\(eightCodes.sorted())")

        // NO_COLOR: attributes only (bold, reverse, underline), no colour at all; the letters still there.
        let (plain, plainScreen) = try board("", store: store, environment: "TERM=xterm-256color NO_COLOR=1")
        let plainCodes = Self.codes(styled(plain))
        // 39 and 49 are "the default colours": tmux writes them when it resets a cell.
        let colourParameters = plainCodes.flatMap { $0.split(separator: ";").compactMap { Int($0) } }.filter { ((30...49).contains($0) || (90...107).contains($0)) && $0 != 39 && $0 != 49 }
        #expect(colourParameters.isEmpty, "\(plainCodes.sorted())")
        #expect(plainCodes.contains { $0.split(separator: ";").contains("7") }, "reverse carries the selection: \(plainCodes.sorted())")
        #expect(plainScreen.contains("Routed"))
    }

    @Test func aBrokenThemeFileSaysWhereAndTheBoardRuns() throws {
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let file = store + "/broken.toml"
        try "# mine\nheader = \"cyan, bold\"\ncritcal = \"red\"\n".write(toFile: file, atomically: true, encoding: .utf8)
        let (pane, screen) = try board("--theme \(file)", store: store, ready: "unknown role")
        #expect(screen.contains("broken.toml:3: unknown role \"critcal\" (did you mean critical?)"), "\(screen)")
        #expect(screen.contains("● live") && screen.contains("Routed"), "\(screen)")
        // Still a working board: keys move the cursor, q quits.
        try pane.send("l")
        #expect(pane.wait(for: "Acknowledged").contains("Acknowledged"))

        let (missing, missingScreen) = try board("--theme nosuchtheme", store: store, ready: "no theme of that name")
        #expect(missingScreen.contains("nosuchtheme: no theme of that name; the themes are"), "\(missingScreen)")
        #expect(missingScreen.contains("solarized"), "\(missingScreen)")
        _ = missing
    }

    @Test func theWallboardFollowsAnotherProcessWithoutAKey() throws {
        let store = try demoStore()
        defer { try? FileManager.default.removeItem(atPath: store) }
        let (pane, screen) = try board("--wallboard", store: store, width: 160, height: 48, ready: "WHAT BREACHES OR STALLS FIRST")
        #expect(screen.contains("BREACHED") && screen.contains("ARR AT RISK"), "\(screen)")

        // Change keys are refused with a note.
        try pane.send("x")
        #expect(pane.wait(for: "wallboard is read-only").contains("wallboard is read-only"))

        // Another process resolves an escalation in progress that the wallboard lists.
        let out = NSTemporaryDirectory() + "look-\(UUID().uuidString).json"
        defer { unlink(out) }
        _ = system("ESCALATOR_NOW= \(TmuxPane.quoted(Self.binary)) list --status in_progress --json --store \(TmuxPane.quoted(store)) > \(out)")
        let list = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as! [[String: Any]]
        let before = pane.capture()
        let id = try #require(list.compactMap { $0["id"] as? String }.first { before.contains($0) })
        // Rows 1-13 hold the tiles (row 0 has the ticking clock).
        func tiles(_ screen: String) -> [String] { Array(screen.components(separatedBy: "\n").dropFirst().prefix(13)) }
        let tilesBefore = tiles(before)
        let status = system("ESCALATOR_NOW= ESCALATOR_USER=bob \(TmuxPane.quoted(Self.binary)) resolve \(id) --resolution 'Fixed in 4.2' --store \(TmuxPane.quoted(store)) >/dev/null 2>&1")
        #expect(status == 0)
        let end = Date().addingTimeInterval(5)
        var after = pane.capture()
        while after.contains(id), Date() < end {
            Thread.sleep(forTimeInterval: 0.05)
            after = pane.capture()
        }
        #expect(!after.contains(id), "the resolved escalation left the list: \(after)")
        #expect(tiles(after) != tilesBefore, "the counts changed:\n\(tilesBefore.joined(separator: "\n"))\n---\n\(tiles(after).joined(separator: "\n"))")

        try pane.send("q")
        let gone = Date().addingTimeInterval(3)
        var quit = pane.capture()
        while quit.contains("WHAT BREACHES"), Date() < gone {
            Thread.sleep(forTimeInterval: 0.05)
            quit = pane.capture()
        }
        #expect(!quit.contains("WHAT BREACHES"), "q quits the wallboard: \(quit)")
    }
}
