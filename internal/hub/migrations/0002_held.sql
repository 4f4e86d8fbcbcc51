-- A record of a pushed change the hub acknowledged but did not apply: under a
-- unit outside the device's units, a record id another device wrote, or not a
-- change of the contract. It waits for the district (briefing hub held): a
-- retry after the catalog changed, or an acceptance, applies it and sets
-- released_at; dropping it sets released_at and dropped, and applies nothing. entity, op, record_id, hlc and payload are what the change
-- said of this record (for a record of an insert_many, the record alone, as
-- an insert), enough to check and apply it again. session_id is the session
-- a check-in or a question is under (''), so that accepting a held session
-- accepts what was held with it.
CREATE TABLE held (
    id          TEXT    PRIMARY KEY,
    device_id   TEXT    NOT NULL,
    epoch       INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    entity      TEXT    NOT NULL,
    op          TEXT    NOT NULL,
    record_id   TEXT    NOT NULL,
    hlc         TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    session_id  TEXT    NOT NULL,
    reason      TEXT    NOT NULL,
    field       TEXT    NOT NULL,
    message     TEXT    NOT NULL,
    held_at     INTEGER NOT NULL,
    released_at INTEGER,
    released_by TEXT    NOT NULL DEFAULT '',
    dropped     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX held_waiting ON held (device_id, released_at);
-- A push asks whether a record's state was held before, for each it holds.
CREATE INDEX held_state ON held (device_id, entity, record_id, hlc);

-- A code made to enrol a known device again (revoked by mistake, moved to
-- another unit, its keys lost) names it: only that device may use it, and a
-- known device may use no other code (a code is not a licence to take over
-- any device whose id one has seen).
ALTER TABLE enrolment ADD COLUMN for_device TEXT NOT NULL DEFAULT '';
