-- Attendance keyed by (session_id, person_id), the key every check-in looks
-- it up by, and stored in that key's B-tree (WITHOUT ROWID; its rows are
-- small, as WITHOUT ROWID wants). A check-in then writes one page of
-- attendance where it wrote three (the row, the rowid index of id, the unique
-- index). The id stays the record's identity for sync; on the device an
-- update names the key too, and ids are UUIDv7, unique as made.
CREATE TABLE attendance_new (
    id            TEXT    NOT NULL,
    origin        TEXT    NOT NULL,
    hlc           TEXT    NOT NULL,
    session_id    TEXT    NOT NULL REFERENCES session (id),
    person_id     TEXT    NOT NULL REFERENCES person (id),
    method        TEXT    NOT NULL CHECK (method IN ('roster', 'walk_in', 'qr')),
    checked_in_at INTEGER NOT NULL,
    undone_at     INTEGER,
    notice_at     INTEGER,
    PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID;
INSERT INTO attendance_new (id, origin, hlc, session_id, person_id, method, checked_in_at, undone_at, notice_at)
    SELECT id, origin, hlc, session_id, person_id, method, checked_in_at, undone_at, notice_at FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_new RENAME TO attendance;
