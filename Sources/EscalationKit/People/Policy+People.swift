extension Policy {
    /// A team's people by login: its lead first, then the roster people in it and the logins its
    /// `members` list names, each once. For escalation chains that name a team as a level.
    public func logins(ofTeam key: String) -> [String] {
        guard let team = teams[key] else { return people.members(ofTeam: key).map(\.login) }
        var seen = Set<String>()
        let all = [team.lead] + people.members(ofTeam: key).map(\.login) + team.members
        return all.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The roster person with this login, or a team's lead: what a chain level names either way.
    public func person(login: String) -> Person? { people[login: login] }
}
