import Foundation
import EscalationKit

/// Turning the form into what the store records: a `Draft` for a new escalation, an `Edit` (plus
/// severity, tier and category commands with their reason) for an existing one.
extension FormReading {
    /// The commands that save the form, in order; empty when an edit changes nothing.
    func commands(policy: Policy, at now: Date) -> [Command] {
        guard let e = edited else { return [.create(draft(policy: policy, at: now))] }
        let v = form.values
        let reason = v[.reason].trimmedSpaces
        var edit = Edit()
        let title = v[.title].trimmedSpaces
        if title != e.title { edit.title = title }
        let name = v[.account].trimmedSpaces
        if Self.key(name) != Self.key(e.account.name) { edit.account = account ?? Account(name: name, arr: Money(0, e.account.arr.currency)) }
        if let dimensions, dimensions != e.dimensions { edit.dimensions = dimensions }
        let newBrief = brief(from: e.brief, isNew: false, policy: policy, at: now)
        if newBrief != e.brief { edit.brief = newBrief }
        var out: [Command] = []
        if edit != Edit() { out.append(.edit(edit)) }
        if let severity, severity != e.severity { out.append(.severity(severity, reason: reason)) }
        if tier != e.tier { out.append(.tier(tier, reason: reason)) }
        if let category = v.category, category != e.category { out.append(.category(category, reason: reason)) }
        return out
    }

    /// The new escalation's facts (call only when there are no problems).
    func draft(policy: Policy, at now: Date) -> Draft {
        let v = form.values
        let category = v.category ?? .productDefect
        let name = v[.account].trimmedSpaces
        let severity = self.severity ?? .medium
        let suggested = suggestedSeverity
        return Draft(title: v[.title].trimmedSpaces, account: account ?? Account(name: name, arr: Money(0)),
                     category: category, severity: severity, suggestedSeverity: suggested,
                     severityOverrideReason: Intake.overrides(severity, suggested: suggested) ? v[.reason].trimmedSpaces : nil,
                     tier: tier, team: policy.rule(for: category).team, dimensions: dimensions,
                     brief: brief(from: Brief(), isNew: true, policy: policy, at: now))
    }

    /// `base` with the form's brief fields written over it; what the form does not show is kept.
    func brief(from base: Brief, isNew: Bool, policy: Policy, at now: Date) -> Brief {
        let v = form.values
        var b = base
        b.impact = v[.impact].trimmed
        b.description = v[.description].trimmed
        if v[.tried] != form.initial[.tried] { b.attempts = Self.lines(v[.tried]).map(Self.attempt) }
        if v[.reproduction] != form.initial[.reproduction] {
            var reproduction = base.reproduction ?? Reproduction()
            reproduction.steps = Self.lines(v[.reproduction])
            b.reproduction = reproduction.isEmpty && base.reproduction == nil ? nil : reproduction
        }
        let told = v[.communication].trimmedSpaces
        if told != base.communication.lastUpdate {
            b.communication.lastUpdate = told
            if isNew, !told.isEmpty { b.communication.lastUpdateAt = now }
        }
        b.ask.text = v[.ask].trimmedSpaces
        if v[.deadline] != form.initial[.deadline] {
            b.ask.deadline = CalendarDay(v[.deadline].trimmedSpaces).map { Intake.deadline(endOf: $0, calendar: policy.calendar) }
        }
        b.impactDimensions.breadth = v[.affected].trimmedSpaces
        b.impactDimensions.revenue = v[.revenue].trimmedSpaces
        if v[.links] != form.initial[.links] { b.links = Self.links(v[.links]) }
        return b
    }

    /// Links typed on one line, between spaces or commas.
    static func links(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," }).map(String.init)
    }

    /// The escalation as it would be once saved, for the linter.
    func wouldBe(in ledger: Ledger, policy: Policy, at now: Date) -> Escalation? {
        if let e = edited {
            var next = e
            for command in commands(policy: policy, at: now) {
                if case .edit(let edit) = command {
                    let event = Event(sequence: ledger.lastSequence + 1, time: now, actor: "board", escalation: e.id,
                                      expectedRevision: e.revision, change: .edited(edit))
                    next = (try? next.applying(event)) ?? next
                }
            }
            if let severity { next.severity = severity }
            next.tier = tier
            if let category = form.values.category { next.category = category }
            return next
        }
        let draft = self.draft(policy: policy, at: now)
        let event = Event(sequence: ledger.lastSequence + 1, time: now, actor: "board",
                          escalation: ledger.nextID(at: now, in: policy.calendar.timeZone), expectedRevision: 0, change: .created(draft))
        return Escalation(created: event, draft: draft)
    }

    /// Non-empty lines, trimmed.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmedSpaces }.filter { !$0.isEmpty }
    }

    /// "step -> result" (or "→"); a line without an arrow is a step whose result is not recorded.
    static func attempt(_ line: String) -> Attempt {
        for arrow in ["->", "→"] {
            if let range = line.range(of: arrow) {
                return Attempt(step: line[..<range.lowerBound].trimmedSpaces,
                               result: line[range.upperBound...].trimmedSpaces)
            }
        }
        return Attempt(step: line, result: "")
    }
}

extension LintFinding {
    /// The form field that fixes this finding, if the form has one.
    var field: FormField? {
        switch LintRule(rawValue: id) {
        case .noAsk, .complaintNotAsk, .tooBroad: .ask
        case .noDeadline, .deadlinePassed: .deadline
        case .impactNotQuantified, .escalatedLate: .impact
        case .noReproduction: .reproduction
        case .noContext: .description
        case .customerNotTold: .communication
        case .noLinks: .links
        default: nil
        }
    }
}
