-- Citizen-ID hashes under the key "d0" were made by devices with a key
-- written in the program's source: anyone with the hub's database and the
-- program could recover the numbers from them. Forget them wherever the hub
-- keeps what devices pushed: the people, the changes waiting behind a gap,
-- the records held for the district, and the quarantined changes.
-- secure_delete overwrites what is freed with zeros, so the old hashes do
-- not linger in free space of the file.
PRAGMA secure_delete = ON;

UPDATE person SET id_hash = '' WHERE id_hash LIKE 'd0:%';

-- Changes waiting behind a gap (applied changes keep no payload).
UPDATE change_in SET payload = json_set(payload, '$.id_hash', '')
WHERE applied = 0 AND entity = 'person' AND op IN ('insert', 'update') AND json_valid(payload)
    AND json_extract(payload, '$.id_hash') LIKE 'd0:%';

UPDATE change_in SET payload = (
    SELECT json_group_array(CASE WHEN json_extract(e.value, '$.id_hash') LIKE 'd0:%'
            THEN json_set(e.value, '$.id_hash', '') ELSE json(e.value) END ORDER BY e.key)
    FROM json_each(change_in.payload) AS e)
WHERE applied = 0 AND entity = 'person' AND op = 'insert_many' AND json_valid(payload)
    AND json_type(payload) = 'array' AND instr(payload, '"d0:') > 0;

-- Held records: one record each.
UPDATE held SET payload = json_set(payload, '$.id_hash', '')
WHERE entity = 'person' AND json_valid(payload) AND json_extract(payload, '$.id_hash') LIKE 'd0:%';

-- Quarantined changes are kept as the device sent them, in any shape: every
-- JSON string "d0:<64 hex digits>" in them becomes "".
WITH RECURSIVE scrub(id, done, rest) AS (
    SELECT id, '', change_json FROM quarantine WHERE instr(change_json, '"d0:') > 0
    UNION ALL
    SELECT id,
        done || substr(rest, 1, instr(rest, '"d0:')) ||
            CASE WHEN length(substr(rest, instr(rest, '"d0:') + 4, 64)) = 64
                    AND substr(rest, instr(rest, '"d0:') + 4, 64) NOT GLOB '*[^0-9a-f]*'
                THEN '' ELSE 'd0:' END,
        substr(rest, instr(rest, '"d0:') + CASE WHEN length(substr(rest, instr(rest, '"d0:') + 4, 64)) = 64
                    AND substr(rest, instr(rest, '"d0:') + 4, 64) NOT GLOB '*[^0-9a-f]*'
                THEN 68 ELSE 4 END)
    FROM scrub WHERE instr(rest, '"d0:') > 0
)
UPDATE quarantine SET change_json = (
    SELECT done || rest FROM scrub WHERE scrub.id = quarantine.id AND instr(rest, '"d0:') = 0)
WHERE id IN (SELECT id FROM scrub);
