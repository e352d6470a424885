import Foundation
import EscalationKit

/// A deadline typed as a day means the end of that working day, as on the command line.
enum DeadlineDay {
    static func date(_ day: CalendarDay, calendar: BusinessCalendar) -> Date {
        let end = calendar.hours[day.weekday]?.map(\.end.minutes).max() ?? 17 * 60
        return day.start(in: calendar.timeZone).addingTimeInterval(Double(end) * 60)
    }
}
