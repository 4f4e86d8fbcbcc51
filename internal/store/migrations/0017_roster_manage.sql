-- Managing the roster (issue 13): taking a person off it, and undoing an import.

-- A person taken off the roster. The row stays, so that a session they were
-- checked in to still names them in its minutes and the removal syncs as an
-- update of the record (payload field removed_at); roster reads skip them.
ALTER TABLE person ADD COLUMN removed_at INTEGER;

-- Every person payload carries the field from now on; those already logged
-- get it as null (no one was removed before), as migration 0009 rewrote their
-- times, so that the log keeps one shape. json_set adds it last, where the
-- program writes it.
UPDATE change_log SET payload_json = json_set(payload_json, '$.removed_at', NULL)
WHERE entity = 'person' AND op IN ('insert', 'update')
    AND json_type(payload_json, '$.removed_at') IS NULL;
UPDATE change_log SET payload_json = (
    SELECT json_group_array(json_set(e.value, '$.removed_at', NULL) ORDER BY e.key)
    FROM json_each(change_log.payload_json) AS e)
WHERE entity = 'person' AND op = 'insert_many'
    AND json_type(payload_json, '$[0].removed_at') IS NULL;

-- The roster imports written on this device, numbered for `roster imports`
-- and `roster import --undo N`. Not synced: undoing an import writes person
-- updates, which are. The people an import added are those with a rowid in
-- (first_row, last_row] (rowids only grow, and an import holds the write
-- lock); last_hlc is the largest stamp it wrote, so a person changed since has
-- a larger one.
CREATE TABLE roster_import (
    id          INTEGER PRIMARY KEY,
    file        TEXT    NOT NULL,
    imported_at INTEGER NOT NULL,
    added       INTEGER NOT NULL,
    updated     INTEGER NOT NULL,
    unchanged   INTEGER NOT NULL,
    rejected    INTEGER NOT NULL,
    first_row   INTEGER NOT NULL,
    last_row    INTEGER NOT NULL,
    last_hlc    TEXT    NOT NULL,
    undone_at   INTEGER
);

-- The people an import changed: each as it was before (its change-log
-- payload) and the stamp the import gave it.
CREATE TABLE roster_import_change (
    import_id INTEGER NOT NULL REFERENCES roster_import (id),
    person_id TEXT    NOT NULL,
    hlc       TEXT    NOT NULL,
    before    TEXT    NOT NULL,
    PRIMARY KEY (import_id, person_id)
) WITHOUT ROWID;
