package hub

import (
	"context"
	"crypto/tls"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"time"
)

// ErrNotLoopback: plain HTTP was asked for on an address other computers reach.
var ErrNotLoopback = errors.New("plain HTTP (--insecure) only on a loopback address such as 127.0.0.1:8080")

// Loopback says whether addr (HOST:PORT) listens only on this computer.
func Loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// ServeOptions configure Serve.
type ServeOptions struct {
	Addr     string
	Cert     *tls.Certificate // nil: plain HTTP (loopback only)
	Keys     *BundleKeys      // their public halves go to devices at enrolment
	Log      *slog.Logger
	Listened func(addr string) // called once listening, with the bound address
}

// Serve answers the protocol on opts.Addr until ctx ends, then shuts down
// gracefully (requests under way finish, up to 10 s).
func Serve(ctx context.Context, st Store, opts ServeOptions) error {
	if opts.Cert == nil && !Loopback(opts.Addr) {
		return ErrNotLoopback
	}
	tcp, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	var ln net.Listener = newLimitListener(tcp)
	srv := &http.Server{
		Handler:           (&Server{Store: st, Log: opts.Log, Keys: opts.Keys}).Handler(),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       2 * time.Minute,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    16 << 10,
	}
	if opts.Log != nil {
		srv.ErrorLog = slog.NewLogLogger(opts.Log.Handler(), slog.LevelWarn)
	}
	if opts.Cert != nil {
		ln = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{*opts.Cert}, MinVersion: tls.VersionTLS12})
	}
	if opts.Listened != nil {
		opts.Listened(ln.Addr().String())
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shut); err != nil {
		// A request still being read after 10 s (a push over a slow link)
		// is cut: its transaction never committed, so nothing half-done
		// stays, and its device sends it again.
		if opts.Log != nil {
			opts.Log.Warn("shutdown: requests still running were cut; their devices will send them again", "err", err)
		}
		srv.Close()
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
