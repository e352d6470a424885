/// `list --json` written by hand, fields in the order JSONEncoder's sorted snake_case keys give.
extension EscalationSummary: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("account", account)
            json.field("age_days", ageDays)
            json.field("arr", arr)
            json.field("category", category)
            json.field("created_at", createdAt)
            json.field("currency", currency)
            json.field("flags", flags)
            json.field("id", id)
            json.field("next_deadline", nextDeadline)
            json.field("next_update_due", nextUpdateDue)
            json.field("owner", owner)
            json.field("segment", segment)
            json.field("severity", severity)
            json.field("status", status)
            json.field("team", team)
            json.field("tier", tier)
            json.field("title", title)
        }
    }
}

extension ClockSummary: PrettyJSONWritable {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.field("basis", basis)
            json.field("deadline", deadline)
            json.field("kind", kind)
            json.field("rule", rule)
            json.field("seconds_remaining", secondsRemaining)
            json.field("start", start)
            json.field("state", state)
            json.field("stopped_at", stoppedAt)
            json.field("target", target)
            json.field("used_percent", usedPercent)
            json.field("warning", warning)
        }
    }
}
