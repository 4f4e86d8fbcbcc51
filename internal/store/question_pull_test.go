package store

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"
)

// hubAnswer is the district's answer to q as the hub numbers and stamps it.
func hubAnswer(q *Question, version int, at time.Time, text string) PulledItem {
	v := QuestionVersion{
		QuestionID: q.ID, Version: version, Slide: q.Slide, Text: q.Text, Status: "answered_later",
		Answer: text, AnsweredBy: "Phòng VHKHTT", AnsweredAt: &at, ForwardedTo: q.ForwardedTo, ForwardedAt: q.ForwardedAt, SavedAt: at,
	}
	v.ID, v.Origin, v.HLC = newID(), "hub-1", formatHLC(at.UnixMilli(), 0, "hub-1")
	payload, _ := json.Marshal(v)
	return PulledItem{Question: &ReceivedVersion{Version: v, Payload: payload}}
}

// loggedVersions are the question records and versions this device logged
// after seq, as "q|v<version>:status:text:answer".
func loggedVersions(t *testing.T, s *Store, after int64) []string {
	t.Helper()
	list, err := s.Changes(context.Background(), after, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range list {
		var v QuestionVersion
		var q Question
		switch c.Entity {
		case EntityQuestionVersion:
			json.Unmarshal(c.Payload, &v)
			out = append(out, fmt.Sprintf("v%d:%s:%s:%s", v.Version, v.Status, v.Text, v.Answer))
		case EntityQuestion:
			json.Unmarshal(c.Payload, &q)
			out = append(out, fmt.Sprintf("q%d:%s:%s:%s", q.Version, q.Status, q.Text, q.Answer))
		}
	}
	return out
}

func pullOne(t *testing.T, s *Store, it PulledItem) {
	t.Helper()
	ctx := context.Background()
	st, err := s.SyncState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	it.Cursor = st.Cursor + 1
	if _, err := s.ApplyPulled(ctx, st.Cursor, it.Cursor, []PulledItem{it}, time.Minute); err != nil {
		t.Fatal(err)
	}
}

func forwardedFixture(t *testing.T) (*Store, *Question) {
	t.Helper()
	ctx := context.Background()
	s, q := newQuestionFixture(t)
	if err := s.SaveEnrolment(ctx, SyncState{HubURL: "https://hub:8443", HubID: "hub-1"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertQuestion(ctx, q) }); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	q.Status, q.ForwardedTo, q.ForwardedAt, q.UpdatedAt = "forwarded", "district", &now, now
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdateQuestion(ctx, q) }); err != nil {
		t.Fatal(err)
	}
	return s, q
}

// The hub's answer (later than the device's last edit) is pulled: the
// forwarded state it replaces stays in the history and goes to the hub as
// the device's version 2; the answer is version 3; the device's next edit
// is version 4, pushed with that number.
func TestPulledAnswerThenLocalEditNumbersVersions(t *testing.T) {
	ctx := context.Background()
	s, q := forwardedFixture(t)
	seq := lastSeq(t, s)
	pullOne(t, s, hubAnswer(q, 3, time.Now().Add(time.Second), "Quý I năm sau."))
	want := "[1:open:Câu hỏi đầu 2:forwarded:Câu hỏi đầu 3:answered_later:Câu hỏi đầu]"
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != want {
		t.Errorf("history after the pull = %s, want %s", got, want)
	}
	cur, err := s.Question(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cur.Version != 3 || cur.Answer != "Quý I năm sau." {
		t.Errorf("question after the pull: version %d answer %q", cur.Version, cur.Answer)
	}
	cur.Text, cur.UpdatedAt = "Câu hỏi sửa lại", time.Now()
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdateQuestion(ctx, &cur) }); err != nil {
		t.Fatal(err)
	}
	want = "[1:open:Câu hỏi đầu 2:forwarded:Câu hỏi đầu 3:answered_later:Câu hỏi đầu 4:answered_later:Câu hỏi sửa lại]"
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != want {
		t.Errorf("history after the edit = %s, want %s", got, want)
	}
	want = "[v2:forwarded:Câu hỏi đầu: q4:answered_later:Câu hỏi sửa lại:Quý I năm sau.]"
	if got := fmt.Sprint(loggedVersions(t, s, seq)); got != want {
		t.Errorf("logged after the pull = %s, want %s", got, want)
	}
}

// The device edited the forwarded question (version 3) before the hub's
// answer, numbered 3 by the hub and stamped earlier, arrived: the edit
// stays the question's state, the answer is kept in the history with a
// number of its own, and the device's edit is not lost when it is edited
// again (it is logged as a version for the hub).
func TestPulledAnswerLosingToALocalEdit(t *testing.T) {
	ctx := context.Background()
	s, q := forwardedFixture(t)
	answer := hubAnswer(q, 3, time.Now().Add(-time.Second), "Trả lời cũ.")
	q.Text, q.UpdatedAt = "Câu hỏi sửa trước", time.Now()
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdateQuestion(ctx, q) }); err != nil {
		t.Fatal(err)
	}
	seq := lastSeq(t, s)
	pullOne(t, s, answer)
	cur, err := s.Question(ctx, q.ID)
	if err != nil {
		t.Fatal(err)
	}
	if cur.Text != "Câu hỏi sửa trước" || cur.Status != "forwarded" {
		t.Errorf("a later local edit lost to an earlier answer: %+v", cur)
	}
	want := "[1:open:Câu hỏi đầu 2:forwarded:Câu hỏi đầu 3:answered_later:Câu hỏi đầu 4:forwarded:Câu hỏi sửa trước]"
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != want {
		t.Errorf("history after the pull = %s, want %s", got, want)
	}
	cur.Text, cur.UpdatedAt = "Câu hỏi sửa sau", time.Now()
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdateQuestion(ctx, &cur) }); err != nil {
		t.Fatal(err)
	}
	want = "[1:open:Câu hỏi đầu 2:forwarded:Câu hỏi đầu 3:answered_later:Câu hỏi đầu 4:forwarded:Câu hỏi sửa trước 5:forwarded:Câu hỏi sửa sau]"
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != want {
		t.Errorf("history after the next edit = %s, want %s", got, want)
	}
	want = "[q5:forwarded:Câu hỏi sửa sau: v4:forwarded:Câu hỏi sửa trước:]"
	if got := fmt.Sprint(loggedVersions(t, s, seq)); got != want {
		t.Errorf("logged = %s, want %s", got, want)
	}
}

// The same page pulled twice (a cursor saved, then the page asked again by
// another sync) changes nothing the second time.
func TestPulledAnswerTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	s, q := forwardedFixture(t)
	it := hubAnswer(q, 3, time.Now().Add(time.Second), "Một lần.")
	pullOne(t, s, it)
	before := fmt.Sprint(historyOf(t, s, q.ID))
	seq := lastSeq(t, s)
	pullOne(t, s, it)
	if got := fmt.Sprint(historyOf(t, s, q.ID)); got != before {
		t.Errorf("history after the same answer twice = %s, want %s", got, before)
	}
	if n := lastSeq(t, s); n != seq {
		t.Errorf("the same answer again logged %d changes", n-seq)
	}
	if cur, err := s.Question(ctx, q.ID); err != nil || cur.Version != 3 {
		t.Errorf("question after the same answer twice: version %d, %v; want 3", cur.Version, err)
	}
}

// A question the district answered three times (it corrected itself) is
// one answer to the clerk, not three.
func TestPulledAnswersCountQuestions(t *testing.T) {
	ctx := context.Background()
	s, q := forwardedFixture(t)
	st, err := s.SyncState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var items []PulledItem
	for i, text := range []string{"Quý I.", "Quý II.", "Quý II năm sau."} {
		it := hubAnswer(q, 3+i, time.Now().Add(time.Duration(i+1)*time.Second), text)
		it.Cursor = st.Cursor + int64(i) + 1
		items = append(items, it)
	}
	n, err := s.ApplyPulled(ctx, st.Cursor, st.Cursor+3, items, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if n.Answers != 1 {
		t.Errorf("answers counted %d, want 1 question", n.Answers)
	}
}
