-- Requests that came by e-mail (or were pasted or typed): the message itself, kept inside the
-- register as the request, with its attachments; and how the reply was dispatched.
CREATE TABLE case_messages (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    format           TEXT NOT NULL,          -- eml | msg | pasted | typed
    message_id       TEXT,                   -- the Message-ID header, to thread the reply and spot duplicates
    sender_name      TEXT,
    sender_email     TEXT,
    subject          TEXT,
    received_at      TEXT,                   -- ISO 8601, Paris offset
    received_source  TEXT,                   -- Received | Date | pasted | ... (which header gave it)
    received_header  TEXT,                   -- that header's text, as read
    body_text        TEXT NOT NULL DEFAULT '',  -- the request's text (plain text only, never HTML)
    raw              BLOB,                   -- the original file; NULL once an attachment in it went to the ID check
    raw_sha256       TEXT,                   -- of the original file, kept even after raw is cleared
    raw_size         INTEGER NOT NULL DEFAULT 0,
    raw_note         TEXT,                   -- why raw was cleared
    added_by         TEXT NOT NULL,
    added_at         TEXT NOT NULL
);
CREATE INDEX case_messages_case ON case_messages(case_id);
CREATE INDEX case_messages_message_id ON case_messages(message_id);
CREATE INDEX case_messages_sender ON case_messages(sender_email);

CREATE TABLE message_attachments (
    id             INTEGER PRIMARY KEY,
    message_id     INTEGER NOT NULL REFERENCES case_messages(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    media_type     TEXT NOT NULL,
    size           INTEGER NOT NULL,
    sha256         TEXT NOT NULL,
    looks_like_id  INTEGER NOT NULL DEFAULT 0,
    content        BLOB,                     -- NULL once moved to the ID check (destroyed there with the scan)
    scan_id        INTEGER                   -- attachments.id of the scan it became
);
CREATE INDEX message_attachments_message ON message_attachments(message_id);

-- Each dispatch of a reply as a person recorded it: when, how (email | post | hand) and where to.
CREATE TABLE dispatches (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    sent_on     TEXT NOT NULL,
    channel     TEXT,
    address     TEXT,
    number      TEXT,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX dispatches_case ON dispatches(case_id, id);
