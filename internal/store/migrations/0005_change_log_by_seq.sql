-- The change log keyed by seq alone, as a rowid table.
--
-- It holds this device's own writes only (received records are applied to
-- their tables, not logged), so seq numbers the whole table. As the rowid,
-- finding the last entry, which every write does, is a step to the end of
-- the table. Keyed WITHOUT ROWID by (device_id, seq), each step compared keys
-- whose records carry the payload, and a roster import's 250 KB entries made
-- the first check-ins after it read megabytes; their interior cells also
-- copied whole payloads.
CREATE TABLE change_log_new (
    device_id    TEXT    NOT NULL,
    seq          INTEGER PRIMARY KEY CHECK (seq > 0),
    entity       TEXT    NOT NULL,
    record_id    TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    op           TEXT    NOT NULL CHECK (op IN ('insert', 'insert_many', 'update', 'delete')),
    payload_json TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);
INSERT INTO change_log_new (device_id, seq, entity, record_id, hlc, op, payload_json, created_at)
    SELECT device_id, seq, entity, record_id, hlc, op, payload_json, created_at FROM change_log ORDER BY seq;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
