import Foundation

/// A stretch of real time between two instants, as seconds since 1970.
struct Span: Hashable {
    var start: Double
    var end: Double
    var length: Double { end - start }
}

/// A business calendar laid onto real time, one local day at a time: the working spans of each day,
/// built from the day's wall-clock ranges and the zone's offsets in force during that day.
///
/// A working moment is an instant whose local wall clock reads inside a working range. So a range
/// that crosses a spring-forward gap loses the missing hour (the wall clock never shows it), a range
/// that crosses a fall-back hour counts it twice (the wall clock shows it twice), and a range that
/// starts inside the gap begins when the clock jumps.
struct WorkingDays {
    let calendar: BusinessCalendar
    private var offsets: ZoneOffsets
    private let tables: CalendarTables

    /// `tables` are the calendar's when the caller already looked them up.
    init(_ calendar: BusinessCalendar, from origin: Date, tables known: CalendarTables? = nil) {
        self.calendar = calendar
        tables = known ?? CalendarTables.of(calendar)
        // A local day can begin up to 14 h before its UTC midnight: start learning offsets well before.
        offsets = tables.offsets(calendar.timeZone, from: origin.timeIntervalSince1970 - 2 * DayNumber.secondsPerDay)
    }

    /// True when some weekday has working time; without it no business deadline is ever reached.
    var hasWorkingTime: Bool { tables.hasWorkingTime }

    /// The local day (as a day number) on which instant `t` falls.
    mutating func day(of t: Double) -> Int {
        Int(((t + offsets.offset(at: t)) / DayNumber.secondsPerDay).rounded(.down))
    }

    /// The first instant of local day `number` (later than midnight where DST starts at midnight).
    mutating func startOfDay(_ number: Int) -> Double {
        instants(ofWall: Double(number) * DayNumber.secondsPerDay, to: Double(number + 1) * DayNumber.secondsPerDay).first?.start
            ?? Double(number) * DayNumber.secondsPerDay
    }

    /// Why a day has no working time, or nil when it has some on the wall clock.
    func closure(of number: Int) -> Closure? {
        if tables.weekly[DayNumber.weekday(number)].isEmpty { return .nonWorkingDay }
        if !tables.holidayNumbers.isEmpty, tables.holidayNumbers.contains(number) { return .holiday }
        return nil
    }

    enum Closure { case holiday, nonWorkingDay }

    /// The working spans of local day `number`, in time order, merged where they touch.
    mutating func spans(on number: Int) -> [Span] {
        guard closure(of: number) == nil else { return [] }
        let ranges = tables.weekly[DayNumber.weekday(number)]
        let midnight = Double(number) * DayNumber.secondsPerDay
        // Most days keep one offset throughout: the ranges shifted by it, already sorted and merged.
        if let offset = offsets.constantOffset(from: midnight - 15 * 3600, to: midnight + DayNumber.secondsPerDay + 13 * 3600) {
            return ranges.map { Span(start: midnight + $0.start - offset, end: midnight + $0.end - offset) }
        }
        var result: [Span] = []
        for range in ranges {
            for span in instants(ofWall: midnight + range.start, to: midnight + range.end) {
                if let last = result.last, span.start <= last.end {
                    result[result.count - 1].end = max(last.end, span.end)
                } else {
                    result.append(span)
                }
            }
        }
        return result
    }

    /// The working seconds of local day `number` that lie in `[s, e)` (what `spans` holds there, summed).
    mutating func workingSeconds(on number: Int, from s: Double, to e: Double) -> Double {
        guard closure(of: number) == nil else { return 0 }
        let midnight = Double(number) * DayNumber.secondsPerDay
        if let offset = offsets.constantOffset(from: midnight - 15 * 3600, to: midnight + DayNumber.secondsPerDay + 13 * 3600) {
            var sum = 0.0
            for range in tables.weekly[DayNumber.weekday(number)] {
                let from = max(midnight + range.start - offset, s), to = min(midnight + range.end - offset, e)
                if from < to { sum += to - from }
            }
            return sum
        }
        var sum = 0.0
        for span in spans(on: number) {
            let from = max(span.start, s), to = min(span.end, e)
            if from < to { sum += to - from }
        }
        return sum
    }

    /// The instants whose wall clock (as seconds since 1970 read as UTC) lies in `[wallStart, wallEnd)`.
    private mutating func instants(ofWall wallStart: Double, to wallEnd: Double) -> [Span] {
        // Offsets lie within -12 h … +14 h, so these real-time bounds hold every candidate instant.
        let stretches = offsets.stretches(from: wallStart - 15 * 3600, to: wallEnd + 13 * 3600)
        var result: [Span] = []
        for stretch in stretches {
            let start = max(wallStart, stretch.start + stretch.offset)
            let end = min(wallEnd, stretch.end + stretch.offset)
            if start < end { result.append(Span(start: start - stretch.offset, end: end - stretch.offset)) }
        }
        return result.sorted { $0.start < $1.start }
    }
}
