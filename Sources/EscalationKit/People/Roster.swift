/// The people of the configuration, each once, looked up by login or team. Owners are stored as
/// logins; an owner that is no one's login (typed before the roster existed, or a person outside
/// it) is kept as written and still found by its name.
public struct Roster: Hashable, Sendable {
    /// Sorted by login.
    public private(set) var people: [Person]
    private var byLogin: [String: Int]
    /// Logins as written: an owner stored as a login is found without folding (cards ask per frame).
    private var byExactLogin: [String: Int]

    public init(_ people: [Person] = []) {
        self.people = people.sorted { $0.login < $1.login }
        byLogin = [:]
        byExactLogin = [:]
        for (i, p) in self.people.enumerated() {
            byLogin[SearchText.fold(p.login)] = i
            byExactLogin[p.login] = i
        }
    }

    public var isEmpty: Bool { people.isEmpty }

    /// The person with this login (case and accents ignored).
    public subscript(login login: String) -> Person? {
        byLogin[SearchText.fold(login)].map { people[$0] }
    }

    /// The members of a team (a key of `Policy.teams`), by login.
    public func members(ofTeam key: String) -> [Person] { people.filter { $0.team == key } }

    /// The person an owner as stored means: their login, their name, or their name with a role
    /// after it as free text was written before ("Lena Vogel (VP CS)" is Lena Vogel).
    public func person(forOwner owner: String) -> Person? {
        guard !people.isEmpty else { return nil }
        if let i = byExactLogin[owner] { return people[i] }
        if let p = self[login: owner] { return p }
        var written = owner
        if let paren = written.firstIndex(of: "("), paren != written.startIndex { written = String(written[..<paren]) }
        let key = SearchText.words(written)
        guard !key.isEmpty else { return nil }
        let found = people.filter { SearchText.words($0.name) == key }
        return found.count == 1 ? found[0] : nil
    }

    /// What to show for an owner: the person's name, or the owner as written.
    public func displayName(_ owner: String) -> String { person(forOwner: owner)?.name ?? owner }
}
