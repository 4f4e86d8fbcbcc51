package hub

import (
	"crypto/ed25519"
	"io"
	"net/http"
	"net/http/httptest"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"

	"briefing/internal/sync"
)

// countingBody is a request body that counts what the server reads of it
// and how many bodies are being read at once.
type countingBody struct {
	left   int
	read   *atomic.Int64
	active *atomic.Int64
	peak   *atomic.Int64
	opened bool
}

func (b *countingBody) Read(p []byte) (int, error) {
	if !b.opened {
		b.opened = true
		n := b.active.Add(1)
		for {
			old := b.peak.Load()
			if n <= old || b.peak.CompareAndSwap(old, n) {
				break
			}
		}
		time.Sleep(20 * time.Millisecond) // hold the turn long enough for others to pile up
	}
	if b.left == 0 {
		b.active.Add(-1)
		return 0, io.EOF
	}
	n := min(len(p), b.left)
	for i := range n {
		p[i] = ' '
	}
	b.left -= n
	b.read.Add(int64(n))
	return n, nil
}

func (b *countingBody) Close() error { return nil }

// A request without a valid device is refused before its body is read: a
// stranger cannot make the hub hold 8 MiB per connection.
func TestStrangersBodiesAreNotRead(t *testing.T) {
	h := newTestHub(t)
	handler := (&Server{Store: h.st}).Handler()
	var read, active, peak atomic.Int64
	for _, auth := range []string{
		"",
		"Bearer x",
		sync.Authorization(ed25519.NewKeyFromSeed(make([]byte, 32)), newID(), "POST", "/v1/push", time.Now(), nil),
	} {
		body := &countingBody{left: sync.MaxPushBytes, read: &read, active: &active, peak: &peak}
		req := httptest.NewRequest("POST", "/v1/push", body)
		req.Header.Set("Authorization", auth)
		w := httptest.NewRecorder()
		handler.ServeHTTP(w, req)
		if w.Code != http.StatusUnauthorized {
			t.Errorf("auth %q: status %d, want 401: %s", auth, w.Code, w.Body)
		}
	}
	if n := read.Load(); n != 0 {
		t.Fatalf("the hub read %d bytes of requests from no enrolled device", n)
	}
}

// Many large pushes at once from an enrolled device are read a few at a
// time (memory stays under MaxActive bodies), and each still gets its answer.
func TestSignedRequestsAreReadAFewAtATime(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	srv := &Server{Store: h.st, MaxActive: 2}
	handler := srv.Handler()
	var read, active, peak atomic.Int64
	var wg gosync.WaitGroup
	codes := make([]int, 12)
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := &countingBody{left: 1 << 20, read: &read, active: &active, peak: &peak}
			req := httptest.NewRequest("POST", "/v1/push", body)
			req.Header.Set("Authorization", sync.Authorization(d.key, d.id, "POST", "/v1/push", time.Now(), nil))
			w := httptest.NewRecorder()
			handler.ServeHTTP(w, req)
			codes[i] = w.Code
		}()
	}
	wg.Wait()
	if p := peak.Load(); p > 2 {
		t.Fatalf("%d bodies were read at once, the limit is 2", p)
	}
	for i, c := range codes {
		// The signature covers an empty body, not these spaces: each is
		// refused, after its turn.
		if c != http.StatusUnauthorized {
			t.Errorf("request %d: status %d", i, c)
		}
	}
}
