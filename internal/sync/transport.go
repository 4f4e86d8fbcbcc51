package sync

import (
	"briefing/internal/regularfile"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/subtle"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"filippo.io/age"
)

// ErrPinMismatch is the TLS failure when the hub's certificate is not the
// pinned one.
var ErrPinMismatch = errors.New("the hub's certificate does not match the pinned key")

// Pin is the SHA-256 of a certificate's public key (SubjectPublicKeyInfo).
type Pin [sha256.Size]byte

// PinOf is the pin of a DER certificate's parsed SPKI bytes.
func PinOf(rawSPKI []byte) Pin { return sha256.Sum256(rawSPKI) }

// String is the pin as hex, the form the protocol document gives.
func (p Pin) String() string { return hex.EncodeToString(p[:]) }

// ParsePin reads a pin written as hex (64 digits) or base64url (with or
// without padding): both forms are in use.
func ParsePin(s string) (Pin, error) {
	var p Pin
	s = strings.TrimSpace(s)
	if b, err := hex.DecodeString(s); err == nil && len(b) == len(p) {
		copy(p[:], b)
		return p, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
	if err == nil && len(b) == len(p) {
		copy(p[:], b)
		return p, nil
	}
	return p, fmt.Errorf("pin %q is not a SHA-256 (64 hex digits or 43 base64url characters)", s)
}

// ParseCode splits an enrolment code "<secret>.<pin>"; a code without a
// dot has no pin.
func ParseCode(code string) (secret, pin string) {
	code = strings.TrimSpace(code)
	if i := strings.LastIndexByte(code, '.'); i >= 0 {
		return code[:i], code[i+1:]
	}
	return code, ""
}

// EnrolmentFile is the JSON file `hub enroll -o FILE` writes for a laptop
// that was never online: the hub's URL, the code and the pin.
type EnrolmentFile struct {
	URL  string `json:"url"`
	Code string `json:"code"`
	Pin  string `json:"pin"`
	// For the person carrying the file; the device does not need them.
	Unit      string    `json:"unit,omitempty"`
	ExpiresAt time.Time `json:"expires_at,omitzero"`
	// What an online enrolment would answer, for a laptop that is never
	// online (briefing enroll FILE --offline): it enrols from the file, and
	// the hub enrols it when its first bundle comes with the code.
	HubID        string   `json:"hub_id,omitempty"`
	UnitID       string   `json:"unit_id,omitempty"`
	Scope        []string `json:"scope,omitempty"`
	IDKey        string   `json:"id_key,omitempty"`
	AgeRecipient string   `json:"age_recipient,omitempty"`
	HubKey       string   `json:"hub_key,omitempty"`
	// Device is the laptop a file made for one enrols (hub enroll --device):
	// it may move that laptop to another unit.
	Device string `json:"device,omitempty"`
}

// Offline says the file carries what a laptop needs to enrol without the hub.
func (ef EnrolmentFile) Offline() bool {
	return ef.HubID != "" && ef.UnitID != "" && ef.IDKey != "" && ef.AgeRecipient != "" && ef.HubKey != ""
}

// maxEnrolmentFile bounds what ReadEnrolmentFile reads.
const maxEnrolmentFile = 64 << 10

// ErrNotRegular: a path that is a folder, a pipe or a device, not a file.
var ErrNotRegular = regularfile.ErrNotRegular

// ReadEnrolmentFile reads an enrolment file. A pin in the file and a pin in
// its code must agree.
func ReadEnrolmentFile(path string) (EnrolmentFile, error) {
	data, err := regularfile.Read(path, maxEnrolmentFile)
	if errors.Is(err, ErrNotRegular) {
		return EnrolmentFile{}, fmt.Errorf("%s: %w", path, err)
	}
	if err != nil {
		return EnrolmentFile{}, err
	}
	return DecodeEnrolmentFile(bytes.NewReader(data))
}

// DecodeEnrolmentFile reads an enrolment file's JSON, bounded.
func DecodeEnrolmentFile(r io.Reader) (EnrolmentFile, error) {
	var ef EnrolmentFile
	data, err := io.ReadAll(io.LimitReader(r, maxEnrolmentFile+1))
	if err != nil {
		return ef, err
	}
	if len(data) > maxEnrolmentFile {
		return ef, fmt.Errorf("larger than %d bytes", maxEnrolmentFile)
	}
	if err := json.Unmarshal(data, &ef); err != nil {
		return ef, err
	}
	switch {
	case ef.URL == "" && !ef.Offline():
		return ef, errors.New(`field "url" is missing`)
	case ef.Code == "":
		return ef, errors.New(`field "code" is missing`)
	}
	secret, codePin := ParseCode(ef.Code)
	if ef.Pin != "" && codePin != "" {
		a, errA := ParsePin(ef.Pin)
		b, errB := ParsePin(codePin)
		if errA != nil || errB != nil || a != b {
			return ef, errors.New(`field "pin" and the pin in "code" differ`)
		}
	}
	if ef.Pin == "" {
		ef.Pin = codePin
	}
	if strings.TrimSpace(secret) == "" {
		return ef, errors.New(`field "code" has no secret before its pin`)
	}
	ef.Code = secret
	// A file that names no usable hub would fail only at enrolment, on the
	// laptop, far from whoever wrote it: refuse it here with the reason.
	if ef.URL != "" {
		if _, err := CheckEndpoint(Endpoint{URL: ef.URL, Pin: ef.Pin}); err != nil {
			return ef, fmt.Errorf(`field "url": %w`, err)
		}
	}
	if ef.Offline() {
		if k, err := base64.RawURLEncoding.DecodeString(ef.HubKey); err != nil || len(k) != ed25519.PublicKeySize {
			return ef, errors.New(`field "hub_key" is not an ed25519 key in base64url`)
		}
		if _, err := age.ParseX25519Recipient(ef.AgeRecipient); err != nil {
			return ef, errors.New(`field "age_recipient" is not an age X25519 recipient`)
		}
		if k, err := base64.RawURLEncoding.DecodeString(ef.IDKey); err != nil || len(k) < 16 {
			return ef, errors.New(`field "id_key" is not a base64url key of at least 16 bytes`)
		}
	}
	return ef, nil
}

// Endpoint is where a hub is and how to trust it.
type Endpoint struct {
	URL string // https://host:port, or http:// on loopback
	Pin string // "" only for http:// on loopback
}

// EndpointError says why a hub's address cannot be used; Problem is one of
// the EndpointX constants, for a message in the user's language.
type EndpointError struct {
	URL     string
	Problem string
	Err     error // the pin's parse error, for EndpointBadPin
}

// The problems an endpoint can have.
const (
	EndpointNotURL   = "not_url"   // not https://HOST:PORT
	EndpointNoPin    = "no_pin"    // https without the certificate's pin
	EndpointBadPin   = "bad_pin"   // a pin that is not a SHA-256
	EndpointHTTPOnly = "http_only" // plain http off this computer
)

func (e *EndpointError) Error() string {
	switch e.Problem {
	case EndpointNoPin:
		return fmt.Sprintf("hub URL %q: an https hub needs its pin (the part after the last dot of the enrolment code)", e.URL)
	case EndpointBadPin:
		return e.Err.Error()
	case EndpointHTTPOnly:
		return fmt.Sprintf("hub URL %q: plain http is allowed only on loopback; use https", e.URL)
	}
	return fmt.Sprintf("hub URL %q: want https://HOST:PORT", e.URL)
}

// CheckEndpoint refuses an endpoint a device must not talk to: an unknown
// scheme, https without a pin, http anywhere but loopback.
func CheckEndpoint(e Endpoint) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(e.URL))
	if err != nil || u.Host == "" {
		return nil, &EndpointError{URL: e.URL, Problem: EndpointNotURL}
	}
	switch u.Scheme {
	case "https":
		if e.Pin == "" {
			return nil, &EndpointError{URL: e.URL, Problem: EndpointNoPin}
		}
		if _, err := ParsePin(e.Pin); err != nil {
			return nil, &EndpointError{URL: e.URL, Problem: EndpointBadPin, Err: err}
		}
	case "http":
		if !isLoopback(u.Hostname()) {
			return nil, &EndpointError{URL: e.URL, Problem: EndpointHTTPOnly}
		}
	default:
		return nil, &EndpointError{URL: e.URL, Problem: EndpointNotURL}
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawQuery, u.Fragment = "", ""
	return u, nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// HTTPClient is an http.Client that trusts only the pinned certificate. The
// pin is checked in VerifyConnection, which runs on every handshake, resumed
// sessions included (VerifyPeerCertificate does not); the usual chain check
// is off because the hub's certificate is self-signed, and the pin replaces it.
func HTTPClient(e Endpoint) (*http.Client, error) {
	u, err := CheckEndpoint(e)
	if err != nil {
		return nil, err
	}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would see nothing (TLS), but keep the path direct and simple
		DialContext:           (&net.Dialer{Timeout: 15 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		TLSHandshakeTimeout:   15 * time.Second,
		ResponseHeaderTimeout: 60 * time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   2,
		ForceAttemptHTTP2:     true,
	}
	if u.Scheme == "https" {
		pin, err := ParsePin(e.Pin)
		if err != nil {
			return nil, err
		}
		tr.TLSClientConfig = &tls.Config{
			MinVersion:         tls.VersionTLS12,
			InsecureSkipVerify: true, // replaced by the pin check below, never alone
			VerifyConnection: func(cs tls.ConnectionState) error {
				if len(cs.PeerCertificates) == 0 {
					return ErrPinMismatch
				}
				got := PinOf(cs.PeerCertificates[0].RawSubjectPublicKeyInfo)
				if subtle.ConstantTimeCompare(got[:], pin[:]) != 1 {
					return fmt.Errorf("%w (got %s)", ErrPinMismatch, got)
				}
				return nil
			},
		}
	}
	// A hub never redirects: following one would send a signed request
	// somewhere the pin and the enrolment did not name.
	noRedirect := func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &http.Client{Transport: tr, Timeout: 5 * time.Minute, CheckRedirect: noRedirect}, nil
}

// readBounded reads at most limit bytes of r; more is an error.
func readBounded(r io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		return nil, fmt.Errorf("answer larger than %d bytes", limit)
	}
	return buf.Bytes(), nil
}
