package hub

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"strings"
	gosync "sync"
	"testing"
	"time"

	"briefing/internal/sync"
)

func count(t *testing.T, h *testHub, query string, args ...any) int {
	t.Helper()
	var n int
	if err := h.st.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// The same push five times in parallel: one row each, every answer the same ack.
func TestPushSameBatchFiveTimesInParallel(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	sid := newID()
	batch := []sync.Change{d.session(sid, "Phường 7", h.now)}
	for i := range 20 {
		pid := newID()
		batch = append(batch, d.person(pid, "Người "+string(rune('A'+i)), "nguoi", "Phường 7", "nhan_dan", ""), d.checkIn(sid, pid))
	}
	var wg gosync.WaitGroup
	acks := make([]int64, 5)
	for i := range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status, resp, e := d.push(1, batch)
			if status != 200 {
				t.Errorf("push %d: %d %v", i, status, e)
			}
			acks[i] = resp.Acked
		}()
	}
	wg.Wait()
	for i, a := range acks {
		if a != int64(len(batch)) {
			t.Errorf("push %d acked %d, want %d", i, a, len(batch))
		}
	}
	if n := count(t, h, `SELECT COUNT(*) FROM change_in`); n != len(batch) {
		t.Errorf("%d changes stored, want %d", n, len(batch))
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance`); n != 20 {
		t.Errorf("%d check-ins, want 20", n)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session`); n != 1 {
		t.Errorf("%d sessions, want 1", n)
	}
}

// The same seq with other content: 409 conflict, a quarantine row, nothing overwritten.
func TestPushSameSeqDifferentContentIsQuarantined(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	sid := newID()
	first := d.session(sid, "Phường 7", h.now)
	if status, _, e := d.push(1, []sync.Change{first}); status != 200 {
		t.Fatalf("%d %v", status, e)
	}
	d.seq = 0
	other := d.session(sid, "Phường 7", h.now.Add(time.Hour))
	status, _, e := d.push(1, []sync.Change{other})
	if status != 409 || e.Code != sync.CodeConflict || e.Seq != 1 {
		t.Fatalf("got %d %+v, want 409 conflict seq 1", status, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM quarantine WHERE seq = 1 AND hash = ?`, other.Hash()); n != 1 {
		t.Errorf("%d quarantine rows", n)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE started_at = ?`, h.now.UnixMilli()); n != 1 {
		t.Error("the first content was overwritten")
	}
	// The first content again is a plain repeat.
	if status, resp, _ := d.push(1, []sync.Change{first}); status != 200 || resp.Acked != 1 {
		t.Errorf("repeat: %d acked %d", status, resp.Acked)
	}
	// The same conflict pushed again (a replayed request) is kept once.
	d.seq = 0
	if status, _, _ := d.push(1, []sync.Change{other}); status != 409 {
		t.Fatalf("the conflict again: %d", status)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM quarantine WHERE device_id = ?`, d.id); n != 1 {
		t.Errorf("%d quarantine rows after the same conflict twice", n)
	}
	// Conflicts pushed in a loop are answered, but the hub keeps only the
	// first MaxQuarantined of them.
	for i := range sync.MaxQuarantined + 4 {
		d.seq = 0
		status, _, _ := d.push(1, []sync.Change{d.session(sid, "Phường 7", h.now.Add(time.Duration(i+2)*time.Hour))})
		if status != 409 {
			t.Fatalf("conflict %d: %d", i, status)
		}
	}
	if n := count(t, h, `SELECT COUNT(*) FROM quarantine WHERE device_id = ?`, d.id); n != sync.MaxQuarantined {
		t.Errorf("%d quarantine rows kept, want %d", n, sync.MaxQuarantined)
	}
}

// A device whose held records reach MaxHeld is refused until the district
// looks at them; what it already sent stays acknowledged.
func TestHeldFullRefusesThePush(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	if _, err := h.st.db.Exec(`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
		INSERT INTO held (id, device_id, epoch, seq, entity, op, record_id, hlc, payload, session_id, reason, field, message, held_at)
		SELECT 'h' || i, ?, 1, i, 'session', 'insert', 'r', 'x', '{}', '', 'scope', 'payload.unit', 'x', 0 FROM n`,
		sync.MaxHeld, d.id); err != nil {
		t.Fatal(err)
	}
	status, _, e := d.push(1, []sync.Change{d.session(newID(), "Phường 7", h.now)})
	if status != 422 || e.Code != sync.CodeHeldFull {
		t.Fatalf("%d %+v, want 422 held_full", status, e)
	}
	h.st.db.Exec(`UPDATE held SET released_at = 1 WHERE device_id = ?`, d.id)
	if status, resp, e := d.push(1, nil); status != 200 || resp.HeldTotal != 0 {
		t.Fatalf("after the district looked: %d %+v %v", status, resp, e)
	}
}

// A later segment first: it waits (Expected names the gap), then applies.
func TestPushLaterSegmentWaitsForTheGap(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	sid, pid := newID(), newID()
	early := []sync.Change{d.session(sid, "Phường 7", h.now), d.person(pid, "Lê Thị Bình", "le thi binh", "Phường 7", "cong_chuc", "")}
	late := []sync.Change{d.checkIn(sid, pid)}
	status, resp, e := d.push(1, late)
	if status != 200 || resp.Acked != 0 || resp.Expected != 1 {
		t.Fatalf("late first: %d %+v %v; want acked 0, expected 1", status, resp, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance`); n != 0 {
		t.Fatal("a change after a gap was applied")
	}
	status, resp, _ = d.push(1, early)
	if status != 200 || resp.Acked != 3 || resp.Expected != 0 {
		t.Fatalf("gap filled: %d %+v; want acked 3", status, resp)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance`); n != 1 {
		t.Error("the waiting check-in was not applied")
	}
	if n := count(t, h, `SELECT COUNT(*) FROM change_in WHERE applied = 0 OR payload <> ''`); n != 0 {
		t.Errorf("%d changes still waiting or holding their payload", n)
	}
}

func TestEnrolment(t *testing.T) {
	h := newTestHub(t)
	pub, key, _ := ed25519.GenerateKey(rand.Reader)
	d := &device{h: h, id: newID(), key: key}
	code := h.code(ward7)

	status, first := d.enroll(code, pub)
	if status != 200 {
		t.Fatalf("enrol: %d %s", status, first)
	}
	var resp sync.EnrollResponse
	json.Unmarshal(first, &resp)
	if resp.Unit != ward7 || resp.UnitName != "Phường 7" || resp.IDKey == "" || resp.HubID != h.st.HubID() || len(resp.Scope) != 1 {
		t.Errorf("response %+v", resp)
	}
	// Retried with the same code and key: the same answer.
	status, again := d.enroll(code, pub)
	var resp2 sync.EnrollResponse
	json.Unmarshal(again, &resp2)
	resp2.HubTime = resp.HubTime
	if status != 200 || resp2.DeviceID != resp.DeviceID || resp2.IDKey != resp.IDKey || resp2.Unit != resp.Unit {
		t.Errorf("retry: %d %s", status, again)
	}
	// The used code with another key.
	other, _, _ := ed25519.GenerateKey(rand.Reader)
	if status, body := (&device{h: h, id: newID()}).enroll(code, other); status != 409 || !contains(body, sync.CodeCodeUsed) {
		t.Errorf("used code: %d %s", status, body)
	}
	// An unknown code, an expired code.
	if status, body := (&device{h: h, id: newID()}).enroll("AAAA.pin", other); status != 404 || !contains(body, sync.CodeCodeUnknown) {
		t.Errorf("unknown code: %d %s", status, body)
	}
	old := h.code(ward7)
	h.now = h.now.Add(CodeTTL + time.Minute)
	if status, body := (&device{h: h, id: newID()}).enroll(old, other); status != 410 || !contains(body, sync.CodeCodeExpired) {
		t.Errorf("expired code: %d %s", status, body)
	}
	// A revoked device: refused on every request, and on a retried enrolment.
	if _, err := h.st.Revoke(context.Background(), d.id, h.now); err != nil {
		t.Fatal(err)
	}
	if status, _, e := d.push(1, nil); status != 403 || e.Code != sync.CodeRevoked {
		t.Errorf("revoked push: %d %v", status, e)
	}
	var st sync.StatusResponse
	if status, e := d.do("GET", "/v1/status", nil, &st); status != 403 || e.Code != sync.CodeRevoked {
		t.Errorf("revoked status: %d %v", status, e)
	}
	if status, body := d.enroll(code, pub); status != 403 {
		t.Errorf("revoked re-enrolment: %d %s", status, body)
	}
	// A code for a new laptop does not take over a known one (its id is
	// in every record it wrote), whatever key comes with it.
	thief, _, _ := ed25519.GenerateKey(rand.Reader)
	if status, body := d.enroll(h.code(ward3), thief); status != 409 || !contains(body, sync.CodeDeviceKnown) {
		t.Fatalf("a new laptop's code used with a known id: %d %s", status, body)
	}
	// A code the district made for this laptop enrols it again, here for
	// another ward: it syncs again, with the new unit's scope. No other
	// laptop can use that code.
	fresh, err := NewDeviceCode(context.Background(), h.st, d.id, ward3, "", "pin", h.now)
	if err != nil {
		t.Fatal(err)
	}
	if status, body := (&device{h: h, id: newID()}).enroll(fresh, thief); status != 409 || !contains(body, sync.CodeCodeOtherDevice) {
		t.Fatalf("another laptop with a code made for this one: %d %s", status, body)
	}
	status, body := d.enroll(fresh, pub)
	var back sync.EnrollResponse
	json.Unmarshal(body, &back)
	if status != 200 || back.DeviceID != d.id || back.Unit != ward3 {
		t.Fatalf("re-enrolment with a fresh code: %d %s", status, body)
	}
	if status, _, e := d.push(1, nil); status != 200 {
		t.Errorf("push after re-enrolment: %d %v", status, e)
	}
	if status, _ := d.enroll(fresh, pub); status != 200 {
		t.Errorf("retried re-enrolment: %d", status)
	}

	// The name the district gave with the code is the device's name, not
	// the hostname the device offers; control characters never get in.
	named, err := NewCode(context.Background(), h.st, ward7, "Máy bàn đón tiếp\x1b[31m  P4", "pin", h.now)
	if err != nil {
		t.Fatal(err)
	}
	pub2, key2, _ := ed25519.GenerateKey(rand.Reader)
	d2 := &device{h: h, id: newID(), key: key2}
	if status, body := d2.enroll(named, pub2); status != 200 {
		t.Fatalf("named code: %d %s", status, body)
	}
	if dev, err := h.st.Device(context.Background(), d2.id); err != nil || dev.Name != "Máy bàn đón tiếp [31m P4" {
		t.Errorf("device name %q (%v), want the district's, cleaned", dev.Name, err)
	}
}

func contains(b []byte, s string) bool {
	return json.Valid(b) && string(b) != "" && stringsContains(string(b), s)
}

func stringsContains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

func TestSignatureRequired(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	_, stranger, _ := ed25519.GenerateKey(rand.Reader)
	d.key = stranger
	if status, _, e := d.push(1, nil); status != 401 || e.Code != sync.CodeSignature {
		t.Errorf("wrong key: %d %v", status, e)
	}
}

// A device writes only records it originated, only within its units. A
// change that breaks this is acknowledged and held, not applied: refusing
// the push would stop every later change of the device behind it forever.
func TestScopeAndOriginBreachesAreHeld(t *testing.T) {
	h := newTestHub(t)
	a, b := h.newDevice(ward7), h.newDevice(ward3)
	push := func(what string, changes []sync.Change, wantReason, wantField string) sync.PushResponse {
		t.Helper()
		status, resp, e := a.push(1, changes)
		if status != 200 {
			t.Fatalf("%s: %d %+v", what, status, e)
		}
		if resp.Acked != a.seq {
			t.Errorf("%s: acked %d, want %d (held changes are acknowledged)", what, resp.Acked, a.seq)
		}
		if len(resp.Held) != 1 || resp.Held[0].Reason != wantReason || resp.Held[0].Field != wantField || resp.Held[0].Seq != a.seq {
			t.Errorf("%s: held %+v, want one of seq %d, %s, %s", what, resp.Held, a.seq, wantReason, wantField)
		}
		return resp
	}

	// A session hosted by another ward.
	foreign := newID()
	push("out of scope", []sync.Change{a.session(foreign, "P.3", h.now)}, sync.HeldScope, "payload.unit")
	// A record whose origin is another device.
	c := a.session(newID(), "Phường 7", h.now)
	var fields map[string]any
	json.Unmarshal(c.Payload, &fields)
	fields["origin"] = b.id
	c.Payload, _ = json.Marshal(fields)
	push("foreign origin", []sync.Change{c}, sync.HeldOrigin, "payload.origin")
	// Overwriting another device's record by its id.
	sid := newID()
	b.push(1, []sync.Change{b.session(sid, "Phường 3", h.now)})
	push("another device's record", []sync.Change{a.session(sid, "Phường 7", h.now)}, sync.HeldOrigin, "payload.id")
	// Checking in to a session of another ward; and to the session held above.
	pid := newID()
	push("check-in under another ward's session", []sync.Change{a.person(pid, "X", "x", "", "", ""), a.checkIn(sid, pid)},
		sync.HeldScope, "payload.session_id")
	push("check-in under a held session", []sync.Change{a.checkIn(foreign, pid)}, sync.HeldScope, "payload.session_id")
	// An undocumented field, an undocumented entity.
	c = a.session(newID(), "Phường 7", h.now)
	c.Payload = json.RawMessage(`{"id":"` + c.RecordID + `","origin":"` + a.id + `","hlc":"` + c.HLC + `","zoom":2}`)
	push("undocumented field", []sync.Change{c}, sync.HeldContract, "payload.zoom")
	c = a.session(newID(), "Phường 7", h.now)
	c.Entity = "secret"
	resp := push("undocumented entity", []sync.Change{c}, sync.HeldContract, "entity")
	if resp.HeldTotal != 7 {
		t.Errorf("held total %d, want 7", resp.HeldTotal)
	}

	// Nothing held was applied: b's session stands as b wrote it, a has none.
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE origin = ?`, a.id); n != 0 {
		t.Errorf("%d sessions of a applied", n)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE id = ? AND unit = 'Phường 3'`, sid); n != 1 {
		t.Errorf("b's session was overwritten")
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance WHERE origin = ?`, a.id); n != 0 {
		t.Errorf("%d check-ins of a applied", n)
	}
	// The same push again (its reply lost) holds nothing twice.
	a.seq--
	if _, resp, _ := a.push(1, []sync.Change{c}); resp.HeldTotal != 7 || len(resp.Held) != 0 {
		t.Errorf("a repeated push: held %+v, total %d", resp.Held, resp.HeldTotal)
	}

	// The district looks: a retry alone applies nothing that still fails.
	held, err := h.st.Held(context.Background(), false)
	if err != nil || len(held) != 7 {
		t.Fatalf("held %d, %v", len(held), err)
	}
	released, still, err := h.st.Release(context.Background(), nil, false, "Phòng VHTT", h.now)
	if err != nil || len(released) != 0 || len(still) != 7 {
		t.Fatalf("retry: released %d, still %d, %v", len(released), len(still), err)
	}
	// Accepting the out-of-scope session accepts the check-in held under it.
	released, still, err = h.st.Release(context.Background(), []string{held[0].ID}, true, "Phòng VHTT", h.now)
	if err != nil || len(released) != 2 || len(still) != 0 {
		t.Fatalf("accept: released %+v, still %+v, %v", released, still, err)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE id = ? AND unit = 'P.3'`, foreign); n != 1 {
		t.Errorf("the accepted session is not applied")
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance WHERE session_id = ?`, foreign); n != 1 {
		t.Errorf("the check-in under the accepted session is not applied")
	}
	// Accepting never lets a device write another's record.
	var origin *Held
	for _, x := range held {
		if x.Reason == sync.HeldOrigin {
			origin = &x
			break
		}
	}
	if _, still, err := h.st.Release(context.Background(), []string{origin.ID}, true, "x", h.now); err != nil || len(still) != 1 {
		t.Errorf("accept of another device's record: still %d, %v", len(still), err)
	}
	// Nor put a check-in into another device's session of another ward.
	for _, x := range held {
		if x.Entity == "attendance" && x.SessionID == sid {
			if _, still, err := h.st.Release(context.Background(), []string{x.ID}, true, "x", h.now); err != nil || len(still) != 1 {
				t.Errorf("accept of a check-in into b's session: still %d, %v", len(still), err)
			}
		}
	}
	if _, _, err := h.st.Release(context.Background(), []string{held[0].ID}, true, "x", h.now); !errors.Is(err, ErrNotFound) {
		t.Errorf("releasing a released record: %v", err)
	}
	if left, _ := h.st.Held(context.Background(), false); len(left) != 5 {
		t.Errorf("%d held left, want 5", len(left))
	}
}

// A session held for its unit applies once the catalog says the unit is
// the device's (the district points the spelling at it), on a retry.
func TestHeldRetriedAfterAnAlias(t *testing.T) {
	h := newTestHub(t)
	a := h.newDevice(ward7)
	sid := newID()
	if _, resp, _ := a.push(1, []sync.Change{a.session(sid, "P.3", h.now)}); len(resp.Held) != 1 {
		t.Fatalf("held %+v", resp.Held)
	}
	if err := h.st.SetAlias(context.Background(), "P.3", ward7, h.now); err != nil {
		t.Fatal(err)
	}
	released, still, err := h.st.Release(context.Background(), nil, false, "", h.now)
	if err != nil || len(released) != 1 || len(still) != 0 {
		t.Fatalf("retry: released %d, still %d, %v", len(released), len(still), err)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE id = ?`, sid); n != 1 {
		t.Errorf("the session is not applied")
	}
}

// An epoch is the device's last or the one after, not any number.
func TestEpochFarAheadIsRefused(t *testing.T) {
	h := newTestHub(t)
	a := h.newDevice(ward7)
	if status, _, e := a.push(2, []sync.Change{a.session(newID(), "Phường 7", h.now)}); status != 200 {
		t.Fatalf("a first push in epoch 2: %d %v", status, e)
	}
	a.seq = 0
	if status, _, e := a.push(9, []sync.Change{a.session(newID(), "Phường 7", h.now)}); status != 422 || e.Field != "epoch" {
		t.Fatalf("epoch 9 after 2: %d %+v", status, e)
	}
	// Empty pushes do not step epochs on: a new one starts with change 1.
	if status, _, e := a.push(3, nil); status != 422 || e.Field != "epoch" {
		t.Fatalf("an empty push opening epoch 3: %d %+v", status, e)
	}
	a.seq = 0
	if status, _, e := a.push(3, []sync.Change{a.session(newID(), "Phường 7", h.now)}); status != 200 {
		t.Fatalf("epoch 3 from change 1: %d %+v", status, e)
	}
}

// A push far past what the hub acknowledged is not stored: the device is
// told where to send from.
func TestPushFarAheadIsNotStored(t *testing.T) {
	h := newTestHub(t)
	a := h.newDevice(ward7)
	a.seq = sync.MaxAheadOfAck + 5
	status, resp, e := a.push(1, []sync.Change{a.session(newID(), "Phường 7", h.now)})
	if status != 200 || resp.Acked != 0 || resp.Expected != 1 {
		t.Fatalf("%d %+v %v", status, resp, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM change_in WHERE device_id = ?`, a.id); n != 0 {
		t.Errorf("%d changes stored", n)
	}
}

// A device a year ahead: flagged, and the hub's clock does not follow it.
func TestClockAYearAheadIsFlagged(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	sid, qid := newID(), newID()
	batch := []sync.Change{d.session(sid, "Phường 7", h.now)}
	d.hlc = h.now.AddDate(1, 0, 0).UnixMilli()
	fwd := h.now
	batch = append(batch, d.question(qid, sid, 1, "Bao giờ có chữ ký số?", "forwarded", &fwd, 1)...)
	status, resp, e := d.push(1, batch)
	if status != 200 || resp.ClockAhead != 2 || !resp.HubTime.Equal(h.now) {
		t.Fatalf("%d %+v %v: want 2 changes flagged", status, resp, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM change_in WHERE clock_ahead = 1`); n != 2 {
		t.Errorf("%d changes flagged in the database", n)
	}
	q, err := h.st.Answer(context.Background(), qid, "Đã có.", "Phòng VHKHTT", false, h.now)
	if err != nil {
		t.Fatal(err)
	}
	// The answer comes after the state it answers (the question reads
	// answered), and the hub's own clock stays on real time.
	var hlc, clock string
	h.st.db.QueryRow(`SELECT hlc FROM question_version WHERE origin = ?`, h.st.HubID()).Scan(&hlc)
	h.st.db.QueryRow(`SELECT value FROM hub_meta WHERE key = 'clock'`).Scan(&clock)
	if hlc <= batch[1].HLC || q.Status != "answered_later" {
		t.Errorf("the hub's answer %s does not come after the question's state %s", hlc, batch[1].HLC)
	}
	if w, _, _ := parseHLC(clock); w != h.now.UnixMilli() {
		t.Errorf("the hub's clock is %s: it followed the device's", clock)
	}
	list, err := h.st.Questions(context.Background(), "forwarded")
	if err != nil || len(list) != 0 {
		t.Errorf("the answered question is still forwarded: %+v %v", list, err)
	}
}

// Two devices check in one person in one session: both kept, counted once.
// The district answers a forwarded question; it reaches the asking device
// and its unit's devices, not another ward's.
func TestCheckInsFromTwoDevicesAndAnswersOnTheFeed(t *testing.T) {
	h := newTestHub(t)
	a, b, other := h.newDevice(ward7), h.newDevice(ward7), h.newDevice(ward3)
	sid, qid := newID(), newID()
	pa, pb := newID(), newID()
	fwd := h.now
	batchA := []sync.Change{a.session(sid, "Phường 7", h.now), a.person(pa, "Trần Văn Cường", "tran van cuong", "Phường 7", "can_bo", ""), a.checkIn(sid, pa)}
	batchA = append(batchA, a.question(qid, sid, 1, "Hỏi?", "forwarded", &fwd, 1)...)
	batchB := []sync.Change{b.person(pb, "Trần Văn Cường", "tran van cuong", "P.07", "can_bo", ""), b.checkIn(sid, pb)}
	for _, p := range []struct {
		d *device
		c []sync.Change
	}{{a, batchA}, {b, batchB}} {
		if status, _, e := p.d.push(1, p.c); status != 200 {
			t.Fatalf("%d %v", status, e)
		}
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance WHERE session_id = ?`, sid); n != 2 {
		t.Errorf("%d check-ins kept, want 2", n)
	}
	facts, _ := h.st.Facts(context.Background(), time.Time{}, time.Time{})
	cat, _ := h.st.Catalog(context.Background())
	rep, err := BuildReport(facts, cat, "unit", time.Time{}, time.Time{}, h.now, "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Rows) != 1 || rep.Rows[0][0] != "Phường 7" || rep.Rows[0][2] != "1" {
		t.Errorf("report rows %v: want Phường 7 with 1 attendee", rep.Rows)
	}

	if _, err := h.st.Answer(context.Background(), qid, "Trả lời.", "Phòng VHKHTT", false, h.now); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		d    *device
		want int
	}{{a, 1}, {b, 1}, {other, 0}} {
		n := 0
		for _, it := range c.d.pull(0).Items {
			if it.Entity == "question_version" {
				n++
			}
		}
		if n != c.want {
			t.Errorf("device got %d answers, want %d", n, c.want)
		}
	}
	qs, _ := h.st.Questions(context.Background(), "forwarded")
	if len(qs) != 0 {
		t.Errorf("still forwarded after the answer: %+v", qs)
	}
}

// The feed's cursor is gap-free and pages.
func TestPullFeedPages(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	ctx := context.Background()
	for i := range 3 {
		if _, err := AddUnit(ctx, h.st, "Trường THCS số "+string(rune('1'+i)), "school", "Phường 7", h.now); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := AliasUnit(ctx, h.st, "THCS 1", "Trường THCS số 1", h.now); err != nil {
		t.Fatal(err)
	}
	var resp sync.PullResponse
	if status, e := d.do("GET", "/v1/pull?after=1&limit=2", nil, &resp); status != 200 {
		t.Fatal(status, e)
	}
	if len(resp.Items) != 2 || resp.Items[0].Cursor != 2 || resp.Next != 3 || !resp.More {
		t.Errorf("page %+v", resp)
	}
	all := d.pull(0)
	if len(all.Items) != 4 || all.Next != 4 || all.More || all.Items[3].Entity != "unit_alias" {
		t.Errorf("feed %+v", all)
	}
	// The new schools are under Phường 7: its devices' scope grew.
	cat, _ := h.st.Catalog(ctx)
	if s := cat.Scope(ward7); len(s) != 4 {
		t.Errorf("scope %v", s)
	}
}

func TestPushTooLarge(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	batch := make([]sync.Change, sync.MaxPushChanges+1)
	for i := range batch {
		batch[i] = d.person(newID(), "A", "a", "", "", "")
	}
	if status, _, e := d.push(1, batch); status != 413 || e.Code != sync.CodeTooLarge {
		t.Errorf("%d %v", status, e)
	}
}

// A device is revoked by its id, the start of it, or its name; a reference
// that fits two devices revokes neither.
func TestRevokeByShortReference(t *testing.T) {
	h := newTestHub(t)
	a, b := h.newDevice(ward7), h.newDevice(ward7)
	ctx := context.Background()
	h.st.db.Exec(`UPDATE device SET name = 'Laptop P7' WHERE id = ?`, a.id)
	h.st.db.Exec(`UPDATE device SET name = 'Laptop P7' WHERE id = ?`, b.id)
	if _, err := h.st.Revoke(ctx, "laptop p7", h.now); !errors.Is(err, ErrAmbiguous) {
		t.Fatalf("a name two laptops share: %v", err)
	}
	if _, err := h.st.Revoke(ctx, a.id[:3], h.now); !errors.Is(err, ErrNotFound) {
		t.Fatalf("three characters: %v", err)
	}
	h.st.db.Exec(`UPDATE device SET name = 'Laptop P7 dự phòng' WHERE id = ?`, b.id)
	dev, err := h.st.Revoke(ctx, "Laptop P7", h.now)
	if err != nil || dev.ID != a.id {
		t.Fatalf("by name: %+v %v", dev, err)
	}
	if dev, err := h.st.Revoke(ctx, b.id[:30], h.now); err != nil || dev.ID != b.id {
		t.Fatalf("by the start of the id: %+v %v", dev, err)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM device WHERE revoked_at IS NOT NULL`); n != 2 {
		t.Errorf("%d revoked, want 2", n)
	}
}

// A question's versions are written by the laptop that asked it (and the
// district): another laptop, even of the same ward, cannot answer it away.
func TestAnotherDevicesQuestionVersionIsHeld(t *testing.T) {
	h := newTestHub(t)
	a, b := h.newDevice(ward7), h.newDevice(ward7)
	sid, qid := newID(), newID()
	fwd := h.now
	batch := append([]sync.Change{a.session(sid, "Phường 7", h.now)}, a.question(qid, sid, 1, "Bao giờ có wifi?", "forwarded", &fwd, 1)...)
	if status, _, e := a.push(1, batch); status != 200 {
		t.Fatalf("a: %d %v", status, e)
	}
	// b forges an answered state of a's question, stamped a year ahead.
	b.hlc = h.now.AddDate(1, 0, 0).UnixMilli()
	forged := b.question(qid, sid, 1, "Bao giờ có wifi?", "answered_later", &fwd, 2)[1]
	forged.Seq = 1 // alone, the first of b's log
	_, resp, _ := b.push(1, []sync.Change{forged})
	if len(resp.Held) != 1 || resp.Held[0].Reason != sync.HeldOrigin || resp.Held[0].Field != "payload.question_id" {
		t.Fatalf("held %+v", resp.Held)
	}
	qs, err := h.st.Questions(context.Background(), "forwarded")
	if err != nil || len(qs) != 1 || qs[0].ID != qid {
		t.Fatalf("forwarded questions after the forgery: %+v %v", qs, err)
	}
}

// Changes waiting behind a gap keep their payloads only up to
// MaxWaitingBytes per device: past it, a push after a gap stores nothing.
func TestWaitingChangesAreBounded(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	if _, err := h.st.db.Exec(`INSERT INTO change_in (device_id, epoch, seq, hash, entity, record_id, hlc, op, payload, applied,
		clock_ahead, received_at) VALUES (?, 7, 5, 'x', 'session', 'r', 'x', 'insert', hex(zeroblob(?)), 0, 0, 0)`,
		d.id, sync.MaxWaitingBytes/2); err != nil {
		t.Fatal(err)
	}
	d.seq = 10
	status, resp, e := d.push(1, []sync.Change{d.session(newID(), "Phường 7", h.now)})
	if status != 200 || resp.Expected != 1 {
		t.Fatalf("%d %+v %v", status, resp, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM change_in WHERE device_id = ? AND epoch = 1`, d.id); n != 0 {
		t.Errorf("%d changes stored behind a gap past the bound", n)
	}
	// In order, it is taken as ever.
	d.seq = 0
	if status, resp, _ := d.push(1, []sync.Change{d.session(newID(), "Phường 7", h.now)}); status != 200 || resp.Acked != 1 {
		t.Errorf("in order: %d %+v", status, resp)
	}
}

// Once the district accepted a laptop's session outside its units, what the
// laptop records under it later applies; the log sent again under a new
// epoch holds nothing twice.
func TestAcceptedSessionTakesItsLaterRecords(t *testing.T) {
	h := newTestHub(t)
	a := h.newDevice(ward7)
	ctx := context.Background()
	sid := newID()
	first := a.session(sid, "P.3", h.now)
	if _, resp, _ := a.push(1, []sync.Change{first}); len(resp.Held) != 1 {
		t.Fatalf("held %+v", resp.Held)
	}
	held, _ := h.st.Held(ctx, false)
	if _, _, err := h.st.Release(ctx, []string{held[0].ID}, true, "Phòng VHKHTT", h.now); err != nil {
		t.Fatal(err)
	}
	ended := a.session(sid, "P.3", h.now)
	var f map[string]any
	json.Unmarshal(ended.Payload, &f)
	f["ended_at"] = h.now.Add(time.Hour)
	ended.Op, ended.Payload = "update", mustJSON(f)
	pid := newID()
	_, resp, e := a.push(1, []sync.Change{ended, a.person(pid, "X", "x", "", "", ""), a.checkIn(sid, pid)})
	if len(resp.Held) != 0 || resp.Acked != 4 {
		t.Fatalf("records under the accepted session: held %+v, acked %d, %v", resp.Held, resp.Acked, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance WHERE session_id = ?`, sid); n != 1 {
		t.Errorf("the check-in under the accepted session is not applied")
	}
	// The whole log again under epoch 2 (a restored laptop): nothing new held.
	a.seq = 0
	_, resp, _ = a.push(2, []sync.Change{a.session(newID(), "P.3", h.now)})
	before := resp.HeldTotal
	a.seq = 0
	_, resp, _ = a.push(3, []sync.Change{{Seq: 1, Entity: first.Entity, Op: first.Op, RecordID: first.RecordID, HLC: first.HLC, Payload: first.Payload}})
	if resp.HeldTotal != before || len(resp.Held) != 0 {
		t.Errorf("the accepted session sent again: held %+v, total %d (was %d)", resp.Held, resp.HeldTotal, before)
	}
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// A check-in held under a held session is not accepted alone (it would be
// a check-in to no session at the hub): it stays held until its session is
// accepted, then comes with it.
func TestHeldCheckInIsNotAcceptedWithoutItsSession(t *testing.T) {
	h := newTestHub(t)
	a := h.newDevice(ward7)
	ctx := context.Background()
	sid, pid := newID(), newID()
	a.push(1, []sync.Change{a.session(sid, "P.3", h.now), a.person(pid, "X", "x", "", "", ""), a.checkIn(sid, pid)})
	held, _ := h.st.Held(ctx, false)
	if len(held) != 2 {
		t.Fatalf("held %+v", held)
	}
	var session, checkIn string
	for _, x := range held {
		if x.Entity == "session" {
			session = x.ID
		} else {
			checkIn = x.ID
		}
	}
	if released, still, err := h.st.Release(ctx, []string{checkIn}, true, "", h.now); err != nil || len(released) != 0 || len(still) != 1 {
		t.Fatalf("the check-in alone: released %d, still %d, %v", len(released), len(still), err)
	}
	if released, _, err := h.st.Release(ctx, []string{session[:30]}, true, "", h.now); err != nil || len(released) != 2 {
		t.Fatalf("the session (by the start of its id): released %d, %v", len(released), err)
	}
}

// A clerk's laptop that syncs before the presenter's: its check-ins under
// the presenter's session wait for it, and apply when it comes, if the
// session is within the clerk laptop's units. One of another ward stays
// held, now for its unit.
func TestRecordsWaitForAnotherLaptopsSession(t *testing.T) {
	h := newTestHub(t)
	presenter, desk, other := h.newDevice(ward7), h.newDevice(ward7), h.newDevice(ward3)
	sid := newID()
	p1, p2 := newID(), newID()
	_, resp, _ := desk.push(1, []sync.Change{desk.person(p1, "An", "an", "Phường 7", "", ""), desk.checkIn(sid, p1)})
	if len(resp.Held) != 1 || resp.Held[0].Reason != sync.HeldSession {
		t.Fatalf("the desk's check-in before the session: held %+v", resp.Held)
	}
	other.push(1, []sync.Change{other.person(p2, "Bình", "binh", "Phường 3", "", ""), other.checkIn(sid, p2)})
	if n := count(t, h, `SELECT COUNT(*) FROM attendance WHERE session_id = ?`, sid); n != 0 {
		t.Fatalf("%d check-ins applied before their session", n)
	}
	if status, _, e := presenter.push(1, []sync.Change{presenter.session(sid, "Phường 7", h.now)}); status != 200 {
		t.Fatalf("%d %v", status, e)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance WHERE session_id = ? AND origin = ?`, sid, desk.id); n != 1 {
		t.Errorf("the desk's check-in was not applied when its session came")
	}
	if n := count(t, h, `SELECT COUNT(*) FROM attendance WHERE session_id = ? AND origin = ?`, sid, other.id); n != 0 {
		t.Errorf("another ward's check-in was applied into the session")
	}
	if n := count(t, h, `SELECT COUNT(*) FROM held WHERE device_id = ? AND released_at IS NULL AND reason = ?`, other.id, sync.HeldScope); n != 1 {
		t.Errorf("another ward's check-in is not held for its unit now")
	}
}

// A field longer than any a device writes (a 2.6 MB title) is held, not
// stored in the hub's tables and printed in its reports.
func TestOverlongFieldIsHeld(t *testing.T) {
	h := newTestHub(t)
	a := h.newDevice(ward7)
	c := a.session(newID(), "Phường 7", h.now)
	var f map[string]any
	json.Unmarshal(c.Payload, &f)
	f["title"] = strings.Repeat("Hội nghị ", 10000)
	c.Payload = mustJSON(f)
	_, resp, _ := a.push(1, []sync.Change{c})
	if len(resp.Held) != 1 || resp.Held[0].Field != "payload.title" || resp.Held[0].Reason != sync.HeldContract {
		t.Fatalf("held %+v", resp.Held)
	}
}

// A record the district drops no longer counts against the laptop and is
// not held again when the laptop sends it again.
func TestDroppedHeldRecordStaysDropped(t *testing.T) {
	h := newTestHub(t)
	a, b := h.newDevice(ward7), h.newDevice(ward7)
	ctx := context.Background()
	sid := newID()
	b.push(1, []sync.Change{b.session(sid, "Phường 7", h.now)})
	theft := a.session(sid, "Phường 7", h.now) // b's record id
	if _, resp, _ := a.push(1, []sync.Change{theft}); len(resp.Held) != 1 || resp.Held[0].Reason != sync.HeldOrigin {
		t.Fatalf("held %+v", resp.Held)
	}
	held, _ := h.st.Held(ctx, false)
	dropped, err := h.st.Drop(ctx, []string{held[0].ID[:30]}, "Phòng VHKHTT", h.now)
	if err != nil || len(dropped) != 1 || !dropped[0].Dropped {
		t.Fatalf("drop: %+v %v", dropped, err)
	}
	if n, _ := h.st.HeldCount(ctx, a.id); n != 0 {
		t.Errorf("%d held after the drop", n)
	}
	a.seq = 0
	if _, resp, _ := a.push(2, []sync.Change{theft}); len(resp.Held) != 0 || resp.HeldTotal != 0 {
		t.Errorf("sent again: held %+v, total %d", resp.Held, resp.HeldTotal)
	}
	if n := count(t, h, `SELECT COUNT(*) FROM session WHERE id = ? AND origin = ?`, sid, b.id); n != 1 {
		t.Errorf("b's session was overwritten")
	}
}
