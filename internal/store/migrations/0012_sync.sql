-- Sync with the district hub (issue 14): the device's enrolment and sync
-- state, the decks the hub published, and the answers it sent back.
--
-- The device's secrets (its ed25519 private key, the citizen-ID hash key)
-- are NOT here: they are in device-keys.json beside the database (mode
-- 0600), so a copy of the database alone holds none of them.

-- One row (id 1) once the device is enrolled. acked is the highest seq of
-- this device's change log the hub holds (with every lower one); epoch the
-- database's numbering epoch; cursor the hub's feed number of the last page
-- applied, saved in the transaction that applied it. hub_offset_ms is the
-- hub's clock minus this device's, measured at the last sync.
CREATE TABLE sync_state (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    hub_url       TEXT    NOT NULL,
    hub_id        TEXT    NOT NULL,
    pin           TEXT    NOT NULL DEFAULT '',
    unit          TEXT    NOT NULL DEFAULT '',
    unit_name     TEXT    NOT NULL DEFAULT '',
    scope_json    TEXT    NOT NULL DEFAULT '[]',
    age_recipient TEXT    NOT NULL DEFAULT '',
    enrolled_at   INTEGER NOT NULL,
    epoch         INTEGER NOT NULL DEFAULT 1 CHECK (epoch > 0),
    acked         INTEGER NOT NULL DEFAULT 0 CHECK (acked >= 0),
    cursor        INTEGER NOT NULL DEFAULT 0 CHECK (cursor >= 0),
    last_sync_at  INTEGER,
    last_result   TEXT    NOT NULL DEFAULT '',
    hub_offset_ms INTEGER NOT NULL DEFAULT 0
);

-- Decks the district published, pulled from the hub: the exact source of
-- each version (version is its content hash), so the deck library offers
-- them without a file. Not this device's writes, so not logged.
CREATE TABLE published_deck (
    deck_id      TEXT    NOT NULL,
    version      TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    cursor       INTEGER NOT NULL,
    PRIMARY KEY (deck_id, version)
);

-- Every question version the hub sent (an answer from the district to a
-- question this device asked), kept whole whatever won: the question row
-- takes the winner by (hlc, device), and question_version gets the version
-- when its number is free there. Not logged.
CREATE TABLE received_question_version (
    id           TEXT    PRIMARY KEY,
    origin       TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    question_id  TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    payload_json TEXT    NOT NULL,
    cursor       INTEGER NOT NULL
);

CREATE INDEX received_question_version_question ON received_question_version (question_id, hlc);
