import Foundation
import EscalationKit
@testable import Board

extension BoardState {
    /// Performs the board's commits as the store would (through the lifecycle, as `actor`, with the
    /// next sequence) and feeds the answers back.
    mutating func perform(_ effects: [Effect], as actor: String = "alice") {
        for effect in effects {
            guard case .commit(let command, let id) = effect else { continue }
            do {
                var event = try Lifecycle(policy: policy).decide(command, on: id, in: ledger, at: now, actor: actor)
                event.sequence = ledger.lastSequence + 1
                _ = handle(.committed(event))
            } catch {
                _ = handle(.commitFailed(error.description))
            }
        }
    }
}
