extension AssessmentInput {
    /// Seed 002's assessment layout: "## Escalation Assessment: [Account]", Situation, the Scoring
    /// table with rationale and bold Total, Decision, and If Escalating (Route to, Specific ask, By when,
    /// Customer communication). Table cells escape `|`; every field is one line except the situation.
    public var markdown: String {
        func one(_ s: String) -> String { s.trimmed.isEmpty ? "Not provided." : MarkdownText.inline(s) }
        func row(_ name: String, _ s: Score) -> String { "| \(name) | \(s.score) | \(MarkdownText.cell(s.rationale)) |" }
        var out = [
            "## Escalation Assessment: \(MarkdownText.inline(account))",
            "",
            "### Situation",
            situation.trimmed.isEmpty ? "Not provided." : MarkdownText.block(situation),
            "",
            "### Scoring",
            "| Dimension | Score | Rationale |",
            "|-----------|-------|-----------|",
            row("Customer impact", customerImpact),
            row("Account value", accountValue),
            row("Time sensitivity", timeSensitivity),
            row("CSM capability", csmCapability),
            "| **Total** | **\(total)** | |",
            "",
            "### Decision",
            one(decision),
            "",
            "### If Escalating",
        ]
        if escalating {
            out += [
                "- Route to: \(one(routeTo))",
                "- Specific ask: \(one(specificAsk))",
                "- By when: \(one(byWhen))",
                "- Customer communication: \(one(customerCommunication))",
            ]
        } else {
            out.append("Not escalating: handle it with existing resources and authority.")
        }
        return out.joined(separator: "\n") + "\n"
    }
}
