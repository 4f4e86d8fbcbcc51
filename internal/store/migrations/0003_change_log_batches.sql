-- A bulk insert (a roster import) logs one change per chunk of records,
-- op 'insert_many', whose payload is the JSON array of the records and whose
-- record_id and hlc are those of the chunk's last record. Logging 100,000
-- people one entry each wrote every person twice and took seconds.
CREATE TABLE change_log_new (
    device_id    TEXT    NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    entity       TEXT    NOT NULL,
    record_id    TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    op           TEXT    NOT NULL CHECK (op IN ('insert', 'insert_many', 'update', 'delete')),
    payload_json TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;
INSERT INTO change_log_new SELECT * FROM change_log;
DROP TABLE change_log;
ALTER TABLE change_log_new RENAME TO change_log;
