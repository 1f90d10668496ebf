-- Processing register versions; extract files searched (facts only, never the file); per-case sources
-- searched or not applicable; remembered column mappings; matches under review; redactions; minors' flags.
CREATE TABLE catalogue_versions (
    version     INTEGER PRIMARY KEY,
    body        TEXT NOT NULL,                 -- canonical JSON of the whole catalogue
    sha256      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);

CREATE TRIGGER catalogue_versions_no_update BEFORE UPDATE ON catalogue_versions
BEGIN
    SELECT RAISE(ABORT, 'a catalogue version is never changed: save a new one');
END;

CREATE TRIGGER catalogue_versions_no_delete BEFORE DELETE ON catalogue_versions
BEGIN
    SELECT RAISE(ABORT, 'catalogue versions are kept');
END;

CREATE TABLE extract_files (
    id           INTEGER PRIMARY KEY,
    source       TEXT NOT NULL,                -- catalogue activity id
    name         TEXT NOT NULL,                -- file name only, no folder
    size         INTEGER NOT NULL,
    sha256       TEXT NOT NULL,
    row_count    INTEGER NOT NULL,
    format       TEXT NOT NULL,                -- csv|jsonl|xlsx
    encoding     TEXT NOT NULL DEFAULT '',
    delimiter    TEXT NOT NULL DEFAULT '',
    mapping      TEXT NOT NULL DEFAULT '{}',   -- JSON column mapping used
    rows_skipped INTEGER NOT NULL DEFAULT 0,   -- malformed rows reported and skipped
    searched_at  TEXT NOT NULL,                -- UTC ISO 8601
    actor        TEXT NOT NULL
);
CREATE INDEX extract_files_source ON extract_files(source, searched_at);

CREATE TABLE case_sources (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('searched', 'not_applicable')),
    reason      TEXT,
    updated_at  TEXT NOT NULL,
    actor       TEXT NOT NULL,
    UNIQUE (case_id, source),
    CHECK (status <> 'not_applicable' OR length(trim(coalesce(reason, ''))) > 0)
);

CREATE TABLE case_source_files (
    case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    file_id   INTEGER NOT NULL REFERENCES extract_files(id) ON DELETE CASCADE,
    matches   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (case_id, file_id)
);

CREATE TABLE source_mappings (
    source      TEXT PRIMARY KEY,
    mapping     TEXT NOT NULL,                 -- JSON field -> column
    headers     TEXT NOT NULL DEFAULT '[]',    -- JSON list of the headers it was made for
    updated_at  TEXT NOT NULL,
    actor       TEXT NOT NULL
);

CREATE TABLE extract_matches (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    file_id     INTEGER NOT NULL REFERENCES extract_files(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    row_number  INTEGER NOT NULL,              -- 1-based data row, header excluded
    reasons     TEXT NOT NULL,                 -- JSON ["email", "phone", "name+dob", "student_number"]
    warnings    TEXT NOT NULL DEFAULT '[]',
    record      TEXT,                          -- JSON header -> value, redacted in place; NULL once rejected
    mapping     TEXT NOT NULL DEFAULT '{}',    -- JSON field -> column, to read registration date etc.
    status      TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed', 'rejected')),
    decided_by  TEXT,
    decided_at  TEXT,
    created_at  TEXT NOT NULL,
    UNIQUE (case_id, file_id, row_number),
    CHECK (status <> 'rejected' OR record IS NULL)
);
CREATE INDEX extract_matches_case ON extract_matches(case_id, source, status);

CREATE TABLE extract_redactions (
    id          INTEGER PRIMARY KEY,
    match_id    INTEGER NOT NULL REFERENCES extract_matches(id) ON DELETE CASCADE,
    field       TEXT NOT NULL,                 -- the column (header) redacted
    scope       TEXT NOT NULL CHECK (scope IN ('field', 'text')),
    position    INTEGER,                       -- text: where the marker now stands in the value
    removed_chars INTEGER NOT NULL DEFAULT 0,  -- how many characters were withheld (never which)
    code        TEXT NOT NULL DEFAULT 'third_party'
                CHECK (code IN ('third_party', 'trade_secret', 'legal_privilege', 'security', 'other')),
    reason      TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX extract_redactions_match ON extract_redactions(match_id);

CREATE TABLE minor_flags (
    id                 INTEGER PRIMARY KEY,
    case_id            INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    match_id           INTEGER NOT NULL UNIQUE REFERENCES extract_matches(id) ON DELETE CASCADE,
    registration_date  TEXT NOT NULL,
    age                INTEGER NOT NULL,
    consent            TEXT NOT NULL,          -- missing|unreadable
    en                 TEXT NOT NULL,
    fr                 TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    acknowledged_by    TEXT,
    acknowledged_at    TEXT
);
CREATE INDEX minor_flags_case ON minor_flags(case_id);
