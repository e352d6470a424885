import EscalationKit

/// A roster written as configuration text: `[teams.*]` sections for teams the standard policy
/// lacks and one `[people.<login>]` section per person, read back by `PolicyFile` as written.
public enum RosterText {
    public static func toml(_ roster: Roster, teams: [(key: String, team: Team)] = [], heading: String) -> String {
        var out = heading.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }.joined(separator: "\n") + "\n"
        for (key, team) in teams {
            out += "\n[teams.\(key)]\nname = \(quoted(team.name))\n"
        }
        for p in roster.people {
            out += "\n[people.\(key(p.login))]\nname = \(quoted(p.name))\nteam = \(quoted(p.team))\n"
            if let email = p.email { out += "email = \(quoted(email))\n" }
            if let chat = p.chat { out += "chat = \(quoted(chat))\n" }
        }
        return out
    }

    /// A bare key when TOML allows one, else a quoted key ("lena.vogel" would be two levels bare).
    static func key(_ text: String) -> String {
        text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-") }
            ? text : quoted(text)
    }

    /// A TOML basic string: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16, uppercase: true)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
