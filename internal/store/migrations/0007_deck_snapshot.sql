-- The exact source of each deck version a session presented, so a session
-- resumes, is followed and is exported whatever became of the deck's file.
-- Content-addressed: version is the content hash of source (deck.Parse
-- computes it), so one row per (deck_id, version), written once, never
-- updated. source is the file as read, byte for byte (always UTF-8: a deck
-- that is not cannot be presented).
CREATE TABLE deck_snapshot (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    deck_id    TEXT    NOT NULL,
    version    TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (deck_id, version)
);
