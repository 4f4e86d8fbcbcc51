package hub

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"briefing/internal/sync"
	"github.com/google/uuid"
)

// testHub is a real hub on loopback over a real SQLite file.
type testHub struct {
	t   testing.TB
	st  *SQLite
	srv *httptest.Server
	now time.Time
}

func newTestHub(t testing.TB) *testHub {
	t.Helper()
	st, err := OpenSQLite(filepath.Join(t.TempDir(), "hub.db"))
	if err != nil {
		t.Fatal(err)
	}
	h := &testHub{t: t, st: st, now: time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)}
	srv := &Server{Store: st, Now: func() time.Time { return h.now }}
	if testing.Verbose() {
		srv.Log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	h.srv = httptest.NewServer(srv.Handler())
	t.Cleanup(func() { h.srv.Close(); st.Close() })
	return h
}

const ward7 = "01941f29-7c00-7000-8000-000000000007"
const ward3 = "01941f29-7c00-7000-8000-000000000003"

// device is a test client: it signs requests with sync.Authorization.
type device struct {
	h    *testHub
	id   string
	key  ed25519.PrivateKey
	hlc  int64
	seq  int64
	code string
}

func (h *testHub) code(unitID string) string {
	h.t.Helper()
	code, err := NewCode(context.Background(), h.st, unitID, "", "pin", h.now)
	if err != nil {
		h.t.Fatal(err)
	}
	return code
}

// newDevice enrols a device of unitID.
func (h *testHub) newDevice(unitID string) *device {
	h.t.Helper()
	pub, key, _ := ed25519.GenerateKey(rand.Reader)
	d := &device{h: h, id: uuid.Must(uuid.NewV7()).String(), key: key, code: h.code(unitID)}
	status, body := d.enroll(d.code, pub)
	if status != 200 {
		h.t.Fatalf("enrol: %d %s", status, body)
	}
	return d
}

func (d *device) enroll(code string, pub ed25519.PublicKey) (int, []byte) {
	body, _ := json.Marshal(sync.EnrollRequest{Code: code, DeviceID: d.id, PublicKey: base64.RawURLEncoding.EncodeToString(pub), Name: "máy thử"})
	resp, err := http.Post(d.h.srv.URL+"/v1/enroll", "application/json", bytes.NewReader(body))
	if err != nil {
		d.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}

// do sends a signed request and decodes a 2xx answer into out.
func (d *device) do(method, path string, body []byte, out any) (int, sync.Error) {
	req, _ := http.NewRequest(method, d.h.srv.URL+path, bytes.NewReader(body))
	req.Header.Set("Authorization", sync.Authorization(d.key, d.id, method, path, time.Now(), body))
	req.Header.Set("Briefing-Protocol", sync.ProtocolVersion)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		d.h.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	var e sync.Error
	if resp.StatusCode/100 == 2 {
		if err := json.Unmarshal(data, out); err != nil {
			d.h.t.Fatalf("%s %s: %v: %s", method, path, err, data)
		}
	} else {
		json.Unmarshal(data, &e)
	}
	return resp.StatusCode, e
}

func (d *device) push(epoch int64, changes []sync.Change) (int, sync.PushResponse, sync.Error) {
	body, _ := json.Marshal(sync.PushRequest{Epoch: epoch, Changes: changes})
	var resp sync.PushResponse
	status, e := d.do("POST", "/v1/push", body, &resp)
	return status, resp, e
}

func (d *device) pull(after int64) sync.PullResponse {
	var resp sync.PullResponse
	if status, e := d.do("GET", fmt.Sprintf("/v1/pull?after=%d&limit=1000", after), nil, &resp); status != 200 {
		d.h.t.Fatalf("pull: %d %v", status, e)
	}
	return resp
}

// stamp is the device's next stamp.
func (d *device) stamp(at time.Time) string {
	d.hlc = max(d.hlc+1, at.UnixMilli())
	return formatHLC(d.hlc, 0, d.id)
}

func newID() string { return uuid.Must(uuid.NewV7()).String() }

// change makes the next change of the log with a payload built from fields
// (id, origin and hlc added).
func (d *device) change(entity, op, id string, fields map[string]any) sync.Change {
	d.seq++
	h := d.stamp(d.h.now)
	fields["id"], fields["origin"], fields["hlc"] = id, d.id, h
	payload, _ := json.Marshal(fields)
	return sync.Change{Seq: d.seq, Entity: entity, RecordID: id, HLC: h, Op: op, Payload: payload}
}

func (d *device) session(id, unitName string, at time.Time) sync.Change {
	return d.change("session", "insert", id, map[string]any{
		"deck_id": "nq57-toan-van", "deck_version": "03c025eb222a", "deck_title": "Nghị quyết 57", "slides": 27, "duration_min": 45,
		"title": "Phổ biến Nghị quyết 57", "unit": unitName, "venue": "Hội trường", "form": "Hội nghị trực tiếp", "rapporteur": "Ông A",
		"started_at": at, "ended_at": nil, "slide": 0, "step": 0, "position_at": at, "pinned_question": "", "pinned_at": nil,
	})
}

func personFields(name, key, unitName, grp, idHash string, at time.Time) map[string]any {
	return map[string]any{"name": name, "name_key": key, "unit": unitName, "position": "", "grp": grp, "phone": "",
		"id_hash": idHash, "id_last4": "", "source": "roster", "notice_at": nil, "created_at": at}
}

func (d *device) person(id, name, key, unitName, grp, idHash string) sync.Change {
	return d.change("person", "insert", id, personFields(name, key, unitName, grp, idHash, d.h.now))
}

func (d *device) checkIn(sessionID, personID string) sync.Change {
	return d.change("attendance", "insert", newID(), map[string]any{"session_id": sessionID, "person_id": personID,
		"method": "roster", "checked_in_at": d.h.now, "undone_at": nil, "notice_at": nil})
}

func questionFields(sessionID string, number int, text, status string, fwd *time.Time, version int, at time.Time) map[string]any {
	to := ""
	if fwd != nil {
		to = "district"
	}
	return map[string]any{"session_id": sessionID, "number": number, "slide": 2, "text": text, "asker_name": "", "asker_unit": "",
		"asker_person_id": "", "press": false, "status": status, "answer": "", "answered_by": "", "answered_at": nil,
		"forwarded_to": to, "forwarded_at": fwd, "version": version, "created_at": at, "updated_at": at}
}

func (d *device) question(id, sessionID string, number int, text, status string, fwd *time.Time, version int) []sync.Change {
	f := questionFields(sessionID, number, text, status, fwd, version, d.h.now)
	q := d.change("question", map[bool]string{true: "insert", false: "update"}[version == 1], id, f)
	v := map[string]any{"question_id": id, "version": version, "saved_at": d.h.now}
	for _, k := range []string{"slide", "text", "asker_name", "asker_unit", "asker_person_id", "press", "status", "answer",
		"answered_by", "answered_at", "forwarded_to", "forwarded_at"} {
		v[k] = f[k]
	}
	return []sync.Change{q, d.change("question_version", "insert", newID(), v)}
}
