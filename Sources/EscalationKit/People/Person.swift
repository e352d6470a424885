/// Someone in the configuration's roster: the login they act under, the name people see, their
/// team (a key of `Policy.teams`), and where hooks reach them.
public struct Person: Hashable, Sendable {
    public var login: String
    public var name: String
    public var team: String
    public var email: String?
    /// A chat handle for hooks, e.g. "@lena" or "U024BE7LH".
    public var chat: String?

    public init(login: String, name: String, team: String, email: String? = nil, chat: String? = nil) {
        self.login = login
        self.name = name
        self.team = team
        self.email = email
        self.chat = chat
    }

    /// "Lena Vogel (lena)": the name, with the login that tells two namesakes apart.
    public var label: String { name == login ? login : "\(name) (\(login))" }
}
