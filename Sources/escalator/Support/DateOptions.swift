import EscalationKit
import EscalationStore
import Foundation
import Invocation

/// A time or date the user gave, or the one-sentence refusal (exit 65) `ISOTime.read`/`ISOTime.day`
/// phrased: every date option and imported date goes through these, so they all refuse alike.
func accepted<T>(_ result: Result<T, TimeProblem>) throws -> T {
    switch result {
    case .success(let value): return value
    case .failure(let problem): throw Failure.badInput(problem.description)
    }
}

/// Deadlines as people type them: a date means the end of that working day (`Intake`).
enum DeadlineText {
    static func read(_ text: String, named name: String, calendar: BusinessCalendar) -> Result<Date, TimeProblem> {
        guard !text.contains("T") else { return ISOTime.read(text, named: name) }
        return ISOTime.day(text, named: name).map { Intake.deadline(endOf: $0, calendar: calendar) }
    }
}
