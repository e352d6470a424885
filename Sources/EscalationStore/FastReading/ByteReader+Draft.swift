import EscalationKit
import Foundation

/// The store's schema 2 shapes of a new escalation's facts (the synthesized Codable shapes, camelCase keys).
extension ByteReader {
    mutating func draft() throws(Unread) -> Draft {
        var title: String?, account: Account?, category: Category?, severity: Severity?, suggested: Severity?
        var overrideReason: String?, tier: Tier?, team: String?, dimensions: Dimensions?, brief: Brief?
        var sentiment: Sentiment?, pattern: String?, owner: String?, reopenedFrom: EscalationID?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "title": title = try r.string()
            case "account": account = try r.account()
            case "category": category = try r.raw(Category.self)
            case "severity": severity = try r.raw(Severity.self)
            case "suggestedSeverity": suggested = try r.optional { (r: inout ByteReader) throws(Unread) in try r.raw(Severity.self) }
            case "severityOverrideReason": overrideReason = try r.optional { (r: inout ByteReader) throws(Unread) in try r.string() }
            case "tier": tier = try r.tier()
            case "team": team = try r.string()
            case "dimensions": dimensions = try r.optional { (r: inout ByteReader) throws(Unread) in try r.dimensions() }
            case "brief": brief = try r.brief()
            case "sentiment": sentiment = Sentiment(rawValue: try r.string())
            case "pattern": pattern = try r.optional { (r: inout ByteReader) throws(Unread) in try r.string() }
            case "owner": owner = try r.optional { (r: inout ByteReader) throws(Unread) in try r.string() }
            case "reopenedFrom": reopenedFrom = try r.optional { (r: inout ByteReader) throws(Unread) in try r.escalationID() }
            default: return false
            }
            return true
        }
        return Draft(title: try required(title), account: try required(account), category: try required(category),
                     severity: try required(severity), suggestedSeverity: suggested, severityOverrideReason: overrideReason,
                     tier: try required(tier), team: try required(team), dimensions: dimensions, brief: try required(brief),
                     sentiment: try required(sentiment), pattern: pattern, owner: owner, reopenedFrom: reopenedFrom)
    }

    mutating func account() throws(Unread) -> Account {
        var name: String?, arr: Money?, segment: Segment?, health: Int?, renewal: CalendarDay?, strategic: Bool?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "name": name = try r.string()
            case "arr": arr = try r.money()
            case "segment": segment = try r.raw(Segment.self)
            case "healthScore": health = try r.optional { (r: inout ByteReader) throws(Unread) in try r.int() }
            case "renewal": renewal = try r.optional { (r: inout ByteReader) throws(Unread) in try r.calendarDay() }
            case "strategic": strategic = try r.bool()
            default: return false
            }
            return true
        }
        return Account(name: try required(name), arr: try required(arr), segment: try required(segment), healthScore: health,
                       renewal: renewal, strategic: try required(strategic))
    }

    mutating func money() throws(Unread) -> Money {
        var amount: Int?, currency: String?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "amount": amount = try r.int()
            case "currency": currency = try r.string()
            default: return false
            }
            return true
        }
        return Money(try required(amount), try required(currency))
    }

    /// Scores outside 1...5 (which the synthesized decoder would accept) are left to JSONDecoder.
    mutating func dimensions() throws(Unread) -> Dimensions {
        var impact: Int?, value: Int?, urgency: Int?, capability: Int?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "impact": impact = try r.int()
            case "value": value = try r.int()
            case "urgency": urgency = try r.int()
            case "capability": capability = try r.int()
            default: return false
            }
            return true
        }
        return try required(Dimensions(impact: try required(impact), value: try required(value), urgency: try required(urgency),
                                       capability: try required(capability)))
    }

    mutating func brief() throws(Unread) -> Brief {
        var impact: String?, dimensions: ImpactDimensions?, description: String?, attempts: [Attempt]?
        var reproduction: Reproduction?, communication: CustomerCommunication?, ask: Ask?, commercial: String?, links: [String]?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "impact": impact = try r.string()
            case "impactDimensions": dimensions = try r.impactDimensions()
            case "description": description = try r.string()
            case "attempts":
                var list: [Attempt] = []
                try r.array { (r: inout ByteReader) throws(Unread) in list.append(try r.attempt()) }
                attempts = list
            case "reproduction": reproduction = try r.optional { (r: inout ByteReader) throws(Unread) in try r.reproduction() }
            case "communication": communication = try r.communication()
            case "ask": ask = try r.ask()
            case "commercialContext": commercial = try r.string()
            case "links": links = try r.strings()
            default: return false
            }
            return true
        }
        return Brief(impact: try required(impact), impactDimensions: try required(dimensions), description: try required(description),
                     attempts: try required(attempts), reproduction: reproduction, communication: try required(communication),
                     ask: try required(ask), commercialContext: try required(commercial), links: try required(links))
    }

    mutating func impactDimensions() throws(Unread) -> ImpactDimensions {
        var breadth: String?, depth: String?, duration: String?, revenue: String?, reputation: String?, contractual: String?, multiple: Bool?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "breadth": breadth = try r.string()
            case "depth": depth = try r.string()
            case "duration": duration = try r.string()
            case "revenue": revenue = try r.string()
            case "reputation": reputation = try r.string()
            case "contractual": contractual = try r.string()
            case "multipleCustomers": multiple = try r.bool()
            default: return false
            }
            return true
        }
        return ImpactDimensions(breadth: try required(breadth), depth: try required(depth), duration: try required(duration),
                                revenue: try required(revenue), reputation: try required(reputation),
                                contractual: try required(contractual), multipleCustomers: try required(multiple))
    }

    mutating func attempt() throws(Unread) -> Attempt {
        var step: String?, result: String?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "step": step = try r.string()
            case "result": result = try r.string()
            default: return false
            }
            return true
        }
        return Attempt(step: try required(step), result: try required(result))
    }

    mutating func reproduction() throws(Unread) -> Reproduction {
        var steps: [String]?, expected: String?, actual: String?, environment: String?, frequency: String?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "steps": steps = try r.strings()
            case "expected": expected = try r.string()
            case "actual": actual = try r.string()
            case "environment": environment = try r.string()
            case "frequency": frequency = try r.string()
            default: return false
            }
            return true
        }
        return Reproduction(steps: try required(steps), expected: try required(expected), actual: try required(actual),
                            environment: try required(environment), frequency: try required(frequency))
    }

    mutating func communication() throws(Unread) -> CustomerCommunication {
        var last: String?, lastAt: Date?, expectation: String?, risk: String?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "lastUpdate": last = try r.string()
            case "lastUpdateAt": lastAt = try r.optional { (r: inout ByteReader) throws(Unread) in try r.date() }
            case "expectation": expectation = try r.string()
            case "escalationRisk": risk = try r.string()
            default: return false
            }
            return true
        }
        return CustomerCommunication(lastUpdate: try required(last), lastUpdateAt: lastAt, expectation: try required(expectation),
                                     escalationRisk: try required(risk))
    }

    mutating func ask() throws(Unread) -> Ask {
        var kind: Ask.Kind?, text: String?, deadline: Date?
        try fields { (r: inout ByteReader, key: Key) throws(Unread) -> Bool in
            switch key {
            case "kind": kind = try r.optional { (r: inout ByteReader) throws(Unread) in try r.raw(Ask.Kind.self) }
            case "text": text = try r.string()
            case "deadline": deadline = try r.optional { (r: inout ByteReader) throws(Unread) in try r.date() }
            default: return false
            }
            return true
        }
        return Ask(kind: kind, text: try required(text), deadline: deadline)
    }
}
