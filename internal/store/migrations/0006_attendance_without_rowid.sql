-- Attendance stored in its primary key's B-tree (WITHOUT ROWID): a check-in
-- writes the row and its (session_id, person_id) index, two pages flushed
-- instead of three. Its rows are small, as WITHOUT ROWID wants, and nothing
-- reads an attendance rowid.
CREATE TABLE attendance_new (
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
) WITHOUT ROWID;
INSERT INTO attendance_new (id, origin, hlc, session_id, person_id, method, checked_in_at, undone_at, notice_at)
    SELECT id, origin, hlc, session_id, person_id, method, checked_in_at, undone_at, notice_at FROM attendance;
DROP TABLE attendance;
ALTER TABLE attendance_new RENAME TO attendance;
