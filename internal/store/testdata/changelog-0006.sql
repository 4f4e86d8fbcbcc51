PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at INTEGER NOT NULL
	);
INSERT INTO schema_migrations VALUES(1,'init',1796461971385);
INSERT INTO schema_migrations VALUES(2,'attendance',1796461971390);
INSERT INTO schema_migrations VALUES(3,'change_log_batches',1796461971393);
INSERT INTO schema_migrations VALUES(4,'questions',1796461971397);
INSERT INTO schema_migrations VALUES(5,'change_log_by_seq',1796461971400);
INSERT INTO schema_migrations VALUES(6,'attendance_by_session_and_person',1796461971402);
CREATE TABLE device (
    id         TEXT    PRIMARY KEY,
    name       TEXT    NOT NULL DEFAULT '',
    unit       TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL
);
INSERT INTO device VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06','','',1796461971407);
CREATE TABLE clock (
    device_id TEXT    PRIMARY KEY,
    wall_ms   INTEGER NOT NULL,
    counter   INTEGER NOT NULL
);
INSERT INTO clock VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',0,0);
CREATE TABLE unit (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    sort_order INTEGER NOT NULL DEFAULT 0
);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000001','seed','0000000000000-00000-seed','Phường 1','ward',1);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000002','seed','0000000000000-00000-seed','Phường 2','ward',2);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000003','seed','0000000000000-00000-seed','Phường 3','ward',3);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000004','seed','0000000000000-00000-seed','Phường 4','ward',4);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000005','seed','0000000000000-00000-seed','Phường 5','ward',5);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000006','seed','0000000000000-00000-seed','Phường 6','ward',6);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000007','seed','0000000000000-00000-seed','Phường 7','ward',7);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000008','seed','0000000000000-00000-seed','Phường 8','ward',8);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000009','seed','0000000000000-00000-seed','Phường 9','ward',9);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000010','seed','0000000000000-00000-seed','Phường 10','ward',10);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000011','seed','0000000000000-00000-seed','Phường 11','ward',11);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000012','seed','0000000000000-00000-seed','Phường 12','ward',12);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000013','seed','0000000000000-00000-seed','Phường 13','ward',13);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000014','seed','0000000000000-00000-seed','Phường 14','ward',14);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-000000000015','seed','0000000000000-00000-seed','Phường 15','ward',15);
INSERT INTO unit VALUES('01941f29-7c00-7000-8000-0000000000ff','seed','0000000000000-00000-seed','Khác','other',1000);
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
INSERT INTO deck VALUES('01a2457a-51b6-7d20-8a51-dc9a3b61690d','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461973942-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','chuyen-doi-so-nguoi-dan','6e272f3e0e47','Chuyển đổi số cho người dân — tiện lợi và an toàn',15,30);
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
    position_at  INTEGER NOT NULL, pinned_question TEXT NOT NULL DEFAULT '', pinned_at INTEGER,
    CHECK (slide >= 0 AND slide < slides),
    FOREIGN KEY (deck_id, deck_version) REFERENCES deck (deck_id, version)
);
INSERT INTO session VALUES('01a2457a-51b7-7675-aa91-b1c3da8c995c','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461986495-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','chuyen-doi-so-nguoi-dan','6e272f3e0e47','Chuyển đổi số cho người dân — tiện lợi và an toàn',15,30,'Phiên thử','Phường 7','Hội trường','','Ông A',1796461973935,1796461986493,0,0,1796461973935,'',NULL);
CREATE TABLE slide_view (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    session_id TEXT    NOT NULL REFERENCES session (id),
    slide      INTEGER NOT NULL CHECK (slide >= 0),
    step       INTEGER NOT NULL CHECK (step >= 0),
    shown_at   INTEGER NOT NULL
);
INSERT INTO slide_view VALUES('01a2457a-51b7-7d63-a0d0-5abbe4c151d4','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461973943-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-51b7-7675-aa91-b1c3da8c995c',0,0,1796461973935);
CREATE TABLE setting (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE person (
    id         TEXT    PRIMARY KEY,
    origin     TEXT    NOT NULL,
    hlc        TEXT    NOT NULL,
    name       TEXT    NOT NULL CHECK (name <> ''),
    name_key   TEXT    NOT NULL,
    unit       TEXT    NOT NULL DEFAULT '',
    position   TEXT    NOT NULL DEFAULT '',
    grp        TEXT    NOT NULL DEFAULT '',
    phone      TEXT    NOT NULL DEFAULT '',
    id_hash    TEXT    NOT NULL DEFAULT '',
    id_last4   TEXT    NOT NULL DEFAULT '',
    source     TEXT    NOT NULL CHECK (source IN ('roster', 'walk_in', 'qr')),
    notice_at  INTEGER,
    created_at INTEGER NOT NULL
);
INSERT INTO person VALUES('01a2457a-47d5-7178-bdaf-11ba59269c3f','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461983062-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','Nguyễn Văn An','nguyen van an','Phường 7','Tổ phó','nhan_dan','0903123456','d0:b00ea6ae804ab2a33e93ef1e2090826cfbf53eab8972ee104abd92d6507cb8a7','1234','roster',1796461983060,1796461971410);
INSERT INTO person VALUES('01a2457a-47d5-717c-9197-df095955193e','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461971413-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','Đặng Thị Bình','dang thi binh','Phường 7','','cong_chuc','0903123457','','','roster',NULL,1796461971410);
INSERT INTO person VALUES('01a2457a-47d5-717e-8fc7-3da7443b6bb8','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461971413-00002-01a2457a-47cf-7425-a4de-d7c979a2fd06','Trần Văn Cường','tran van cuong','Phường 4','','can_bo','0903123458','','','roster',NULL,1796461971410);
INSERT INTO person VALUES('01a2457a-4889-7973-9de6-97f9bd0631c6','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461971593-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','Lê Thị Dung','le thi dung','Phường 9','','vien_chuc','0903123459','','','roster',NULL,1796461971591);
INSERT INTO person VALUES('01a2457a-529f-7ac1-a258-692caffc79e6','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461974175-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','Phạm Văn Em','pham van em','Phường 4','','nhan_dan','','','','walk_in',NULL,1796461974174);
CREATE TABLE question (
    id              TEXT    PRIMARY KEY,
    origin          TEXT    NOT NULL,
    hlc             TEXT    NOT NULL,
    session_id      TEXT    NOT NULL REFERENCES session (id),
    number          INTEGER NOT NULL CHECK (number > 0),
    slide           INTEGER NOT NULL CHECK (slide >= 0),
    text            TEXT    NOT NULL CHECK (text <> ''),
    asker_name      TEXT    NOT NULL DEFAULT '',
    asker_unit      TEXT    NOT NULL DEFAULT '',
    asker_person_id TEXT    NOT NULL DEFAULT '',
    press           INTEGER NOT NULL DEFAULT 0 CHECK (press IN (0, 1)),
    status          TEXT    NOT NULL CHECK (status IN ('open', 'answered', 'forwarded', 'answered_later')),
    answer          TEXT    NOT NULL DEFAULT '',
    answered_by     TEXT    NOT NULL DEFAULT '',
    answered_at     INTEGER,
    forwarded_to    TEXT    NOT NULL DEFAULT '' CHECK (forwarded_to IN ('', 'district', 'spokesperson')),
    forwarded_at    INTEGER,
    version         INTEGER NOT NULL CHECK (version > 0),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    UNIQUE (session_id, number)
);
INSERT INTO question VALUES('01a2457a-75f3-7bae-b480-3c79cf465997','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461985693-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-51b7-7675-aa91-b1c3da8c995c',1,0,'Chữ ký số dùng thế nào?','','','',0,'answered','Dùng USB token.','Ông A',1796461985693,'',NULL,2,1796461983219,1796461985693);
INSERT INTO question VALUES('01a2457a-7764-76a1-994d-a4a34f2d7bee','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461985904-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-51b7-7675-aa91-b1c3da8c995c',2,0,'Hỏi của báo chí','Nhà báo X','Báo Y','',1,'forwarded','','',NULL,'spokesperson',1796461985904,2,1796461983587,1796461985904);
CREATE TABLE question_version (
    id              TEXT    PRIMARY KEY,
    origin          TEXT    NOT NULL,
    hlc             TEXT    NOT NULL,
    question_id     TEXT    NOT NULL REFERENCES question (id),
    version         INTEGER NOT NULL CHECK (version > 0),
    slide           INTEGER NOT NULL,
    text            TEXT    NOT NULL,
    asker_name      TEXT    NOT NULL,
    asker_unit      TEXT    NOT NULL,
    asker_person_id TEXT    NOT NULL,
    press           INTEGER NOT NULL,
    status          TEXT    NOT NULL,
    answer          TEXT    NOT NULL,
    answered_by     TEXT    NOT NULL,
    answered_at     INTEGER,
    forwarded_to    TEXT    NOT NULL,
    forwarded_at    INTEGER,
    saved_at        INTEGER NOT NULL,
    UNIQUE (question_id, version)
);
INSERT INTO question_version VALUES('01a2457a-75f3-7bb4-9249-fc9c36d351d6','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461983219-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-75f3-7bae-b480-3c79cf465997',1,0,'Chữ ký số dùng thế nào?','','','',0,'open','','',NULL,'',NULL,1796461983219);
INSERT INTO question_version VALUES('01a2457a-7764-76a5-abb7-fc3ffce4ed20','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461983588-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-7764-76a1-994d-a4a34f2d7bee',1,0,'Hỏi của báo chí','Nhà báo X','Báo Y','',1,'open','','',NULL,'',NULL,1796461983587);
INSERT INTO question_version VALUES('01a2457a-7f9d-7a8c-a95b-c681343e17cd','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461985693-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-75f3-7bae-b480-3c79cf465997',2,0,'Chữ ký số dùng thế nào?','','','',0,'answered','Dùng USB token.','Ông A',1796461985693,'',NULL,1796461985693);
INSERT INTO question_version VALUES('01a2457a-8071-71bd-aa07-aae1a3c35f54','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461985904-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-7764-76a1-994d-a4a34f2d7bee',2,0,'Hỏi của báo chí','Nhà báo X','Báo Y','',1,'forwarded','','',NULL,'spokesperson',1796461985904,1796461985904);
CREATE TABLE IF NOT EXISTS "change_log" (
    device_id    TEXT    NOT NULL,
    seq          INTEGER PRIMARY KEY CHECK (seq > 0),
    entity       TEXT    NOT NULL,
    record_id    TEXT    NOT NULL,
    hlc          TEXT    NOT NULL,
    op           TEXT    NOT NULL CHECK (op IN ('insert', 'insert_many', 'update', 'delete')),
    payload_json TEXT    NOT NULL,
    created_at   INTEGER NOT NULL
);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',1,'person','01a2457a-47d5-717e-8fc7-3da7443b6bb8','1796461971413-00002-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert_many','[{"id":"01a2457a-47d5-7178-bdaf-11ba59269c3f","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461971413-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","name":"Nguyễn Văn An","name_key":"nguyen van an","unit":"Phường 7","position":"Tổ trưởng","grp":"nhan_dan","phone":"0903123456","id_hash":"","id_last4":"","source":"roster","notice_at":null,"created_at":1796461971410},{"id":"01a2457a-47d5-717c-9197-df095955193e","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461971413-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06","name":"Đặng Thị Bình","name_key":"dang thi binh","unit":"Phường 7","position":"","grp":"cong_chuc","phone":"0903123457","id_hash":"","id_last4":"","source":"roster","notice_at":null,"created_at":1796461971410},{"id":"01a2457a-47d5-717e-8fc7-3da7443b6bb8","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461971413-00002-01a2457a-47cf-7425-a4de-d7c979a2fd06","name":"Trần Văn Cường","name_key":"tran van cuong","unit":"Phường 4","position":"","grp":"can_bo","phone":"0903123458","id_hash":"","id_last4":"","source":"roster","notice_at":null,"created_at":1796461971410}]',1796461971413);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',2,'person','01a2457a-4889-7973-9de6-97f9bd0631c6','1796461971593-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-4889-7973-9de6-97f9bd0631c6","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461971593-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","name":"Lê Thị Dung","name_key":"le thi dung","unit":"Phường 9","position":"","grp":"vien_chuc","phone":"0903123459","id_hash":"","id_last4":"","source":"roster","notice_at":null,"created_at":1796461971591}',1796461971594);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',3,'person','01a2457a-47d5-7178-bdaf-11ba59269c3f','1796461971738-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','update','{"id":"01a2457a-47d5-7178-bdaf-11ba59269c3f","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461971738-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","name":"Nguyễn Văn An","name_key":"nguyen van an","unit":"Phường 7","position":"Tổ phó","grp":"nhan_dan","phone":"0903123456","id_hash":"","id_last4":"","source":"roster","notice_at":null,"created_at":1796461971410}',1796461971739);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',4,'deck','01a2457a-51b6-7d20-8a51-dc9a3b61690d','1796461973942-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-51b6-7d20-8a51-dc9a3b61690d","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461973942-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","deck_id":"chuyen-doi-so-nguoi-dan","version":"6e272f3e0e47","title":"Chuyển đổi số cho người dân — tiện lợi và an toàn","slides":15,"duration_min":30}',1796461973943);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',5,'session','01a2457a-51b7-7675-aa91-b1c3da8c995c','1796461973943-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461973943-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","deck_id":"chuyen-doi-so-nguoi-dan","deck_version":"6e272f3e0e47","deck_title":"Chuyển đổi số cho người dân — tiện lợi và an toàn","slides":15,"duration_min":30,"title":"Phiên thử","unit":"Phường 7","venue":"Hội trường","form":"","rapporteur":"Ông A","started_at":"2026-12-05T09:12:53.935Z","ended_at":null,"slide":0,"step":0,"position_at":"2026-12-05T09:12:53.935Z","pinned_question":"","pinned_at":null}',1796461973943);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',6,'slide_view','01a2457a-51b7-7d63-a0d0-5abbe4c151d4','1796461973943-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-51b7-7d63-a0d0-5abbe4c151d4","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461973943-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","slide":0,"step":0,"shown_at":"2026-12-05T09:12:53.935Z"}',1796461973944);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',7,'attendance','01a2457a-5217-7364-a984-09a8ee719efb','1796461974039-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-5217-7364-a984-09a8ee719efb","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461974039-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","person_id":"01a2457a-47d5-717c-9197-df095955193e","method":"roster","checked_in_at":"2026-12-05T09:12:54.037Z","undone_at":null,"notice_at":null}',1796461974039);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',8,'person','01a2457a-529f-7ac1-a258-692caffc79e6','1796461974175-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-529f-7ac1-a258-692caffc79e6","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461974175-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","name":"Phạm Văn Em","name_key":"pham van em","unit":"Phường 4","position":"","grp":"nhan_dan","phone":"","id_hash":"","id_last4":"","source":"walk_in","notice_at":null,"created_at":1796461974174}',1796461974176);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',9,'attendance','01a2457a-52a0-73f4-86a9-a1ed3e6cc774','1796461974176-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-52a0-73f4-86a9-a1ed3e6cc774","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461974176-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","person_id":"01a2457a-529f-7ac1-a258-692caffc79e6","method":"walk_in","checked_in_at":"2026-12-05T09:12:54.174Z","undone_at":null,"notice_at":null}',1796461974176);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',10,'person','01a2457a-47d5-7178-bdaf-11ba59269c3f','1796461983062-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','update','{"id":"01a2457a-47d5-7178-bdaf-11ba59269c3f","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461983062-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","name":"Nguyễn Văn An","name_key":"nguyen van an","unit":"Phường 7","position":"Tổ phó","grp":"nhan_dan","phone":"0903123456","id_hash":"d0:b00ea6ae804ab2a33e93ef1e2090826cfbf53eab8972ee104abd92d6507cb8a7","id_last4":"1234","source":"roster","notice_at":1796461983060,"created_at":1796461971410}',1796461983062);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',11,'attendance','01a2457a-7557-71cf-b641-ac1567306055','1796461983062-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-7557-71cf-b641-ac1567306055","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461983062-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","person_id":"01a2457a-47d5-7178-bdaf-11ba59269c3f","method":"qr","checked_in_at":"2026-12-05T09:13:03.06Z","undone_at":null,"notice_at":"2026-12-05T09:13:03.06Z"}',1796461983063);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',12,'question','01a2457a-75f3-7bae-b480-3c79cf465997','1796461983219-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-75f3-7bae-b480-3c79cf465997","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461983219-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","number":1,"slide":0,"text":"Chữ ký số dùng thế nào?","asker_name":"","asker_unit":"","asker_person_id":"","press":false,"status":"open","answer":"","answered_by":"","answered_at":null,"forwarded_to":"","forwarded_at":null,"version":1,"created_at":"2026-12-05T09:13:03.219Z","updated_at":"2026-12-05T09:13:03.219Z"}',1796461983220);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',13,'question_version','01a2457a-75f3-7bb4-9249-fc9c36d351d6','1796461983219-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-75f3-7bb4-9249-fc9c36d351d6","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461983219-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06","question_id":"01a2457a-75f3-7bae-b480-3c79cf465997","version":1,"slide":0,"text":"Chữ ký số dùng thế nào?","asker_name":"","asker_unit":"","asker_person_id":"","press":false,"status":"open","answer":"","answered_by":"","answered_at":null,"forwarded_to":"","forwarded_at":null,"saved_at":"2026-12-05T09:13:03.219Z"}',1796461983221);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',14,'question','01a2457a-7764-76a1-994d-a4a34f2d7bee','1796461983588-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-7764-76a1-994d-a4a34f2d7bee","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461983588-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","number":2,"slide":0,"text":"Hỏi của báo chí","asker_name":"Nhà báo X","asker_unit":"Báo Y","asker_person_id":"","press":true,"status":"open","answer":"","answered_by":"","answered_at":null,"forwarded_to":"","forwarded_at":null,"version":1,"created_at":"2026-12-05T09:13:03.587Z","updated_at":"2026-12-05T09:13:03.587Z"}',1796461983589);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',15,'question_version','01a2457a-7764-76a5-abb7-fc3ffce4ed20','1796461983588-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-7764-76a5-abb7-fc3ffce4ed20","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461983588-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06","question_id":"01a2457a-7764-76a1-994d-a4a34f2d7bee","version":1,"slide":0,"text":"Hỏi của báo chí","asker_name":"Nhà báo X","asker_unit":"Báo Y","asker_person_id":"","press":true,"status":"open","answer":"","answered_by":"","answered_at":null,"forwarded_to":"","forwarded_at":null,"saved_at":"2026-12-05T09:13:03.587Z"}',1796461983589);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',16,'question','01a2457a-75f3-7bae-b480-3c79cf465997','1796461985693-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','update','{"id":"01a2457a-75f3-7bae-b480-3c79cf465997","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461985693-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","number":1,"slide":0,"text":"Chữ ký số dùng thế nào?","asker_name":"","asker_unit":"","asker_person_id":"","press":false,"status":"answered","answer":"Dùng USB token.","answered_by":"Ông A","answered_at":"2026-12-05T09:13:05.693Z","forwarded_to":"","forwarded_at":null,"version":2,"created_at":"2026-12-05T09:13:03.219Z","updated_at":"2026-12-05T09:13:05.693Z"}',1796461985695);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',17,'question_version','01a2457a-7f9d-7a8c-a95b-c681343e17cd','1796461985693-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-7f9d-7a8c-a95b-c681343e17cd","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461985693-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06","question_id":"01a2457a-75f3-7bae-b480-3c79cf465997","version":2,"slide":0,"text":"Chữ ký số dùng thế nào?","asker_name":"","asker_unit":"","asker_person_id":"","press":false,"status":"answered","answer":"Dùng USB token.","answered_by":"Ông A","answered_at":"2026-12-05T09:13:05.693Z","forwarded_to":"","forwarded_at":null,"saved_at":"2026-12-05T09:13:05.693Z"}',1796461985695);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',18,'question','01a2457a-7764-76a1-994d-a4a34f2d7bee','1796461985904-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','update','{"id":"01a2457a-7764-76a1-994d-a4a34f2d7bee","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461985904-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","number":2,"slide":0,"text":"Hỏi của báo chí","asker_name":"Nhà báo X","asker_unit":"Báo Y","asker_person_id":"","press":true,"status":"forwarded","answer":"","answered_by":"","answered_at":null,"forwarded_to":"spokesperson","forwarded_at":"2026-12-05T09:13:05.904Z","version":2,"created_at":"2026-12-05T09:13:03.587Z","updated_at":"2026-12-05T09:13:05.904Z"}',1796461985912);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',19,'question_version','01a2457a-8071-71bd-aa07-aae1a3c35f54','1796461985904-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','insert','{"id":"01a2457a-8071-71bd-aa07-aae1a3c35f54","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461985904-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06","question_id":"01a2457a-7764-76a1-994d-a4a34f2d7bee","version":2,"slide":0,"text":"Hỏi của báo chí","asker_name":"Nhà báo X","asker_unit":"Báo Y","asker_person_id":"","press":true,"status":"forwarded","answer":"","answered_by":"","answered_at":null,"forwarded_to":"spokesperson","forwarded_at":"2026-12-05T09:13:05.904Z","saved_at":"2026-12-05T09:13:05.904Z"}',1796461985913);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',20,'session','01a2457a-51b7-7675-aa91-b1c3da8c995c','1796461986134-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','update','{"id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461986134-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","deck_id":"chuyen-doi-so-nguoi-dan","deck_version":"6e272f3e0e47","deck_title":"Chuyển đổi số cho người dân — tiện lợi và an toàn","slides":15,"duration_min":30,"title":"Phiên thử","unit":"Phường 7","venue":"Hội trường","form":"","rapporteur":"Ông A","started_at":"2026-12-05T09:12:53.935Z","ended_at":null,"slide":0,"step":0,"position_at":"2026-12-05T09:12:53.935Z","pinned_question":"01a2457a-75f3-7bae-b480-3c79cf465997","pinned_at":"2026-12-05T09:13:06.134Z"}',1796461986134);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',21,'session','01a2457a-51b7-7675-aa91-b1c3da8c995c','1796461986312-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','update','{"id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461986312-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","deck_id":"chuyen-doi-so-nguoi-dan","deck_version":"6e272f3e0e47","deck_title":"Chuyển đổi số cho người dân — tiện lợi và an toàn","slides":15,"duration_min":30,"title":"Phiên thử","unit":"Phường 7","venue":"Hội trường","form":"","rapporteur":"Ông A","started_at":"2026-12-05T09:12:53.935Z","ended_at":null,"slide":0,"step":0,"position_at":"2026-12-05T09:12:53.935Z","pinned_question":"","pinned_at":null}',1796461986322);
INSERT INTO change_log VALUES('01a2457a-47cf-7425-a4de-d7c979a2fd06',22,'session','01a2457a-51b7-7675-aa91-b1c3da8c995c','1796461986495-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','update','{"id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","origin":"01a2457a-47cf-7425-a4de-d7c979a2fd06","hlc":"1796461986495-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06","deck_id":"chuyen-doi-so-nguoi-dan","deck_version":"6e272f3e0e47","deck_title":"Chuyển đổi số cho người dân — tiện lợi và an toàn","slides":15,"duration_min":30,"title":"Phiên thử","unit":"Phường 7","venue":"Hội trường","form":"","rapporteur":"Ông A","started_at":"2026-12-05T09:12:53.935Z","ended_at":"2026-12-05T09:13:06.493Z","slide":0,"step":0,"position_at":"2026-12-05T09:12:53.935Z","pinned_question":"","pinned_at":null}',1796461986495);
CREATE TABLE IF NOT EXISTS "attendance" (
    id            TEXT    NOT NULL,
    origin        TEXT    NOT NULL,
    hlc           TEXT    NOT NULL,
    session_id    TEXT    NOT NULL REFERENCES session (id),
    person_id     TEXT    NOT NULL REFERENCES person (id),
    method        TEXT    NOT NULL CHECK (method IN ('roster', 'walk_in', 'qr')),
    checked_in_at INTEGER NOT NULL,
    undone_at     INTEGER,
    notice_at     INTEGER,
    PRIMARY KEY (session_id, person_id)
) WITHOUT ROWID;
INSERT INTO attendance VALUES('01a2457a-7557-71cf-b641-ac1567306055','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461983062-00001-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-51b7-7675-aa91-b1c3da8c995c','01a2457a-47d5-7178-bdaf-11ba59269c3f','qr',1796461983060,NULL,1796461983060);
INSERT INTO attendance VALUES('01a2457a-5217-7364-a984-09a8ee719efb','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461974039-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-51b7-7675-aa91-b1c3da8c995c','01a2457a-47d5-717c-9197-df095955193e','roster',1796461974037,NULL,NULL);
INSERT INTO attendance VALUES('01a2457a-52a0-73f4-86a9-a1ed3e6cc774','01a2457a-47cf-7425-a4de-d7c979a2fd06','1796461974176-00000-01a2457a-47cf-7425-a4de-d7c979a2fd06','01a2457a-51b7-7675-aa91-b1c3da8c995c','01a2457a-529f-7ac1-a258-692caffc79e6','walk_in',1796461974174,NULL,NULL);
CREATE UNIQUE INDEX session_open_per_device ON session (origin) WHERE ended_at IS NULL;
CREATE INDEX session_started ON session (started_at);
CREATE INDEX slide_view_session ON slide_view (session_id, hlc);
CREATE INDEX person_name_key ON person (name_key);
CREATE INDEX person_id_hash ON person (id_hash) WHERE id_hash <> '';
COMMIT;
