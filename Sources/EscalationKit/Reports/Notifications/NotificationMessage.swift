import Foundation

/// What a notification hook receives on standard input, as JSON (never pasted into a shell line).
///
/// Keys: `kind` (a `NotificationKind`), `template` (a `NotificationTemplate`), `escalation_id`,
/// `account`, `severity`, `status` (as the board shows it), `summary` (the headline), `subject`,
/// `body`, `links`, `time` (ISO 8601 UTC, when the text was made), `owner` (`login`, `name`, and
/// from the roster `team`, `email`, `chat` when known; null when unowned), `idempotency_key` (the
/// same on every delivery of one notification: a hook may see it twice), `level` (a reescalated
/// notification's chain level; null otherwise). Text is as stored; a hook that writes to a
/// terminal must neutralize it.
public struct NotificationPayload: Hashable, Codable, Sendable {
    public var kind: NotificationKind
    public var template: NotificationTemplate
    public var escalationID: String
    public var account: String
    public var severity: String
    public var status: String
    public var summary: String
    public var subject: String
    public var body: String
    public var links: [String]
    public var time: String
    public var owner: NotificationOwner?
    /// Set when the notification is queued in the outbox (nil in a text made only to show).
    public var idempotencyKey: String?
    /// For `reescalated`: the chain's level, e.g. "level 2 (lead): Mike Chen".
    public var level: String?
    /// The most urgent running clock as a card shows it ("ack in 2h", "res 3h late"), nil when none runs.
    public var clock: String?

    enum CodingKeys: String, CodingKey {
        case kind, template, account, severity, status, summary, subject, body, links, time, owner
        case escalationID = "escalation_id"
        case idempotencyKey = "idempotency_key"
        case level, clock
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(template, forKey: .template)
        try c.encode(escalationID, forKey: .escalationID)
        try c.encode(account, forKey: .account)
        try c.encode(severity, forKey: .severity)
        try c.encode(status, forKey: .status)
        try c.encode(summary, forKey: .summary)
        try c.encode(subject, forKey: .subject)
        try c.encode(body, forKey: .body)
        try c.encode(links, forKey: .links)
        try c.encode(time, forKey: .time)
        try c.encode(owner, forKey: .owner)
        try c.encode(idempotencyKey, forKey: .idempotencyKey)
        try c.encode(level, forKey: .level)
        try c.encode(clock, forKey: .clock)
    }
}

/// Who owns the escalation, as a hook needs it to reach them: the roster's e-mail and chat handle.
/// An owner outside the roster has its text as both login and name.
public struct NotificationOwner: Hashable, Codable, Sendable {
    public var login: String
    public var name: String
    public var team: String?
    public var email: String?
    public var chat: String?

    public init(login: String, name: String, team: String?, email: String?, chat: String?) {
        self.login = login
        self.name = name
        self.team = team
        self.email = email
        self.chat = chat
    }

    init(_ owner: String, roster: Roster) {
        let p = roster.person(forOwner: owner)
        login = p?.login ?? owner
        name = p?.name ?? owner
        team = p?.team
        email = p?.email
        chat = p?.chat
    }

    enum CodingKeys: String, CodingKey { case login, name, team, email, chat }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(login, forKey: .login)
        try c.encode(name, forKey: .name)
        try c.encode(team, forKey: .team)
        try c.encode(email, forKey: .email)
        try c.encode(chat, forKey: .chat)
    }
}

/// A notification text: a subject line, a plain-text body, and the payload a hook receives.
public struct NotificationMessage: Hashable, Sendable {
    public var subject: String
    public var body: String
    public var payload: NotificationPayload

    /// The `template` text for `e` as it stands at `now`, announcing `kind`.
    /// Subject and body are neutralized (no control characters; the subject is one line).
    public init(_ template: NotificationTemplate, kind: NotificationKind, for e: Escalation, at now: Date, policy: Policy) {
        let status = Clocks(policy: policy).status(of: e, at: now)
        let (subject, body) = NotificationMessage.text(template, opening: NotificationMessage.eventLine(kind, e, status: status), for: e, at: now, policy: policy)
        self.subject = subject
        self.body = body
        payload = NotificationPayload(kind: kind, template: template, escalationID: e.id.description, account: e.account.name,
                                      severity: e.severity.rawValue, status: status.rawValue, summary: Headline.text(for: e, at: now, policy: policy),
                                      subject: subject, body: body, links: e.brief.links, time: ReportTime.iso(now),
                                      owner: e.owner.map { NotificationOwner($0, roster: policy.people) })
        payload.clock = Clocks(policy: policy).mostUrgent(e, at: now).map { DurationText.clock($0, at: now) }
    }

    /// The subject and body of `template` for `e` at `now`: what a hook is sent and what `escalator
    /// draft` prints, one text for both. `opening` is the first line of the internal texts (what
    /// happened), nil for a draft about the escalation as it stands. The customer confirmation never
    /// names the owner, quotes an internal note or the brief, or gives ARR: only the title, the team,
    /// the priority, what the customer is waiting on, when they hear next and the resolution.
    static func text(_ template: NotificationTemplate, opening: String?, for e: Escalation, at now: Date, policy: Policy) -> (subject: String, body: String) {
        let clocks = Clocks(policy: policy)
        let zone = policy.calendar.timeZone
        func safe(_ s: String) -> String { SafeText.neutralized(s.trimmed) }
        func when(_ d: Date) -> String { "\(ReportTime.minute(d, in: zone)) (\(ReportTime.relative(d, from: now)))" }
        let status = clocks.status(of: e, at: now)
        let headline = Headline.text(for: e, at: now, policy: policy)
        let team = safe(policy.teams[e.team]?.name ?? e.team)
        let account = safe(e.account.name)
        let title = safe(e.title)
        let ask = safe(e.brief.ask.text)
        let deadline = e.brief.ask.deadline.map(when) ?? "not set"
        let owner = e.owner.map { safe(policy.people.displayName($0)) } ?? "not yet assigned"
        let opening = opening.map { [$0, ""] } ?? []
        let wait = clocks.currentWait(of: e, at: now)
        let waitLine = wait.map { "On hold: " + WaitText.line($0, at: now, policy: policy) }
        var lines: [String]
        let subject: String
        switch template {
        case .handoff:
            subject = "[\(e.id)] \(e.severity.priority) \(team): \(title) (\(account))"
            lines = opening + [headline, "",
                     "Impact: \(safe(e.brief.impact).isEmpty ? "not stated" : safe(e.brief.impact))",
                     "Ask: \(ask.isEmpty ? "not stated" : ask)", "Deadline: \(deadline)", "Owner: \(owner)"]
            if let ack = clocks.read(.acknowledge, of: e, at: now), ack.stoppedAt == nil {
                lines.append("Acknowledge by: \(when(ack.deadline))")
            }
            if let waitLine { lines.append(waitLine) }
            let tried = e.brief.attempts.map { "- \(safe($0.step)): \(safe($0.result))" }
            if !tried.isEmpty { lines += ["", "Already tried:"] + tried }
        case .managementSummary:
            subject = "[\(e.id)] \(status.label): \(title) (\(account), \(e.severity.rawValue))"
            lines = opening + [headline, "", "Status: \(status.label) · \(e.tier) · owner \(owner) · team \(team)"]
            if let waitLine { lines.append(waitLine) }
            let live = clocks.read(e, at: now).filter { $0.isLive && $0.kind != .stall }.sorted { $0.deadline < $1.deadline }
            lines += live.map { "\($0.kind.label): \($0.state == .breached ? "breached" : "due") \(when($0.deadline))" }
            if e.stallEpisodes > 0 { lines.append("Stalled \(ReportTime.count(e.stallEpisodes, "time")) before.") }
            lines.append("Customer sentiment: \(safe(e.sentiment.rawValue))")
        case .customerConfirmation:
            subject = status.isActive ? "We have escalated your issue: \(title)" : "Resolved: \(title)"
            let nextUpdate = clocks.read(.customerUpdate, of: e, at: now).map { ReportTime.minute($0.deadline, in: zone) }
            if status.isActive {
                lines = ["Hello \(account) team,", "",
                         "We have escalated \"\(title)\" to our \(team) team as priority \(e.severity.priority).",
                         wait?.party == .customer ? "We are waiting for information from you before we can continue; please reply to this message." : nil,
                         nextUpdate.map { "You will hear from us again by \($0) (\(zone.identifier))." } ?? "We will keep you updated.",
                         "", "Reference: \(e.id)"].compactMap { $0 }
            } else {
                let resolution = safe(e.resolution ?? "")
                lines = ["Hello \(account) team,", "",
                         "Our \(team) team has resolved \"\(title)\"." + (resolution.isEmpty ? "" : " \(resolution)"),
                         "Please let us know whether this solves the problem for you.", "", "Reference: \(e.id)"]
            }
        case .executiveBriefing:
            subject = "[\(e.id)] Executive briefing: \(account) — \(e.account.arr.short) ARR at stake"
            lines = [headline, "", "Situation: \(safe(e.brief.impact).isEmpty ? title : safe(e.brief.impact))",
                     "Commercial: \(e.account.arr.short) ARR" + (Headline.renewalPhrase(e.account.renewal, at: now, in: zone).map { ", \($0)" } ?? "")
                        + (safe(e.brief.commercialContext).isEmpty ? "" : "; \(safe(e.brief.commercialContext))"),
                     "Customer sentiment: \(safe(e.sentiment.rawValue))",
                     "Status: \(status.label), owner \(owner), \(team)" + (waitLine.map { "; \($0.prefix(1).lowercased() + $0.dropFirst())" } ?? ""),
                     "Decision needed: \(ask.isEmpty ? "none stated" : ask) by \(deadline)"]
        }
        return (subject, lines.map(safeBlockLine).joined(separator: "\n") + "\n")
    }

    /// Names the chain's level in the payload and at the head of the body.
    public mutating func name(level: String) {
        payload.level = level
        body = "Re-escalated to \(SafeText.neutralized(level)).\n" + body
        payload.body = body
    }

    /// A body line with any control character left in it neutralized (every field is already made safe).
    private static func safeBlockLine(_ line: String) -> String { SafeText.neutralized(line) }

    /// The payload as compact JSON with sorted keys: what is written to a hook's standard input.
    public var payloadJSON: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(payload)) ?? Data("{}".utf8)
    }

    /// The first line of the body: what happened.
    static func eventLine(_ kind: NotificationKind, _ e: Escalation, status: Status) -> String {
        switch kind {
        case .routed: "New escalation \(e.id), routed to you."
        case .acknowledged: "\(e.id) was acknowledged."
        case .stalled: "\(e.id) is stalled: no progress within the stall threshold. Re-escalation flag raised."
        case .breachWarning: "\(e.id) is close to (or past) an SLA deadline."
        case .resolved: "\(e.id) was resolved."
        case .closed: "\(e.id) was closed."
        case .reopened: "\(e.id) reopens \(e.reopenedFrom?.description ?? "an earlier escalation")."
        case .severityChanged: "\(e.id) is now \(e.severity.rawValue)."
        case .tierChanged: "\(e.id) is now \(e.tier)."
        case .reescalated: "\(e.id) is not acknowledged yet: re-escalated."
        }
    }
}
