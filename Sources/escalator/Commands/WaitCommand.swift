import ArgumentParser
import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// Puts an escalation on hold while it waits on someone: the resolve and stall clocks stop.
struct WaitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wait",
        abstract: "Put an escalation on hold while it waits on the customer, a vendor or an internal team.",
        discussion: """
        While it waits, the resolve and stall clocks stop (and the internal update cadence, where the \
        category's `waiting` rule says so); the acknowledge clock never stops. The wait ends with \
        `escalator resume`, at --until, or, where the category says so, when a customer update is \
        logged on a wait on the customer. Each deadline then moves by the time the wait took.
        """
    )

    @Argument(help: "The escalation, e.g. ESC-2026-0042.") var id: String
    @Option(help: "Who it waits on: customer, vendor or internal.") var on: WaitParty
    @Option(help: "What it waits for.") var reason: String
    @Option(help: "When it resumes by itself: YYYY-MM-DD (the start of that day) or an ISO 8601 time.") var until: String?
    @OptionGroup var options: ChangeOptions

    func run() throws {
        try reporting {
            let session = try Session.open(options.storeOptions, focus: id)
            var end: Date?
            if let until {
                guard let date = WaitUntilText.parse(until, calendar: session.policy.calendar) else {
                    throw Failure.badInput("--until must be a date (2026-03-14) or an ISO 8601 time, not \"\(safe(until))\"; nothing was changed.")
                }
                end = date
            }
            try reportChange(try session.commit(.wait(on: on, reason: reason, until: end), on: id), in: session, json: options.json)
        }
    }
}

extension WaitParty: ExpressibleByArgument {}

/// `--until`: a day means its first moment in the calendar's zone (the wait is over when that day begins).
enum WaitUntilText {
    static func parse(_ text: String, calendar: BusinessCalendar) -> Date? {
        if let day = CalendarDay(text) { return day.start(in: calendar.timeZone) }
        guard text.contains("T") else { return nil }
        return ISOTime.parse(text)
    }
}
