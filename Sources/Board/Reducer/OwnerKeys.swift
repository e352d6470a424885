import EscalationKit

extension BoardState {
    /// `command` with its owner found in the roster (`OwnerMatch`): a person's login, or the name as
    /// typed when it matches no one. Nil, with the candidates in the status line, when the name could
    /// be several people: nothing is sent.
    mutating func withRosterOwner(_ command: Command) -> Command? {
        func resolved(_ typed: String) -> String? {
            switch OwnerMatch.resolve(typed, in: policy.people) {
            case .person(let p): return p.login
            case .unknown(let kept): return kept
            case .ambiguous(let people):
                message = Message(OwnerMatch.ambiguity(typed, people), isError: true)
                return nil
            }
        }
        switch command {
        case .acknowledge(let owner): return resolved(owner).map { .acknowledge(owner: $0) }
        case .assign(let owner): return resolved(owner).map { .assign(owner: $0) }
        default: return command
        }
    }

    /// After a commit of ours: the warning for an owner outside the roster, kept as typed.
    func rosterWarning(_ change: Change) -> String? {
        let roster = policy.people
        guard !roster.isEmpty else { return nil }
        switch change {
        case .acknowledged(let owner), .assigned(let owner):
            return roster.person(forOwner: owner) == nil ? OwnerMatch.unknownWarning(owner) : nil
        default: return nil
        }
    }

    /// Tab in the `a` and `o` prompts: the roster person the text names, or the candidates listed.
    mutating func completeOwner(_ prompt: inout Prompt) {
        let (text, candidates) = OwnerCompletion.complete(prompt.text, in: self)
        prompt.text = text
        message = candidates.isEmpty ? nil : Message(candidates.joined(separator: " · "), isError: false)
    }
}
