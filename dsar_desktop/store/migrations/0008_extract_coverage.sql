-- What a searched file could find: the identifiers its columns can match (JSON list of email, phone,
-- student_number, name+dob), whether no column could identify anyone (such a file keeps its system
-- from counting as searched until a person maps a column or sets the file aside with a reason), and
-- that reason.
ALTER TABLE extract_files ADD COLUMN identity_fields TEXT NOT NULL DEFAULT '[]';
ALTER TABLE extract_files ADD COLUMN unmapped INTEGER NOT NULL DEFAULT 0;
ALTER TABLE case_source_files ADD COLUMN aside_reason TEXT;
ALTER TABLE case_source_files ADD COLUMN aside_actor TEXT;
ALTER TABLE case_source_files ADD COLUMN aside_at TEXT;
