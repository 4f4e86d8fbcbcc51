-- The minutes name who chaired the meeting (chủ trì) and who took the
-- minutes (thư ký): both sign them. Sessions before this have neither.
ALTER TABLE session ADD COLUMN chair TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN secretary TEXT NOT NULL DEFAULT '';
