import Foundation

/// A time zone's UTC offsets over a stretch of time, fetched from Foundation's `TimeZone` one
/// transition at a time, so a walk over weeks asks the zone a handful of times, not once a day.
///
/// Instants are seconds since 1970 (Doubles) here: the day-by-day walks do arithmetic, not `Date` calls.
struct ZoneOffsets {
    /// One stretch of constant offset: from `start` (inclusive) to the next stretch's start.
    struct Stretch {
        var start: Double
        var end: Double
        var offset: Double
    }

    /// What is known of a zone's offsets: the changes from `origin` up to `knownUntil`.
    struct Known {
        var origin: Double
        /// Offset changes in time order; the first is the offset in force at the origin.
        var changes: [(at: Double, offset: Double)]
        /// Every transition before this instant is in `changes`.
        var knownUntil: Double
    }

    let zone: TimeZone
    private var known: Known
    private var changes: [(at: Double, offset: Double)] { known.changes }
    /// Where what is learned goes, for the next walk on the same calendar.
    private let memory: CalendarTables?

    /// Offsets from `origin` on; asking about an earlier instant gives the origin's offset.
    init(zone: TimeZone, from origin: Double, memory: CalendarTables? = nil) {
        self.zone = zone
        known = Known(origin: origin, changes: [(origin, Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: origin))))], knownUntil: origin)
        self.memory = memory
    }

    /// Offsets as an earlier walk learned them.
    init(zone: TimeZone, known: Known, memory: CalendarTables?) {
        self.zone = zone
        self.known = known
        self.memory = memory
    }

    /// The offset in force over all of `[lo, hi)`, or nil when it changes in between.
    mutating func constantOffset(from lo: Double, to hi: Double) -> Double? {
        learn(until: hi)
        var result = changes[0].offset
        for change in changes.dropFirst() {
            if change.at <= lo { result = change.offset } else if change.at < hi { return nil } else { break }
        }
        return result
    }

    /// The offset (seconds east of UTC) in force at instant `t`.
    mutating func offset(at t: Double) -> Double {
        learn(until: t + 1)
        var result = changes[0].offset
        for change in changes where change.at <= t { result = change.offset }
        return result
    }

    /// The stretches of constant offset that cover `[lo, hi)`, clipped to it.
    mutating func stretches(from lo: Double, to hi: Double) -> [Stretch] {
        learn(until: hi)
        var result: [Stretch] = []
        for (i, change) in changes.enumerated() {
            let start = i == 0 ? -Double.infinity : change.at
            let end = i + 1 < changes.count ? changes[i + 1].at : Double.infinity
            let clippedStart = max(start, lo), clippedEnd = min(end, hi)
            if clippedStart < clippedEnd {
                result.append(Stretch(start: clippedStart, end: clippedEnd, offset: change.offset))
            }
        }
        return result
    }

    private mutating func learn(until t: Double) {
        guard known.knownUntil < t else { return }
        while known.knownUntil < t {
            guard let next = zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: known.knownUntil)) else {
                known.knownUntil = .infinity
                break
            }
            let at = next.timeIntervalSince1970
            // Ask a second after the transition: the instant itself is where the zone's rules meet.
            let offset = Double(zone.secondsFromGMT(for: next.addingTimeInterval(1)))
            if offset != changes[changes.count - 1].offset { known.changes.append((at, offset)) }
            known.knownUntil = at
        }
        memory?.remember(known)
    }
}

/// Days counted from 1970-01-01 on the wall clock, with the civil-date arithmetic to name them.
enum DayNumber {
    static let secondsPerDay = 86_400.0

    /// The day number of a calendar day.
    static func of(_ day: CalendarDay) -> Int {
        CivilDate.days(year: day.year, month: day.month, day: day.day)
    }

    /// The calendar day of a day number (the inverse of `of(_:)`).
    static func day(_ number: Int) -> CalendarDay {
        let (y, m, d) = CivilDate.date(fromDays: number)
        return CalendarDay(year: y, month: m, day: d)!
    }

    /// ISO weekday (1 Monday … 7 Sunday); day 0 was a Thursday.
    static func weekday(_ number: Int) -> Int {
        ((number % 7 + 7) % 7 + 3) % 7 + 1
    }
}
