package hub

import (
	"testing"

	"briefing/internal/sync"
)

// A session's chair and secretary (device migration 0018) are kept by the
// hub; a session from a device older than them, without the fields, is
// still taken.
func TestSessionChairAndSecretary(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	withSigners, without := newID(), newID()
	batch := []sync.Change{d.session(without, "Phường 7", h.now), d.session(withSigners, "Phường 7", h.now)}
	signed := d.change("session", "update", withSigners, map[string]any{
		"deck_id": "nq57-toan-van", "deck_version": "03c025eb222a", "deck_title": "Nghị quyết 57", "slides": 27, "duration_min": 45,
		"title": "Phổ biến Nghị quyết 57", "unit": "Phường 7", "venue": "Hội trường", "form": "Hội nghị trực tiếp", "rapporteur": "Ông A",
		"started_at": h.now, "ended_at": nil, "slide": 0, "step": 0, "position_at": h.now, "pinned_question": "", "pinned_at": nil,
		"chair": "Trần Văn Chủ", "secretary": "Lê Thị Thư",
	})
	batch = append(batch, signed)
	if status, _, e := d.push(1, batch); status != 200 {
		t.Fatalf("push: %d %v", status, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE id = ? AND chair = 'Trần Văn Chủ' AND secretary = 'Lê Thị Thư'`, withSigners); n != 1 {
		t.Errorf("the chair and secretary were not kept")
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE id = ? AND chair = '' AND secretary = ''`, without); n != 1 {
		t.Errorf("a session without them was not taken with none")
	}
}
