-- Person payloads in the change log carried their times (created_at,
-- notice_at) as Unix milliseconds; every other payload, and person payloads
-- from now on, carry RFC 3339 in UTC as Go's time.Time writes it: at most
-- three fraction digits, trailing zeros dropped, no fraction for a whole
-- second ("2025-07-01T08:00:00.12Z"). Rewrite the old ones so that the hub
-- sees one encoding. Only payloads whose created_at is still a number are
-- rewritten; their notice_at is a number or null, and null stays null.
--
-- A time is strftime's whole seconds and the milliseconds printed apart: no
-- floating point, so no rounding. rtrim(..., '.0') drops the fraction's
-- trailing zeros and, when nothing else is left, its point.

-- insert and update: the payload is one record.
UPDATE change_log SET payload_json = json_set(payload_json,
    '$.created_at', strftime('%Y-%m-%dT%H:%M:%S', json_extract(payload_json, '$.created_at') / 1000, 'unixepoch')
            || rtrim(printf('.%03d', json_extract(payload_json, '$.created_at') % 1000), '.0') || 'Z',
    '$.notice_at', CASE WHEN json_type(payload_json, '$.notice_at') = 'integer' THEN
            strftime('%Y-%m-%dT%H:%M:%S', json_extract(payload_json, '$.notice_at') / 1000, 'unixepoch')
            || rtrim(printf('.%03d', json_extract(payload_json, '$.notice_at') % 1000), '.0') || 'Z'
        END)
WHERE entity = 'person' AND op IN ('insert', 'update')
    AND json_type(payload_json, '$.created_at') = 'integer';

-- insert_many: the payload is an array of records, rebuilt in its order.
UPDATE change_log SET payload_json = (
    SELECT json_group_array(json_set(e.value,
        '$.created_at', strftime('%Y-%m-%dT%H:%M:%S', json_extract(e.value, '$.created_at') / 1000, 'unixepoch')
            || rtrim(printf('.%03d', json_extract(e.value, '$.created_at') % 1000), '.0') || 'Z',
        '$.notice_at', CASE WHEN json_type(e.value, '$.notice_at') = 'integer' THEN
            strftime('%Y-%m-%dT%H:%M:%S', json_extract(e.value, '$.notice_at') / 1000, 'unixepoch')
            || rtrim(printf('.%03d', json_extract(e.value, '$.notice_at') % 1000), '.0') || 'Z'
        END) ORDER BY e.key)
    FROM json_each(change_log.payload_json) AS e)
WHERE entity = 'person' AND op = 'insert_many'
    AND json_type(payload_json, '$[0].created_at') = 'integer';
