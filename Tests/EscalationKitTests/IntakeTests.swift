import EscalationKit
import Foundation
import Testing

/// The intake rules the command line and the board's form both ask.
@Suite struct IntakeTests {
    @Test func aCriticalEscalationDefaultsToTierThree() {
        #expect(Intake.defaultTier(for: .critical) == .criticalMultiCustomer)
        #expect(Intake.defaultTier(for: .high) == .standard)
        #expect(Intake.defaultTier(for: nil) == .standard)
    }

    @Test func anOverrideNeedsAReason() throws {
        #expect(Intake.overrides(.critical, suggested: .high))
        #expect(!Intake.overrides(.high, suggested: .high))
        #expect(!Intake.overrides(.high, suggested: nil))
        #expect(throws: LifecycleError.self) { try Intake.overrideReason("  ", severity: .critical, suggested: .high) }
        #expect(try Intake.overrideReason(" Board-level account ", severity: .critical, suggested: .high) == "Board-level account")
        #expect(try Intake.overrideReason("ignored", severity: .high, suggested: .high) == nil)
    }

    @Test func aDeadlineGivenAsADayIsThatDaysEndOfWork() {
        let calendar = Policy.standard.calendar
        let friday = CalendarDay(year: 2026, month: 3, day: 13)!
        let end = Intake.deadline(endOf: friday, calendar: calendar)
        let close = calendar.hours[friday.weekday]!.map(\.end.minutes).max()!
        #expect(end == friday.start(in: calendar.timeZone).addingTimeInterval(Double(close) * 60))
        let sunday = CalendarDay(year: 2026, month: 3, day: 15)!
        #expect(Intake.deadline(endOf: sunday, calendar: calendar) == sunday.start(in: calendar.timeZone).addingTimeInterval(17 * 3600))
    }

    @Test func aTitleIsOneLine() {
        #expect(Intake.titleProblem("API latency on reports") == nil)
        #expect(Intake.titleProblem("Ångström 東京 🌿") == nil)
        for bad in ["Two\nlines", "A\ttab", "CR\r", "Esc\u{1B}[31m"] {
            #expect(Intake.titleProblem(bad) != nil, "\(bad.debugDescription)")
        }
        let lifecycle = Lifecycle(policy: .standard)
        let draft = Draft(title: "Two\nlines", account: Account(name: "Acme", arr: Money(0)), category: .security, severity: .high,
                          tier: .standard, team: "security", brief: Brief())
        #expect(throws: LifecycleError.self) { try lifecycle.validate(draft) }
    }
}
