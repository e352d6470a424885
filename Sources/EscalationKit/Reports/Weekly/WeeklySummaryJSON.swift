extension WeeklySummary {
    /// The summary as JSON with seed 000's keys in seed 000's order, pretty-printed with two spaces;
    /// `average_resolution_time_days` always with one decimal (4.2).
    public var json: String {
        OrderedJSON.object([
            ("report_date", .string(reportDate)),
            ("active_escalations", .int(activeEscalations)),
            ("new_this_week", .int(newThisWeek)),
            ("resolved_this_week", .int(resolvedThisWeek)),
            ("stalled", .int(stalled)),
            ("average_resolution_time_days", averageResolutionTimeDays.map { .decimal($0, places: 1) } ?? .null),
            ("escalations", .array(escalations.map { item in
                .object([
                    ("id", .string(item.id)),
                    ("account", .string(item.account)),
                    ("category", .string(item.category)),
                    ("severity", .string(item.severity)),
                    ("status", .string(item.status)),
                    ("days_open", .int(item.daysOpen)),
                    ("owner", .string(item.owner)),
                    ("arr_at_risk", .int(item.arrAtRisk)),
                    ("customer_sentiment", .string(item.customerSentiment)),
                    ("next_update_due", .string(item.nextUpdateDue)),
                ])
            })),
            ("trends", .object([
                ("most_common_category", .string(trends.mostCommonCategory)),
                ("avg_time_to_acknowledge", .string(trends.avgTimeToAcknowledge)),
                ("stall_rate", .string(trends.stallRate)),
            ])),
        ]).rendered() + "\n"
    }
}
