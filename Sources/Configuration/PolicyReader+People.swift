import EscalationKit
import TOMLKit

/// `[people.<login>]`: the roster, each person once. The key is the login they act under.
extension PolicyReader {
    mutating func readPeople(_ value: TOMLValueConvertible) {
        guard let section = table(value, "people") else { return }
        var people: [Person] = []
        for (login, value) in entries(section) {
            let path = "people." + login
            guard Self.isLogin(login) else {
                report(path, "\"\(SafeText.neutralized(login))\" is not a login; write the user's login, e.g. [people.lena] (letters, digits, . _ -)")
                continue
            }
            guard let fields = table(value, path) else { continue }
            var name: String?, team: String?, email: String?, chat: String?
            for (field, value) in entries(fields) {
                let keyPath = path + "." + field
                switch field {
                case "name": name = string(value, keyPath, example: "\"Lena Vogel\"")
                case "team": team = string(value, keyPath, example: "\"cs_leadership\"")
                case "email": email = string(value, keyPath, example: "\"lena@example.com\"")
                case "chat": chat = string(value, keyPath, example: "\"@lena\"")
                default: unknownKey(field, in: path, allowed: ConfigurationSchema.person)
                }
            }
            guard let name = name?.trimmedSpaces, !name.isEmpty,
                  !name.unicodeScalars.contains(where: SafeText.isControl) else {
                report(path, "a person needs a name on one line, e.g. name = \"Lena Vogel\"")
                continue
            }
            guard let team, !team.isEmpty else {
                report(path, "a person needs a team (a key of [teams.*]), e.g. team = \"support\"")
                continue
            }
            if let email, !email.contains("@") || email.contains(where: \.isWhitespace) {
                report(path + ".email", "\"\(SafeText.neutralized(email))\" is not an e-mail address, e.g. \"lena@example.com\"")
            }
            people.append(Person(login: login, name: name, team: team, email: email?.nilIfEmpty, chat: chat?.nilIfEmpty))
        }
        policy.people = Roster(people)
    }

    /// Checks that need the teams too (a file may name them after its people).
    mutating func validatePeople() {
        let teams = policy.teams.keys.sorted()
        var byName: [[Substring]: String] = [:]
        for person in policy.people.people {
            let path = "people." + person.login
            if policy.teams[person.team] == nil {
                let advice = "add a [teams.\(person.team)] section or use one of: " + teams.joined(separator: ", ")
                report(path + ".team", "unknown team \"\(SafeText.neutralized(person.team))\"" + NearestName.hint(person.team, among: teams, otherwise: advice))
            }
            // Two people with one name could not be told apart when an owner is typed by name.
            let key = SearchText.words(person.name)
            if let other = byName[key] {
                report(path + ".name", "\"\(SafeText.neutralized(person.name))\" is also [people.\(other)]'s name; each person is named once (add a middle initial to tell them apart)")
            } else {
                byName[key] = person.login
            }
        }
    }

    static func isLogin(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 64 && text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0) }
    }
}

private extension String {
    var nilIfEmpty: String? {
        let t = trimmedSpaces
        return t.isEmpty ? nil : t
    }
}
