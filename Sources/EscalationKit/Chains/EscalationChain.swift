import Foundation

/// Who is told, in turn, about an escalation nobody acknowledges: each level at a share of the
/// acknowledge target, then the last level again every `repeatEveryHours`, at most `repeatTimes` times.
public struct EscalationChain: Hashable, Sendable {
    public struct Level: Hashable, Sendable {
        public var recipient: Recipient
        /// The share of the acknowledge target used when this level is told (0 = at routing, 1 = at the deadline).
        public var at: Double

        public init(_ recipient: Recipient, at: Double) {
            self.recipient = recipient
            self.at = at
        }
    }

    /// A level's recipient: the routed team's contact or lead, a roster team, or a roster person.
    public enum Recipient: Hashable, Sendable {
        case contact
        case lead
        case team(String)
        case person(String)

        /// As the configuration writes it: `contact`, `lead`, `team:ID`, `person:NAME`.
        public var text: String {
            switch self {
            case .contact: "contact"
            case .lead: "lead"
            case .team(let id): "team:\(id)"
            case .person(let name): "person:\(name)"
            }
        }

        public init?(_ text: String) {
            let t = text.trimmedSpaces
            switch t {
            case "contact": self = .contact
            case "lead": self = .lead
            default:
                if t.hasPrefix("team:"), t.count > 5 { self = .team(String(t.dropFirst(5))) }
                else if t.hasPrefix("person:"), t.count > 7 { self = .person(String(t.dropFirst(7))) }
                else { return nil }
            }
        }
    }

    public var levels: [Level]
    public var repeatEveryHours: Int
    public var repeatTimes: Int

    public init(levels: [Level], repeatEveryHours: Int, repeatTimes: Int) {
        self.levels = levels
        self.repeatEveryHours = repeatEveryHours
        self.repeatTimes = repeatTimes
    }

    /// domain.md's: the team's contact at routing, its lead at half the acknowledge target, CS
    /// leadership at the deadline, then CS leadership again every 4 hours, 3 times at most.
    public static let standard = EscalationChain(
        levels: [Level(.contact, at: 0), Level(.lead, at: 0.5), Level(.team("cs_leadership"), at: 1)],
        repeatEveryHours: 4, repeatTimes: 3)
}
