-- Audience questions. The question row is the current state, which syncs
-- last-writer-wins like every record; question_version keeps every state it
-- has had (insert-only), so an edit never loses what was there before.
-- number counts a session's questions from 1, the way minutes name them.
-- slide is 0-based like session.slide. An empty asker_name is anonymous.
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

-- The question on the audience screen, if any: the presenter reads it with
-- the slide position it already polls.
ALTER TABLE session ADD COLUMN pinned_question TEXT NOT NULL DEFAULT '';
ALTER TABLE session ADD COLUMN pinned_at INTEGER;
