-- The hub's own database: enrolled devices, the changes they pushed, the
-- records applied from them, the unit catalog, published decks and the feed
-- devices pull. Plain SQL (ON CONFLICT, no SQLite-only types) so the same
-- schema runs on PostgreSQL. Times are Unix milliseconds (INTEGER).

-- hub_id, id_key (citizen-ID hash key, base64url), clock (the hub's last stamp).
CREATE TABLE hub_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- One-time enrolment codes, stored as the SHA-256 of their secret. Once used,
-- device_id and public_key name who used it: a retry with the same key is
-- answered again, another key is refused.
CREATE TABLE enrolment (
    code_hash  TEXT    PRIMARY KEY,
    unit_id    TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    device_id  TEXT    NOT NULL DEFAULT '',
    public_key TEXT    NOT NULL DEFAULT '',
    used_at    INTEGER
);

CREATE TABLE device (
    id          TEXT    PRIMARY KEY,
    name        TEXT    NOT NULL,
    unit_id     TEXT    NOT NULL,
    public_key  TEXT    NOT NULL,
    enrolled_at INTEGER NOT NULL,
    revoked_at  INTEGER,
    last_seen   INTEGER
);

-- The acknowledged number of each device and database epoch.
CREATE TABLE device_epoch (
    device_id TEXT    NOT NULL,
    epoch     INTEGER NOT NULL,
    acked     INTEGER NOT NULL,
    PRIMARY KEY (device_id, epoch)
);

-- Every change a device pushed, keyed by (device, epoch, seq) with its
-- content hash. applied = 0: it waits behind a gap, with its payload; once
-- applied its payload is dropped (the records tables hold what reports need).
CREATE TABLE change_in (
    device_id   TEXT    NOT NULL,
    epoch       INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    hash        TEXT    NOT NULL,
    entity      TEXT    NOT NULL,
    record_id   TEXT    NOT NULL,
    hlc         TEXT    NOT NULL,
    op          TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    applied     INTEGER NOT NULL,
    clock_ahead INTEGER NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, epoch, seq)
);

-- A change whose key the hub already held with other content: kept for a
-- person, never applied.
CREATE TABLE quarantine (
    id          TEXT    PRIMARY KEY,
    device_id   TEXT    NOT NULL,
    epoch       INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    held_hash   TEXT    NOT NULL,
    hash        TEXT    NOT NULL,
    change_json TEXT    NOT NULL,
    received_at INTEGER NOT NULL
);

-- The records applied from the devices, keyed by record id (last writer
-- wins by hlc within a record, which only its origin writes).
CREATE TABLE session (
    id           TEXT    PRIMARY KEY,
    origin       TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    deck_id      TEXT    NOT NULL,
    deck_version TEXT    NOT NULL,
    deck_title   TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    unit         TEXT    NOT NULL,
    venue        TEXT    NOT NULL,
    form         TEXT    NOT NULL,
    rapporteur   TEXT    NOT NULL,
    started_at   INTEGER NOT NULL,
    ended_at     INTEGER
);

-- Only what reports need of a person: the group, and what tells one person
-- from another across devices (the keyed citizen-ID hash, the folded name).
CREATE TABLE person (
    id       TEXT NOT NULL PRIMARY KEY,
    origin   TEXT NOT NULL,
    hlc      TEXT NOT NULL,
    name_key TEXT NOT NULL,
    unit     TEXT NOT NULL,
    grp      TEXT NOT NULL,
    id_hash  TEXT NOT NULL
);

-- Check-ins are facts: two devices' check-ins of one person are two rows.
CREATE TABLE attendance (
    id            TEXT    PRIMARY KEY,
    origin        TEXT    NOT NULL,
    hlc           TEXT    NOT NULL,
    session_id    TEXT    NOT NULL,
    person_id     TEXT    NOT NULL,
    method        TEXT    NOT NULL,
    checked_in_at INTEGER NOT NULL,
    undone_at     INTEGER
);
CREATE INDEX attendance_session ON attendance (session_id);

CREATE TABLE question (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    session_id TEXT    NOT NULL,
    number     INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    payload    TEXT    NOT NULL
);
CREATE INDEX question_session ON question (session_id);

-- Every version of every question, the devices' and the hub's answers: the
-- question stands as its version with the largest (hlc, origin); the others
-- are kept.
CREATE TABLE question_version (
    id          TEXT    PRIMARY KEY,
    origin      TEXT    NOT NULL,
    hlc         TEXT    NOT NULL,
    question_id TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    status      TEXT    NOT NULL,
    saved_at    INTEGER NOT NULL,
    clock_ahead INTEGER NOT NULL,
    payload     TEXT    NOT NULL
);
CREATE INDEX question_version_question ON question_version (question_id, hlc);

CREATE TABLE deck_snapshot (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    deck_id    TEXT    NOT NULL,
    version    TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- Other records devices push (their deck rows, slide views) are kept whole.
CREATE TABLE other_record (
    id      TEXT NOT NULL,
    entity  TEXT NOT NULL,
    origin  TEXT NOT NULL,
    hlc     TEXT NOT NULL,
    payload TEXT NOT NULL,
    PRIMARY KEY (entity, id)
);

-- The unit catalog: the seeded units (origin 'seed'), the hub's own (origin
-- the hub's id) and the units devices made (their origin; not the catalog).
CREATE TABLE unit (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL,
    parent_id  TEXT    NOT NULL
);

CREATE TABLE unit_alias (
    id       TEXT PRIMARY KEY,
    origin   TEXT NOT NULL,
    hlc      TEXT NOT NULL,
    unit_id  TEXT NOT NULL,
    spelling TEXT NOT NULL
);

-- Decks the district published, versioned by content hash.
CREATE TABLE published_deck (
    deck_id      TEXT    NOT NULL,
    version      TEXT    NOT NULL,
    title        TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    published_at INTEGER NOT NULL,
    PRIMARY KEY (deck_id, version)
);

-- The feed devices pull: seq is gap-free, assigned as max+1 inside the
-- publishing transaction. device_id / unit_id narrow who receives an item
-- ('' for everyone).
CREATE TABLE feed (
    seq        INTEGER PRIMARY KEY,
    entity     TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    device_id  TEXT    NOT NULL,
    unit_id    TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);

-- The same default catalog as every device (internal/store migrations 0001
-- and 0008): the same ids, origin 'seed', a stamp of zero.
INSERT INTO unit (id, origin, hlc, name, kind, sort_order, parent_id) VALUES
    ('01941f29-7c00-7000-8000-000000000001', 'seed', '0000000000000-00000-seed', 'Phường 1',  'ward',  1, ''),
    ('01941f29-7c00-7000-8000-000000000002', 'seed', '0000000000000-00000-seed', 'Phường 2',  'ward',  2, ''),
    ('01941f29-7c00-7000-8000-000000000003', 'seed', '0000000000000-00000-seed', 'Phường 3',  'ward',  3, ''),
    ('01941f29-7c00-7000-8000-000000000004', 'seed', '0000000000000-00000-seed', 'Phường 4',  'ward',  4, ''),
    ('01941f29-7c00-7000-8000-000000000005', 'seed', '0000000000000-00000-seed', 'Phường 5',  'ward',  5, ''),
    ('01941f29-7c00-7000-8000-000000000006', 'seed', '0000000000000-00000-seed', 'Phường 6',  'ward',  6, ''),
    ('01941f29-7c00-7000-8000-000000000007', 'seed', '0000000000000-00000-seed', 'Phường 7',  'ward',  7, ''),
    ('01941f29-7c00-7000-8000-000000000008', 'seed', '0000000000000-00000-seed', 'Phường 8',  'ward',  8, ''),
    ('01941f29-7c00-7000-8000-000000000009', 'seed', '0000000000000-00000-seed', 'Phường 9',  'ward',  9, ''),
    ('01941f29-7c00-7000-8000-000000000010', 'seed', '0000000000000-00000-seed', 'Phường 10', 'ward', 10, ''),
    ('01941f29-7c00-7000-8000-000000000011', 'seed', '0000000000000-00000-seed', 'Phường 11', 'ward', 11, ''),
    ('01941f29-7c00-7000-8000-000000000012', 'seed', '0000000000000-00000-seed', 'Phường 12', 'ward', 12, ''),
    ('01941f29-7c00-7000-8000-000000000013', 'seed', '0000000000000-00000-seed', 'Phường 13', 'ward', 13, ''),
    ('01941f29-7c00-7000-8000-000000000014', 'seed', '0000000000000-00000-seed', 'Phường 14', 'ward', 14, ''),
    ('01941f29-7c00-7000-8000-000000000015', 'seed', '0000000000000-00000-seed', 'Phường 15', 'ward', 15, ''),
    ('01941f29-7c00-7000-8000-0000000000ff', 'seed', '0000000000000-00000-seed', 'Khác',      'other', 1000, ''),
    ('01941f29-7c00-7000-8000-000000000101', 'seed', '0000000000000-00000-seed', 'Phòng Văn hóa, Khoa học và Thông tin', 'city_office', 101, ''),
    ('01941f29-7c00-7000-8000-000000000102', 'seed', '0000000000000-00000-seed', 'Văn phòng Ủy ban nhân dân quận', 'city_office', 102, ''),
    ('01941f29-7c00-7000-8000-000000000103', 'seed', '0000000000000-00000-seed', 'Ban Tuyên giáo và Dân vận Quận ủy', 'agency', 103, ''),
    ('01941f29-7c00-7000-8000-000000000104', 'seed', '0000000000000-00000-seed', 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Tân Bình', 'mass_org', 104, '');

INSERT INTO unit_alias (id, origin, hlc, unit_id, spelling) VALUES
    ('01941f29-7c00-7000-8000-000000000201', 'seed', '0000000000000-00000-seed', '01941f29-7c00-7000-8000-000000000102', 'VPUB'),
    ('01941f29-7c00-7000-8000-000000000202', 'seed', '0000000000000-00000-seed', '01941f29-7c00-7000-8000-000000000104', 'Ủy ban MTTQ Việt Nam quận');
