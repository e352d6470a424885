import Board
import EscalationKit
import EscalationStore
import Foundation

/// The chains' notifications for the board's detail view, from the outbox — the record `show`
/// lists under "Notified". An outbox that cannot be read shows none: the board stays open.
enum ChainNoticeReader {
    static func read(_ hooks: Hooks) -> [EscalationID: [ChainNotice]] {
        guard let entries = try? hooks.outbox.state().state.entries else { return [:] }
        var out: [EscalationID: [ChainNotice]] = [:]
        // One notification may go to several hooks: one notice per idempotency key.
        var seen: Set<String> = []
        for entry in entries where entry.delivery.kind == NotificationKind.reescalated.rawValue {
            guard let id = EscalationID(entry.delivery.escalation),
                  let payload = try? JSONDecoder().decode(NotificationPayload.self, from: Data(entry.delivery.payload.utf8)),
                  let level = payload.level else { continue }
            let delivered = entry.status(hooks.schedule) == .delivered
            if let key = payload.idempotencyKey, !seen.insert(key).inserted {
                if delivered, let i = out[id]?.firstIndex(where: { $0.level == level }) { out[id]?[i].delivered = true }
                continue
            }
            out[id, default: []].append(ChainNotice(level: level, queued: entry.delivery.queued, delivered: delivered))
        }
        return out.mapValues { $0.sorted { $0.queued < $1.queued } }
    }
}
