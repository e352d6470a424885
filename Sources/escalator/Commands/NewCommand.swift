import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// Creates an escalation and routes it to its category's team, with its clocks running.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Create an escalation and route it; prints its id.",
        discussion: """
        The category decides the team and the clocks. Give the four scores (1–5) to get the decision band and a \
        suggested severity; --severity then overrides it, with --reason. Without --value the account value is \
        suggested from ARR and the strategic flag. A known account (see `escalator accounts`) brings its ARR, \
        segment, renewal and health; the options override them. --from reads a JSON file with the same fields \
        (see the README); options given on the command line win.
        """
    )

    @Option(help: "The customer account.") var account: String?
    @Option(help: "One line: what is happening.") var title: String?
    @Option(help: "product_defect, feature_gap, service_failure, commercial_dispute, relationship_at_risk, executive_intervention, cross_functional or security.")
    var category: Category?
    @Option(help: "critical, high or medium (default: the score's suggestion).") var severity: Severity?
    @Option(help: "Why the severity differs from the suggestion.") var reason: String?
    @Option(help: "1–4 (default: 3 for critical, else 1).") var tier: Int?
    @Option(parsing: .unconditional, help: "Annual recurring revenue, whole units (85000 or 85k).") var arr: String?
    @Option(help: "ISO currency code of the ARR.") var currency: String?
    @Option(help: "enterprise, mid_market, smb or strategic.") var segment: Segment?
    @Option(help: "Renewal date, YYYY-MM-DD.") var renewal: String?
    @Option(parsing: .unconditional, help: "Account health, 0–100.") var health: Int?
    @Flag(help: "A strategic account (logo, reference, board-level).") var strategic = false
    @Option(parsing: .unconditional, help: "Customer impact score, 1–5.") var impact: Int?
    @Option(parsing: .unconditional, help: "Account value score, 1–5 (default: suggested from ARR).") var value: Int?
    @Option(parsing: .unconditional, help: "Time sensitivity score, 1–5.") var urgency: Int?
    @Option(parsing: .unconditional, help: "CSM capability score, 1–5 (5 = beyond the CSM).") var capability: Int?
    @Option(name: .customLong("impact-note"), help: "Customer impact in 2–3 quantified sentences.") var impactNote: String?
    @Option(help: "What is broken or needed.") var description: String?
    @Option(help: "The specific ask: what the receiving team must do.") var ask: String?
    @Option(name: .customLong("ask-kind"), help: "investigate, fix, decide or approve.") var askKind: Ask.Kind?
    @Option(help: "When the ask needs an answer: YYYY-MM-DD or an ISO 8601 time.") var deadline: String?
    @Option(help: "Customer sentiment, e.g. frustrated_but_patient.") var sentiment: String?
    @Option(help: "Pattern key linking the same issue at several customers.") var pattern: String?
    @Option(help: "A JSON file with the escalation's fields.") var from: String?
    @Flag(help: "Print the new escalation as JSON.") var json = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try reporting {
            let session = try Session.open(storeOptions)
            var draft = try makeDraft(session)
            draft.team = session.policy.rule(for: draft.category).team
            let event = try session.commit(.create(draft), on: nil)
            guard let e = session.store.ledger[event.escalation] else { return }
            if json {
                try JSONOutput.print(EscalationDetail(e, at: session.now, policy: session.policy))
            } else {
                print(e.id)
            }
            for finding in BriefLinter.lint(e, among: Array(session.store.ledger.escalations.values), at: session.now, policy: session.policy) {
                FileHandle.standardError.write(Data("hint: \(finding.message) \(finding.fix)\n".utf8))
            }
        }
    }

    private func makeDraft(_ session: Session) throws -> Draft {
        var file = try from.map { try DraftFile.read($0) } ?? DraftFile()
        if let account { file.account = account }
        if let title { file.title = title }
        if let category { file.category = category }
        guard let name = file.account, !name.trimmedSpaces.isEmpty else { throw Failure.badInput("An account is required: --account NAME.") }
        guard let title = file.title, !title.trimmedSpaces.isEmpty else { throw Failure.badInput("A title is required: --title TEXT.") }
        if let problem = Intake.titleProblem(title) { throw Failure.badInput(problem) }
        guard let category = file.category else { throw Failure.badInput("A category is required: --category KEY (see `escalator new --help`).") }

        var acct = try session.store.account(named: name) ?? Account(name: name, arr: Money(0, "EUR"))
        if let text = arr ?? file.arr.map(String.init) { acct.arr.amount = try parseARR(text) }
        if let c = currency ?? file.currency {
            guard c.count == 3, c.allSatisfy({ $0.isASCII && $0.isLetter }) else { throw Failure.badInput("A currency is a three-letter ISO code such as EUR, not \"\(safe(c))\".") }
            acct.arr.currency = c.uppercased()
        }
        if let s = segment ?? file.segment { acct.segment = s }
        if let r = renewal ?? file.renewal {
            acct.renewal = try accepted(ISOTime.day(r, named: "--renewal"))
        }
        if let h = health ?? file.health {
            guard (0...100).contains(h) else { throw Failure.badInput("--health is 0 to 100, not \(h).") }
            acct.healthScore = h
        }
        if strategic || file.strategic == true { acct.strategic = true }

        let scores = [impact ?? file.scores?.impact, value ?? file.scores?.value, urgency ?? file.scores?.urgency, capability ?? file.scores?.capability]
        var dimensions: Dimensions?
        if scores.contains(where: { $0 != nil }) {
            for (name, score) in zip(["impact", "value", "urgency", "capability"], scores) {
                if let score, !Dimensions.range.contains(score) { throw Failure.badInput("--\(name) is a score from 1 to 5, not \(score).") }
            }
            let valueScore = scores[1] ?? AccountValue.suggest(for: acct, bands: session.policy.scoring).score
            guard let i = scores[0], let u = scores[2], let c = scores[3] else {
                throw Failure.badInput("Give all four scores (--impact, --urgency, --capability; --value is suggested from ARR when left out), or none.")
            }
            dimensions = Dimensions(impact: i, value: valueScore, urgency: u, capability: c)
        }
        let suggested = dimensions.map { DecisionFramework.assess($0, policy: session.policy, category: category).suggestedSeverity }
        guard let chosen = severity ?? file.severity ?? suggested else {
            throw Failure.badInput("Give --severity, or the four scores so a severity can be suggested.")
        }
        let overrideReason: String?
        do {
            overrideReason = try Intake.overrideReason(reason ?? file.reason, severity: chosen, suggested: suggested)
        } catch {
            throw Failure.badInput(error.description.replacingOccurrences(of: "say why,", with: "say why with --reason,"))
        }
        let tierValue = tier ?? file.tier ?? Intake.defaultTier(for: chosen).rawValue
        guard let tier = Tier(rawValue: tierValue) else { throw Failure.badInput("A tier is 1, 2, 3 or 4, not \(tierValue).") }

        var brief = file.brief ?? Brief()
        if let impactNote { brief.impact = impactNote }
        if let description { brief.description = description }
        if let ask { brief.ask.text = ask }
        if let askKind { brief.ask.kind = askKind }
        if let deadline {
            brief.ask.deadline = try accepted(DeadlineText.read(deadline, named: "--deadline", calendar: session.policy.calendar))
        }
        let mood = Sentiment(rawValue: sentiment ?? file.sentiment ?? Sentiment.neutral.rawValue)
        return Draft(title: title, account: acct, category: category, severity: chosen, suggestedSeverity: suggested,
                     severityOverrideReason: overrideReason, tier: tier,
                     team: session.policy.rule(for: category).team, dimensions: dimensions, brief: brief, sentiment: mood,
                     pattern: pattern ?? file.pattern)
    }
}

/// Parses an ARR amount: digits, optionally with thousands separators or a k/M suffix; refuses
/// negative, non-numeric, NaN and absurd values.
func parseARR(_ text: String) throws -> Int {
    let t = text.trimmedSpaces.replacingOccurrences(of: "_", with: "").replacingOccurrences(of: ",", with: "")
    var multiplier = 1.0
    var digits = Substring(t)
    if let last = t.last, "kKmM".contains(last) {
        multiplier = "kK".contains(last) ? 1_000 : 1_000_000
        digits = t.dropLast()
    }
    guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let number = Double(digits), number.isFinite else {
        throw Failure.badInput("ARR must be a whole amount such as 85000 or 85k, not \"\(safe(text))\".")
    }
    let amount = number * multiplier
    guard amount >= 0, amount <= Double(Money.maximumAmount) else {
        throw Failure.badInput("ARR must be between 0 and \(Money.maximumAmount), not \(safe(text)).")
    }
    return Int(amount.rounded())
}
