-- The roster and attendance.

-- Small device settings that are not records, such as the key of the
-- citizen-ID hash.
CREATE TABLE setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- A person on a roster or registered at the desk. Personal data is minimal:
-- a citizen-ID number is kept only as a keyed hash (id_hash, "<key id>:<hex>")
-- and its last four digits. name_key is the folded name ("nguyen van an"),
-- derived, for duplicate checks.
CREATE TABLE person (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    name       TEXT    NOT NULL CHECK (name <> ''),
    name_key   TEXT    NOT NULL,
    unit       TEXT    NOT NULL DEFAULT '',
    position   TEXT    NOT NULL DEFAULT '',
    grp        TEXT    NOT NULL DEFAULT '',
    phone      TEXT    NOT NULL DEFAULT '',
    id_hash    TEXT    NOT NULL DEFAULT '',
    id_last4   TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL CHECK (source IN ('roster', 'walk_in', 'qr')),
    notice_at  INTEGER,
    created_at INTEGER NOT NULL
);

CREATE INDEX person_name_key ON person (name_key);
CREATE INDEX person_id_hash ON person (id_hash) WHERE id_hash <> '';

-- A check-in: one row per session and person. Undoing it sets undone_at (a
-- tombstone); checking in again clears it.
CREATE TABLE attendance (
    id            TEXT    PRIMARY KEY,
    origin        TEXT    NOT NULL,
    hlc           TEXT    NOT NULL,
    session_id    TEXT    NOT NULL REFERENCES session (id),
    person_id     TEXT    NOT NULL REFERENCES person (id),
    method        TEXT    NOT NULL CHECK (method IN ('roster', 'walk_in', 'qr')),
    checked_in_at INTEGER NOT NULL,
    undone_at     INTEGER,
    notice_at     INTEGER,
    UNIQUE (session_id, person_id)
);

-- Each index is one more page written, and flushed, at every check-in: the
-- unique (session_id, person_id) index also serves a session's lookups, and
-- nothing looks change-log rows up by record on a device.
DROP INDEX change_log_record;

-- The change log without its json_valid CHECK: payloads are written only by
-- encoding/json, and parsing each one again cost a roster import of 100,000
-- people a sixth of its time.
CREATE TABLE change_log_new (
    device_id    TEXT    NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    entity       TEXT    NOT NULL,
    record_id    TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    op           TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    payload_json TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
INSERT INTO change_log_new SELECT * FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
