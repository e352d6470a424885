import EscalationKit

/// Completing a person from the roster — for `:ack`, `:assign`, `owner:` and the `a` and `o`
/// prompts — by `OwnerMatch`'s rule, so what completes is what an owner can be set to: "vog"
/// offers lena (Lena Vogel). Without a roster, the single-word names seen on the board.
enum OwnerCompletion {
    /// The logins `typed` may mean, strongest matches first (everyone when nothing is typed).
    static func logins(_ typed: String, in state: BoardState) -> [String] {
        let roster = state.policy.people
        let t = typed.trimmedSpaces
        guard !roster.isEmpty else {
            return CommandCompletion.people(state).filter { SearchText.fold($0).hasPrefix(SearchText.fold(t)) }
        }
        guard !t.isEmpty else { return roster.people.map(\.login) }
        return OwnerMatch.candidates(t, in: roster).map(\.person.login)
    }

    /// How a candidate is listed: "lena Lena Vogel", the login to type and the name it stands for.
    static func shown(_ login: String, in state: BoardState) -> String {
        guard let p = state.policy.people[login: login], p.name != login else { return login }
        return "\(login) \(p.name)"
    }

    /// Tab in an owner prompt: one candidate becomes its login; several extend the text to what
    /// their logins share (when that continues what was typed) and are listed.
    static func complete(_ text: String, in state: BoardState) -> (text: String, candidates: [String]) {
        let found = logins(text, in: state)
        guard let first = found.first else { return (text, []) }
        if found.count == 1 { return (first, []) }
        let common = found.dropFirst().reduce(first) { prefix, login in
            String(zip(prefix, login).prefix { $0.0.lowercased() == $0.1.lowercased() }.map(\.0))
        }
        let typed = SearchText.fold(text.trimmedSpaces)
        let extended = common.count > typed.count && SearchText.fold(common).hasPrefix(typed) ? common : text
        return (extended, found.map { shown($0, in: state) })
    }
}
