-- Letters that say only what is recorded: the ID request's internal note (never printed) apart
-- from the reason stated to the person, and Art. 19 notifications of each recipient.
CREATE TABLE identity_request_notes (
    request_id  INTEGER PRIMARY KEY REFERENCES identity_requests(id) ON DELETE CASCADE,
    note        TEXT NOT NULL       -- staff only, never in a letter
);

CREATE TABLE recipient_notifications (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,      -- catalogue processing id
    recipient   TEXT NOT NULL,      -- the recipient as named in the catalogue
    outcome     TEXT NOT NULL CHECK (outcome IN ('notified', 'impossible', 'disproportionate')),
    notified_on TEXT,               -- YYYY-MM-DD when notified
    means       TEXT,               -- how (e-mail, letter, ticket...) when notified
    reason      TEXT,               -- why not, when impossible or disproportionate
    actor       TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    CHECK (outcome != 'notified' OR (notified_on IS NOT NULL AND length(trim(coalesce(means, ''))) > 0)),
    CHECK (outcome = 'notified' OR length(trim(coalesce(reason, ''))) > 0)
);
CREATE INDEX recipient_notifications_case ON recipient_notifications(case_id, id);
