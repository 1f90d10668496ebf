-- Documents: seal certificates, letter template versions, letters issued, packs built.
-- IF NOT EXISTS: registers made while this schema was applied by hand in tests stay valid.
CREATE TABLE IF NOT EXISTS certificates (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,                  -- imported | internal_seal
    subject     TEXT NOT NULL,
    fingerprint TEXT NOT NULL UNIQUE,           -- SHA-256 of the DER, colon-separated hex
    not_after   TEXT NOT NULL,
    key_der     BLOB NOT NULL,                  -- PKCS#8; the register itself is the encryption
    cert_der    BLOB NOT NULL,
    chain_der   TEXT NOT NULL DEFAULT '[]',     -- JSON array of base64 DER issuer certificates
    active      INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS certificates_one_active ON certificates(active) WHERE active = 1;

CREATE TABLE IF NOT EXISTS letter_templates (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL,
    language   TEXT NOT NULL,
    version    INTEGER NOT NULL,
    source     TEXT,                            -- NULL: back to the shipped default
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    UNIQUE (kind, language, version)
);

CREATE TABLE IF NOT EXISTS letters_issued (
    id          INTEGER PRIMARY KEY,
    case_ref    TEXT NOT NULL,
    kind        TEXT NOT NULL,
    language    TEXT NOT NULL,
    template_version INTEGER NOT NULL,          -- 0 = shipped default
    sha256      TEXT NOT NULL,
    pages       INTEGER NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS letters_issued_case ON letters_issued(case_ref);

CREATE TABLE IF NOT EXISTS packs (
    id          INTEGER PRIMARY KEY,
    case_ref    TEXT NOT NULL,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    pdf_sha256  TEXT NOT NULL,
    language    TEXT NOT NULL,
    encrypted   INTEGER NOT NULL DEFAULT 0,
    cert_fingerprint TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS packs_case ON packs(case_ref);
