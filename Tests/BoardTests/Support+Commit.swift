import Foundation
import EscalationKit
@testable import Board

extension BoardState {
    /// Performs the board's commits as the store would (through the lifecycle, as `actor`, with the
    /// next sequence) and feeds the answers back.
    mutating func perform(_ effects: [Effect], as actor: String = "alice") {
        for effect in effects {
            guard case .commit(let commands, let id) = effect else { continue }
            do {
                let events = try Lifecycle(policy: policy).decide(commands, on: id, in: ledger, at: now, actor: actor)
                _ = handle(.committed(events))
            } catch {
                _ = handle(.commitFailed(error.description))
            }
        }
    }
}
