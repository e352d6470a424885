/// The one rule for finding people by what someone typed — `list --owner`, `:filter owner:`, the
/// find line, `ack --owner`, `assign --owner` and the board's prompts all use it. Case and accents
/// are ignored; a query matches the login or any part of the name: whole words ("lena", "vogel",
/// "Lena Vogel") exactly, or the beginnings of words and of the login ("len", "le vo") as prefixes.
public enum OwnerMatch {
    public enum Strength: Int, Comparable, Sendable {
        case exact, prefix
        public static func < (a: Strength, b: Strength) -> Bool { a.rawValue < b.rawValue }
    }

    /// How `query` matches someone with this login (nil for an owner outside the roster) and name.
    public static func strength(_ query: String, login: String?, name: String) -> Strength? {
        let q = SearchText.words(query)
        guard !q.isEmpty else { return nil }
        let folded = SearchText.fold(query.trimmedSpaces)
        let login = login.map(SearchText.fold)
        let words = SearchText.words(name)
        if folded == login || run(q, in: words, where: ==) { return .exact }
        if let login, q.count == 1, login.hasPrefix(folded) { return .prefix }
        return run(q, in: words) { $1.hasPrefix($0) } ? .prefix : nil
    }

    /// True when an escalation's owner (as stored) matches `query`: by the roster person it
    /// names, or by the text itself.
    public static func matches(_ query: String, owner: String, roster: Roster) -> Bool {
        if let p = roster.person(forOwner: owner), strength(query, login: p.login, name: p.name) != nil { return true }
        return strength(query, login: nil, name: owner) != nil
    }

    /// Who `typed` names when setting an owner: one person, several (refused: say which), or
    /// no one in the roster (kept as typed, with a warning when there is a roster).
    public enum Resolution: Hashable, Sendable {
        case person(Person)
        case ambiguous([Person])
        case unknown(String)
    }

    /// The strongest matches win: "Ana" is Ana Lima, not also Anabel, when both are in the roster.
    public static func resolve(_ typed: String, in roster: Roster) -> Resolution {
        let text = typed.trimmedSpaces
        let found = candidates(text, in: roster)
        guard let best = found.first?.strength else { return .unknown(text) }
        let top = found.filter { $0.strength == best }.map(\.person)
        return top.count == 1 ? .person(top[0]) : .ambiguous(top)
    }

    /// The roster people `typed` matches, strongest first, then by login: what completion offers.
    public static func candidates(_ typed: String, in roster: Roster) -> [(person: Person, strength: Strength)] {
        roster.people.compactMap { p in strength(typed, login: p.login, name: p.name).map { (p, $0) } }
            .sorted { ($0.strength, $0.person.login) < ($1.strength, $1.person.login) }
    }

    /// The sentence that refuses an ambiguous name, listing the candidates.
    public static func ambiguity(_ typed: String, _ people: [Person]) -> String {
        let shown = people.prefix(6).map(\.label).joined(separator: ", ") + (people.count > 6 ? ", …" : "")
        return "\"\(SafeText.neutralized(typed))\" could be \(people.count) people: \(shown). Type more of the name, or the login."
    }

    /// The warning for an owner outside the roster.
    public static func unknownWarning(_ typed: String) -> String {
        "\"\(SafeText.neutralized(typed))\" is not in the roster; kept as typed (the roster is [people.<login>] in the configuration)."
    }

    /// Whether `query`'s words appear in `words` one after another, compared by `same(query word, word)`.
    private static func run(_ query: [Substring], in words: [Substring], where same: (Substring, Substring) -> Bool) -> Bool {
        guard query.count <= words.count else { return false }
        for start in 0...(words.count - query.count) where zip(query, words[start...]).allSatisfy(same) { return true }
        return false
    }
}
