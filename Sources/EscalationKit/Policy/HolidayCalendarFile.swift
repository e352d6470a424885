import Foundation

/// A small, strict iCalendar (RFC 5545) reader for holiday calendars: the days of each VEVENT become
/// holidays of the business calendar.
///
/// What it reads: folded lines (a line starting with a space or tab continues the previous one);
/// `DTSTART` and `DTEND` as a date (`;VALUE=DATE:20261225`), a UTC time (`20261225T090000Z`), a time in a
/// named zone (`;TZID=Europe/Berlin:20261225T090000`) or a floating time (read in the business calendar's
/// zone); `DURATION` is refused, `DTEND` is exclusive for dates; `RRULE:FREQ=YEARLY` with `INTERVAL`,
/// `COUNT` and `UNTIL` (and `BYMONTH`/`BYMONTHDAY` only where they repeat the start's own month and day);
/// `SUMMARY` names the holiday; `STATUS:CANCELLED` events are skipped. A timed event makes a holiday of
/// every day it touches in the business calendar's zone (the calendar knows no half days). Anything else
/// it cannot honour exactly (another frequency, BYDAY, RDATE, EXDATE, an unknown zone, a bad date, an
/// unclosed component) is refused with the line, so a holiday is never silently lost.
public enum HolidayCalendarFile {
    /// Why a file was refused: the (physical, 1-based) line and what is wrong there.
    public struct Problem: Error, Equatable, Sendable {
        public var line: Int
        public var message: String
    }

    /// Yearly events without COUNT or UNTIL repeat up to this year: far beyond any open deadline, and
    /// a bounded set of days.
    public static let lastRepeatedYear = 2100

    /// The holidays in `text`, with their names (empty where an event has no SUMMARY).
    public static func holidays(in text: String, zone: TimeZone) throws(Problem) -> [CalendarDay: String] {
        var result: [CalendarDay: String] = [:]
        var stack: [(name: String, line: Int)] = []
        var event: [ContentLine] = [], eventLine = 0
        var sawCalendar = false
        for line in try unfolded(text) {
            let name = line.name
            if name == "BEGIN" {
                let component = line.value.uppercased()
                if stack.isEmpty && component != "VCALENDAR" {
                    throw Problem(line: line.number, message: "the file must start with BEGIN:VCALENDAR, not BEGIN:\(line.value)")
                }
                if component == "VCALENDAR" { sawCalendar = true }
                if component == "VEVENT" { event = []; eventLine = line.number }
                stack.append((component, line.number))
                continue
            }
            if name == "END" {
                guard let open = stack.popLast(), open.name == line.value.uppercased() else {
                    throw Problem(line: line.number, message: "END:\(line.value) closes nothing open" + (stack.last.map { "; BEGIN:\($0.name) on line \($0.line) is still open" } ?? ""))
                }
                if open.name == "VEVENT" {
                    for (day, summary) in try days(of: event, startingOn: eventLine, zone: zone) where result[day]?.isEmpty ?? true {
                        result[day] = summary
                    }
                }
                continue
            }
            guard !stack.isEmpty else { throw Problem(line: line.number, message: "\(name) stands outside BEGIN:VCALENDAR … END:VCALENDAR") }
            if stack.last?.name == "VEVENT" { event.append(line) }
        }
        if let open = stack.last { throw Problem(line: open.line, message: "BEGIN:\(open.name) is never closed with END:\(open.name)") }
        guard sawCalendar else { throw Problem(line: 1, message: "this is not an iCalendar file: it has no BEGIN:VCALENDAR") }
        return result
    }

    // MARK: - Lines

    struct ContentLine {
        var number: Int
        var name: String
        var parameters: [String: String]
        var value: String
    }

    /// Content lines with folding undone, each with the physical line it began on.
    static func unfolded(_ text: String) throws(Problem) -> [ContentLine] {
        var logical: [(Int, String)] = []
        let physical = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (index, raw) in physical.enumerated() {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.first == " " || line.first == "\t" {
                guard !logical.isEmpty else { throw Problem(line: index + 1, message: "a continuation line (starting with a space) has no line to continue") }
                logical[logical.count - 1].1 += line.dropFirst()
            } else if !line.isEmpty {
                logical.append((index + 1, line))
            }
        }
        var result: [ContentLine] = []
        for (number, line) in logical {
            result.append(try parse(line, number))
        }
        return result
    }

    /// `NAME;PARAM=VALUE;…:VALUE`, with quoted parameter values allowed to hold ';' and ':'.
    static func parse(_ line: String, _ number: Int) throws(Problem) -> ContentLine {
        var head = "", inQuotes = false, colon: String.Index?
        for index in line.indices {
            let c = line[index]
            if c == "\"" { inQuotes.toggle() }
            if c == ":" && !inQuotes { colon = index; break }
            head.append(c)
        }
        guard let colon else { throw Problem(line: number, message: "\"\(SafeText.neutralized(String(line.prefix(40))))\" is not a content line (NAME:VALUE)") }
        var parts = head.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        let name = parts.removeFirst().uppercased()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
            throw Problem(line: number, message: "\"\(SafeText.neutralized(name))\" is not a property name")
        }
        var parameters: [String: String] = [:]
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { throw Problem(line: number, message: "the parameter \"\(SafeText.neutralized(part))\" has no value (NAME=VALUE)") }
            parameters[pair[0].uppercased()] = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        }
        return ContentLine(number: number, name: name, parameters: parameters, value: String(line[line.index(after: colon)...]))
    }

    // MARK: - Events

    /// A DTSTART or DTEND: a day, or an instant.
    enum Moment {
        case day(CalendarDay)
        case instant(Date)
    }

    static func days(of event: [ContentLine], startingOn eventLine: Int, zone: TimeZone) throws(Problem) -> [(CalendarDay, String)] {
        var start: (Moment, Int)?, end: Moment?, rule: ContentLine?, summary = ""
        for line in event {
            switch line.name {
            case "DTSTART": start = (try moment(line, zone: zone), line.number)
            case "DTEND": end = try moment(line, zone: zone)
            case "RRULE": rule = line
            case "SUMMARY": summary = unescaped(line.value)
            case "STATUS" where line.value.uppercased() == "CANCELLED": return []
            case "DURATION", "RDATE", "EXDATE", "EXRULE":
                throw Problem(line: line.number, message: "\(line.name) is not supported in a holiday calendar; write each holiday as its own event with DTSTART (and DTEND)")
            default: break
            }
        }
        guard let (first, startLine) = start else { throw Problem(line: eventLine, message: "this VEVENT has no DTSTART, so it names no day") }
        let covered = try coveredDays(from: first, to: end, zone: zone, line: startLine)
        guard let rule else { return covered.map { ($0, summary) } }
        let years = try repeatedYears(rule, from: covered[0], zone: zone)
        var result: [(CalendarDay, String)] = []
        for offset in years {
            for day in covered {
                // RFC 5545: a yearly repetition onto a day that does not exist (29 February) is skipped.
                if let moved = CalendarDay(year: day.year + offset, month: day.month, day: day.day) { result.append((moved, summary)) }
            }
        }
        return result
    }

    static func moment(_ line: ContentLine, zone: TimeZone) throws(Problem) -> Moment {
        let value = line.value.trimmedSpaces
        let isDate = line.parameters["VALUE"]?.uppercased() == "DATE" || (value.count == 8 && line.parameters["VALUE"] == nil)
        if isDate {
            guard let day = basicDay(value) else { throw Problem(line: line.number, message: "\(line.name) \"\(SafeText.neutralized(value))\" is not a date; write YYYYMMDD, e.g. 20261225") }
            return .day(day)
        }
        if let kind = line.parameters["VALUE"], kind.uppercased() != "DATE-TIME" {
            throw Problem(line: line.number, message: "\(line.name) has VALUE=\(kind); only DATE and DATE-TIME are understood")
        }
        var eventZone = zone
        if let id = line.parameters["TZID"] {
            guard let named = TimeZone(identifier: id) else {
                throw Problem(line: line.number, message: "TZID \"\(SafeText.neutralized(id))\" is not a time zone this system knows; use an IANA name such as Europe/Berlin")
            }
            eventZone = named
        }
        var text = value
        if text.hasSuffix("Z") {
            guard line.parameters["TZID"] == nil else { throw Problem(line: line.number, message: "\(line.name) has both TZID and a UTC time (…Z); keep one") }
            text.removeLast()
            eventZone = TimeZone(identifier: "UTC")!
        }
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = basicDay(String(parts[0])), parts[1].count == 6, parts[1].allSatisfy(\.isASCII), let hms = Int(parts[1]),
              hms / 10000 < 24, hms / 100 % 100 < 60, hms % 100 < 61 else {
            throw Problem(line: line.number, message: "\(line.name) \"\(SafeText.neutralized(value))\" is not a date-time; write YYYYMMDDTHHMMSS, e.g. 20261225T090000 (Z for UTC)")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = eventZone
        guard let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day,
                                                            hour: hms / 10000, minute: hms / 100 % 100, second: min(59, hms % 100))) else {
            throw Problem(line: line.number, message: "\(line.name) \"\(SafeText.neutralized(value))\" is not a time that exists")
        }
        return .instant(date)
    }

    /// The business days an event covers: its start day up to (not including) an end day, or every day a timed event touches.
    static func coveredDays(from start: Moment, to end: Moment?, zone: TimeZone, line: Int) throws(Problem) -> [CalendarDay] {
        let first: CalendarDay, last: CalendarDay
        switch (start, end) {
        case (.day(let day), nil):
            (first, last) = (day, day)
        case (.day(let day), .day(let endDay)?):
            guard endDay > day else { throw Problem(line: line, message: "the event ends (DTEND \(endDay)) before the day after it starts (\(day))") }
            (first, last) = (day, endDay.adding(days: -1))
        case (.instant(let at), nil):
            let day = CalendarDay(at, in: zone)
            (first, last) = (day, day)
        case (.instant(let at), .instant(let until)?):
            guard until >= at else { throw Problem(line: line, message: "the event ends (DTEND) before it starts") }
            first = CalendarDay(at, in: zone)
            last = until > at ? CalendarDay(until.addingTimeInterval(-1), in: zone) : first
        default:
            throw Problem(line: line, message: "DTSTART and DTEND must both be dates or both be date-times")
        }
        let length = first.days(until: last)
        guard length < 366 else { throw Problem(line: line, message: "the event lasts \(length + 1) days; a holiday event lasts under a year") }
        return (0...length).map { first.adding(days: $0) }
    }

    /// The year offsets at which a yearly rule repeats the event (0 is the event itself).
    static func repeatedYears(_ rule: ContentLine, from start: CalendarDay, zone: TimeZone) throws(Problem) -> [Int] {
        var frequency: String?, interval = 1, count: Int?, until: CalendarDay?
        for part in rule.value.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1).map { String($0).uppercased() }
            guard pair.count == 2 else { throw Problem(line: rule.number, message: "RRULE part \"\(SafeText.neutralized(String(part)))\" has no value") }
            switch pair[0] {
            case "FREQ": frequency = pair[1]
            case "INTERVAL":
                guard let n = Int(pair[1]), n >= 1 else { throw Problem(line: rule.number, message: "RRULE INTERVAL must be a whole number of 1 or more") }
                interval = n
            case "COUNT":
                guard let n = Int(pair[1]), n >= 1 else { throw Problem(line: rule.number, message: "RRULE COUNT must be a whole number of 1 or more") }
                count = n
            case "UNTIL":
                let text = pair[1]
                guard let day = basicDay(String(text.prefix(8))), text.count == 8 || text.count >= 15 else {
                    throw Problem(line: rule.number, message: "RRULE UNTIL \"\(text)\" is not a date; write YYYYMMDD")
                }
                until = day
            case "BYMONTH" where Int(pair[1]) == start.month, "BYMONTHDAY" where Int(pair[1]) == start.day, "WKST":
                break
            default:
                throw Problem(line: rule.number, message: "RRULE \(pair[0])=\(pair[1]) is not supported; a holiday calendar may repeat yearly on the start's own day (FREQ=YEARLY with INTERVAL, COUNT or UNTIL). Write a holiday that moves (Easter, the fourth Thursday) as one event per year")
            }
        }
        guard frequency == "YEARLY" else {
            throw Problem(line: rule.number, message: "RRULE FREQ=\(frequency ?? "(missing)") is not supported; only FREQ=YEARLY is read")
        }
        guard count == nil || until == nil else { throw Problem(line: rule.number, message: "RRULE has both COUNT and UNTIL; RFC 5545 allows one") }
        var result: [Int] = []
        var offset = 0
        while start.year + offset <= lastRepeatedYear {
            if let count, result.count >= count { break }
            if let until, let occurrence = CalendarDay(year: start.year + offset, month: start.month, day: start.day), occurrence > until { break }
            result.append(offset)
            offset += interval
        }
        return result
    }

    /// YYYYMMDD.
    static func basicDay(_ text: String) -> CalendarDay? {
        guard text.count == 8, text.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text) else { return nil }
        return CalendarDay(year: n / 10000, month: n / 100 % 100, day: n % 100)
    }

    /// A TEXT value with RFC 5545's escapes undone.
    static func unescaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\n", with: " ").replacingOccurrences(of: "\\N", with: " ")
            .replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";").replacingOccurrences(of: "\\\\", with: "\\")
    }
}
