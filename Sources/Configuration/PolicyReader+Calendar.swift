import EscalationKit
import Foundation
import TOMLKit

/// `[calendar]` and `[calendar.hours]`: time zone, holidays and working ranges per weekday.
extension PolicyReader {
    mutating func readCalendar(_ value: TOMLValueConvertible) {
        guard let section = table(value, "calendar") else { return }
        var icsFile: (TOMLValueConvertible, String)?
        for (key, value) in entries(section) {
            let path = "calendar." + key
            switch key {
            case "time_zone": readTimeZone(value, path)
            case "holidays": readHolidays(value, path)
            case "holidays_ics": icsFile = (value, path)
            case "hours": readHours(value, path)
            default: unknownKey(key, in: "calendar", allowed: ConfigurationSchema.calendar)
            }
        }
        // After the loop: timed events are read in the calendar's zone, whichever order the keys come in.
        if let (value, path) = icsFile { readHolidayFile(value, path) }
    }

    /// `holidays_ics = "holidays.ics"`: an iCalendar file (relative to this configuration file's
    /// directory) whose events are holidays too, besides `holidays`. It is read with the configuration,
    /// so an edit to it moves every open deadline at the next command; a bad file stops every command
    /// with its own name and line.
    private mutating func readHolidayFile(_ value: TOMLValueConvertible, _ path: String) {
        guard let name = string(value, path, example: "\"holidays.ics\"") else { return }
        guard !name.isEmpty else { return report(path, "the file name is empty; write e.g. \"holidays.ics\", or remove the key") }
        let url = name.hasPrefix("/") ? URL(fileURLWithPath: name)
            : URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(name)
        guard let data = try? Data(contentsOf: url) else {
            let why = FileManager.default.fileExists(atPath: url.path) ? "cannot be read (check its permissions)" : "does not exist"
            return report(path, "the holiday calendar \(url.path) \(why); the path is relative to this configuration file's directory")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return report(path, "the holiday calendar \(url.path) is not UTF-8 text")
        }
        do {
            let found = try HolidayCalendarFile.holidays(in: text, zone: policy.calendar.timeZone)
            policy.calendar.holidays.formUnion(found.keys)
            for (day, summary) in found where !summary.isEmpty { policy.calendar.holidayNames[day] = summary }
        } catch {
            problemsFromOtherFiles.append(.init(file: url.path, path: "", line: error.line, message: error.message + " (read as holidays by \(path))"))
        }
    }

    private mutating func readTimeZone(_ value: TOMLValueConvertible, _ path: String) {
        guard let name = string(value, path, example: "\"Europe/Berlin\"") else { return }
        if let zone = TimeZone(identifier: name), !name.isEmpty {
            policy.calendar.timeZone = zone
            return
        }
        let advice = "write an IANA name such as \"Europe/Berlin\" or \"America/New_York\""
        report(path, "\"\(name)\" is not a time zone" + NearestName.hint(name, among: TimeZone.knownTimeZoneIdentifiers, otherwise: advice))
    }

    private mutating func readHolidays(_ value: TOMLValueConvertible, _ path: String) {
        guard let array = value.array else {
            report(path, "expected a list of dates, e.g. [\"2026-12-25\"], found \(describe(value))")
            return
        }
        var days: Set<CalendarDay> = []
        for element in array {
            if let date = element.date, let day = CalendarDay(year: date.year, month: date.month, day: date.day) {
                days.insert(day)
            } else if let text = element.string, let day = CalendarDay(text) {
                days.insert(day)
            } else {
                report(path, "\(describe(element)) is not a date; write YYYY-MM-DD, e.g. \"2026-12-25\"")
            }
        }
        policy.calendar.holidays = days
    }

    private mutating func readHours(_ value: TOMLValueConvertible, _ path: String) {
        guard let section = table(value, path) else { return }
        for (key, value) in entries(section) {
            guard let index = ConfigurationSchema.weekdays.firstIndex(of: key) else {
                unknownKey(key, in: path, allowed: ConfigurationSchema.weekdays)
                continue
            }
            let dayPath = path + "." + key
            guard let texts = strings(value, dayPath, example: "[\"09:00-17:00\"]") else { continue }
            guard let ranges = workingRanges(texts, dayPath) else { continue }
            policy.calendar.hours[index + 1] = ranges.isEmpty ? nil : ranges
        }
    }

    /// Parses and checks one day's ranges: each well formed and forward, none overlapping.
    private mutating func workingRanges(_ texts: [String], _ path: String) -> [WorkingRange]? {
        var ranges: [WorkingRange] = []
        var valid = true
        for text in texts {
            let parts = text.split(separator: "-").map { $0.trimmedSpaces }
            guard parts.count == 2, let start = TimeOfDay(parts[0]), let end = TimeOfDay(parts[1]) else {
                report(path, "\"\(text)\" is not a working range; write e.g. \"09:00-17:00\" (HH:MM-HH:MM, 24-hour clock)")
                valid = false
                continue
            }
            guard let range = WorkingRange(start: start, end: end) else {
                let how = start == end ? "starts and ends at the same time" : "ends before it starts"
                report(path, "\"\(text)\" \(how); write the earlier time first, e.g. \"09:00-17:00\" (a range cannot cross midnight: split it at 24:00)")
                valid = false
                continue
            }
            ranges.append(range)
        }
        ranges.sort { $0.start < $1.start }
        for (earlier, later) in zip(ranges, ranges.dropFirst()) where later.start < earlier.end {
            report(path, "\"\(earlier)\" and \"\(later)\" overlap; make them one range or separate them, e.g. \"09:00-12:00\", \"13:00-17:00\"")
            valid = false
        }
        return valid ? ranges : nil
    }
}
