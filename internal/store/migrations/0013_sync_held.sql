-- How many of this device's records the hub said it holds instead of
-- applying (outside the device's units, another device's record id, not in
-- the contract), as of the last push it answered: sync status shows it, so
-- that a clerk knows to ask the district. The records themselves stay here
-- as every record does.
ALTER TABLE sync_state ADD COLUMN held INTEGER NOT NULL DEFAULT 0 CHECK (held >= 0);

-- When a sync last ended "ok": a failed attempt since must not hide when the
-- records last reached the district.
ALTER TABLE sync_state ADD COLUMN last_ok_at INTEGER;
