package sync

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"syscall"
)

// Network problems, named so that a person can be told what to check (the
// interface says them in words; the Go error is for the log).
const (
	NetRefused     = "refused"     // nothing answers at the address: the hub is off, or the port is wrong
	NetUnreachable = "unreachable" // no route to the address: this laptop's network is down or elsewhere
	NetDNS         = "dns"         // the hub's name does not resolve
	NetTimeout     = "timeout"     // the hub did not answer in time
	NetCut         = "cut"         // the connection was cut half-way
	NetPlainHTTP   = "plain_http"  // the address says https://, the hub speaks plain HTTP (--insecure)
	NetTLS         = "tls"         // the secure connection could not be set up
	NetOther       = "other"
)

// NetProblem names what kind of network failure err is (NetOther when it is
// none of the known ones); "" when err is not a network failure.
func NetProblem(err error) string {
	var ne *netError
	if !errors.As(err, &ne) {
		return ""
	}
	var dns *net.DNSError
	var timeout interface{ Timeout() bool }
	var certErr *tls.CertificateVerificationError
	var unknownAuth x509.UnknownAuthorityError
	var recordErr tls.RecordHeaderError
	switch {
	case errors.Is(err, http.ErrSchemeMismatch):
		return NetPlainHTTP
	case errors.As(err, &dns):
		return NetDNS
	case errors.Is(err, syscall.ECONNREFUSED):
		return NetRefused
	case errors.Is(err, syscall.ENETUNREACH), errors.Is(err, syscall.EHOSTUNREACH):
		return NetUnreachable
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &timeout) && timeout.Timeout():
		return NetTimeout
	case errors.As(err, &certErr), errors.As(err, &unknownAuth), errors.As(err, &recordErr):
		return NetTLS
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE), errors.Is(err, io.EOF),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, net.ErrClosed):
		return NetCut
	}
	return NetOther
}
