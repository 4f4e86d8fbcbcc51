-- Every bundle the hub imported (briefing hub import), by its id: a bundle
-- is applied once; the same file again is refused as a replay. Written in
-- the transaction that applies the bundle's changes.
CREATE TABLE bundle_in (
    id          TEXT    PRIMARY KEY,
    device_id   TEXT    NOT NULL,
    epoch       INTEGER NOT NULL,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL,
    acked       INTEGER NOT NULL,
    imported_at INTEGER NOT NULL
);
