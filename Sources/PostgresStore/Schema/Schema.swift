/// The store's tables, roles and guards in PostgreSQL, all in the schema `escalator`.
///
/// - `events` is the trail: one row per event, numbered by a gap-free global sequence (the head
///   row's counter, taken under its row lock, because replay needs every number), with the same
///   JSON the directory store writes. A trigger refuses UPDATE, DELETE and TRUNCATE for every role,
///   superusers included; another sets `login` to the session user, whatever the client sent.
///   `unique (escalation, expected_revision)` makes applying one decision twice impossible.
/// - `escalations` is the current state, derived: written in the same transaction as the events
///   that change it, so it never disagrees with them.
/// - `head` is one row: the last sequence number. Every write locks it first, so writers take
///   turns and each decides against the state the one before it left.
/// - `notified` holds one row per clock notification queued: its primary key makes sending one
///   twice impossible, whichever host's cron job gets there first (version 2).
/// - `outbox` is the outbox's records in the order written, as `OutboxFile` keeps them; a
///   delivery is queued once (a unique index on its id), and `hook_log` the failed deliveries (version 2).
enum Schema {
    /// The version this binary creates and reads: the last upgrade's. A store with a higher one is
    /// refused; a lower one is refused too until `init --upgrade` runs the missing steps.
    static var version: Int { upgrades.last?.version ?? 1 }
    /// Advisory lock keys: the one `notify` sending at a time, and the one outbox deliverer.
    static let sendersLock: Int64 = 7_360_128
    static let delivererLock: Int64 = 7_360_129
    static let name = "escalator"
    /// NOTIFY channel; the payload is the newest sequence number.
    static let channel = "escalator_events"
    static let readerRole = "escalator_reader"
    static let writerRole = "escalator_writer"

    /// Statements that create the current version in an empty database, run in one transaction:
    /// version 1, then every upgrade step, so a new store and an upgraded one are the same.
    static var create: [String] { createVersion1 + upgrades.flatMap(\.statements) }

    /// One step from the version before to `version`; each records its version when it is done.
    struct Upgrade {
        let version: Int
        /// What `init --upgrade` reports having done.
        let summary: String
        let statements: [String]
    }

    /// The steps after version 1, in order. Append new ones at the end; never change a released one.
    static let upgrades: [Upgrade] = [
        // The once-only notification record, the outbox and the hooks log, in the store so that
        // two hosts' cron jobs share them.
        Upgrade(version: 2, summary: "tables notified (once-only notifications), outbox (deliveries and their retries), hook_log", statements: [
            """
            CREATE TABLE escalator.notified (
                key text PRIMARY KEY,
                login name NOT NULL DEFAULT session_user,
                recorded_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            """
            CREATE TABLE escalator.outbox (
                position bigserial PRIMARY KEY,
                kind text NOT NULL,
                delivery_id text,
                body text NOT NULL,
                login name NOT NULL DEFAULT session_user,
                recorded_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "CREATE UNIQUE INDEX outbox_queued_once ON escalator.outbox (delivery_id) WHERE kind = 'queued'",
            """
            CREATE TABLE escalator.hook_log (
                position bigserial PRIMARY KEY,
                line text NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now()
            )
            """,
            "GRANT SELECT ON escalator.notified, escalator.outbox, escalator.hook_log TO \(readerRole)",
            "GRANT INSERT ON escalator.notified, escalator.outbox, escalator.hook_log TO \(writerRole)",
            // The hooks log is bounded: its oldest lines go (it is a log, not the trail).
            "GRANT DELETE ON escalator.hook_log TO \(writerRole)",
            "GRANT USAGE ON SEQUENCE escalator.outbox_position_seq, escalator.hook_log_position_seq TO \(writerRole)",
            "INSERT INTO escalator.schema_version (version) VALUES (2)",
        ]),
        // Imported events (`migrate`) keep the login their source recorded in `original_login`,
        // while `login` stays the importer the server saw. Writers may not set it: only the schema's
        // owner (who runs `migrate`) inserts it, so nobody else can put words in another's login.
        Upgrade(version: 3, summary: "events.original_login (the login an imported event had in its source store), an index on event times", statements: [
            "ALTER TABLE escalator.events ADD COLUMN original_login name",
            "REVOKE INSERT ON escalator.events FROM \(writerRole)",
            "GRANT INSERT (sequence, escalation, expected_revision, login, recorded_at, event_time, body) ON escalator.events TO \(writerRole)",
            // The archive cutoff counts back from the newest event time: max() by index at 1M events.
            "CREATE INDEX events_time ON escalator.events (event_time)",
            "INSERT INTO escalator.schema_version (version) VALUES (3)",
        ]),
    ]

    /// Version 1 as it was released.
    static let createVersion1: [String] = [
        "CREATE SCHEMA escalator",
        "CREATE TABLE escalator.schema_version (version integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())",
        "INSERT INTO escalator.schema_version (version) VALUES (1)",
        "CREATE TABLE escalator.head (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), last_sequence bigint NOT NULL)",
        "INSERT INTO escalator.head (last_sequence) VALUES (0)",
        """
        CREATE TABLE escalator.events (
            sequence bigint PRIMARY KEY CHECK (sequence > 0),
            escalation text NOT NULL,
            expected_revision integer NOT NULL CHECK (expected_revision >= 0),
            login name NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            event_time timestamptz NOT NULL,
            body text NOT NULL,
            CONSTRAINT events_applied_once UNIQUE (escalation, expected_revision)
        )
        """,
        """
        CREATE FUNCTION escalator.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'the escalator trail is append-only: % on events is refused', TG_OP
                USING ERRCODE = 'insufficient_privilege';
        END $$
        """,
        """
        CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON escalator.events
            FOR EACH ROW EXECUTE FUNCTION escalator.refuse_change()
        """,
        """
        CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON escalator.events
            FOR EACH STATEMENT EXECUTE FUNCTION escalator.refuse_change()
        """,
        """
        CREATE FUNCTION escalator.stamp_login() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.login := session_user;
            NEW.recorded_at := now();
            RETURN NEW;
        END $$
        """,
        """
        CREATE TRIGGER events_login BEFORE INSERT ON escalator.events
            FOR EACH ROW EXECUTE FUNCTION escalator.stamp_login()
        """,
        """
        CREATE TABLE escalator.escalations (
            id text PRIMARY KEY,
            year integer NOT NULL,
            number integer NOT NULL,
            status text NOT NULL,
            revision integer NOT NULL,
            closed_at timestamptz,
            last_sequence bigint NOT NULL,
            body text NOT NULL
        )
        """,
        // The open view reads the escalations not closed, and the recently closed by date.
        "CREATE INDEX escalations_open ON escalator.escalations (id) WHERE status <> 'closed'",
        "CREATE INDEX escalations_closed_at ON escalator.escalations (closed_at) WHERE status = 'closed'",
        "CREATE INDEX escalations_year_number ON escalator.escalations (year, number)",
        "CREATE INDEX events_escalation ON escalator.events (escalation, sequence)",
        "CREATE TABLE escalator.accounts (key text PRIMARY KEY, body text NOT NULL)",
        // Roles: NOLOGIN groups an admin grants people membership of. Roles belong to the cluster,
        // while init's advisory lock is per database: an init in another database of the same
        // cluster may create them at the same moment, and then this one finds them made.
        """
        DO $$ BEGIN
            BEGIN CREATE ROLE \(readerRole) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            BEGIN CREATE ROLE \(writerRole) NOLOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END;
            BEGIN GRANT \(readerRole) TO \(writerRole); EXCEPTION WHEN unique_violation THEN NULL; END;
        END $$
        """,
        "GRANT USAGE ON SCHEMA escalator TO \(readerRole)",
        "GRANT SELECT ON ALL TABLES IN SCHEMA escalator TO \(readerRole)",
        "GRANT INSERT ON escalator.events TO \(writerRole)",
        "GRANT UPDATE ON escalator.head TO \(writerRole)",
        "GRANT INSERT, UPDATE ON escalator.escalations, escalator.accounts TO \(writerRole)",
    ]

    /// What `init` reports having made.
    static var createdSummary: [String] { [
        "schema escalator (version \(version))",
        "tables events (append-only, login set by the server), escalations, head, accounts, notified, outbox, hook_log, schema_version",
        "roles \(readerRole) (read) and \(writerRole) (read and append), both NOLOGIN",
    ] }
}
