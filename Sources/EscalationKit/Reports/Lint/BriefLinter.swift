import Foundation

/// Checks a brief against seed 002's common mistakes and seed 001's best practices.
///
/// Rules (ids in `LintRule`), in the order findings are returned within a severity:
/// - `no-ask` (error): the ask's text is empty.
/// - `complaint-not-ask` (warning): there is ask text but no kind, and the text names none of
///   investigate / fix / decide / approve (or their forms): a problem described, not an ask.
/// - `no-deadline` (warning): the ask has no deadline. `deadline-passed` (warning): it has passed while open.
/// - `impact-not-quantified` (warning): no digit in the impact summary, breadth or revenue notes.
/// - `no-reproduction` (error): a `product_defect` whose reproduction is missing or has no steps.
/// - `no-context` (warning): no description.
/// - `customer-not-told` (warning): no customer update recorded (no last update text and no update event).
/// - `too-broad` (warning): the target team is a list ("Engineering + Product"), or the ask names two or
///   more roster teams by name (longest names first, so "Support leadership" is not also "Support").
/// - `no-pattern-link` (warning): no pattern, while the breadth says 3 or more customers or accounts,
///   or `multipleCustomers` is set, or two or more other escalations at other accounts have the same title
///   (case and punctuation ignored) — the fix names their pattern if they share one.
/// - `escalated-late` (warning): the duration note, read as its largest "N hours/days/weeks/months",
///   exceeds 1 day (critical), 3 days (high) or 7 days (medium) (seed 002: the threshold depends on severity).
/// - `no-links` (info): no supporting links.
public enum BriefLinter {
    /// The findings for `e`, errors first; `others` are the escalations to look for the same issue in.
    public static func lint(_ e: Escalation, among others: [Escalation] = [], at now: Date, policy: Policy) -> [LintFinding] {
        var found: [LintFinding] = []
        func add(_ rule: LintRule, _ severity: LintSeverity, _ message: String, _ fix: String) {
            found.append(LintFinding(id: rule.rawValue, severity: severity, message: message, fix: fix))
        }
        let b = e.brief
        let team = policy.teams[e.team]?.name ?? e.team
        let askText = b.ask.text.trimmed

        if askText.isEmpty {
            add(.noAsk, .error, "There is no specific ask: the receiving team cannot tell what you need.",
                "Say what you need: \"I need \(team) to investigate [X] and provide a fix or timeline by [date]\".")
        } else if b.ask.kind == nil && !namesAnAction(askText) {
            add(.complaintNotAsk, .warning, "The ask describes the problem but not the action needed.",
                "Say whether you need them to investigate, fix, decide or approve.")
        }
        if let deadline = b.ask.deadline {
            if e.isOpen && deadline < now {
                add(.deadlinePassed, .warning, "The deadline (\(ReportTime.minute(deadline, in: policy.calendar.timeZone))) has passed.",
                    "Agree a new deadline with the receiving team and tell the customer.")
            }
        } else {
            add(.noDeadline, .warning, "There is no deadline: urgency without a deadline is ambiguous.",
                "Set the date by which you need a resolution or an update.")
        }
        let quantified = [b.impact, b.impactDimensions.breadth, b.impactDimensions.revenue]
            .contains { $0.contains { $0.isASCII && $0.isNumber } }
        if !quantified {
            add(.impactNotQuantified, .warning, "The impact is not quantified: vague escalations get deprioritized.",
                "Add numbers: customers or users affected, hours lost, ARR at risk.")
        }
        if e.category == .productDefect, (b.reproduction?.steps ?? []).isEmpty {
            add(.noReproduction, .error, "A product defect without reproduction steps.",
                "Add steps from a clean state with exact values, expected and actual results, and the environment.")
        }
        if b.description.trimmed.isEmpty {
            add(.noContext, .warning, "There is no issue description: \"customer is unhappy, please help\" is not a brief.",
                "Describe what is broken or needed in 3–5 sentences.")
        }
        if b.communication.lastUpdate.trimmed.isEmpty && e.lastCustomerUpdateAt == nil {
            add(.customerNotTold, .warning, "The customer has not been told about the escalation.",
                "Tell them: \"I have escalated this to \(team) and expect an update by [date]\", then log it.")
        }
        let teams = teamsNamed(in: askText, policy: policy).union([e.team])
        if isList(e.team) || teams.count >= 2 {
            add(.tooBroad, .warning, "Routed to several teams at once (\(teams.map { policy.teams[$0]?.name ?? $0 }.sorted().joined(separator: ", "))).",
                "Route to one team with a specific ask; inform the others later if needed.")
        }
        if e.pattern == nil, let why = patternEvidence(e, among: others) {
            let shared = sameIssue(e, among: others).compactMap(\.pattern).first
            add(.noPatternLink, .warning, "Seen at several customers (\(why)) but not linked to a pattern.",
                shared.map { "Link it to the existing pattern \($0)." } ?? "Link the escalations with a shared pattern key.")
        }
        if let hours = longestDuration(in: b.impactDimensions.duration), hours > lateThreshold(e.severity) {
            add(.escalatedLate, .warning, "Escalated after \(ReportTime.count(Int(hours / 24), "day")): by then the customer is frustrated and the issue entrenched.",
                "Set an \"if I cannot resolve it in \(ReportTime.count(Int(lateThreshold(e.severity) / 24), "day")), I escalate\" rule for \(e.severity.rawValue) issues.")
        }
        if b.links.isEmpty {
            add(.noLinks, .info, "No supporting context: related tickets, threads or logs.", "Add links to tickets, threads and logs.")
        }
        return found.enumerated().sorted { ($0.element.severity, $0.offset) < ($1.element.severity, $1.offset) }.map(\.element)
    }

    /// True when the text uses one of the ask verbs: investigate, fix, decide, approve.
    static func namesAnAction(_ text: String) -> Bool {
        let stems = ["investigat", "fix", "decide", "decision", "approv", "prioriti", "patch", "root cause"]
        let lower = text.lowercased()
        return stems.contains { lower.contains($0) }
    }

    /// A team field that is itself a list of teams.
    static func isList(_ team: String) -> Bool {
        let lower = " \(team.lowercased()) "
        return [",", "+", "&", "/", ";", " and "].contains { lower.contains($0) }
    }

    /// Roster team keys whose names appear in `text` as whole words, longest names first.
    static func teamsNamed(in text: String, policy: Policy) -> Set<String> {
        var rest = " " + words(text).joined(separator: " ") + " "
        var keys: Set<String> = []
        let roster = policy.teams.map { (key: $0.key, name: " " + words($0.value.name).joined(separator: " ") + " ") }
            .filter { $0.name.count > 2 }
            .sorted { ($0.name.count, $0.key) > ($1.name.count, $1.key) }
        for team in roster where rest.contains(team.name) {
            keys.insert(team.key)
            rest = rest.replacingOccurrences(of: team.name, with: " ")
        }
        return keys
    }

    /// Lower-case words of letters and digits.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }

    /// Why `e` looks like the same issue at 3+ customers, or nil.
    static func patternEvidence(_ e: Escalation, among others: [Escalation]) -> String? {
        let breadth = words(e.brief.impactDimensions.breadth)
        for (i, word) in breadth.enumerated() where i + 1 < breadth.count {
            if let n = Int(word), n >= 3, ["customers", "accounts", "clients", "tenants"].contains(breadth[i + 1]) {
                return "breadth: \(n) \(breadth[i + 1])"
            }
        }
        let same = sameIssue(e, among: others)
        let accounts = Set(same.map { $0.account.name.lowercased() })
        if accounts.count >= 2 { return "\(accounts.count + 1) accounts with the same title" }
        if e.brief.impactDimensions.multipleCustomers { return "marked as affecting several customers" }
        return nil
    }

    /// Other escalations at other accounts with the same title, case and punctuation ignored.
    static func sameIssue(_ e: Escalation, among others: [Escalation]) -> [Escalation] {
        let title = words(e.title)
        return others.filter { $0.id != e.id && words($0.title) == title
            && $0.account.name.lowercased() != e.account.name.lowercased() }
    }

    /// The largest "N hours/days/weeks/months" in a duration note, in hours.
    static func longestDuration(in text: String) -> Double? {
        let w = words(text)
        var longest: Double?
        for (i, word) in w.enumerated() where i + 1 < w.count {
            guard let n = Double(word) else { continue }
            let unit = w[i + 1]
            let hours: Double? = switch unit {
            case "h", "hr", "hrs", "hour", "hours": n
            case "d", "day", "days": n * 24
            case "w", "wk", "wks", "week", "weeks": n * 24 * 7
            case "month", "months": n * 24 * 30
            default: nil
            }
            if let hours { longest = max(longest ?? 0, hours) }
        }
        return longest
    }

    /// How long an issue of this severity may go on before escalating is late, in hours.
    static func lateThreshold(_ severity: Severity) -> Double {
        switch severity {
        case .critical: 24
        case .high: 3 * 24
        case .medium: 7 * 24
        }
    }
}
