import Foundation

/// Time arithmetic on a business calendar: where a target ends, and how much of it has been used.
///
/// Calendar basis counts every second of the wall clock: an hour is 3600 s, a day 24 h and a week
/// 7 days of real time, whatever DST does to the local clock; `eod` is the end of the business day
/// (as in business basis).
///
/// Business basis counts working time only, in the calendar's time zone, over its working ranges,
/// weekdays and holidays (see `WorkingDays` for what DST does to a range):
/// - minutes and hours are working minutes; a target that runs out exactly at the end of a working
///   range ends there, not at the start of the next one;
/// - `d` is working days: the same business position (working time elapsed into the day) n working
///   days later, or that day's end when it is shorter; `w` is five working days;
/// - `eod` is the end of the last working range of the day the clock starts in, or of the next
///   working day when it starts after hours or on a day off;
/// - a start outside working hours counts from the next working moment.
///
/// The walks jump a whole day at a time, so a two-week target costs a few dozen steps.
public enum BusinessTime {
    /// Days searched for working time before giving up (a calendar with working time finds it in a week
    /// plus its holidays; only one without any runs this far).
    static let searchLimitDays = 366 * 30

    /// The moment a target that starts at `start` runs out; `Date.distantFuture` on a calendar with no working time.
    public static func deadline(from start: Date, adding target: SLATarget, basis: TimeBasis, calendar: BusinessCalendar) -> Date {
        deadline(from: start, adding: target, basis: basis, calendar: calendar, tables: nil)
    }

    /// `deadline` with the calendar's tables already in hand (a clock reading walks the same calendar several times).
    static func deadline(from start: Date, adding target: SLATarget, basis: TimeBasis, calendar: BusinessCalendar, tables: CalendarTables?) -> Date {
        let t = start.timeIntervalSince1970
        let result: Double?
        switch (basis, target) {
        // Wall-clock arithmetic needs no calendar walk (nor its tables and zone offsets).
        case (.calendar, .minutes(let n)): result = t + Double(n) * 60
        case (.calendar, .hours(let n)): result = t + Double(n) * 3600
        case (.calendar, .days(let n)): result = t + Double(n) * DayNumber.secondsPerDay
        case (.calendar, .weeks(let n)): result = t + Double(n) * 7 * DayNumber.secondsPerDay
        case (_, .endOfBusinessDay), (.business, _):
            var days = WorkingDays(calendar, from: start, tables: tables)
            switch (basis, target) {
            case (_, .endOfBusinessDay): result = endOfBusinessDay(from: t, in: &days)
            case (_, .minutes(let n)): result = addingWorkingSeconds(Double(n) * 60, to: t, in: &days)
            case (_, .hours(let n)): result = addingWorkingSeconds(Double(n) * 3600, to: t, in: &days)
            case (_, .days(let n)): result = addingWorkingDays(n, to: t, in: &days)
            case (_, .weeks(let n)): result = addingWorkingDays(5 * n, to: t, in: &days)
            }
        }
        return result.map { Date(timeIntervalSince1970: $0) } ?? .distantFuture
    }

    /// Seconds counted between two moments in the given basis (working seconds for business time); 0 when `end` is not later.
    public static func elapsed(from start: Date, to end: Date, basis: TimeBasis, calendar: BusinessCalendar) -> TimeInterval {
        elapsed(from: start, to: end, basis: basis, calendar: calendar, tables: nil)
    }

    /// `elapsed` with the calendar's tables already in hand.
    static func elapsed(from start: Date, to end: Date, basis: TimeBasis, calendar: BusinessCalendar, tables: CalendarTables?) -> TimeInterval {
        guard end > start else { return 0 }
        switch basis {
        case .calendar: return end.timeIntervalSince(start)
        case .business: return workingSeconds(from: start.timeIntervalSince1970, to: end.timeIntervalSince1970, calendar: calendar, tables: tables)
        }
    }

    /// What `breakdown` counts as `workingSeconds`, without listing the days and intervals on the way
    /// (every clock reading counts twice, so this is the hot path of `list`).
    static func workingSeconds(from s: Double, to e: Double, calendar: BusinessCalendar, tables: CalendarTables? = nil) -> Double {
        var days = WorkingDays(calendar, from: Date(timeIntervalSince1970: s), tables: tables)
        guard days.hasWorkingTime else { return 0 }
        let first = days.day(of: s), last = min(days.day(of: e), first + searchLimitDays)
        var sum = 0.0
        for number in first...max(first, last) { sum += days.workingSeconds(on: number, from: s, to: e) }
        return sum
    }

    /// The working time between two moments, day by day: what `elapsed` counts, and what it skipped.
    /// Keeps the first `keeping` working intervals and counts the rest.
    public static func breakdown(from start: Date, to end: Date, calendar: BusinessCalendar, keeping limit: Int = 20) -> WorkingBreakdown {
        var result = WorkingBreakdown()
        guard end > start else { return result }
        let s = start.timeIntervalSince1970, e = end.timeIntervalSince1970
        var days = WorkingDays(calendar, from: start)
        // Without working time there is nothing to count (and the end may be `distantFuture`).
        guard days.hasWorkingTime else { return result }
        let first = days.day(of: s), last = min(days.day(of: e), first + searchLimitDays)
        for number in first...max(first, last) {
            switch days.closure(of: number) {
            case .holiday: result.holidays.append(DayNumber.day(number))
            case .nonWorkingDay: result.nonWorkingDays.append(DayNumber.day(number))
            case nil: break
            }
            for span in days.spans(on: number) {
                let from = max(span.start, s), to = min(span.end, e)
                guard from < to else { continue }
                result.workingSeconds += to - from
                result.intervalCount += 1
                if result.intervals.count < limit {
                    result.intervals.append(DateInterval(start: Date(timeIntervalSince1970: from), end: Date(timeIntervalSince1970: to)))
                }
            }
        }
        return result
    }

    // MARK: - Walks

    /// Consumes `amount` working seconds from `t` on, day by day.
    static func addingWorkingSeconds(_ amount: Double, to t: Double, in days: inout WorkingDays) -> Double? {
        guard days.hasWorkingTime else { return nil }
        var left = amount
        let first = days.day(of: t)
        for number in first..<(first + searchLimitDays) {
            for span in days.spans(on: number) where span.end > t {
                let from = max(span.start, t)
                if span.end - from >= left { return from + left }
                left -= span.end - from
            }
        }
        return nil
    }

    /// The same business position `count` working days later.
    static func addingWorkingDays(_ count: Int, to t: Double, in days: inout WorkingDays) -> Double? {
        guard let (startDay, position) = businessPosition(of: t, in: &days) else { return nil }
        var number = startDay, found = 0
        while found < count {
            number += 1
            guard number - startDay < searchLimitDays else { return nil }
            if !days.spans(on: number).isEmpty { found += 1 }
        }
        let spans = days.spans(on: number)
        guard position > 0 else { return spans.first?.start }
        var left = position
        for span in spans {
            if span.length >= left { return span.start + left }
            left -= span.length
        }
        return spans.last?.end
    }

    /// The working day a clock starting at `t` counts from, and the working seconds already behind it
    /// on that day; a start after hours or on a day off counts from the next working day's start.
    static func businessPosition(of t: Double, in days: inout WorkingDays) -> (day: Int, position: Double)? {
        guard days.hasWorkingTime else { return nil }
        let first = days.day(of: t)
        let today = days.spans(on: first)
        if let last = today.last, last.end > t {
            let position = today.reduce(0.0) { $0 + max(0, min($1.end, t) - $1.start) }
            return (first, position)
        }
        for number in (first + 1)..<(first + searchLimitDays) where !days.spans(on: number).isEmpty {
            return (number, 0)
        }
        return nil
    }

    /// The end of the last working range of the day `t` falls on, or of the next working day when `t`
    /// is after hours or on a day off. On a calendar with no working time: the end of the local day.
    static func endOfBusinessDay(from t: Double, in days: inout WorkingDays) -> Double? {
        let first = days.day(of: t)
        guard days.hasWorkingTime else { return days.startOfDay(first + 1) }
        for number in first..<(first + searchLimitDays) {
            if let last = days.spans(on: number).last, last.end > t { return last.end }
        }
        return nil
    }
}

/// The working time between two moments, as `BusinessTime.breakdown` counted it.
public struct WorkingBreakdown: Hashable, Codable, Sendable {
    /// The first working intervals counted, in time order (capped; see `intervalCount`).
    public var intervals: [DateInterval] = []
    /// How many working intervals were counted in all.
    public var intervalCount = 0
    public var workingSeconds: TimeInterval = 0
    /// Holidays on the way (days the calendar would otherwise work).
    public var holidays: [CalendarDay] = []
    /// Days the calendar does not work on (weekends), on the way.
    public var nonWorkingDays: [CalendarDay] = []

    public init() {}
}
