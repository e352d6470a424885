import ArgumentParser
import EscalationKit
import Foundation

/// Everything about one escalation: where it stands, every clock, the flags and the history.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one escalation: status, clocks, flags and history.")

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Flag(help: "Print JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    /// What was asked, as plain values (`PlainCommandLine` reads the same without argument-parser).
    struct Request: Equatable {
        var id: String
        var json = false
        var store: String?
    }

    var request: Request { Request(id: id, json: json, store: storeOptions.store) }

    func run() throws { try Self.run(request) }

    static func run(_ request: Request) throws {
        let (id, json) = (request.id, request.json)
        try reporting {
            let session = try Session.open(store: request.store, focus: id)
            let e = try session.escalation(id)
            let now = session.now
            if json {
                try JSONOutput.print(EscalationDetail(e, at: now, policy: session.policy))
                return
            }
            let c = session.console
            let a = Attention(e, at: now, policy: session.policy)
            c.print(c.paint("\(e.id)  \(safe(e.title))", .bold))
            c.print("Status     \(a.status.label)" + (a.keys.isEmpty ? "" : "  [" + a.keys.joined(separator: ", ") + "]"))
            c.print("Severity   " + c.paint(e.severity.label, c.tone(for: e.severity))
                + (e.suggestedSeverity.map { $0 != e.severity ? " (suggested \($0.rawValue); override: \(safe(e.severityOverrideReason ?? "no reason")))" : "" } ?? ""))
            c.print("Tier       \(e.tier.rawValue) · Category \(e.category.label) · Team \(safe(session.policy.teams[e.team]?.name ?? e.team))")
            let people = session.policy.people
            let owner = e.owner.map { people.person(forOwner: $0)?.label ?? $0 } ?? "— (not acknowledged)"
            c.print("Owner      \(safe(owner)) · Reporter \(safe(people.person(forOwner: e.reporter)?.label ?? e.reporter))")
            let acct = e.account
            c.print("Account    \(safe(acct.name)) · \(acct.arr.short) ARR · \(acct.segment.label)"
                + (acct.renewal.map { " · renewal \($0)" } ?? "") + (acct.healthScore.map { " · health \($0)" } ?? "")
                + (acct.strategic ? " · strategic" : ""))
            if let d = e.dimensions {
                c.print("Score      \(d.total)/20 (impact \(d.impact), value \(d.value), urgency \(d.urgency), capability \(d.capability))")
            }
            c.print("Opened     \(Self.local(e.createdAt, session)) · \(DurationText.short(now.timeIntervalSince(e.createdAt))) ago")
            if let pattern = e.pattern { c.print("Pattern    \(safe(pattern))") }
            if let from = e.reopenedFrom { c.print("Reopens    \(from)") }
            if let resolution = e.resolution { c.print("Resolution \(safe(resolution))") }
            c.print("")
            c.print(c.paint("Clocks", .bold))
            var clocks = Table([Table.Column(header: "CLOCK"), Table.Column(header: "TARGET", shrinks: true, minimum: 12), Table.Column(header: "STATE")])
            for r in session.clocks.read(e, at: now) {
                let when: Table.Cell
                switch r.state {
                case .running: when = Table.Cell("due \(Self.local(r.deadline, session)) (\(DurationText.relative(r.deadline, from: now)))")
                case .breached where r.stoppedAt == nil: when = Table.Cell("BREACHED \(DurationText.short(now.timeIntervalSince(r.deadline))) ago (due \(Self.local(r.deadline, session)))", .red)
                case .breached: when = Table.Cell("breached: stopped \(DurationText.short(r.stoppedAt!.timeIntervalSince(r.deadline))) late", .red)
                case .met: when = Table.Cell("met: stopped \(DurationText.short(r.deadline.timeIntervalSince(r.stoppedAt!))) early")
                case .paused where r.pausedByWait:
                    let resumes = session.clocks.currentWait(of: e, at: now)?.until
                    when = Table.Cell("paused while waiting; due \(Self.local(r.deadline, session)) " + (resumes.map { "(resumes \(Self.local($0, session)))" } ?? "if resumed now"))
                case .paused: when = Table.Cell("paused")
                }
                clocks.add([Table.Cell(r.kind.label), Table.Cell(r.target.phrase(r.basis)), when])
            }
            clocks.print(c)
            let waits = session.clocks.waitIntervals(of: e)
            if !waits.isEmpty {
                c.print("")
                c.print(c.paint("Waiting (the resolve and stall clocks stop)", .bold))
                for wait in waits {
                    let line = safe(WaitText.line(wait, at: now, policy: session.policy))
                    c.print("  " + (c.width.map { fit(line, $0 - 2) } ?? line))
                }
            }
            let hooks = Hooks(policy: session.policy, store: session.store)
            let told = ((try? hooks.outbox.state().state.entries) ?? []).filter { $0.delivery.escalation == e.id.description }
            if !told.isEmpty {
                // Who was told what and when, from the outbox (the chain's levels name who).
                c.print("")
                c.print(c.paint("Notified", .bold))
                for entry in told {
                    let level = (try? JSONSerialization.jsonObject(with: Data(entry.delivery.payload.utf8)) as? [String: Any])?["level"] as? String
                    let what = pad(entry.status(hooks.schedule).rawValue, 10) + entry.delivery.kind + (level.map { " \($0)" } ?? "")
                    c.print("  \(Self.local(entry.delivery.queued, session))  " + safe(what))
                }
            }
            c.print("")
            c.print(c.paint("History", .bold))
            for entry in e.history {
                c.print("  \(Self.local(entry.time, session))  " + safe("\(entry.who): \(entry.change.phrase(policy: session.policy))"))
            }
        }
    }

    /// A time in the team's zone, "2026-03-10 09:40".
    static func local(_ date: Date, _ session: Session) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = session.policy.calendar.timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!)
    }
}
