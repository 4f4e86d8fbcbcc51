-- Who chaired a session and who took its minutes (device migration 0018);
-- sessions pushed by older devices have neither.
ALTER TABLE session ADD COLUMN chair TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN secretary TEXT NOT NULL DEFAULT '';
