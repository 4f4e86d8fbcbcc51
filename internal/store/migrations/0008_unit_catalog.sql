-- The unit catalog: units get an optional parent (a ward's city, a school's
-- ward), and aliases name a unit by another spelling ("Phường 2 (cũ)" for
-- "Tân Sơn Hòa" after the 2025 merger). Both are syncable records, so the
-- district can publish its catalog through the hub.
ALTER TABLE unit ADD COLUMN parent_id TEXT NOT NULL DEFAULT '';

-- An alias: spelling, as the user typed it, names unit_id. Spellings are
-- compared through the domain's unit key (case, diacritics, "P."/"Phường",
-- leading zeros, "UBND" ignored), which is code, not data, so it is not
-- stored: a better rule then applies to old aliases too.
CREATE TABLE unit_alias (
    id       TEXT NOT NULL PRIMARY KEY,
    origin   TEXT NOT NULL,
    hlc      TEXT NOT NULL,
    unit_id  TEXT NOT NULL REFERENCES unit (id),
    spelling TEXT NOT NULL CHECK (spelling <> '')
);

-- The district's offices the plan (Kế hoạch tuyên truyền NQ57, part III and
-- IV) names, seeded like the wards: the same fixed ids on every device, not
-- logged, an hlc of zero so the hub's catalog wins.
INSERT INTO unit (id, origin, hlc, name, kind, sort_order) VALUES
    ('01941f29-7c00-7000-8000-000000000101', 'seed', '0000000000000-00000-seed', 'Phòng Văn hóa, Khoa học và Thông tin', 'city_office', 101),
    ('01941f29-7c00-7000-8000-000000000102', 'seed', '0000000000000-00000-seed', 'Văn phòng Ủy ban nhân dân quận', 'city_office', 102),
    ('01941f29-7c00-7000-8000-000000000103', 'seed', '0000000000000-00000-seed', 'Ban Tuyên giáo và Dân vận Quận ủy', 'agency', 103),
    ('01941f29-7c00-7000-8000-000000000104', 'seed', '0000000000000-00000-seed', 'Ủy ban Mặt trận Tổ quốc Việt Nam quận Tân Bình', 'mass_org', 104);

-- The plan's own short forms of those names (its "Nơi nhận" list).
INSERT INTO unit_alias (id, origin, hlc, unit_id, spelling) VALUES
    ('01941f29-7c00-7000-8000-000000000201', 'seed', '0000000000000-00000-seed', '01941f29-7c00-7000-8000-000000000102', 'VPUB'),
    ('01941f29-7c00-7000-8000-000000000202', 'seed', '0000000000000-00000-seed', '01941f29-7c00-7000-8000-000000000104', 'Ủy ban MTTQ Việt Nam quận');
