import EscalationKit

extension BoardState {
    /// A key that changes an escalation: checked against the lifecycle first, so a move it forbids
    /// says why at once instead of after the user typed a reason; then a prompt or a commit.
    mutating func lifecycleIntent(_ intent: Intent) -> [Effect] {
        guard let e = target else {
            message = Message("No escalation selected.", isError: true)
            return []
        }
        let shown = Clocks(policy: policy).status(of: e, at: now)
        switch intent {
        case .advance:
            switch shown {
            case .routed: return ask(.acknowledgeOwner, about: e, probe: .acknowledge(owner: "?"))
            case .acknowledged: return refusal(of: .advance(resolution: nil), on: e) ?? [.commit([.advance(resolution: nil)], e.id)]
            case .inProgress, .stalled: return ask(.resolution, about: e, probe: .advance(resolution: "?"))
            case .resolved, .closed: return refusal(of: .advance(resolution: "?"), on: e) ?? []
            }
        case .moveBack: return ask(.backReason, about: e, probe: .back(reason: "?"))
        case .acknowledge: return ask(.acknowledgeOwner, about: e, probe: .acknowledge(owner: "?"))
        case .note: return ask(.note, about: e, probe: .note("?"))
        case .customerUpdate: return ask(.customerUpdate, about: e, probe: .customerUpdate("?"))
        case .assign: return ask(.assignOwner, about: e, probe: .assign(owner: "?"))
        case .severity:
            let other: Severity = e.severity == .medium ? .high : .medium
            return ask(.severityValue, about: e, probe: .severity(other, reason: "?"))
        case .tier:
            let other: Tier = e.tier == .standard ? .complexTechnical : .standard
            return ask(.tierValue, about: e, probe: .tier(other, reason: "?"))
        case .close: return ask(.confirmClose, about: e, probe: .close)
        case .wait:
            if Clocks(policy: policy).currentWait(of: e, at: now) != nil { return ask(.resumeReason, about: e, probe: .resume(reason: "?")) }
            return ask(.waitParty, about: e, probe: .wait(on: .customer, reason: "?", until: nil))
        default: return []
        }
    }

    /// Opens a prompt unless the lifecycle already refuses `probe`; an answer refused before is offered again.
    private mutating func ask(_ purpose: Prompt.Purpose, about e: Escalation, probe: Command) -> [Effect] {
        if let refused = refusal(of: probe, on: e) { return refused }
        var prompt = Prompt(purpose, target: e.id, seenRevision: e.revision)
        if let unsent, unsent.purpose == purpose, unsent.target == e.id { prompt.text = unsent.text }
        self.prompt = prompt
        return []
    }

    /// Shows why the lifecycle refuses `command` and returns no effects, or returns nil when it is allowed.
    private mutating func refusal(of command: Command, on e: Escalation) -> [Effect]? {
        do {
            _ = try Lifecycle(policy: policy).decide(command, on: e.id, in: ledger, at: now, actor: "board")
            return nil
        } catch {
            guard error.kind == .illegalTransition || error.kind == .conflict else { return nil }
            // A card that someone else changed a moment ago (still marked): say who did what when.
            message = Message(explained(error.description, on: e.id, changedAfter: changedAt[e.id] != nil ? 0 : nil), isError: true)
            return []
        }
    }

    /// `refusal` with who last changed the escalation, when, and what they did, if that was
    /// someone else after `revision` (0: any recent change) and the refusal does not say it already.
    func explained(_ refusal: String, on id: EscalationID, changedAfter revision: Int?) -> String {
        guard let revision, let e = ledger[id], e.revision > revision, let last = e.history.last,
              last.actor != actor, !refusal.hasPrefix("\(id) was ") else { return refusal }
        let ago = now.timeIntervalSince(last.time) < 1 ? "just now" : DurationText.short(now.timeIntervalSince(last.time)) + " ago"
        return "\(id) was changed by \(last.actor) \(ago) (\(ChangeText.summary(last.change))). \(refusal)"
    }
}
