import Foundation
import EscalationKit

/// The new-escalation and edit form: the values, the field in focus, and where the user is in
/// saving it (typing, asked to discard, reviewing the lint findings, waiting for the store).
public struct EscalationForm: Hashable, Sendable {
    /// Creating a new escalation, or editing one.
    public enum Mode: Hashable, Sendable {
        case create
        case edit(EscalationID)
    }

    /// Where the user is.
    public enum Phase: Hashable, Sendable {
        case editing
        /// Esc with something typed: "discard? y/n".
        case confirmDiscard
        /// Save was asked for and the brief has lint findings: save anyway or go back.
        case review([LintFinding])
        /// The form's commit was sent; the form closes when the store confirms it.
        case saving
    }

    public var mode: Mode
    public var phase: Phase = .editing
    public var focus: FormField = .account {
        didSet { if focus != oldValue { caret = nil } }
    }
    /// Where typing goes in the focused text field, in characters from its start; nil is its end
    /// (where a field starts, so typing appends until ← or Home moves back).
    public var caret: Int?
    public var values: FormValues
    /// The values the form opened with, to know whether anything was typed.
    public let initial: FormValues
    /// Fields the user has left: their problems are shown from then on.
    public var visited: Set<FormField> = []
    /// After a save attempt every problem is shown.
    public var showAllProblems = false
    /// Which of the account completions is offered.
    public var completion = 0
    /// The field whose text is out in `$EDITOR`.
    public var editing: FormField?

    /// An empty form for a new escalation.
    public init() {
        mode = .create
        values = FormValues()
        initial = values
    }

    /// The form for `e`, filled with what it says now.
    public init(editing e: Escalation, zone: TimeZone) {
        mode = .edit(e.id)
        var v = FormValues()
        v[.account] = e.account.name
        v[.title] = e.title
        v.category = e.category
        if let d = e.dimensions {
            for dimension in ScoredDimension.allCases { v.scores[dimension] = dimension.score(in: d) }
        }
        v.severity = e.severity
        v.tier = e.tier
        let b = e.brief
        v[.impact] = b.impact
        v[.description] = b.description
        v[.tried] = b.attempts.map { $0.result.isEmpty ? $0.step : "\($0.step) -> \($0.result)" }.joined(separator: "\n")
        v[.reproduction] = (b.reproduction?.steps ?? []).joined(separator: "\n")
        v[.communication] = b.communication.lastUpdate
        v[.ask] = b.ask.text
        v[.deadline] = b.ask.deadline.map { CalendarDay($0, in: zone).description } ?? ""
        v[.affected] = b.impactDimensions.breadth
        v[.revenue] = b.impactDimensions.revenue
        v[.links] = b.links.joined(separator: " ")
        values = v
        initial = v
        focus = .title
    }

    /// The caret as an offset into the focused field's text, clamped to it.
    public var caretOffset: Int {
        let count = values[focus].count
        return min(caret ?? count, count)
    }

    /// True when anything differs from what the form opened with.
    public var isDirty: Bool { values != initial }

    /// The escalation being edited, if any.
    public var editedID: EscalationID? {
        if case .edit(let id) = mode { id } else { nil }
    }
}
