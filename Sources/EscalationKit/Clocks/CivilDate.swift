/// Proleptic Gregorian dates as day counts since 1970-01-01 and back (Howard Hinnant's
/// days-from-civil and civil-from-days): the one implementation the clocks, the reports and the
/// store's fast time reader and writer share.
public enum CivilDate {
    /// Days since 1970-01-01 of `year`-`month`-`day` (month 1–12; the day is not checked).
    @inlinable public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day count since 1970-01-01 (the inverse of `days(year:month:day:)`).
    @inlinable public static func date(fromDays number: Int) -> (year: Int, month: Int, day: Int) {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let d = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let m = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
