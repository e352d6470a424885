import EscalationKit
import Foundation
import Testing

/// Attention skips the clocks of closed escalations and reuses the stall reading for the status;
/// both must give exactly what reading every clock gives.
@Suite struct AttentionShortcutTests {
    /// Attention as it reads with every clock computed.
    func reference(_ e: Escalation, at now: Date, policy: Policy) -> Attention {
        let clocks = Clocks(policy: policy)
        let live = clocks.read(e, at: now).filter(\.isLive)
        var a = Attention(e, at: now, policy: policy)
        a.status = clocks.status(of: e, at: now)
        a.stalled = a.status == .stalled
        a.breached = live.contains { $0.kind != .stall && $0.state == .breached }
        let first = policy.warningThresholds.min() ?? 1
        a.breachWarning = live.contains { $0.kind != .stall && $0.used >= first && $0.state != .breached }
        let updates = live.filter { $0.kind == .internalUpdate || $0.kind == .customerUpdate }
        a.updateDue = updates.contains { $0.state == .breached }
        a.nextUpdateDue = updates.map(\.deadline).min()
        a.pattern = e.pattern != nil
        a.mostUrgent = live.filter { $0.kind != .stall }.min { $0.deadline < $1.deadline }
        return a
    }

    @Test func theShortcutsChangeNothing() throws {
        let now = Date(timeIntervalSince1970: 1_773_133_200)
        let policy = Policy.standard
        var ledger = Ledger()
        for event in DemoData.events(count: 400, open: 120, seed: 3, now: now, policy: policy) { try ledger.apply(event) }
        let escalations = Array(ledger.escalations.values)
        #expect(escalations.contains { $0.status == .closed } && escalations.contains { $0.isOpen })
        for e in escalations {
            for later: TimeInterval in [0, 3 * 86_400, 40 * 86_400] {
                let at = now.addingTimeInterval(later)
                #expect(Attention(e, at: at, policy: policy) == reference(e, at: at, policy: policy), "\(e.id) at +\(later)")
            }
        }
    }
}
