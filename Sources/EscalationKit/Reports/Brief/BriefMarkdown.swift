import Foundation

extension BriefDocument {
    /// The brief in seed 001's Markdown layout, with seed 000's timeline and commercial context added:
    /// ESCALATION headline; Severity, Target team, Reported by, Date; Impact; Issue Description;
    /// Timeline; What's Been Tried; Reproduction Steps; Customer Communication; What's Needed;
    /// Commercial Context; Supporting Context. Every user-supplied field is neutralized and escaped so
    /// it cannot open a heading, list or table; a missing field reads "Not provided." rather than vanishing,
    /// so the reader sees what the brief lacks.
    public var markdown: String {
        let missing = "Not provided."
        func one(_ s: String) -> String { s.trimmed.isEmpty ? missing : MarkdownText.inline(s) }
        var out: [String] = []
        out.append("## ESCALATION: \(MarkdownText.inline(headline))")
        out.append("")
        out.append("**Severity:** \(severity.capitalized) (\(priority))")
        out.append("**Target team:** \(MarkdownText.inline(targetTeam))")
        out.append("**Reported by:** \(one(reportedBy))")
        out.append("**Date:** \(date)")
        out.append("")
        out.append("### Impact")
        if !impact.summary.trimmed.isEmpty {
            out.append(MarkdownText.block(impact.summary))
            out.append("")
        }
        out.append("- **Customers affected:** \(one(impact.customersAffected))")
        out.append("- **Workflow impact:** \(one(impact.workflowImpact))")
        out.append("- **Revenue at risk:** \(one(impact.revenueAtRisk))")
        out.append("- **Time in queue:** \(one(impact.timeInQueue))")
        if !impact.reputation.isEmpty { out.append("- **Reputation:** \(one(impact.reputation))") }
        if !impact.contractual.isEmpty { out.append("- **Contractual:** \(one(impact.contractual))") }
        out.append("")
        out.append("### Issue Description")
        out.append(description.trimmed.isEmpty ? missing : MarkdownText.block(description))
        out.append("")
        out.append("### Timeline")
        out.append(contentsOf: timeline.map { "- \(MarkdownText.inline($0.sentence))" })
        out.append("")
        out.append("### What's Been Tried")
        if attempts.isEmpty { out.append("Nothing recorded yet.") }
        for (n, attempt) in attempts.enumerated() {
            let result = attempt.result.trimmed
            out.append("\(n + 1). \(one(attempt.step)) — \(result.isEmpty ? "result not recorded" : MarkdownText.inline(result))")
        }
        out.append("")
        out.append("### Reproduction Steps")
        if let r = reproduction {
            out.append(contentsOf: r.steps.enumerated().map { "\($0.offset + 1). \(one($0.element))" })
            // A blank line ends the list, so "Expected" is not read as part of the last step.
            if !r.steps.isEmpty { out.append("") }
            out.append("**Expected:** \(one(r.expected))")
            out.append("**Actual:** \(one(r.actual))")
            out.append("**Environment:** \(one(r.environment))")
            if !r.frequency.isEmpty { out.append("**Frequency:** \(one(r.frequency))") }
        } else {
            out.append(category == Category.productDefect.key ? missing : "Not applicable.")
        }
        out.append("")
        out.append("### Customer Communication")
        let last = customerCommunication.lastUpdate.trimmed
        let lastLine: String = switch (lastUpdateLocal, last.isEmpty) {
        case (nil, true): "Not yet told."
        case (let at?, true): at
        case (nil, false): MarkdownText.inline(last)
        case (let at?, false): "\(at) — \(MarkdownText.inline(last))"
        }
        out.append("- **Last update to customer:** \(lastLine)")
        out.append("- **Customer expectation:** \(one(customerCommunication.expectation))")
        out.append("- **Escalation risk:** \(one(customerCommunication.escalationRisk))")
        out.append("")
        out.append("### What's Needed")
        let askText = ask.text.trimmed
        let kind = ask.kind.map { $0.prefix(1).uppercased() + $0.dropFirst() }
        switch (kind, askText.isEmpty) {
        case (nil, true): out.append("- \(missing)")
        case (let k?, true): out.append("- \(k)")
        case (nil, false): out.append("- \(MarkdownText.inline(askText))")
        case (let k?, false) where askText.lowercased().hasPrefix(k.lowercased()):
            out.append("- \(MarkdownText.inline(askText))")
        case (let k?, false): out.append("- \(k): \(MarkdownText.inline(askText))")
        }
        out.append("- **Deadline:** \(deadlineLocal ?? "Not set.")")
        out.append("")
        out.append("### Commercial Context")
        out.append("- **ARR:** \(arrText)")
        if let renewal = commercial.renewalDate, let days = commercial.daysToRenewal {
            let when = days > 0 ? "in \(ReportTime.count(days, "day"))" : days == 0 ? "today" : "\(ReportTime.count(-days, "day")) ago"
            out.append("- **Renewal:** \(renewal) (\(when))")
        } else {
            out.append("- **Renewal:** \(missing)")
        }
        if !commercial.context.trimmed.isEmpty {
            out.append("- \(MarkdownText.inline(commercial.context))")
        }
        out.append("")
        out.append("### Supporting Context")
        if let pattern { out.append("- Pattern: \(MarkdownText.inline(pattern))") }
        out.append(contentsOf: links.map { "- \(one($0))" })
        if links.isEmpty && pattern == nil { out.append("- \(missing)") }
        return out.joined(separator: "\n") + "\n"
    }

    private var arrText: String {
        commercial.arr > 0 ? "\(Money(commercial.arr, commercial.currency).short) (\(commercial.currency) \(commercial.arr))" : "Not provided."
    }
}
