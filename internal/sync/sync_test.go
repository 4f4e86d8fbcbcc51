package sync

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/deck"
	"briefing/internal/record"
	"briefing/internal/store"
)

func openDevice(t testing.TB) (*store.Store, string) {
	t.Helper()
	dir := t.TempDir()
	st, err := store.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, dir
}

func fastRetry(n *noSleep) Retry {
	return Retry{Tries: 6, Base: time.Millisecond, Max: 10 * time.Millisecond, MaxRetryAfter: time.Minute, Sleep: n.sleep}
}

func enrollAt(t testing.TB, st *store.Store, dir string, srv *httptest.Server, code string) (EnrollResponse, error) {
	t.Helper()
	n := &noSleep{}
	en := &Enroller{Store: st, Dir: dir, Retry: fastRetry(n)}
	return en.Enroll(context.Background(), Endpoint{URL: srv.URL}, code, "máy thử")
}

func mustEnroll(t testing.TB, st *store.Store, dir string, srv *httptest.Server) {
	t.Helper()
	if _, err := enrollAt(t, st, dir, srv, "SECRETCODE"); err != nil {
		t.Fatal(err)
	}
}

func syncer(t testing.TB, st *store.Store, dir string, srv *httptest.Server, n *noSleep) *Syncer {
	t.Helper()
	keys, ok, err := LoadKeys(dir)
	if err != nil || !ok {
		t.Fatalf("keys: %v %v", ok, err)
	}
	priv, err := keys.Private()
	if err != nil {
		t.Fatal(err)
	}
	c, err := NewClient(Endpoint{URL: srv.URL}, st.DeviceID(), priv)
	if err != nil {
		t.Fatal(err)
	}
	c.Retry = fastRetry(n)
	return &Syncer{Store: st, Client: c}
}

// addPeople writes n people, one change each.
func addPeople(t testing.TB, st *store.Store, n int) {
	t.Helper()
	err := st.Tx(context.Background(), func(tx *store.Tx) error {
		for i := range n {
			p := &store.Person{Name: fmt.Sprintf("Người %d", i), NameKey: fmt.Sprintf("nguoi %d", i), Source: "walk_in", CreatedAt: time.Now()}
			if err := tx.InsertPerson(context.Background(), p); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestEnrollKeepsSecretsOutsideTheDatabase(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	resp, err := enrollAt(t, st, dir, srv, "SECRETCODE")
	if err != nil {
		t.Fatal(err)
	}
	if resp.HubID != "hub-1" {
		t.Fatalf("hub id %q", resp.HubID)
	}
	info, err := os.Stat(filepath.Join(dir, KeysFile))
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("keys file mode %v, want 0600", info.Mode().Perm())
	}
	keys, _, _ := LoadKeys(dir)
	if keys.IDKey != hub.answer.IDKey || keys.HubID != "hub-1" {
		t.Fatalf("keys %+v", keys)
	}
	state, err := st.SyncState(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if state.HubURL != srv.URL || state.Unit != hub.answer.Unit || len(state.Scope) != 1 || state.Epoch != 1 {
		t.Fatalf("state %+v", state)
	}
	st.Close()
	// Neither secret is anywhere in the database's files.
	files, _ := filepath.Glob(filepath.Join(dir, store.FileName+"*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, secret := range []string{keys.PrivateKey, keys.IDKey} {
			if bytes.Contains(data, []byte(secret)) {
				t.Fatalf("%s holds a secret", f)
			}
		}
	}
}

func TestEnrollRetryReusesTheKey(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	// The first reply is lost: the hub registers the key, then the
	// connection drops before the answer.
	dropped := false
	hub.mu.Lock()
	hub.before = func(w http.ResponseWriter, r *http.Request) bool {
		if r.URL.Path != "/v1/enroll" || dropped {
			return false
		}
		dropped = true
		body, _ := io.ReadAll(r.Body)
		hub.mu.Lock()
		hub.enroll(httptest.NewRecorder(), body) // done at the hub
		hub.mu.Unlock()
		if conn, _, err := w.(http.Hijacker).Hijack(); err == nil {
			conn.Close()
		}
		return true
	}
	hub.mu.Unlock()
	if _, err := enrollAt(t, st, dir, srv, "SECRETCODE"); err != nil {
		t.Fatal(err)
	}
	if hub.enrollCalls != 2 || hub.enrollKeys[0] != hub.enrollKeys[1] {
		t.Fatalf("enrol calls %d keys %v: the retry must send the same key", hub.enrollCalls, hub.enrollKeys)
	}
	// Running enroll again (a person retrying) also reuses the key file.
	if _, err := enrollAt(t, st, dir, srv, "SECRETCODE"); err != nil {
		t.Fatal(err)
	}
	if hub.enrollKeys[2] != hub.enrollKeys[0] {
		t.Fatal("a second enroll made a new key")
	}
}

func TestEnrollKeepsKeyOfAFailedAttempt(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	if _, err := enrollAt(t, st, dir, srv, "WRONG"); Code(err) != CodeCodeUnknown {
		t.Fatalf("err %v, want code_unknown", err)
	}
	if _, err := st.SyncState(context.Background()); !errors.Is(err, store.ErrNotEnrolled) {
		t.Fatalf("a failed enrolment saved state: %v", err)
	}
	mustEnroll(t, st, dir, srv)
	if hub.enrollKeys[0] != hub.enrollKeys[1] {
		t.Fatal("the key of the failed attempt was not reused")
	}
}

func TestPinning(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, EnrollResponse{HubID: "hub-tls"})
	}))
	defer srv.Close()
	right := PinOf(srv.Certificate().RawSubjectPublicKeyInfo)
	// Another hub with its own self-signed certificate and key.
	other := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, EnrollResponse{HubID: "impostor"})
	}))
	otherCert := selfSigned(t)
	other.TLS = &tls.Config{Certificates: []tls.Certificate{otherCert}}
	other.StartTLS()
	defer other.Close()
	wrong := PinOf(otherCert.Leaf.RawSubjectPublicKeyInfo)
	if right == wrong {
		t.Fatal("the two certificates share a key")
	}
	enroll := func(pin string) error {
		c, err := NewClient(Endpoint{URL: srv.URL, Pin: pin}, "dev", nil)
		if err != nil {
			return err
		}
		n := &noSleep{}
		c.Retry = fastRetry(n)
		_, err = c.Enroll(context.Background(), EnrollRequest{Code: "x"})
		if len(n.waits) != 0 {
			t.Errorf("a pin mismatch was retried %d times", len(n.waits))
		}
		return err
	}
	// Both spellings of the right pin are accepted.
	b64 := strings.TrimRight(base64URL(right[:]), "=")
	for _, pin := range []string{right.String(), b64} {
		if err := enroll(pin); err != nil {
			t.Fatalf("right pin %s: %v", pin, err)
		}
	}
	if err := enroll(wrong.String()); !errors.Is(err, ErrPinMismatch) {
		t.Fatalf("wrong pin: %v, want ErrPinMismatch", err)
	}
	// The other hub is refused with this hub's pin, and accepted with its own.
	c, _ := NewClient(Endpoint{URL: other.URL, Pin: right.String()}, "dev", nil)
	c.Retry = Retry{Tries: 1}
	if _, err := c.Enroll(context.Background(), EnrollRequest{}); !errors.Is(err, ErrPinMismatch) {
		t.Fatalf("impostor accepted: %v", err)
	}
	c, _ = NewClient(Endpoint{URL: other.URL, Pin: wrong.String()}, "dev", nil)
	if resp, err := c.Enroll(context.Background(), EnrollRequest{}); err != nil || resp.HubID != "impostor" {
		t.Fatalf("own pin refused: %v", err)
	}
	// A resumed TLS session is checked too (VerifyConnection runs on it).
	c, _ = NewClient(Endpoint{URL: srv.URL, Pin: right.String()}, "dev", nil)
	c.HTTP.Transport.(*http.Transport).TLSClientConfig.ClientSessionCache = tls.NewLRUClientSessionCache(4)
	if _, err := c.Enroll(context.Background(), EnrollRequest{}); err != nil {
		t.Fatal(err)
	}
	// https without a pin, and http off loopback, are refused before any request.
	if _, err := NewClient(Endpoint{URL: srv.URL}, "dev", nil); err == nil {
		t.Fatal("https without a pin accepted")
	}
	if _, err := NewClient(Endpoint{URL: "http://192.0.2.1:8443"}, "dev", nil); err == nil {
		t.Fatal("plain http off loopback accepted")
	}
}

func TestRetries(t *testing.T) {
	cases := []struct {
		name      string
		fail      func(w http.ResponseWriter)
		retried   bool
		wantWait  time.Duration // 0: any
		finalCode string
	}{
		{"503 Retry-After", func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "7")
			writeErr(w, 503, Error{Code: CodeBusy, Message: "later"})
		}, true, 7 * time.Second, ""},
		{"429", func(w http.ResponseWriter) {
			w.Header().Set("Retry-After", "2")
			writeErr(w, 429, Error{Code: CodeBusy, Message: "slow down"})
		}, true, 2 * time.Second, ""},
		{"500", func(w http.ResponseWriter) { writeErr(w, 500, Error{Code: "internal", Message: "oops"}) }, true, 0, ""},
		{"502 without a body", func(w http.ResponseWriter) { w.WriteHeader(502) }, true, 0, ""},
		{"409 busy", func(w http.ResponseWriter) { writeErr(w, 409, Error{Code: CodeBusy, Message: "locked"}) }, true, 0, ""},
		{"dropped connection", func(w http.ResponseWriter) {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close()
			}
		}, true, 0, ""},
		{"400", func(w http.ResponseWriter) { writeErr(w, 400, Error{Code: CodeInvalid, Message: "bad"}) }, false, 0, CodeInvalid},
		{"403 revoked", func(w http.ResponseWriter) { writeErr(w, 403, Error{Code: CodeRevoked, Message: "revoked"}) }, false, 0, CodeRevoked},
		{"409 conflict", func(w http.ResponseWriter) {
			writeErr(w, 409, Error{Code: CodeConflict, Message: "other content", Seq: 3})
		}, false, 0, CodeConflict},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			hub, srv := newTestHub(t)
			st, dir := openDevice(t)
			mustEnroll(t, st, dir, srv)
			addPeople(t, st, 5)
			failures := 2
			hub.mu.Lock()
			hub.before = func(w http.ResponseWriter, r *http.Request) bool {
				if r.URL.Path != "/v1/push" || failures == 0 {
					return false
				}
				failures--
				tc.fail(w)
				return true
			}
			hub.mu.Unlock()
			n := &noSleep{}
			s := syncer(t, st, dir, srv, n)
			sum, err := s.Run(context.Background())
			if !tc.retried {
				if Code(err) != tc.finalCode || len(n.waits) != 0 {
					t.Fatalf("err %v waits %v: want final %s, no retry", err, n.waits, tc.finalCode)
				}
				state, _ := st.SyncState(context.Background())
				if state.LastResult != tc.finalCode || state.Acked != 0 {
					t.Fatalf("state %+v", state)
				}
				if last, _ := st.LastSeq(context.Background()); last != 5 {
					t.Fatalf("local records lost: last seq %d", last)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(n.waits) != 2 || sum.Pushed != 5 {
				t.Fatalf("waits %v pushed %d", n.waits, sum.Pushed)
			}
			if tc.wantWait != 0 && (n.waits[0] != tc.wantWait || n.waits[1] != tc.wantWait) {
				t.Fatalf("waits %v, want Retry-After %v", n.waits, tc.wantWait)
			}
		})
	}
}

func TestRetriesAreBounded(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	mustEnroll(t, st, dir, srv)
	addPeople(t, st, 1)
	hub.mu.Lock()
	hub.before = func(w http.ResponseWriter, r *http.Request) bool {
		writeErr(w, 503, Error{Code: CodeBusy, Message: "down"})
		return true
	}
	hub.mu.Unlock()
	n := &noSleep{}
	_, err := syncer(t, st, dir, srv, n).Run(context.Background())
	if Code(err) != CodeBusy || len(n.waits) != 5 {
		t.Fatalf("err %v after %d waits, want 6 tries", err, len(n.waits))
	}
	// Full jitter over a doubling ceiling, never above Max.
	for _, w := range n.waits {
		if w > 10*time.Millisecond {
			t.Fatalf("wait %v above Max", w)
		}
	}
}

func TestPushInBatchesAndExpected(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	mustEnroll(t, st, dir, srv)
	addPeople(t, st, 2500)
	// The device believes the hub holds 1..1200 (a stale state), but the hub
	// has nothing: it answers with the number it expects, and the device
	// resends from there.
	if err := st.SetAcked(context.Background(), 1200); err != nil {
		t.Fatal(err)
	}
	n := &noSleep{}
	sum, err := syncer(t, st, dir, srv, n).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if hub.acked != 2500 || sum.Pending != 0 {
		t.Fatalf("hub acked %d, pending %d", hub.acked, sum.Pending)
	}
	if hub.pushedSeqs[0] != 1201 || hub.pushedSeqs[len(hub.pushedSeqs)-1] != 2500 {
		t.Fatalf("pushed %d..%d", hub.pushedSeqs[0], hub.pushedSeqs[len(hub.pushedSeqs)-1])
	}
	// 1201..2200 (Expected 1), 1..1000, 1001..2000, 2001..2500: each at most MaxPushChanges.
	if hub.pushCalls != 4 {
		t.Fatalf("%d pushes", hub.pushCalls)
	}
	state, _ := st.SyncState(context.Background())
	if state.Acked != 2500 || state.LastResult != "ok" || state.LastSyncAt == nil {
		t.Fatalf("state %+v", state)
	}
	// A second sync pushes nothing.
	before := hub.pushCalls
	if _, err := syncer(t, st, dir, srv, n).Run(context.Background()); err != nil || hub.pushCalls != before {
		t.Fatalf("no-op sync pushed: %v, %d calls", err, hub.pushCalls-before)
	}
}

func TestRevokedKeepsEverything(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	mustEnroll(t, st, dir, srv)
	addPeople(t, st, 3)
	hub.revoked = true
	_, err := syncer(t, st, dir, srv, &noSleep{}).Run(context.Background())
	if Code(err) != CodeRevoked {
		t.Fatalf("err %v", err)
	}
	changes, _ := st.Changes(context.Background(), 0, 0)
	if len(changes) != 3 {
		t.Fatalf("%d changes left", len(changes))
	}
	if _, ok, _ := LoadKeys(dir); !ok {
		t.Fatal("keys removed")
	}
}

const testDeck = `---
id: nq57-moi
title: Bản mới
version: "2"
lang: vi
duration: 20
---
# Nghị quyết 57

Nội dung.
`

func TestPullAppliesDecksUnitsAnswers(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	mustEnroll(t, st, dir, srv)
	ctx := context.Background()
	// A question this device asked and forwarded.
	q := askQuestion(t, st)
	later := time.Now().Add(time.Minute).UTC()
	hubHLC := fmt.Sprintf("%013d-00000-hub-1", later.UnixMilli())
	unitID := "01980000-0000-7000-8000-0000000000aa"
	hub.publish("unit", store.Unit{Meta: record.Meta{ID: unitID, Origin: "hub-1", HLC: hubHLC}, Name: "Tân Sơn Hòa", Kind: "ward", SortOrder: 20})
	hub.publish("unit_alias", store.UnitAlias{Meta: record.Meta{ID: "01980000-0000-7000-8000-0000000000ab", Origin: "hub-1", HLC: hubHLC}, UnitID: unitID, Spelling: "Phường 2 (cũ)"})
	hub.publish("deck", FeedDeck{ID: "nq57-moi", Version: deck.VersionOf([]byte(testDeck)), Title: "Bản mới", Source: testDeck, PublishedAt: later})
	answeredAt := later
	hub.publish("question_version", record.QuestionVersion{
		Meta: record.Meta{ID: "01980000-0000-7000-8000-0000000000ac", Origin: "hub-1", HLC: hubHLC}, QuestionID: q.ID,
		Version: 3, Slide: q.Slide, Text: q.Text, Status: record.AnsweredLater, Answer: "Quận trả lời.",
		AnsweredBy: "Phòng VHKHTT", AnsweredAt: &answeredAt, ForwardedTo: record.ToDistrict, ForwardedAt: q.ForwardedAt, SavedAt: later,
	})
	s := syncer(t, st, dir, srv, &noSleep{})
	s.PullLimit = 2 // two pages and a half
	sum, err := s.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Pulled != (store.PulledCounts{Decks: 1, Units: 1, Aliases: 1, Answers: 1}) {
		t.Fatalf("pulled %+v", sum.Pulled)
	}
	state, _ := st.SyncState(ctx)
	if state.Cursor != 4 {
		t.Fatalf("cursor %d", state.Cursor)
	}
	got, _ := st.Question(ctx, q.ID)
	if got.Status != record.AnsweredLater || got.Answer != "Quận trả lời." || got.Version != 3 {
		t.Fatalf("question %+v", got)
	}
	decks, _ := st.PublishedDecks(ctx)
	if len(decks) != 1 || decks[0].Source != testDeck {
		t.Fatalf("decks %+v", decks)
	}
	units, _ := st.Units(ctx)
	found := false
	for _, u := range units {
		found = found || u.ID == unitID
	}
	if !found {
		t.Fatal("unit not applied")
	}
	// None of it is logged as this device's writes.
	changes, _ := st.Changes(ctx, 0, 0)
	for _, c := range changes {
		if c.Entity == store.EntityUnit || c.RecordID == unitID || strings.Contains(string(c.Payload), "Quận trả lời") {
			t.Fatalf("pulled record logged: %+v", c)
		}
	}
	// The device's clock moved past the hub's stamp: its next edit wins.
	err = st.Tx(ctx, func(tx *store.Tx) error {
		cur, err := tx.Question(ctx, q.ID)
		if err != nil {
			return err
		}
		cur.Answer = "Bổ sung."
		if err := tx.UpdateQuestion(ctx, &cur); err != nil {
			return err
		}
		if cur.HLC <= hubHLC {
			t.Errorf("local edit stamped %s, not after the hub's %s", cur.HLC, hubHLC)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPulledPageIsAtomicWithItsCursor(t *testing.T) {
	hub, srv := newTestHub(t)
	st, dir := openDevice(t)
	mustEnroll(t, st, dir, srv)
	ctx := context.Background()
	hlc := fmt.Sprintf("%013d-00000-hub-1", time.Now().UnixMilli())
	hub.publish("unit", store.Unit{Meta: record.Meta{ID: "01980000-0000-7000-8000-0000000000b1", Origin: "hub-1", HLC: hlc}, Name: "Đơn vị mới", Kind: "school"})
	hub.publish("deck", FeedDeck{ID: "nq57-moi", Version: deck.VersionOf([]byte(testDeck)), Title: "Bản mới", Source: testDeck})
	// An alias of a unit the device does not have: the page fails to apply.
	hub.publish("unit_alias", store.UnitAlias{Meta: record.Meta{ID: "01980000-0000-7000-8000-0000000000b2", Origin: "hub-1", HLC: hlc}, UnitID: "no-such-unit", Spelling: "X"})
	before, _ := st.Units(ctx)
	_, err := syncer(t, st, dir, srv, &noSleep{}).Run(ctx)
	if err == nil {
		t.Fatal("a page with a broken item applied")
	}
	after, _ := st.Units(ctx)
	decks, _ := st.PublishedDecks(ctx)
	state, _ := st.SyncState(ctx)
	if len(after) != len(before) || len(decks) != 0 || state.Cursor != 0 {
		t.Fatalf("a failed page changed something: units %d->%d, decks %d, cursor %d", len(before), len(after), len(decks), state.Cursor)
	}
	if state.LastResult != "error" {
		t.Fatalf("last result %q", state.LastResult)
	}
}

func TestDecodePullPageRefuses(t *testing.T) {
	good := `{"items":[{"cursor":1,"entity":"deck","payload":{"id":"d","version":"` + deck.VersionOf([]byte(testDeck)) + `","title":"t","source":` + jsonString(testDeck) + `}}],"next":1}`
	if _, err := DecodePullPage([]byte(good), 0); err != nil {
		t.Fatal(err)
	}
	bad := map[string]string{
		"cursor going back":   `{"items":[],"next":-1}`,
		"item before cursor":  `{"items":[{"cursor":1,"entity":"deck","payload":{}}],"next":5}`,
		"item after next":     `{"items":[{"cursor":9,"entity":"deck","payload":{}}],"next":5}`,
		"unknown entity":      `{"items":[{"cursor":3,"entity":"session","payload":{}}],"next":3}`,
		"deck hash mismatch":  `{"items":[{"cursor":3,"entity":"deck","payload":{"id":"d","version":"000000000000","source":"x"}}],"next":3}`,
		"unit bad kind":       `{"items":[{"cursor":3,"entity":"unit","payload":{"id":"u","origin":"h","hlc":"0000000000001-00000-h","name":"A","kind":"castle"}}],"next":3}`,
		"unit bad hlc":        `{"items":[{"cursor":3,"entity":"unit","payload":{"id":"u","origin":"h","hlc":"yesterday","name":"A","kind":"ward"}}],"next":3}`,
		"answer bad status":   `{"items":[{"cursor":3,"entity":"question_version","payload":{"id":"v","origin":"h","hlc":"0000000000001-00000-h","question_id":"q","version":2,"text":"?","status":"OPEN"}}],"next":3}`,
		"more without moving": `{"items":[],"next":2,"more":true}`,
		"two values":          `{"items":[],"next":2}{}`,
		"not json":            `<html>`,
	}
	for name, body := range bad {
		if _, err := DecodePullPage([]byte(body), 2); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func FuzzDecodePullPage(f *testing.F) {
	f.Add([]byte(`{"items":[{"cursor":1,"entity":"unit","payload":{"id":"u","origin":"h","hlc":"0000000000001-00000-h","name":"A","kind":"ward"}}],"next":1}`), int64(0))
	f.Add([]byte(`{"items":[{"cursor":3,"entity":"question_version","payload":{"id":"v","origin":"h","hlc":"0000000000001-00000-h","question_id":"q","version":2,"text":"?","status":"open","answered_at":null}}],"next":3,"more":true}`), int64(2))
	f.Add([]byte(`{"items":[{"cursor":2,"entity":"deck","payload":{"id":"d","version":"x","source":"---\n"}}],"next":2}`), int64(1))
	f.Add([]byte(`{"items":null,"next":0}`), int64(0))
	f.Fuzz(func(t *testing.T, data []byte, after int64) {
		p, err := DecodePullPage(data, after)
		if err != nil {
			return
		}
		if p.Next < after {
			t.Fatalf("next %d before %d accepted", p.Next, after)
		}
		last := after
		for _, it := range p.Items {
			if it.Cursor <= last || it.Cursor > p.Next {
				t.Fatalf("cursor %d out of order accepted", it.Cursor)
			}
			last = it.Cursor
			set := 0
			for _, b := range []bool{it.Unit != nil, it.Alias != nil, it.Deck != nil, it.Question != nil} {
				if b {
					set++
				}
			}
			if set != 1 {
				t.Fatalf("item with %d parts", set)
			}
			if it.Deck != nil && deck.VersionOf([]byte(it.Deck.Source)) != it.Deck.Version {
				t.Fatal("deck with a wrong hash accepted")
			}
		}
	})
}

func TestParseCodeAndEnrolmentFile(t *testing.T) {
	secret, pin := ParseCode(" ABCDEF.pinpart ")
	if secret != "ABCDEF" || pin != "pinpart" {
		t.Fatalf("%q %q", secret, pin)
	}
	if s, p := ParseCode("ABCDEF"); s != "ABCDEF" || p != "" {
		t.Fatalf("%q %q", s, p)
	}
	var p Pin
	p[0] = 1
	ef, err := DecodeEnrolmentFile(strings.NewReader(`{"url":"https://hub:8443","code":"SECRET.` + base64URL(p[:]) + `","pin":"` + p.String() + `"}`))
	if err != nil || ef.Code != "SECRET" {
		t.Fatalf("%+v %v", ef, err)
	}
	if _, err := DecodeEnrolmentFile(strings.NewReader(`{"url":"https://hub","code":"S.` + p.String() + `","pin":"` + strings.Repeat("0", 64) + `"}`)); err == nil {
		t.Fatal("two different pins accepted")
	}
	if _, err := DecodeEnrolmentFile(strings.NewReader(`{"code":"S"}`)); err == nil || !strings.Contains(err.Error(), "url") {
		t.Fatalf("missing url: %v", err)
	}
}

func FuzzDecodeEnrolmentFile(f *testing.F) {
	f.Add([]byte(`{"url":"https://hub:8443","code":"SECRET.abc","pin":""}`))
	f.Add([]byte(`{"url":"3","code":"."}`))
	f.Add([]byte(`{"url":"http://127.0.0.1:8080","code":"SECRET"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ef, err := DecodeEnrolmentFile(bytes.NewReader(data))
		if err != nil {
			return
		}
		if strings.TrimSpace(ef.Code) == "" || strings.Contains(ef.Code, ".") && ef.Pin == "" {
			t.Fatalf("accepted a code without its secret: %+v", ef)
		}
		if _, err := CheckEndpoint(Endpoint{URL: ef.URL, Pin: ef.Pin}); err != nil {
			t.Fatalf("accepted %+v, whose hub a device cannot reach: %v", ef, err)
		}
	})
}

// selfSigned makes a self-signed certificate for 127.0.0.1 with a fresh key.
func selfSigned(t testing.TB) tls.Certificate {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "hub"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, _ := x509.ParseCertificate(der)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}
}

func base64URL(b []byte) string { return base64.RawURLEncoding.EncodeToString(b) }

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// askQuestion records a session with one question, forwarded to the district.
func askQuestion(t testing.TB, st *store.Store) store.Question {
	t.Helper()
	ctx := context.Background()
	var q store.Question
	err := st.Tx(ctx, func(tx *store.Tx) error {
		d := &store.Deck{DeckID: "nq57", Version: "abc123abc123", Title: "NQ57", Slides: 3}
		if err := tx.InsertDeck(ctx, d); err != nil {
			return err
		}
		now := time.Now()
		s := &store.Session{DeckID: d.DeckID, DeckVersion: d.Version, DeckTitle: d.Title, Slides: 3, StartedAt: now, PositionAt: now}
		if err := tx.InsertSession(ctx, s); err != nil {
			return err
		}
		q = store.Question{SessionID: s.ID, Number: 1, Slide: 1, Text: "Khi nào có chữ ký số?", Status: record.Open, CreatedAt: now, UpdatedAt: now}
		if err := tx.InsertQuestion(ctx, &q); err != nil {
			return err
		}
		q.Status, q.ForwardedTo, q.ForwardedAt = record.Forwarded, record.ToDistrict, &now
		return tx.UpdateQuestion(ctx, &q)
	})
	if err != nil {
		t.Fatal(err)
	}
	return q
}
