-- Identity: requests for proof (with their reason), checklists and decisions, and the scans
-- held inside the register only until the decision (then deleted with secure_delete).
CREATE TABLE identity_requests (
    id             INTEGER PRIMARY KEY,
    case_id        INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    party          TEXT NOT NULL DEFAULT 'subject',              -- subject|requester
    proof_kind     TEXT NOT NULL DEFAULT 'identity_document',    -- identity_document|parental_authority|mandate
    reason         TEXT NOT NULL CHECK (length(trim(reason)) > 0), -- the reasonable doubt (Art. 12(6))
    sent_on        TEXT NOT NULL,                                -- YYYY-MM-DD: the suspension starts
    received_on    TEXT,                                         -- YYYY-MM-DD: the proof arrived, suspension ends
    suspension_id  INTEGER REFERENCES suspensions(id) ON DELETE SET NULL,
    letter_sha256  TEXT,
    actor          TEXT NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE INDEX identity_requests_case ON identity_requests(case_id, id);

CREATE TABLE identity_checks (
    id                    INTEGER PRIMARY KEY,
    case_id               INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    request_id            INTEGER REFERENCES identity_requests(id) ON DELETE SET NULL,
    party                 TEXT NOT NULL DEFAULT 'subject',
    method                TEXT NOT NULL,     -- email_on_file|student_number|data_matching|id_document|parental_authority|mandate
    proof_kind            TEXT,              -- NULL when identity was established by other means
    document_type         TEXT,
    issuing_country       TEXT,
    document_number_last4 TEXT CHECK (document_number_last4 IS NULL OR length(document_number_last4) <= 4),
    expiry_date           TEXT,
    name_status           TEXT,              -- match|partial|mismatch|missing
    name_difference       TEXT,
    dob_status            TEXT,
    dob_difference        TEXT,
    signature_present     INTEGER,
    mrz_format            TEXT,
    mrz_valid             INTEGER,
    mrz_checks            TEXT,              -- JSON {check name: bool}
    items                 TEXT NOT NULL DEFAULT '[]',  -- JSON [{key, status}] of the checklist
    decision              TEXT NOT NULL CHECK (decision IN ('verified', 'rejected', 'more_needed')),
    note                  TEXT,
    decided_by            TEXT NOT NULL,
    decided_at            TEXT NOT NULL,     -- UTC ISO 8601
    scans_destroyed       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX identity_checks_case ON identity_checks(case_id, id);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    request_id   INTEGER REFERENCES identity_requests(id) ON DELETE SET NULL,
    party        TEXT NOT NULL DEFAULT 'subject',
    purpose      TEXT NOT NULL,              -- identity_document|parental_authority|mandate
    media_type   TEXT NOT NULL,              -- image/jpeg|image/png|application/pdf
    size         INTEGER NOT NULL,
    width        INTEGER,
    height       INTEGER,
    pages        INTEGER,
    received_on  TEXT NOT NULL,
    added_by     TEXT NOT NULL,
    added_at     TEXT NOT NULL,
    content      BLOB NOT NULL
);
CREATE INDEX attachments_case ON attachments(case_id);
