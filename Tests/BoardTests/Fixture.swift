import Foundation
import EscalationKit
@testable import Board

/// A board at a fixed moment: escalations in every column, built from events applied directly to
/// a ledger, so account names can carry what the lifecycle would refuse (hostile text reaching the
/// board through a damaged or foreign journal).
enum Fixture {
    /// 2026-03-10T09:00:00Z, a Tuesday.
    static let t0 = Date(timeIntervalSince1970: 1_773_133_200)
    static let now = t0.addingTimeInterval(3 * 86_400 + 5 * 3600 + 17 * 60)
    static let policy = Policy.standard

    static let friendlyNames = ["Acme Corp", "Société Générale", "株式会社サンプル", "Globex", "Zoë Ltd", "Café ☕ Lab",
                                "Umbrella Health", "Hooli"]
    static let hostileNames = [
        "Evil\u{1B}[2J\u{1B}]0;pwned\u{07}Corp",
        "C1\u{9B}31mRed \u{85}Next",
        "\u{202E}gnp.exe\u{202C} bidi",
        "株式会社テスト東京本社",
        "🚀 Rocket 👩‍💻 🇩🇪 Team",
        "Zoe\u{0301} Cafe\u{0301} A\u{0308}\u{0323}",
        "\u{0301}leading mark",
        "Tab\there\nnewline",
    ]

    /// Stages: 0 routed, 1 acknowledged, 2 in progress, 3 stalled, 4 resolved, 5 closed.
    static let stages = [0, 0, 1, 1, 2, 2, 3, 4, 5, 0, 2, 1, 4, 2, 0, 3]

    static func ledger(hostile: Bool = false) -> Ledger {
        var ledger = Ledger()
        func apply(_ id: EscalationID, _ time: Date, _ change: Change, revision: Int) {
            let event = Event(sequence: ledger.lastSequence + 1, time: time, actor: "alice", escalation: id,
                              expectedRevision: revision, change: change)
            try! ledger.apply(event)
        }
        let names = hostile ? hostileNames + friendlyNames : friendlyNames + friendlyNames.map { $0 + " EU" }
        let severities: [Severity] = [.critical, .high, .medium, .high]
        for (i, stage) in stages.enumerated() {
            let id = EscalationID(year: 2026, number: i + 1)
            let opened = t0.addingTimeInterval(Double(i) * 3 * 3600 - (stage == 3 ? 9 * 86_400 : 0))
            let category = Category.allCases[i % Category.allCases.count]
            let draft = Draft(title: hostile && i == 0 ? "Title \u{1B}[31mred" : "Issue number \(i + 1)",
                              account: Account(name: names[i % names.count], arr: Money(10_000 * (i + 1) * (i % 3 + 1))),
                              category: category, severity: severities[i % 4], tier: Tier.all[i % 4],
                              team: policy.rule(for: category).team,
                              brief: Brief(impact: "Forty users blocked; exports fail nightly.", description: "The nightly export drops rows.",
                                           ask: Ask(kind: .fix, text: i % 3 == 0 ? "" : "Fix the export by Friday")),
                              pattern: i % 5 == 0 ? "export-missing-rows" : nil)
            apply(id, opened, .created(draft), revision: 0)
            var revision = 1
            func next(_ minutes: Double, _ change: Change) {
                apply(id, opened.addingTimeInterval(minutes * 60), change, revision: revision)
                revision += 1
            }
            if stage >= 1 { next(30, .acknowledged(owner: ["mike", "priya", "jonas", "amélie"][i % 4])) }
            if stage >= 2 { next(60, .started) }
            if stage == 2 { next(90, .progressNoted(note: "Found the slow query", endedStall: nil)) }
            if stage >= 4 { next(120, .resolved(resolution: "Index added")) }
            if stage >= 5 { next(180, .closed) }
        }
        return ledger
    }

    static func state(hostile: Bool = false, size: Size = Size(width: 120, height: 40), unicode: Bool = true) -> BoardState {
        BoardState(ledger: ledger(hostile: hostile), policy: policy, now: now, storeName: "team-store", size: size, unicode: unicode)
    }
}

extension BoardState {
    /// Feeds keys one by one, collecting the effects.
    @discardableResult
    mutating func press(_ keys: Key...) -> [Effect] {
        keys.flatMap { handle(.key($0)) }
    }

    /// Types text into a prompt.
    mutating func type(_ text: String) {
        for c in text { _ = handle(.key(.character(c))) }
    }
}
