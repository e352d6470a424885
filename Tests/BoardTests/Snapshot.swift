import Foundation
import Testing

/// Plain-text snapshots under Tests/BoardTests/Snapshots/. `UPDATE_SNAPSHOTS=1 swift test` rewrites
/// them; otherwise any difference fails the test and shows the first differing line.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let file = directory.appendingPathComponent(name + ".txt")
        let update = ProcessInfo.processInfo.environment["UPDATE_SNAPSHOTS"] == "1"
        let recorded = try? String(contentsOf: file, encoding: .utf8)
        if update || recorded == nil {
            try! FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try! (text + "\n").write(to: file, atomically: true, encoding: .utf8)
            if !update { Issue.record("recorded new snapshot \(name); run again to compare", sourceLocation: sourceLocation) }
            return
        }
        let expected = String(recorded!.dropLast())
        guard expected != text else { return }
        let a = expected.components(separatedBy: "\n"), b = text.components(separatedBy: "\n")
        let line = zip(a, b).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, b.count)
        let want = line < a.count ? a[line] : "<none>", got = line < b.count ? b[line] : "<none>"
        Issue.record("snapshot \(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)\n(UPDATE_SNAPSHOTS=1 to accept)",
                     sourceLocation: sourceLocation)
    }
}
