/// The ticket store's schema, oldest step first. Never edit a shipped step: append a new one.
///
/// Conventions: dates are REAL seconds since 1970 (UTC), booleans INTEGER 0/1, lists of addresses
/// or Message-IDs JSON arrays of strings.
enum StoreSchema {
    static let migrations: [Migration] = [
        Migration(version: 1, name: "tickets, messages, outbox, ledgers", sql: version1),
        Migration(version: 2, name: "full-text search over messages", sql: version2),
        Migration(version: 3, name: "bootstrap ceiling of a mailbox, truncated attachments", sql: version3),
        Migration(version: 4, name: "kept messages: disposition and reason code", sql: version4),
        Migration(version: 5, name: "outbox claims (one sender per message)", sql: version5),
    ]

    static let version1 = """
    CREATE TABLE ticket_sequence (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        next_number INTEGER NOT NULL
    );
    CREATE TABLE tickets (
        id INTEGER PRIMARY KEY,
        number TEXT NOT NULL UNIQUE,
        subject TEXT NOT NULL,
        organization TEXT,
        contact_address TEXT NOT NULL,
        contact_name TEXT,
        department TEXT NOT NULL,
        category TEXT NOT NULL,
        priority TEXT NOT NULL DEFAULT 'normal',
        state TEXT NOT NULL CHECK (state IN ('waiting_on_support', 'answered', 'closed')),
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        first_response_at REAL,
        answered_at REAL,
        closed_at REAL,
        related_ticket TEXT,
        language TEXT
    );
    CREATE INDEX tickets_by_organization ON tickets (organization, state);
    -- Partial: only answered tickets are in it, so creating a ticket does not write it.
    CREATE INDEX tickets_answered ON tickets (answered_at) WHERE state = 'answered';
    CREATE TABLE raw_messages (
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL
    );
    CREATE TABLE messages (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        author TEXT NOT NULL CHECK (author IN ('customer', 'staff', 'system')),
        from_address TEXT NOT NULL,
        from_name TEXT,
        to_json TEXT NOT NULL DEFAULT '[]',
        cc_json TEXT NOT NULL DEFAULT '[]',
        message_id TEXT,
        in_reply_to TEXT,
        references_json TEXT NOT NULL DEFAULT '[]',
        subject TEXT NOT NULL,
        reply TEXT NOT NULL,
        body TEXT NOT NULL,
        raw_sha256 TEXT REFERENCES raw_messages (sha256),
        mailbox TEXT,
        received_at REAL NOT NULL
    );
    CREATE INDEX messages_by_message_id ON messages (message_id);
    CREATE INDEX messages_by_ticket ON messages (ticket_id, received_at);
    CREATE TABLE attachments (
        id INTEGER PRIMARY KEY,
        message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
        filename TEXT,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        inline INTEGER NOT NULL DEFAULT 0,
        content_id TEXT
    );
    CREATE INDEX attachments_by_message ON attachments (message_id);
    CREATE INDEX attachments_by_sha256 ON attachments (sha256);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        at REAL NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        actor TEXT
    );
    CREATE INDEX events_by_ticket ON events (ticket_id, at);
    CREATE TABLE processed_messages (
        dedupe_key TEXT PRIMARY KEY,
        ticket_id INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
        mailbox TEXT NOT NULL,
        outcome TEXT NOT NULL,
        at REAL NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER REFERENCES tickets (id) ON DELETE SET NULL,
        template TEXT NOT NULL,
        envelope_from TEXT NOT NULL,
        recipients_json TEXT NOT NULL,
        message_id TEXT,
        bytes BLOB NOT NULL,
        automatic INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at REAL NOT NULL,
        last_error TEXT,
        created_at REAL NOT NULL,
        sent_at REAL
    );
    CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'queued';
    CREATE INDEX outbox_by_message_id ON outbox (message_id) WHERE message_id IS NOT NULL;
    -- One row per recipient of an automatic message, so the per-sender rate limit (RFC 3834 §2)
    -- is one range scan of this b-tree instead of a JSON scan of the outbox.
    CREATE TABLE automatic_recipients (
        address TEXT NOT NULL,
        created_at REAL NOT NULL,
        outbox_id INTEGER NOT NULL REFERENCES outbox (id) ON DELETE CASCADE,
        PRIMARY KEY (address, created_at, outbox_id)
    ) WITHOUT ROWID;
    CREATE TABLE held_messages (
        id INTEGER PRIMARY KEY,
        mailbox TEXT NOT NULL,
        from_address TEXT NOT NULL,
        subject TEXT NOT NULL,
        reason TEXT NOT NULL,
        raw BLOB NOT NULL,
        received_at REAL NOT NULL
    );
    CREATE TABLE mailbox_state (
        name TEXT PRIMARY KEY,
        uid_validity INTEGER,
        last_uid INTEGER NOT NULL DEFAULT 0,
        last_poll_at REAL,
        last_error TEXT,
        dead_letters INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE time_log (
        id INTEGER PRIMARY KEY,
        ticket_id INTEGER NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
        who TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        text TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX time_log_by_ticket ON time_log (ticket_id, at);
    """

    /// FTS5 index over the messages, kept in sync by triggers; accents folded so `informacion`
    /// finds `información`. Existing messages are indexed by the `rebuild` command.
    /// `columnsize = 0`: no per-row sizes (only bm25 ranking needs them, and we do not rank), one
    /// b-tree fewer written per stored message.
    static let version2 = """
    CREATE VIRTUAL TABLE messages_fts USING fts5 (
        subject, reply, body,
        content = 'messages', content_rowid = 'id', columnsize = 0,
        tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN
        INSERT INTO messages_fts (rowid, subject, reply, body) VALUES (new.id, new.subject, new.reply, new.body);
    END;
    CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, subject, reply, body) VALUES ('delete', old.id, old.subject, old.reply, old.body);
    END;
    CREATE TRIGGER messages_fts_update AFTER UPDATE OF subject, reply, body ON messages BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, subject, reply, body) VALUES ('delete', old.id, old.subject, old.reply, old.body);
        INSERT INTO messages_fts (rowid, subject, reply, body) VALUES (new.id, new.subject, new.reply, new.body);
    END;
    INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');
    """

    /// `mailbox_state.unseen_through`: while a mailbox is bootstrapped (first poll, or a new
    /// UIDVALIDITY), messages up to this UID that were already `\Seen` are old mail, not work;
    /// NULL once the poller has passed it (then every UID above `last_uid` is work).
    /// `attachments.truncated`: the file holds only the start of the attachment because the
    /// message exceeded `max_message_bytes` and was fetched in part.
    static let version3 = """
    ALTER TABLE mailbox_state ADD COLUMN unseen_through INTEGER;
    ALTER TABLE attachments ADD COLUMN truncated INTEGER NOT NULL DEFAULT 0;
    """

    /// Every message not ticketed is kept (issue #10): `held_messages` also keeps rejected mail,
    /// told apart by `disposition`; `reason_code` is the English code of the reason (`reason`
    /// keeps the words). Rows from before are held, their code derived from their words.
    static let version4 = """
    ALTER TABLE held_messages ADD COLUMN disposition TEXT NOT NULL DEFAULT 'held' CHECK (disposition IN ('held', 'rejected'));
    ALTER TABLE held_messages ADD COLUMN reason_code TEXT NOT NULL DEFAULT '';
    UPDATE held_messages SET reason_code = CASE
        WHEN reason = 'unknown sender' THEN 'unknown_sender'
        WHEN reason LIKE 'sender not authentic%' THEN 'not_authentic'
        WHEN reason LIKE '%open tickets' THEN 'open_ticket_limit'
        WHEN reason = 'staff mail naming no ticket' THEN 'staff_without_ticket'
        WHEN reason = 'no usable From address' THEN 'missing_sender'
        ELSE 'unknown_sender' END;
    CREATE INDEX held_messages_by_disposition ON held_messages (disposition, received_at);
    """

    /// Outbox claims: a sender takes a row (`claimed_by`, `claimed_until`) in a transaction before
    /// sending it, so two daemons on one database never send the same notice. The claim is a
    /// lease: a row claimed by a process that died is due again once `claimed_until` has passed.
    static let version5 = """
    ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
    ALTER TABLE outbox ADD COLUMN claimed_until REAL;
    """
}
