import Foundation

/// What `WorkingDays` derives from a business calendar, built once per calendar and process: holidays
/// as day numbers, merged working ranges per weekday, and the zone's offset changes learned so far.
///
/// `list` reads several clocks of thousands of escalations, and each reading walks a calendar; building
/// these tables and asking ICU for the zone's transitions on every walk was most of a clock's cost.
final class CalendarTables: @unchecked Sendable {
    let holidayNumbers: Set<Int>
    /// Sorted, merged working ranges in seconds since local midnight, indexed by ISO weekday (0 unused).
    let weekly: [[(start: Double, end: Double)]]
    let hasWorkingTime: Bool
    /// The zone's offsets as far as any walk learned them (guarded by `lock`).
    private var zone: ZoneOffsets.Known?
    private let lock = NSLock()

    private init(_ calendar: BusinessCalendar) {
        holidayNumbers = Set(calendar.holidays.map(DayNumber.of))
        var weekly = Array(repeating: [(start: Double, end: Double)](), count: 8)
        for (weekday, ranges) in calendar.hours where (1...7).contains(weekday) {
            var merged: [(start: Double, end: Double)] = []
            for range in ranges.sorted(by: { $0.start < $1.start }) {
                let start = Double(range.start.minutes * 60), end = Double(range.end.minutes * 60)
                if let last = merged.last, start <= last.end {
                    merged[merged.count - 1].end = max(last.end, end)
                } else {
                    merged.append((start, end))
                }
            }
            weekly[weekday] = merged
        }
        self.weekly = weekly
        hasWorkingTime = weekly.contains { !$0.isEmpty }
    }

    /// The zone's offsets from `origin` on, starting from what earlier walks learned when that covers `origin`.
    func offsets(_ timeZone: TimeZone, from origin: Double) -> ZoneOffsets {
        let known = lock.withLock { zone }
        if let known, known.origin <= origin { return ZoneOffsets(zone: timeZone, known: known, memory: self) }
        // A year early, so that walks from slightly earlier starts find this in the memory too.
        return ZoneOffsets(zone: timeZone, from: origin - 366 * DayNumber.secondsPerDay, memory: self)
    }

    /// Keeps what a walk learned when it starts earlier than what is kept, or as early and reaches further.
    func remember(_ known: ZoneOffsets.Known) {
        lock.withLock {
            if let kept = zone, !(known.origin < kept.origin || (known.origin == kept.origin && known.knownUntil > kept.knownUntil)) { return }
            zone = known
        }
    }

    // MARK: - One table per calendar

    private static let lock = NSLock()
    /// Most recently used first. Searched with `==`, not hashed: hashing a calendar's hours costs
    /// more than comparing them, and a process sees one or two calendars.
    nonisolated(unsafe) private static var cache: [(calendar: BusinessCalendar, tables: CalendarTables)] = []

    /// The tables of `calendar`.
    static func of(_ calendar: BusinessCalendar) -> CalendarTables {
        lock.withLock {
            if let first = cache.first, first.calendar == calendar { return first.tables }
            if let index = cache.firstIndex(where: { $0.calendar == calendar }) {
                let hit = cache.remove(at: index)
                cache.insert(hit, at: 0)
                return hit.tables
            }
            let tables = CalendarTables(calendar)
            cache.insert((calendar, tables), at: 0)
            if cache.count > 8 { cache.removeLast() }
            return tables
        }
    }
}
