-- What a roster search needs to find its candidates without reading every
-- person: the folded words of each person's name and unit (search.Keys), the
-- distinct words, and the phone digits reversed (a phone ending with digits
-- is a prefix range). The store writes them in the transaction of every
-- people write; person is the person's rowid.
CREATE TABLE person_word (
    word   TEXT    NOT NULL,
    person INTEGER NOT NULL,
    PRIMARY KEY (word, person)
) WITHOUT ROWID;
CREATE INDEX person_word_by_person ON person_word (person);

-- Every word ever in person_word (never pruned: a word no one has any more
-- finds no one).
CREATE TABLE person_vocab (
    word TEXT PRIMARY KEY
) WITHOUT ROWID;

CREATE TABLE person_phone (
    rdigits TEXT    NOT NULL,
    person  INTEGER NOT NULL,
    PRIMARY KEY (rdigits, person)
) WITHOUT ROWID;
CREATE INDEX person_phone_by_person ON person_phone (person);

-- A database with people from before this migration: the store fills the
-- tables on its next open (folding needs Go) and deletes this setting.
INSERT INTO setting (name, value) SELECT 'person_search_fill', 'pending' WHERE EXISTS (SELECT 1 FROM person);
