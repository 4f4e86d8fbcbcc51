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

// A request without a valid device and signature is refused before its
// body is read: a stranger cannot make the hub hold 8 MiB per connection,
// nor take a turn by trickling a body in.
func TestStrangersBodiesAreNotRead(t *testing.T) {
	h := newTestHub(t)
	handler := (&Server{Store: h.st}).Handler()
	var read, active, peak atomic.Int64
	enrolled := h.newDevice(ward7)
	for _, auth := range []string{
		"",
		"Bearer x",
		sync.Authorization(ed25519.NewKeyFromSeed(make([]byte, 32)), newID(), "POST", "/v1/push", time.Now(), nil),
		// An enrolled device's id (ids are in every record) with another key.
		sync.Authorization(ed25519.NewKeyFromSeed(make([]byte, 32)), enrolled.id, "POST", "/v1/push", time.Now(), nil),
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
// time (memory stays under perDevice bodies of one device), and each still
// gets its answer.
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
		t.Fatalf("%d bodies of one device were read at once, the limit is %d", p, perDevice)
	}
	for i, c := range codes {
		// The signature covers an empty body, not these spaces: each is
		// refused, after its turn.
		if c != http.StatusUnauthorized {
			t.Errorf("request %d: status %d", i, c)
		}
	}
}

// heldBody is a body that is read only when released: a device trickling
// its pushes in.
type heldBody struct {
	release chan struct{}
	started chan struct{}
	once    gosync.Once
}

func (b *heldBody) Read(p []byte) (int, error) {
	b.once.Do(func() { close(b.started) })
	<-b.release
	return 0, io.EOF
}

func (b *heldBody) Close() error { return nil }

// One device's slow requests take at most perDevice turns: another device
// is served while they are still being read.
func TestOneDeviceCannotTakeEveryTurn(t *testing.T) {
	h := newTestHub(t)
	slow, other := h.newDevice(ward7), h.newDevice(ward7)
	handler := (&Server{Store: h.st, MaxActive: perDevice + 1}).Handler()
	release := make(chan struct{})
	var wg gosync.WaitGroup
	reading := 0
	started := make(chan struct{}, 8)
	for range 4 {
		wg.Add(1)
		b := &heldBody{release: release, started: make(chan struct{})}
		go func() {
			defer wg.Done()
			req := httptest.NewRequest("POST", "/v1/push", b)
			req.Header.Set("Authorization", sync.Authorization(slow.key, slow.id, "POST", "/v1/push", time.Now(), nil))
			handler.ServeHTTP(httptest.NewRecorder(), req)
		}()
		go func() {
			select {
			case <-b.started:
				started <- struct{}{}
			case <-release:
			}
		}()
	}
	for reading < perDevice {
		select {
		case <-started:
			reading++
		case <-time.After(5 * time.Second):
			t.Fatalf("%d of the slow device's bodies are being read", reading)
		}
	}
	req := httptest.NewRequest("GET", "/v1/status", nil)
	req.Header.Set("Authorization", sync.Authorization(other.key, other.id, "GET", "/v1/status", time.Now(), nil))
	w := httptest.NewRecorder()
	done := make(chan struct{})
	go func() { handler.ServeHTTP(w, req); close(done) }()
	select {
	case <-done:
		if w.Code != http.StatusOK {
			t.Errorf("the other device: %d %s", w.Code, w.Body)
		}
	case <-time.After(5 * time.Second):
		t.Errorf("the other device waited behind one device's slow requests")
	}
	select {
	case <-started:
		t.Errorf("more than %d of one device's bodies were read at once", perDevice)
	default:
	}
	close(release)
	wg.Wait()
}
