package hub

import (
	"context"
	"errors"
	"testing"
	"time"

	"briefing/internal/sync"
)

// The district answers only what was forwarded to it, and answering again
// with the same text adds nothing; a changed text is a new version.
func TestAnswerOnlyForwardedAndOnce(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	ctx := context.Background()
	sid, open, fwdID := newID(), newID(), newID()
	fwd := h.now
	batch := []sync.Change{d.session(sid, "Phường 7", h.now)}
	batch = append(batch, d.question(open, sid, 1, "Chưa chuyển?", "open", nil, 1)...)
	batch = append(batch, d.question(fwdID, sid, 2, "Đã chuyển?", "forwarded", &fwd, 1)...)
	if status, _, e := d.push(1, batch); status != 200 {
		t.Fatalf("push: %d %v", status, e)
	}
	hubVersions := func(qid string) int {
		return count(t, h, `SELECT COUNT(*) FROM question_version WHERE question_id = ? AND origin = ?`, qid, h.st.HubID())
	}
	feed := func() int { return count(t, h, `SELECT COUNT(*) FROM feed WHERE entity = 'question_version'`) }

	if _, err := h.st.Answer(ctx, open, "Trả lời.", "Phòng VHKHTT", false, h.now); !errors.Is(err, ErrNotForwarded) {
		t.Errorf("answering a question never forwarded: %v, want ErrNotForwarded", err)
	}
	if n := hubVersions(open); n != 0 {
		t.Errorf("a refused answer wrote %d versions", n)
	}

	q, err := h.st.Answer(ctx, fwdID, "Trả lời.", "Phòng VHKHTT", false, h.now.Add(time.Second))
	if err != nil {
		t.Fatal(err)
	}
	if q.Version != 2 || q.Status != "answered_later" {
		t.Errorf("first answer: version %d status %s", q.Version, q.Status)
	}
	again, err := h.st.Answer(ctx, fwdID, "Trả lời.", "Phòng VHKHTT", false, h.now.Add(2*time.Second))
	if !errors.Is(err, ErrSameAnswer) || again.Version != 2 {
		t.Errorf("the same answer again: version %d, %v; want version 2 and ErrSameAnswer", again.Version, err)
	}
	if n, f := hubVersions(fwdID), feed(); n != 1 || f != 1 {
		t.Errorf("the same answer twice: %d versions, %d feed items; want 1 and 1", n, f)
	}
	if _, err := h.st.Answer(ctx, fwdID, "Trả lời khác.", "Phòng VHKHTT", false, h.now.Add(3*time.Second)); !errors.Is(err, ErrAnswered) {
		t.Errorf("another answer without replace: %v, want ErrAnswered", err)
	}
	changed, err := h.st.Answer(ctx, fwdID, "Trả lời, sửa lại.", "Phòng VHKHTT", true, h.now.Add(3*time.Second))
	if err != nil || changed.Version != 3 || changed.Answer != "Trả lời, sửa lại." {
		t.Errorf("a changed answer: %+v %v; want version 3", changed, err)
	}
	if n, f := hubVersions(fwdID), feed(); n != 2 || f != 2 {
		t.Errorf("a changed answer: %d versions, %d feed items; want 2 and 2", n, f)
	}
	// The laptop forwards it again (it was reopened there): the same text
	// is answered anew, so the answer reaches it again.
	h.now = h.now.Add(4 * time.Second)
	again2 := h.now
	if status, _, e := d.push(1, d.question(fwdID, sid, 2, "Đã chuyển?", "forwarded", &again2, 2)); status != 200 {
		t.Fatalf("push: %d %v", status, e)
	}
	if _, err := h.st.Answer(ctx, fwdID, "Trả lời, sửa lại.", "Phòng VHKHTT", false, h.now.Add(time.Second)); err != nil {
		t.Errorf("answering a question forwarded again: %v", err)
	}
	if n := hubVersions(fwdID); n != 3 {
		t.Errorf("after a question was forwarded again: %d answer versions, want 3", n)
	}
}
