-- How many people have each word (person_vocab.people), so that a search
-- reads its candidates from its sparsest word and tests the others
-- (store.SearchCandidates). Only an estimate for choosing that order: the
-- store keeps it with every people write, and a search is right whatever it
-- says.
ALTER TABLE person_vocab ADD COLUMN people INTEGER NOT NULL DEFAULT 0;
UPDATE person_vocab SET people = (SELECT count(*) FROM person_word WHERE person_word.word = person_vocab.word);
