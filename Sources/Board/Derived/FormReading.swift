import Foundation
import EscalationKit

/// What the form's values mean right now: the account they name, the live score, the severity and
/// tier in force, which fields show, and what is wrong. Recomputed on every key, so the score, band
/// and suggested severity follow the values as they are typed.
struct FormReading {
    let form: EscalationForm
    /// The known account whose name matches exactly (case and spaces ignored).
    let account: Account?
    /// Known accounts that start with what is typed, then those that contain it, for completion.
    let completions: [Account]
    /// The decision framework's value suggestion for a known account.
    let valueSuggestion: AccountValue.Suggestion?
    /// The four scores, with the value score suggested when it was not typed; nil until all are known.
    let dimensions: Dimensions?
    let scorecard: Scorecard?
    /// The severity in force: chosen, else suggested.
    let severity: Severity?
    let tier: Tier
    /// The escalation being edited.
    let edited: Escalation?

    init(_ form: EscalationForm, accounts: [Account], policy: Policy, ledger: Ledger) {
        self.form = form
        let typed = Self.key(form.values[.account])
        account = typed.isEmpty ? nil : accounts.first { Self.key($0.name) == typed }
        if typed.isEmpty || account != nil {
            completions = []
        } else {
            // Accents and case folded ("zur" finds "Zürich Re Digital"); names that start with what
            // is typed come first, each group in alphabetical order.
            let placed = accounts.compactMap { a in SearchText.match(typed, in: a.name).map { (a, $0, SearchText.fold(a.name)) } }
            completions = placed.sorted { ($0.1, $0.2) < ($1.1, $1.2) }.map(\.0)
        }
        edited = form.editedID.flatMap { ledger[$0] }
        let known = account ?? edited.flatMap { Self.key($0.account.name) == typed ? $0.account : nil }
        valueSuggestion = known.map { AccountValue.suggest(for: $0, bands: policy.scoring) }
        let v = form.values
        let value = v.scores[.value] ?? valueSuggestion?.score
        if let i = v.scores[.impact], let value, let u = v.scores[.urgency], let c = v.scores[.capability] {
            dimensions = Dimensions(impact: i, value: value, urgency: u, capability: c)
        } else {
            dimensions = nil
        }
        scorecard = dimensions.map { d in
            v.category.map { DecisionFramework.assess(d, policy: policy, category: $0) } ?? DecisionFramework.assess(d, bands: policy.scoring)
        }
        severity = v.severity ?? scorecard?.suggestedSeverity
        tier = v.tier ?? Intake.defaultTier(for: severity)
    }

    static func key(_ name: String) -> String { name.trimmed.lowercased() }

    /// The score a dimension has now (the value score may be the suggestion).
    func score(_ dimension: ScoredDimension) -> Int? {
        form.values.scores[dimension] ?? (dimension == .value ? valueSuggestion?.score : nil)
    }

    /// The sum of the scores given so far, and how many there are.
    var partialTotal: (sum: Int, count: Int) {
        let known = ScoredDimension.allCases.compactMap(score)
        return (known.reduce(0, +), known.count)
    }

    var suggestedSeverity: Severity? { scorecard?.suggestedSeverity }

    /// True when a reason must be given: a severity other than the suggestion (new), or a severity,
    /// tier or category change (edit).
    var needsReason: Bool {
        if let e = edited {
            return severity != e.severity || tier != e.tier || (form.values.category.map { $0 != e.category } ?? false)
        }
        return Intake.overrides(severity, suggested: suggestedSeverity)
    }

    /// Whether the field is on the form now: the reason only when needed, reproduction steps for defects.
    func shows(_ field: FormField) -> Bool {
        switch field {
        case .reason: needsReason
        case .reproduction: form.values.category == .productDefect || !form.values[.reproduction].isEmpty
        default: true
        }
    }

    var visibleFields: [FormField] { FormField.allCases.filter(shows) }

    /// What is wrong with each field, in a few words for beside it.
    var problems: [FormField: String] {
        var out: [FormField: String] = [:]
        let v = form.values
        for field in visibleFields where field.kind == .line || field.kind == .longText {
            if v[field].unicodeScalars.contains(where: { SafeText.isControl($0) && $0 != "\n" && $0 != "\t" }) {
                out[field] = "no control characters"
            }
        }
        if v[.account].trimmedSpaces.isEmpty { out[.account] = "required" }
        if v[.title].trimmedSpaces.isEmpty { out[.title] = "required" }
        if Intake.titleProblem(v[.title]) != nil { out[.title] = "one line: no line breaks or tabs" }
        if v.category == nil { out[.category] = "choose one (← →)" }
        // All four scores or none: without them the severity is chosen by hand (as on the command line).
        if !v.scores.isEmpty || v.severity == nil {
            for dimension in ScoredDimension.allCases where score(dimension) == nil {
                out[dimension.field] = "score 1–5"
            }
        }
        if severity == nil { out[.severity] = "choose one, or give all four scores" }
        if needsReason, v[.reason].trimmedSpaces.isEmpty {
            out[.reason] = edited == nil ? "required: why override" : "required: why change"
        }
        let deadline = v[.deadline].trimmedSpaces
        if !deadline.isEmpty {
            if let day = CalendarDay(deadline) {
                if !TimeBounds.contains(day) { out[.deadline] = "a date from \(TimeBounds.phrase)" }
            } else {
                out[.deadline] = "a date: YYYY-MM-DD"
            }
        }
        return out
    }

    /// The problems the user should see now: of fields already left, or all after a save attempt.
    var shownProblems: [FormField: String] {
        problems.filter { form.showAllProblems || form.visited.contains($0.key) }
    }
}
