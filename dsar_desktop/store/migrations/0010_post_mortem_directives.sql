-- Post-mortem directives of a deceased person (LIL art. 85), recorded before an heir is answered:
-- the latest row of a case is what the reply states.
CREATE TABLE post_mortem_directives (
    id           INTEGER PRIMARY KEY,
    case_id      INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    finding      TEXT NOT NULL,              -- none_known | general | particular
    summary      TEXT NOT NULL DEFAULT '',   -- what they ask; empty when none is known
    source       TEXT NOT NULL,              -- where they were found, how it was checked
    recorded_by  TEXT NOT NULL,
    recorded_at  TEXT NOT NULL               -- UTC ISO 8601
);
CREATE INDEX post_mortem_directives_case ON post_mortem_directives(case_id, id);
