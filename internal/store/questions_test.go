package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"briefing/internal/record"
)

// changesSince is the change log's entries after seq as "entity op" lines.
func changesSince(t *testing.T, s *Store, seq int64) []string {
	t.Helper()
	list, err := s.Changes(context.Background(), seq, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range list {
		out = append(out, c.Entity+" "+c.Op)
	}
	return out
}

func lastSeq(t *testing.T, s *Store) int64 {
	t.Helper()
	var seq int64
	if err := s.db.QueryRow(`SELECT COALESCE(MAX(seq), 0) FROM change_log`).Scan(&seq); err != nil {
		t.Fatal(err)
	}
	return seq
}

// historyOf is a question's history as "version:status:text" lines.
func historyOf(t *testing.T, s *Store, id string) []string {
	t.Helper()
	list, err := s.QuestionVersions(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range list {
		out = append(out, fmt.Sprintf("%d:%s:%s", v.Version, v.Status, v.Text))
	}
	return out
}

func newQuestionFixture(t *testing.T) (*Store, *Question) {
	t.Helper()
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	now := time.Now()
	ses := &Session{DeckID: "nq57", DeckVersion: "v1", Slides: 3, StartedAt: now, PositionAt: now}
	q := &Question{Number: 1, Slide: 1, Text: "Câu hỏi đầu", Status: "open", CreatedAt: now, UpdatedAt: now}
	err := s.Tx(ctx, func(tx *Tx) error {
		if err := tx.InsertDeck(ctx, &Deck{DeckID: "nq57", Version: "v1", Title: "NQ 57", Slides: 3, DurationMin: 45}); err != nil {
			return err
		}
		if err := tx.InsertSession(ctx, ses); err != nil {
			return err
		}
		q.SessionID = ses.ID
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, q
}

// Adding a question writes the question and one change-log entry, as a
// check-in does; an update keeps the state it replaces as a version, so the
// history still has every state.
func TestQuestionVersionsKeepReplacedStates(t *testing.T) {
	ctx := context.Background()
	s, q := newQuestionFixture(t)
	seq := lastSeq(t, s)
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertQuestion(ctx, q) }); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(changesSince(t, s, seq)); got != "[question insert]" {
		t.Errorf("adding logged %s, want only the question", got)
	}
	var rows int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM question_version`).Scan(&rows); err != nil || rows != 0 {
		t.Errorf("question_version has %d rows after an add, %v; want none", rows, err)
	}
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != "[1:open:Câu hỏi đầu]" {
		t.Errorf("history of a new question = %s", got)
	}

	seq = lastSeq(t, s)
	for _, status := range []record.QuestionStatus{"answered", "forwarded"} {
		q.Status, q.UpdatedAt = status, time.Now()
		if err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdateQuestion(ctx, q) }); err != nil {
			t.Fatal(err)
		}
	}
	want := "[question update question_version insert question update question_version insert]"
	if got := fmt.Sprint(changesSince(t, s, seq)); got != want {
		t.Errorf("two updates logged %s, want %s", got, want)
	}
	want = "[1:open:Câu hỏi đầu 2:answered:Câu hỏi đầu 3:forwarded:Câu hỏi đầu]"
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != want {
		t.Errorf("history = %s, want %s", got, want)
	}
	list, _ := s.QuestionVersions(ctx, q.ID)
	if list[0].ID == "" || list[0].Origin != s.DeviceID() || list[0].HLC == "" || list[2].ID != "" {
		t.Errorf("saved states carry their record's meta, the current one none: %+v", list)
	}
}

// A database of an earlier build saved each state as it was written, the
// current one too: an update does not save that state again,
// and the history lists it once.
func TestQuestionUpdateAfterEveryStateWasSaved(t *testing.T) {
	ctx := context.Background()
	s, q := newQuestionFixture(t)
	err := s.Tx(ctx, func(tx *Tx) error {
		if err := tx.InsertQuestion(ctx, q); err != nil {
			return err
		}
		var m Meta // version 1 saved with the question, as earlier builds did
		if err := tx.stampNew(ctx, &m); err != nil {
			return err
		}
		return tx.saveReplaced(ctx, *q, m)
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != "[1:open:Câu hỏi đầu]" {
		t.Errorf("history = %s, want version 1 once", got)
	}
	seq := lastSeq(t, s)
	q.Status, q.UpdatedAt = "answered", time.Now()
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdateQuestion(ctx, q) }); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(changesSince(t, s, seq)); got != "[question update]" {
		t.Errorf("update logged %s, want the question only (version 1 was saved)", got)
	}
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != "[1:open:Câu hỏi đầu 2:answered:Câu hỏi đầu]" {
		t.Errorf("history = %s", got)
	}
}
