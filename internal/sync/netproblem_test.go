package sync

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

// Each way a hub can be out of reach is named, so the clerk reads what to
// check instead of a Go error; a plain-HTTP hub at an https:// address is
// not retried for ten seconds.
func TestNetProblemNamesTheFailure(t *testing.T) {
	plain := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer plain.Close()
	closed, _ := net.Listen("tcp", "127.0.0.1:0")
	refusedAddr := closed.Addr().String()
	closed.Close()
	cut := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}))
	defer cut.Close()
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { time.Sleep(2 * time.Second) }))
	defer slow.Close()

	get := func(url string, timeout time.Duration) error {
		c := &http.Client{Timeout: timeout}
		_, err := c.Get(url)
		if err == nil {
			return nil
		}
		return &netError{err}
	}
	for _, tc := range []struct {
		name, url, want string
	}{
		{"refused", "http://" + refusedAddr + "/", NetRefused},
		{"plain HTTP at https", "https://" + plain.Listener.Addr().String() + "/", NetPlainHTTP},
		{"cut", cut.URL, NetCut},
		{"timeout", slow.URL, NetTimeout},
		{"dns", "http://hub.invalid/", NetDNS},
	} {
		err := get(tc.url, 300*time.Millisecond)
		if got := NetProblem(err); got != tc.want {
			t.Errorf("%s: NetProblem(%v) = %q, want %q", tc.name, err, got, tc.want)
		}
	}
	if NetProblem(context.Canceled) != "" {
		t.Errorf("a cancelled sync is not a network problem")
	}
	if retryable(get("https://"+plain.Listener.Addr().String()+"/", time.Second)) {
		t.Errorf("a plain-HTTP hub at an https:// address is retried")
	}
}
