package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	gosync "sync"
	"testing"
	"time"

	"briefing/internal/deck"
	bsync "briefing/internal/sync"
)

// cliHub is a minimal hub on loopback for the binary's tests: it enrols
// code GOOD, acknowledges every push in order, serves a one-deck feed, and
// can be told to refuse the device as revoked.
type cliHub struct {
	mu      gosync.Mutex
	acked   int64
	revoked bool
	feed    []bsync.Item
}

func (h *cliHub) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(http.MaxBytesReader(w, r.Body, bsync.MaxPushBytes))
	h.mu.Lock()
	defer h.mu.Unlock()
	reply := func(status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(v)
	}
	if r.URL.Path == "/v1/enroll" {
		var req bsync.EnrollRequest
		json.Unmarshal(body, &req)
		if req.Code != "GOOD" {
			reply(410, bsync.Error{Code: bsync.CodeCodeExpired, Message: "expired"})
			return
		}
		reply(200, bsync.EnrollResponse{HubID: "hub-q", DeviceID: req.DeviceID, Unit: "u4", UnitName: "Phường 4", Scope: []string{"u4"},
			IDKey: "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY", HubTime: time.Now()})
		return
	}
	if h.revoked {
		reply(403, bsync.Error{Code: bsync.CodeRevoked, Message: "revoked"})
		return
	}
	switch r.URL.Path {
	case "/v1/push":
		var req bsync.PushRequest
		json.Unmarshal(body, &req)
		for _, c := range req.Changes {
			if c.Seq == h.acked+1 {
				h.acked++
			}
		}
		reply(200, bsync.PushResponse{Acked: h.acked, HubTime: time.Now().Add(2 * time.Hour)})
	case "/v1/pull":
		after := r.URL.Query().Get("after")
		resp := bsync.PullResponse{Items: []bsync.Item{}, HubTime: time.Now().Add(2 * time.Hour)}
		if after == "0" {
			resp.Items, resp.Next = h.feed, int64(len(h.feed))
		} else {
			resp.Next = int64(len(h.feed))
		}
		reply(200, resp)
	}
}

const cliHubDeck = "---\nid: nq57-quan-moi\ntitle: Bản quận phát hành\nversion: \"3\"\nlang: vi\nduration: 15\n---\n# Nghị quyết 57\n\nBản mới của quận.\n"

func TestCLIEnrollAndSync(t *testing.T) {
	hub := &cliHub{}
	payload, _ := json.Marshal(bsync.FeedDeck{ID: "nq57-quan-moi", Version: deck.VersionOf([]byte(cliHubDeck)), Title: "Bản quận phát hành", Source: cliHubDeck, PublishedAt: time.Now()})
	hub.feed = []bsync.Item{{Cursor: 1, Entity: "deck", Payload: payload}}
	srv := httptest.NewServer(hub)
	defer srv.Close()
	data := t.TempDir()

	r := runCLI(t, "--data", data, "sync")
	if r.code != 1 || !strings.Contains(r.stderr, "chưa ghi danh") {
		t.Fatalf("sync before enrolment: %s", r)
	}
	r = runCLI(t, "--data", data, "enroll", srv.URL, "OLD")
	if r.code != 1 || !strings.Contains(r.stderr, "hết hạn") {
		t.Fatalf("expired code: %s", r)
	}
	out := mustCLI(t, "--data", data, "enroll", srv.URL, "GOOD")
	if !strings.Contains(out, "Phường 4") || !strings.Contains(out, "hub-q") {
		t.Fatalf("enroll said %q", out)
	}
	info, err := os.Stat(filepath.Join(data, bsync.KeysFile))
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("keys file: %v %v", info, err)
	}
	// Something to push: a unit added on this device.
	mustCLI(t, "--data", data, "unit", "add", "Trường THCS Ngô Sĩ Liên", "--kind", "school")
	var st syncStatusJSON
	if err := json.Unmarshal([]byte(mustCLI(t, "--data", data, "sync", "status", "--json")), &st); err != nil {
		t.Fatal(err)
	}
	if !st.Enrolled || st.Pending < 1 || st.Hub != srv.URL {
		t.Fatalf("status before sync %+v", st)
	}
	out = mustCLI(t, "--lang", "en", "--data", data, "sync")
	for _, want := range []string{"pushed 1/1 changes", "Pushed 1 changes; pulled 1 items: 1 decks", "Hub time:"} {
		if !strings.Contains(out, want) {
			t.Fatalf("sync output lacks %q:\n%s", want, out)
		}
	}
	json.Unmarshal([]byte(mustCLI(t, "--data", data, "sync", "status", "--json")), &st)
	if st.Pending != 0 || st.Cursor != 1 || st.LastResult != "ok" || st.LastSync == nil {
		t.Fatalf("status after sync %+v", st)
	}
	// The published deck is in the library.
	if out := mustCLI(t, "--data", data, "deck", "list"); !strings.Contains(out, "nq57-quan-moi") {
		t.Fatalf("published deck not listed:\n%s", out)
	}
	// Revoked: a clear message, exit 1, every record kept.
	hub.mu.Lock()
	hub.revoked = true
	hub.mu.Unlock()
	mustCLI(t, "--data", data, "unit", "add", "Trường THCS Âu Lạc", "--kind", "school")
	r = runCLI(t, "--data", data, "sync")
	if r.code != 1 || !strings.Contains(r.stderr, "thu hồi") || !strings.Contains(r.stderr, "giữ nguyên") {
		t.Fatalf("revoked: %s", r)
	}
	json.Unmarshal([]byte(mustCLI(t, "--data", data, "sync", "status", "--json")), &st)
	if st.Pending != 1 || st.LastResult != bsync.CodeRevoked {
		t.Fatalf("status after revocation %+v", st)
	}
	if out := mustCLI(t, "--data", data, "unit", "list"); !strings.Contains(out, "Âu Lạc") {
		t.Fatal("a record was lost on revocation")
	}
}

func TestCLIEnrollFromFile(t *testing.T) {
	srv := httptest.NewServer(&cliHub{})
	defer srv.Close()
	data := t.TempDir()
	file := filepath.Join(t.TempDir(), "ghi-danh.json")
	os.WriteFile(file, []byte(`{"url":"`+srv.URL+`","code":"GOOD","pin":""}`), 0o600)
	if out := mustCLI(t, "--data", data, "enroll", file); !strings.Contains(out, "hub-q") {
		t.Fatalf("enroll FILE said %q", out)
	}
	// The address in the file is wrong (or the hub moved): --hub gives the right one.
	os.WriteFile(file, []byte(`{"url":"http://127.0.0.1:1","code":"GOOD","pin":""}`), 0o600)
	if out := mustCLI(t, "--data", t.TempDir(), "enroll", file, "--hub", srv.URL); !strings.Contains(out, "hub-q") {
		t.Fatalf("enroll FILE --hub said %q", out)
	}
	os.WriteFile(file, []byte(`{"code":"GOOD"}`), 0o600)
	r := runCLI(t, "--data", t.TempDir(), "enroll", file)
	if r.code != 1 || !strings.Contains(r.stderr, `"url"`) {
		t.Fatalf("file without url: %s", r)
	}
}

// A hub address the device must not use is explained in Vietnamese, with
// what to do, and nothing is enrolled.
func TestCLIEnrollBadAddress(t *testing.T) {
	data := t.TempDir()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"http://example.com:8443", "MA.abc"}, "chỉ được dùng trên chính máy này"},
		{[]string{"https://example.com:8443", "MA"}, "dấu vân tay chứng chỉ"},
		{[]string{"https://example.com:8443", "MA.zz"}, "không đúng dạng"},
		{[]string{"ftp://example.com", "MA.zz"}, "https://ĐỊA-CHỈ:CỔNG"},
	} {
		r := runCLI(t, append([]string{"--data", data, "enroll"}, c.args...)...)
		if r.code != 1 || !strings.Contains(r.stderr, c.want) || strings.Contains(r.stderr, "plain http") || strings.Contains(r.stderr, "want https") {
			t.Errorf("enroll %v: %s", c.args, r)
		}
	}
	if r := runCLI(t, "--data", data, "sync", "status"); !strings.Contains(r.stdout, "chưa ghi danh") {
		t.Errorf("after refused addresses: %s", r)
	}
}
