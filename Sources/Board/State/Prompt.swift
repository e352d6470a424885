import EscalationKit

/// A question on the prompt line, and the answer typed so far.
public struct Prompt: Hashable, Sendable {
    /// What the answer is for.
    public enum Purpose: Hashable, Sendable {
        case acknowledgeOwner
        case assignOwner
        case backReason
        case resolution
        case note
        case customerUpdate
        case severityValue
        case severityReason(Severity)
        case tierValue
        case tierReason(Tier)
        case confirmClose
        case waitParty
        case waitReason(WaitParty)
        case resumeReason
    }

    public var purpose: Purpose
    public var target: EscalationID
    public var text: String
    /// The escalation's revision when the question was asked: a refusal after someone else's
    /// change since then names who did what and when.
    public var seenRevision: Int?

    public init(_ purpose: Purpose, target: EscalationID, text: String = "", seenRevision: Int? = nil) {
        self.purpose = purpose
        self.target = target
        self.text = text
        self.seenRevision = seenRevision
    }

    /// The question shown before the answer.
    public var question: String {
        switch purpose {
        case .acknowledgeOwner: "Acknowledge \(target): owner?"
        case .assignOwner: "Assign \(target) to:"
        case .backReason: "Move \(target) back: why?"
        case .resolution: "Resolve \(target): resolution?"
        case .note: "Progress on \(target):"
        case .customerUpdate: "Customer update for \(target):"
        case .severityValue: "Severity for \(target) (critical/high/medium):"
        case .severityReason(let s): "Severity \(s.rawValue) for \(target): why?"
        case .tierValue: "Tier for \(target) (1-4):"
        case .tierReason(let t): "\(t) for \(target): why?"
        case .confirmClose: "Close \(target)?"
        case .waitParty: "\(target) waits on (customer/vendor/internal):"
        case .waitReason(let party): "\(target) waits on \(party.phrase): for what?"
        case .resumeReason: "Resume \(target): why?"
        }
    }

    /// True when the answer is a person (Tab completes from the roster).
    public var asksForOwner: Bool { purpose == .acknowledgeOwner || purpose == .assignOwner }

    /// True for a yes/no question, answered by one key.
    public var isConfirmation: Bool { purpose == .confirmClose }
}
