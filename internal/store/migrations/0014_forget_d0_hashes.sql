-- Citizen-ID hashes under the key "d0" were made with a key written in the
-- program's source: with the last four digits kept beside them, anyone with
-- a copy of the database and the program could recover the number by trying
-- the rest. Forget them, in the people and in the change log's person
-- payloads, keeping the last four digits: a scanned card that no one has is
-- matched by name again at the desk and kept then, under the installation's
-- own key (a file beside the database). A key once kept in the database
-- (setting citizen_id_key) goes too: no key lives in this file.
--
-- secure_delete makes SQLite overwrite what it frees with zeros, so the old
-- hashes do not linger in free space of the file (or of the WAL it writes).
PRAGMA secure_delete = ON;

DELETE FROM setting WHERE name = 'citizen_id_key';

UPDATE person SET id_hash = '' WHERE id_hash LIKE 'd0:%';

-- insert and update: the payload is one record.
UPDATE change_log SET payload_json = json_set(payload_json, '$.id_hash', '')
WHERE entity = 'person' AND op IN ('insert', 'update')
    AND json_extract(payload_json, '$.id_hash') LIKE 'd0:%';

-- insert_many: the payload is an array of records, rebuilt in its order.
UPDATE change_log SET payload_json = (
    SELECT json_group_array(CASE WHEN json_extract(e.value, '$.id_hash') LIKE 'd0:%'
            THEN json_set(e.value, '$.id_hash', '') ELSE json(e.value) END ORDER BY e.key)
    FROM json_each(change_log.payload_json) AS e)
WHERE entity = 'person' AND op = 'insert_many' AND instr(payload_json, '"d0:') > 0;
