-- Times are Unix milliseconds (INTEGER, UTC). Syncable tables carry id (UUIDv7),
-- origin (the device that wrote the record) and hlc (hybrid logical clock stamp
-- of the record's last write; text order is time order).

-- This device. One row, created by Open; name and unit are set on first run.
CREATE TABLE device (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL DEFAULT '',
    unit       TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);

-- Hybrid logical clock state per device, advanced inside every syncable write
-- so stamps never go backwards across processes and restarts.
CREATE TABLE clock (
    device_id TEXT    PRIMARY KEY,
    wall_ms   INTEGER NOT NULL,
    counter   INTEGER NOT NULL
);

-- Every syncable write appends one row here in the same transaction; seq is
-- numbered per device from 1 with no gaps, so push can resume after the last
-- acknowledged number.
CREATE TABLE change_log (
    device_id    TEXT    NOT NULL,
    seq          INTEGER NOT NULL CHECK (seq > 0),
    entity       TEXT    NOT NULL,
    record_id    TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    op           TEXT    NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    payload_json TEXT    NOT NULL CHECK (json_valid(payload_json)),
    created_at   INTEGER NOT NULL,
    PRIMARY KEY (device_id, seq)
) WITHOUT ROWID;

CREATE INDEX change_log_record ON change_log (entity, record_id);

-- Host units. sort_order gives the order people expect (Phường 1..15, then
-- the rest), which plain text order would not.
CREATE TABLE unit (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);

-- Seeded the same on every device with fixed ids, so they are not logged for
-- sync; the hlc of zero lets any later edit from the hub win.
INSERT INTO unit (id, origin, hlc, name, kind, sort_order) VALUES
    ('01941f29-7c00-7000-8000-000000000001', 'seed', '0000000000000-00000-seed', 'Phường 1',  'ward',  1),
    ('01941f29-7c00-7000-8000-000000000002', 'seed', '0000000000000-00000-seed', 'Phường 2',  'ward',  2),
    ('01941f29-7c00-7000-8000-000000000003', 'seed', '0000000000000-00000-seed', 'Phường 3',  'ward',  3),
    ('01941f29-7c00-7000-8000-000000000004', 'seed', '0000000000000-00000-seed', 'Phường 4',  'ward',  4),
    ('01941f29-7c00-7000-8000-000000000005', 'seed', '0000000000000-00000-seed', 'Phường 5',  'ward',  5),
    ('01941f29-7c00-7000-8000-000000000006', 'seed', '0000000000000-00000-seed', 'Phường 6',  'ward',  6),
    ('01941f29-7c00-7000-8000-000000000007', 'seed', '0000000000000-00000-seed', 'Phường 7',  'ward',  7),
    ('01941f29-7c00-7000-8000-000000000008', 'seed', '0000000000000-00000-seed', 'Phường 8',  'ward',  8),
    ('01941f29-7c00-7000-8000-000000000009', 'seed', '0000000000000-00000-seed', 'Phường 9',  'ward',  9),
    ('01941f29-7c00-7000-8000-000000000010', 'seed', '0000000000000-00000-seed', 'Phường 10', 'ward', 10),
    ('01941f29-7c00-7000-8000-000000000011', 'seed', '0000000000000-00000-seed', 'Phường 11', 'ward', 11),
    ('01941f29-7c00-7000-8000-000000000012', 'seed', '0000000000000-00000-seed', 'Phường 12', 'ward', 12),
    ('01941f29-7c00-7000-8000-000000000013', 'seed', '0000000000000-00000-seed', 'Phường 13', 'ward', 13),
    ('01941f29-7c00-7000-8000-000000000014', 'seed', '0000000000000-00000-seed', 'Phường 14', 'ward', 14),
    ('01941f29-7c00-7000-8000-000000000015', 'seed', '0000000000000-00000-seed', 'Phường 15', 'ward', 15),
    ('01941f29-7c00-7000-8000-0000000000ff', 'seed', '0000000000000-00000-seed', 'Khác',      'other', 1000);

-- A deck version as presented: version is the content hash, so (deck_id,
-- version) names the same slides on every device.
CREATE TABLE deck (
    id           TEXT    PRIMARY KEY,
    origin       TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    deck_id      TEXT    NOT NULL,
    version      TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    slides       INTEGER NOT NULL CHECK (slides > 0),
    duration_min INTEGER NOT NULL DEFAULT 0 CHECK (duration_min >= 0),
    UNIQUE (deck_id, version)
);

-- A session refers to its deck by (deck_id, version), not by the deck row's id,
-- because each device creates its own deck row for the same version. The deck's
-- title, slide count and planned duration are copied so a session reads whole
-- without the deck.
CREATE TABLE session (
    id           TEXT    PRIMARY KEY,
    origin       TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    deck_id      TEXT    NOT NULL,
    deck_version TEXT    NOT NULL,
    deck_title   TEXT    NOT NULL,
    slides       INTEGER NOT NULL CHECK (slides > 0),
    duration_min INTEGER NOT NULL DEFAULT 0,
    title        TEXT    NOT NULL DEFAULT '',
    unit         TEXT    NOT NULL DEFAULT '',
    venue        TEXT    NOT NULL DEFAULT '',
    form         TEXT    NOT NULL DEFAULT '',
    rapporteur   TEXT    NOT NULL DEFAULT '',
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER,
    slide        INTEGER NOT NULL DEFAULT 0,
    step         INTEGER NOT NULL DEFAULT 0 CHECK (step >= 0),
    position_at  INTEGER NOT NULL,
    CHECK (slide >= 0 AND slide < slides),
    FOREIGN KEY (deck_id, deck_version) REFERENCES deck (deck_id, version)
);

-- One open session per device, whatever process starts it.
CREATE UNIQUE INDEX session_open_per_device ON session (origin) WHERE ended_at IS NULL;
CREATE INDEX session_started ON session (started_at);

-- The timeline: one row each time the screen moved to another slide or step.
CREATE TABLE slide_view (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    session_id TEXT    NOT NULL REFERENCES session (id),
    slide      INTEGER NOT NULL CHECK (slide >= 0),
    step       INTEGER NOT NULL CHECK (step >= 0),
    shown_at   INTEGER NOT NULL
);

CREATE INDEX slide_view_session ON slide_view (session_id, hlc);
