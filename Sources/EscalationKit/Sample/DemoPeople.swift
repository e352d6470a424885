/// The sample team: the people who own the demo store's escalations (leads across the company)
/// and the CSMs who report them, each with a login, as a real roster has them.
public enum DemoPeople {
    /// The team the CSMs are in; the standard teams have none for customer success.
    public static let csmTeam = (key: "customer_success", team: Team(name: "Customer success"))

    /// In the order the stories pick them (the order fixes which escalation gets whom).
    public static let owners: [Person] = [
        person("mike", "Mike Ross", "engineering"), person("priya", "Priya Shah", "product"),
        person("tom", "Tom Keller", "support"), person("ana", "Ana Lima", "finance"),
        person("jun", "Jun Park", "security"), person("rita", "Rita Gomez", "cs_leadership"),
        person("omar", "Omar Haddad", "engineering"), person("lena", "Lena Vogel", "cs_leadership"),
    ]

    public static let reporters: [Person] = [
        person("alice", "Alice Martin"), person("bob", "Bob Chen"), person("chandra", "Chandra Rao"),
        person("dmitri", "Dmitri Volkov"), person("elena", "Elena Petrova"), person("farah", "Farah Khan"),
        person("goran", "Goran Horvat"), person("hana", "Hana Sato"),
    ]

    public static var roster: Roster { Roster(owners + reporters) }

    private static func person(_ login: String, _ name: String, _ team: String = csmTeam.key) -> Person {
        Person(login: login, name: name, team: team, email: "\(login)@example.com", chat: "@\(login)")
    }
}
