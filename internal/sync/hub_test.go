package sync

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	gosync "sync"
	"testing"
	"time"
)

// testHub answers the protocol minimally, as doc.go writes it, so the
// client can be tested against a real loopback server before the real hub
// (internal/hub) is merged. It keeps everything in memory.
type testHub struct {
	mu       gosync.Mutex
	code     string
	enrolled map[string]ed25519.PublicKey // device -> key
	codeKey  string                       // the public key the code was used with
	answer   EnrollResponse
	hashes   map[int64]string // seq -> content hash
	acked    int64
	feed     []Item
	revoked  bool
	now      time.Time

	// before, if set, may answer a request itself (a failure); true: answered.
	before func(w http.ResponseWriter, r *http.Request) bool

	enrollCalls, pushCalls, pullCalls int
	enrollKeys                        []string
	pushedSeqs                        []int64
}

func newTestHub(t testing.TB) (*testHub, *httptest.Server) {
	h := &testHub{
		code:     "SECRETCODE",
		enrolled: map[string]ed25519.PublicKey{},
		hashes:   map[int64]string{},
		now:      time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC),
		answer: EnrollResponse{
			HubID: "hub-1", Unit: "01941f29-7c00-7000-8000-000000000004", UnitName: "Phường 4",
			Scope: []string{"01941f29-7c00-7000-8000-000000000004"},
			IDKey: base64.RawURLEncoding.EncodeToString([]byte("0123456789abcdef0123456789abcdef")),
		},
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return h, srv
}

func (h *testHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h.mu.Lock()
	before := h.before
	h.mu.Unlock()
	if before != nil && before(w, r) {
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxPushBytes))
	if err != nil {
		writeErr(w, 413, Error{Code: CodeTooLarge, Message: err.Error()})
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	if r.URL.Path == "/v1/enroll" {
		h.enroll(w, body)
		return
	}
	a, err := ParseAuthorization(r.Header.Get("Authorization"))
	if err != nil {
		writeErr(w, 401, Error{Code: CodeSignature, Message: err.Error()})
		return
	}
	pub, ok := h.enrolled[a.DeviceID]
	if !ok {
		writeErr(w, 401, Error{Code: CodeUnknown, Message: "not enrolled"})
		return
	}
	if !a.Verify(pub, r.Method, r.URL.RequestURI(), body) {
		writeErr(w, 401, Error{Code: CodeSignature, Message: "bad signature"})
		return
	}
	if h.revoked {
		writeErr(w, 403, Error{Code: CodeRevoked, Message: "this device was revoked"})
		return
	}
	switch r.URL.Path {
	case "/v1/push":
		h.push(w, body)
	case "/v1/pull":
		h.pull(w, r)
	case "/v1/status":
		writeJSON(w, StatusResponse{DeviceID: a.DeviceID, Epoch: 1, Acked: h.acked, FeedHead: int64(len(h.feed)), HubTime: h.now})
	default:
		writeErr(w, 404, Error{Code: "not_found", Message: r.URL.Path})
	}
}

func (h *testHub) enroll(w http.ResponseWriter, body []byte) {
	h.enrollCalls++
	var req EnrollRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeErr(w, 400, Error{Code: CodeInvalid, Message: err.Error()})
		return
	}
	h.enrollKeys = append(h.enrollKeys, req.PublicKey)
	if req.Code != h.code {
		writeErr(w, 404, Error{Code: CodeCodeUnknown, Message: "no such code"})
		return
	}
	if h.codeKey != "" && h.codeKey != req.PublicKey {
		writeErr(w, 409, Error{Code: CodeCodeUsed, Message: "code used"})
		return
	}
	pub, err := base64.RawURLEncoding.DecodeString(req.PublicKey)
	if err != nil || len(pub) != ed25519.PublicKeySize {
		writeErr(w, 400, Error{Code: CodeInvalid, Message: "public_key", Field: "public_key"})
		return
	}
	h.codeKey = req.PublicKey
	h.enrolled[req.DeviceID] = pub
	resp := h.answer
	resp.DeviceID, resp.HubTime = req.DeviceID, h.now
	writeJSON(w, resp)
}

func (h *testHub) push(w http.ResponseWriter, body []byte) {
	h.pushCalls++
	var req PushRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeErr(w, 400, Error{Code: CodeInvalid, Message: err.Error()})
		return
	}
	if len(req.Changes) > MaxPushChanges {
		writeErr(w, 413, Error{Code: CodeTooLarge, Message: "too many"})
		return
	}
	for _, c := range req.Changes {
		if old, ok := h.hashes[c.Seq]; ok && old != c.Hash() {
			writeErr(w, 409, Error{Code: CodeConflict, Message: "same seq, other content", Seq: c.Seq})
			return
		}
	}
	for _, c := range req.Changes {
		h.hashes[c.Seq] = c.Hash()
		h.pushedSeqs = append(h.pushedSeqs, c.Seq)
	}
	for h.hashes[h.acked+1] != "" {
		h.acked++
	}
	resp := PushResponse{Acked: h.acked, HubTime: h.now}
	if len(req.Changes) > 0 && req.Changes[0].Seq > h.acked+1 {
		resp.Expected = h.acked + 1
	}
	writeJSON(w, resp)
}

func (h *testHub) pull(w http.ResponseWriter, r *http.Request) {
	h.pullCalls++
	after, _ := strconv.ParseInt(r.URL.Query().Get("after"), 10, 64)
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	if limit <= 0 || limit > MaxPullLimit {
		limit = MaxPullLimit
	}
	resp := PullResponse{Items: []Item{}, Next: after, HubTime: h.now}
	for _, it := range h.feed {
		if it.Cursor <= after {
			continue
		}
		if len(resp.Items) == limit {
			resp.More = true
			break
		}
		resp.Items = append(resp.Items, it)
		resp.Next = it.Cursor
	}
	writeJSON(w, resp)
}

// publish adds an item to the feed with the next cursor.
func (h *testHub) publish(entity string, payload any) {
	h.mu.Lock()
	defer h.mu.Unlock()
	data, err := json.Marshal(payload)
	if err != nil {
		panic(err)
	}
	h.feed = append(h.feed, Item{Cursor: int64(len(h.feed) + 1), Entity: entity, Payload: data})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(v)
}

func writeErr(w http.ResponseWriter, status int, e Error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(e)
}

// noSleep records the waits instead of sleeping.
type noSleep struct {
	mu    gosync.Mutex
	waits []time.Duration
}

func (n *noSleep) sleep(_ context.Context, d time.Duration) error {
	n.mu.Lock()
	n.waits = append(n.waits, d)
	n.mu.Unlock()
	return nil
}
