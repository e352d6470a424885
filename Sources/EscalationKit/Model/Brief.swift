import Foundation

/// Everything the receiving team needs to act without a meeting (seed 000's brief, seed 001's layout).
public struct Brief: Hashable, Codable, Sendable {
    /// Customer impact in 2–3 quantified sentences.
    public var impact: String
    /// The six dimensions of business impact (seed 001), each a short quantified note.
    public var impactDimensions: ImpactDimensions
    /// What is broken or needed, in 3–5 sentences.
    public var description: String
    /// Troubleshooting steps already taken, each with its result.
    public var attempts: [Attempt]
    /// For defects: how to see the problem for oneself.
    public var reproduction: Reproduction?
    public var communication: CustomerCommunication
    /// The specific ask: what the receiving team must do.
    public var ask: Ask
    /// Pending deals, renewal risk, anything commercial beyond ARR and renewal date.
    public var commercialContext: String
    /// Related tickets, threads, documents, logs.
    public var links: [String]

    public init(impact: String = "", impactDimensions: ImpactDimensions = .init(), description: String = "",
                attempts: [Attempt] = [], reproduction: Reproduction? = nil,
                communication: CustomerCommunication = .init(), ask: Ask = .init(),
                commercialContext: String = "", links: [String] = []) {
        self.impact = impact
        self.impactDimensions = impactDimensions
        self.description = description
        self.attempts = attempts
        self.reproduction = reproduction
        self.communication = communication
        self.ask = ask
        self.commercialContext = commercialContext
        self.links = links
    }
}

/// Seed 001's six impact dimensions; an empty string means "not assessed".
public struct ImpactDimensions: Hashable, Codable, Sendable {
    /// How many customers or users, and is it growing?
    public var breadth: String
    /// Blocked or inconvenienced?
    public var depth: String
    /// How long has it gone on, how long until it is critical?
    public var duration: String
    /// ARR at risk, pending deals.
    public var revenue: String
    /// Could it become public? A reference customer?
    public var reputation: String
    /// Are SLAs or contractual obligations breached?
    public var contractual: String
    /// True when more than one customer is affected (feeds determine-escalation and the linter).
    public var multipleCustomers: Bool

    public init(breadth: String = "", depth: String = "", duration: String = "", revenue: String = "",
                reputation: String = "", contractual: String = "", multipleCustomers: Bool = false) {
        self.breadth = breadth
        self.depth = depth
        self.duration = duration
        self.revenue = revenue
        self.reputation = reputation
        self.contractual = contractual
        self.multipleCustomers = multipleCustomers
    }
}

/// One troubleshooting step and what it showed.
public struct Attempt: Hashable, Codable, Sendable {
    public var step: String
    public var result: String

    public init(step: String, result: String) {
        self.step = step
        self.result = result
    }
}

/// Reproduction steps for a bug (seed 001: steps, expected, actual, environment).
public struct Reproduction: Hashable, Codable, Sendable {
    public var steps: [String]
    public var expected: String
    public var actual: String
    public var environment: String
    /// Always, intermittent, only under certain conditions.
    public var frequency: String

    public init(steps: [String] = [], expected: String = "", actual: String = "", environment: String = "", frequency: String = "") {
        self.steps = steps
        self.expected = expected
        self.actual = actual
        self.environment = environment
        self.frequency = frequency
    }

    public var isEmpty: Bool { steps.isEmpty && expected.isEmpty && actual.isEmpty }
}

/// Where the customer stands: what they were told, what they expect, whether they will escalate further.
public struct CustomerCommunication: Hashable, Codable, Sendable {
    /// The last thing the customer was told; empty when they have not been told yet.
    public var lastUpdate: String
    public var lastUpdateAt: Date?
    public var expectation: String
    public var escalationRisk: String

    public init(lastUpdate: String = "", lastUpdateAt: Date? = nil, expectation: String = "", escalationRisk: String = "") {
        self.lastUpdate = lastUpdate
        self.lastUpdateAt = lastUpdateAt
        self.expectation = expectation
        self.escalationRisk = escalationRisk
    }
}

/// The specific ask (seed 001: "investigate" vs "fix" vs "decide" are different asks) and its deadline.
public struct Ask: Hashable, Codable, Sendable {
    public enum Kind: String, CaseIterable, Codable, Sendable {
        case investigate, fix, decide, approve, other
    }

    public var kind: Kind?
    public var text: String
    public var deadline: Date?

    public init(kind: Kind? = nil, text: String = "", deadline: Date? = nil) {
        self.kind = kind
        self.text = text
        self.deadline = deadline
    }
}
