/// The commented configuration file that states every default of `Policy.standard` (and the
/// board's settings), as `escalator config` prints it for a team to save beside its store and edit.
/// A test keeps it equal to the built-in defaults.
public enum DefaultConfiguration {
    /// The file's text.
    public static let text = #"""
# Escalator routing rules
# =======================
#
# Every number Escalator uses to route, time and score escalations lives in this file, so a
# CS team changes its rules here, without a new build. The values below are the shipped
# defaults (domain.md); this file and the built-in defaults are kept equal by a test.
#
# How to use it
# - Copy this file next to your store as `<store>/escalator.toml`, or point ESCALATOR_CONFIG
#   at it. Without either, Escalator uses these defaults.
# - You may delete anything you do not change: a missing key keeps its default. A file that
#   only says `[categories.security]` and `acknowledge = "30m"` is a complete configuration.
# - Lists (informed teams, holidays, working ranges, members) replace the default list as a whole.
# - A mistake stops Escalator with the file, the line and what to write instead; nothing is
#   silently ignored, so a misspelt key is an error, not a forgotten rule.
#
# Durations are written in quotes as a number and a unit: "30m" minutes, "4h" hours,
# "5d" days, "2w" weeks, or "eod" for the end of the business day. In business time a day is
# one working day and a week five working days; in calendar time a day is 24 hours.


# --- Business calendar --------------------------------------------------------------------
# When the team works. Business-time targets only count these hours.
[calendar]
# An IANA time zone name, e.g. "Europe/Berlin", "Europe/London", "America/New_York".
# Deadlines follow its daylight-saving changes.
time_zone = "Europe/Berlin"
# Days nobody works, as "YYYY-MM-DD", e.g. ["2026-12-24", "2026-12-25", "2026-12-26"].
holidays = []
# Holidays from an iCalendar file as well (a public-holiday feed, a company calendar): each
# event's days, all-day or timed, and yearly repeats (RRULE:FREQ=YEARLY). The path is relative
# to this file's directory. Editing the file moves open deadlines at the next command.
# holidays_ics = "holidays.ics"

# Working ranges per weekday, 24-hour clock. A day may have several ranges, e.g.
# ["09:00-12:30", "13:30-17:00"] for a lunch break. An empty list means the day is not worked.
# Ranges must not overlap and must not cross midnight. At least one day must have hours.
[calendar.hours]
monday = ["09:00-17:00"]
tuesday = ["09:00-17:00"]
wednesday = ["09:00-17:00"]
thursday = ["09:00-17:00"]
friday = ["09:00-17:00"]
saturday = []
sunday = []


# --- Which time each severity counts ------------------------------------------------------
# "calendar" counts every hour of the clock; "business" counts only the working hours above.
[time_basis]
critical = "calendar"
high = "business"
medium = "business"


# --- Categories: where each kind of escalation goes, and how fast -------------------------
# For each category:
#   team            the one team it is routed to (a key of [teams] below)
#   informed        teams that are told, never routed to
#   acknowledge     the receiving team must acknowledge (name an owner) within this time
#   resolve         resolve (or respond) target per severity
#   resolve_meaning what "resolved" means for this category, shown on the board and in briefs
#   bypass_tiers    true: acknowledged within its own target whatever the tier (security)
#   basis           "by_severity" follows [time_basis]; "business" or "calendar" overrides it
#   waiting         while an escalation waits (`escalator wait ID --on customer|vendor|internal`)
#                   the resolve and stall clocks stop, the acknowledge clock never does:
#                   pauses_internal_update   true: the internal update cadence stops too
#                   customer_update_resumes  true: a customer update ends a wait on the customer
# The categories are fixed: product_defect, feature_gap, service_failure, commercial_dispute,
# relationship_at_risk, executive_intervention, cross_functional, security.

[categories.product_defect]
team = "engineering"
informed = ["support"]
acknowledge = "4h"
resolve = { critical = "24h", high = "48h", medium = "72h" }
resolve_meaning = "resolution"
bypass_tiers = false
basis = "by_severity"
waiting = { pauses_internal_update = true, customer_update_resumes = true }

[categories.feature_gap]
team = "product"
informed = []
acknowledge = "48h"
resolve = { critical = "2w", high = "2w", medium = "2w" }
resolve_meaning = "decision on approach"
bypass_tiers = false
basis = "by_severity"
waiting = { pauses_internal_update = true, customer_update_resumes = true }

[categories.service_failure]
team = "cs_leadership"
informed = ["support_leadership"]
acknowledge = "4h"
resolve = { critical = "24h", high = "24h", medium = "24h" }
resolve_meaning = "remediation plan"
bypass_tiers = false
basis = "by_severity"
waiting = { pauses_internal_update = false, customer_update_resumes = true }

[categories.commercial_dispute]
team = "cs_leadership"
informed = ["finance"]
acknowledge = "48h"
resolve = { critical = "1w", high = "1w", medium = "1w" }
resolve_meaning = "resolution"
bypass_tiers = false
basis = "by_severity"
waiting = { pauses_internal_update = true, customer_update_resumes = true }

[categories.relationship_at_risk]
team = "cs_leadership"
informed = []
acknowledge = "24h"
resolve = { critical = "48h", high = "48h", medium = "48h" }
resolve_meaning = "CSM + manager strategy session"
bypass_tiers = false
basis = "by_severity"
waiting = { pauses_internal_update = true, customer_update_resumes = true }

[categories.executive_intervention]
team = "executive_office"
informed = ["cs_leadership"]
# "eod": the same business day (the next working day's end when raised after hours).
acknowledge = "eod"
resolve = { critical = "48h", high = "48h", medium = "48h" }
resolve_meaning = "executive response"
bypass_tiers = false
basis = "by_severity"
waiting = { pauses_internal_update = true, customer_update_resumes = true }

[categories.cross_functional]
# The seeds give no targets for this category; 24h and 1w are our defaults.
team = "team_leads"
informed = []
acknowledge = "24h"
resolve = { critical = "1w", high = "1w", medium = "1w" }
resolve_meaning = "coordinated plan"
bypass_tiers = false
basis = "by_severity"
waiting = { pauses_internal_update = true, customer_update_resumes = true }

[categories.security]
# Security goes straight to the Security team, whatever the tier, and counts every hour.
team = "security"
informed = []
acknowledge = "1h"
resolve = { critical = "24h", high = "48h", medium = "72h" }
resolve_meaning = "containment per security policy"
bypass_tiers = true
basis = "calendar"
waiting = { pauses_internal_update = false, customer_update_resumes = true }


# --- Tiers (1 to 4): response target and who responds -------------------------------------
# The acknowledgement deadline is the stricter of the category's and the tier's.
[tiers.1]
name = "Standard"
response = "4h"
stakeholders = "Support agent"

[tiers.2]
name = "Complex technical"
response = "2h"
stakeholders = "Senior engineer"

[tiers.3]
name = "Critical / multi-customer"
response = "1h"
stakeholders = "Engineering lead, CSM"

[tiers.4]
name = "Business critical"
response = "30m"
stakeholders = "Director, VP, executive"


# --- Stalled: no progress for this long moves an escalation to Stalled --------------------
[stall]
critical = "48h"
critical_basis = "calendar"
# Every other severity.
other = "5d"
other_basis = "business"


# --- Follow-up cadence per severity -------------------------------------------------------
#   internal_every    how often the team must hear about progress
#   customer_every    a customer update is due after this long ...
#   customer_at_most  ... and overdue after this long ("every 2-4 hours")
[cadence.critical]
internal_every = "2h"
customer_every = "2h"
customer_at_most = "4h"

[cadence.high]
internal_every = "4h"
customer_every = "4h"
customer_at_most = "8h"

[cadence.medium]
internal_every = "1d"
customer_every = "1d"
customer_at_most = "2d"


# --- Breach warnings ----------------------------------------------------------------------
# Fractions of a target at which the board warns: 0.5 is half the time used, 1.0 the breach.
# Each must be more than 0 and at most 1.
[warnings]
thresholds = [0.5, 0.75, 1.0]


# --- How long closed escalations stay in view ---------------------------------------------
[retention]
# Closed escalations older than this many days move to the archive (reports can still read it).
archive_after_days = 14
# Closed escalations stay on the board and in `list` this many days.
recently_closed_days = 14


# --- Teams --------------------------------------------------------------------------------
# The roster that categories route to. The key (e.g. engineering) is what categories name;
# name is what people see. lead, members and channel are optional.
# Add a team with a new [teams.<key>] section; the teams below always exist.

[teams.engineering]
name = "Engineering"
lead = ""
members = []
channel = "support platform"

[teams.support]
name = "Support"
lead = ""
members = []
channel = ""

[teams.product]
name = "Product management"
lead = ""
members = []
channel = ""

[teams.cs_leadership]
name = "CS leadership"
lead = ""
members = []
channel = ""

[teams.support_leadership]
name = "Support leadership"
lead = ""
members = []
channel = ""

[teams.finance]
name = "Finance"
lead = ""
members = []
channel = ""

[teams.executive_office]
name = "CRO / CEO office"
lead = ""
members = []
channel = ""

[teams.team_leads]
name = "Relevant team leads"
lead = ""
members = []
channel = ""

[teams.security]
name = "Security"
lead = ""
members = []
channel = ""


# --- People -------------------------------------------------------------------------------
# The roster names each person once: the key is their login (what ESCALATOR_USER or the system
# login says), name is what the board and the reports show, team is a key of [teams.*]; email
# and chat (a handle for hooks, e.g. "@lena") are optional. Owners are stored as logins; an
# owner can be typed as the login or any part of the name ("lena", "Vogel", "Lena Vogel").
# A name that matches no one is kept as typed, with a warning. For example:
#   [people.lena]
#   name = "Lena Vogel"
#   team = "cs_leadership"
#   email = "lena@example.com"
#   chat = "@lena"


# --- Scoring (the escalation decision) ----------------------------------------------------
# Four dimensions scored 1-5 add up to 4-20. A total up to handle_up_to: handle it yourself;
# up to support_up_to: escalate for support; up to urgency_up_to: escalate with urgency;
# above: escalate immediately. Each edge must be higher than the one before, below 20.
[scoring]
handle_up_to = 8
support_up_to = 13
urgency_up_to = 17
# Account value is suggested from ARR: below low_value_arr scores 1, up to high_value_arr 3,
# above it 5 (strategic accounts always 5). ARR in another currency is compared as-is.
low_value_arr = 10000
high_value_arr = 50000


# --- Notification hooks -------------------------------------------------------------------
# A hook is a program that receives the notification as JSON on standard input (never on its
# command line). It is stopped after timeout_seconds; its failure is reported, and never undoes
# the change that triggered it. Failures are logged in hooks.log in the store, which becomes
# hooks.log.1 (replacing the previous one) when it would pass log_limit_kb.
# Every notification is written to outbox.log in the store before its hooks run; a failed or
# timed-out delivery is tried again after 1 minute, then twice as long each time (at most an
# hour apart) for retry_hours, then marked dead (`escalator outbox` lists them).
[hooks]
timeout_seconds = 10
log_limit_kb = 1024
retry_hours = 24

# Programs to run per event kind (lower case with underscores), for example:
#   routed = ["/usr/local/bin/notify-slack"]
#   breach_warning = ["/usr/local/bin/page-oncall", "/usr/local/bin/notify-slack"]
# Kinds: routed, acknowledged, stalled, breach_warning, resolved, closed, ...
[hooks.commands]

# --- Escalation chains --------------------------------------------------------------------
# Who is told, in turn, while nobody acknowledges an escalation (`escalator notify` sends each
# level once, as a reescalated notification naming the level). Each level is WHO@PERCENT of the
# acknowledge target: contact (the routed team's channel), lead (its lead), team:ID (a team
# below) or person:NAME. After the last level it is repeated every repeat_every_hours, at most
# repeat_times times. [chains.<category>] (e.g. [chains.security]) replaces it for a category.
[chains.default]
levels = ["contact@0", "lead@50", "team:cs_leadership@100"]
repeat_every_hours = 4
repeat_times = 3

# ---------------------------------------------------------------------------
# The board's look (not part of the routing rules).
# theme: a name from Themes/ (default, light, high-contrast, solarized, monochrome),
# a theme in <store>/themes/ or ~/.config/escalator/themes/, or a file's path.
# `escalator board --theme NAME` and `:theme NAME` inside the board override it.
[board]
theme = "default"

# ---------------------------------------------------------------------------------------------
# The board's keys (escalator board). Each action takes one key or a list; a key given here is
# taken away from any other action on the same screen. Keys: one character ("a", "A", ":"),
# ctrl-LETTER, or enter, esc, tab, shift-tab, space, up, down, left, right, home, end, pgup,
# pgdn, backspace, delete. Where text is typed (the find and command lines, prompts, the form)
# a character is always text, so those actions take ctrl-LETTER or a named key. The help
# screen (?) shows the keys in force. Actions: up, down, left, right, first, last, page_up,
# page_down, open, back, advance, move_back, acknowledge, note, customer_update, assign,
# severity, tier, close, wait, find, next_match, previous_match, clear_filter, sort, command, undo,
# help, quit, new_escalation, edit, brief, reports, messages, submit, cancel, clear_text,
# erase, erase_forward, toggle_mine, toggle_critical, toggle_breaching, toggle_stalled,
# toggle_due, complete, history_back, history_forward, yes, no, next_field, previous_field,
# line_start, line_end, external_editor, save, fix_findings, copy_brief, write_brief,
# next_page, previous_page, brief_page, customer_draft, team_draft, management_draft,
# executive_draft, weekly_page, tier_page, category_page, segment_page. For example:
#   acknowledge = "A"
#   undo = ["z", "ctrl-z"]
[board.keys]
"""#
}
