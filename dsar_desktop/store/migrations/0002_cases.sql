-- Cases, their people, suspensions of the clock and the human timeline.
CREATE TABLE cases (
    id                     INTEGER PRIMARY KEY,
    ref                    TEXT NOT NULL UNIQUE,          -- DSAR-2027-0001
    status                 TEXT NOT NULL,
    channel                TEXT NOT NULL,
    received_at            TEXT NOT NULL,                 -- ISO 8601 with the Paris offset
    received_date          TEXT NOT NULL,                 -- Paris calendar date YYYY-MM-DD
    language               TEXT NOT NULL DEFAULT 'fr',
    rights                 TEXT NOT NULL,                 -- JSON array of right codes
    subject_name           TEXT NOT NULL,                 -- "First LAST"
    subject_email          TEXT,
    subject_phone          TEXT,
    subject_dob            TEXT,                          -- YYYY-MM-DD
    subject_address        TEXT,                          -- postal block, lines separated by \n
    subject_student_number TEXT,
    requester_name         TEXT,                          -- NULL when the subject acts
    requester_capacity     TEXT NOT NULL DEFAULT 'self',  -- self|parent|lawyer|representative
    requester_email        TEXT,
    requester_address      TEXT,
    search_text            TEXT NOT NULL DEFAULT '',      -- folded ref, names, e-mails for instant search
    extended               INTEGER NOT NULL DEFAULT 0,
    extension_reason       TEXT,
    extension_notice_date  TEXT,
    legal_due              TEXT NOT NULL,                 -- D1 with suspensions
    policy_target          TEXT NOT NULL,
    current_due            TEXT NOT NULL,                 -- D1 or D3 when extended
    closure_reason         TEXT,                          -- refusal / withdrawal / unfounded reason
    manifestly_unfounded   INTEGER NOT NULL DEFAULT 0,
    priority_flag          TEXT,                          -- e.g. 'minor_erasure' (LIL art. 51)
    dispatch_date          TEXT,
    dispatch_number        TEXT,
    pack_sha256            TEXT,
    created_at             TEXT NOT NULL,
    updated_at             TEXT NOT NULL,
    closed_at              TEXT
);
CREATE INDEX cases_status_due ON cases(status, current_due);
CREATE INDEX cases_received ON cases(received_date);

CREATE TABLE suspensions (
    id        INTEGER PRIMARY KEY,
    case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL DEFAULT 'identity',
    started   TEXT NOT NULL,        -- date the request for ID was sent
    ended     TEXT                  -- date the ID arrived; NULL while suspended
);
CREATE INDEX suspensions_case ON suspensions(case_id);

CREATE TABLE case_events (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    at_utc   TEXT NOT NULL,
    actor    TEXT NOT NULL,
    kind     TEXT NOT NULL,         -- created, transition, extended, note, ...
    summary  TEXT NOT NULL,         -- English one-liner (the UI translates by kind)
    details  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX case_events_case ON case_events(case_id, id);
