package sync

import (
	"crypto/ed25519"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ProtocolVersion is sent in the Briefing-Protocol header of every request.
const ProtocolVersion = "1"

// Limits of one push and one pull page. A hub refuses a larger push with 413.
const (
	MaxPushChanges = 1000
	MaxPushBytes   = 8 << 20
	MaxPullLimit   = 1000
	// MaxClockAhead is how far ahead of the hub's clock a stamp may be before
	// it is flagged.
	MaxClockAhead = 5 * time.Minute
	// MaxAheadOfAck: a push whose first seq is further than this past the
	// acknowledged number is not stored; the hub answers with Expected.
	MaxAheadOfAck = 8 * MaxPushChanges
	// MaxHeld and MaxHeldBytes are how many of a device's records, and how
	// many bytes of them, the hub holds at most; past either a push is
	// refused (CodeHeldFull) until the district looks at them.
	MaxHeld      = 10000
	MaxHeldBytes = 64 << 20
	// MaxWaitingBytes bounds the payloads a hub keeps of one device's
	// changes waiting behind a gap (over all its epochs); past it a push
	// after a gap is not stored, and the answer gives Expected.
	MaxWaitingBytes = 64 << 20
	// MaxQuarantined is how many conflicting changes of a device the hub
	// keeps for a person; later ones are answered 409 and not kept.
	MaxQuarantined = 100
	// MaxHeldListed is how many held records one push response lists.
	MaxHeldListed = 100
)

// Error is the body of every answer that is not 2xx.
type Error struct {
	Code    string `json:"code"`    // stable, e.g. "conflict", "revoked", "invalid"
	Message string `json:"message"` // for a person, English
	Seq     int64  `json:"seq,omitempty"`
	Field   string `json:"field,omitempty"`
}

func (e *Error) Error() string {
	if e.Seq > 0 {
		return fmt.Sprintf("%s (seq %d): %s", e.Code, e.Seq, e.Message)
	}
	return e.Code + ": " + e.Message
}

// Error codes.
const (
	CodeConflict        = "conflict"          // same (device, epoch, seq), different content: quarantined
	CodeInvalid         = "invalid"           // a change breaks the contract or the device's scope
	CodeRevoked         = "revoked"           // the device was revoked at the hub
	CodeUnknown         = "unknown"           // the device is not enrolled at this hub
	CodeSignature       = "signature"         // the request's signature does not verify
	CodeCodeUsed        = "code_used"         // the enrolment code was used with another key
	CodeCodeExpired     = "code_expired"      // the enrolment code is past its 72 hours
	CodeCodeUnknown     = "code_unknown"      // no such enrolment code
	CodeDeviceKnown     = "device_known"      // the device is enrolled: only a code made for it enrols it again
	CodeCodeOtherDevice = "code_other_device" // the code was made to enrol another device again
	CodeTooLarge        = "too_large"         // a push over MaxPushChanges or MaxPushBytes
	CodeProtocol        = "protocol"          // a protocol version the hub does not speak
	CodeBusy            = "busy"              // retry later
	CodeHeldFull        = "held_full"         // the hub holds MaxHeld of this device's records already
)

// Why the hub held a record (HeldRecord.Reason).
const (
	HeldScope    = "scope"    // under a unit outside the device's units
	HeldOrigin   = "origin"   // a record id another device wrote
	HeldContract = "contract" // not a change of the contract (docs/changelog.md)
	HeldSession  = "session"  // under a session the hub has not received: applied, if in scope, when it comes
)

// HeldRecord is a record of a pushed change that the hub acknowledged but
// did not apply. It waits at the hub for the district (briefing hub held:
// retried after the catalog changed, accepted, or left); the device keeps
// its own copy as it keeps every record.
type HeldRecord struct {
	Seq      int64  `json:"seq"`
	Entity   string `json:"entity"`
	RecordID string `json:"record_id"`
	Field    string `json:"field"`
	Reason   string `json:"reason"`  // HeldScope, HeldOrigin or HeldContract
	Message  string `json:"message"` // for a person, English
}

// EnrollRequest registers a device with a one-time code.
type EnrollRequest struct {
	Code      string `json:"code"`
	DeviceID  string `json:"device_id"`
	PublicKey string `json:"public_key"` // ed25519, base64url without padding
	Name      string `json:"name"`
}

// EnrollResponse is what a device keeps from its enrolment.
type EnrollResponse struct {
	HubID    string `json:"hub_id"`
	DeviceID string `json:"device_id"`
	// Unit is the catalog id of the device's unit; Scope lists every unit id
	// the device may record under (its unit and the units under it).
	Unit     string   `json:"unit"`
	UnitName string   `json:"unit_name"`
	Scope    []string `json:"scope"`
	// IDKey is the citizen-ID hash key (32 bytes, base64url without padding).
	// The device keeps it outside its database.
	IDKey string `json:"id_key"`
	// AgeRecipient is the hub's age X25519 recipient, for bundles.
	AgeRecipient string `json:"age_recipient"`
	// HubKey is the hub's ed25519 key (base64url): it signs bundle receipts
	// and down bundles.
	HubKey  string    `json:"hub_key,omitempty"`
	HubTime time.Time `json:"hub_time"`
}

// Change is one change-log row on the wire: docs/changelog.md gives the
// payload of every entity and op.
type Change struct {
	Seq      int64           `json:"seq"`
	Entity   string          `json:"entity"`
	RecordID string          `json:"record_id"`
	HLC      string          `json:"hlc"`
	Op       string          `json:"op"`
	Payload  json.RawMessage `json:"payload"`
}

// Hash is the SHA-256 (hex) of the change's content: what makes a repeat a
// repeat. It covers every field but seq, in a fixed order.
func (c Change) Hash() string {
	h := sha256.New()
	for _, s := range []string{c.Entity, c.RecordID, c.HLC, c.Op} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	h.Write(c.Payload)
	return hex.EncodeToString(h.Sum(nil))
}

// PushRequest is one batch of the device's change log, in seq order with no
// gap inside the batch.
type PushRequest struct {
	Epoch   int64    `json:"epoch"`
	Changes []Change `json:"changes"`
}

// PushResponse acknowledges a push.
type PushResponse struct {
	// Acked is the highest seq below which the hub holds every change of this
	// device and epoch: the device pushes from Acked+1 next time.
	Acked int64 `json:"acked"`
	// Expected is Acked+1 when the hub holds changes after a gap (they wait
	// for it); 0 otherwise.
	Expected int64 `json:"expected,omitempty"`
	// ClockAhead counts the changes whose stamp was more than MaxClockAhead
	// ahead of the hub's clock.
	ClockAhead int       `json:"clock_ahead,omitempty"`
	HubTime    time.Time `json:"hub_time"`
	// Held lists the records of this push that the hub held instead of
	// applying (at most MaxHeldListed); HeldTotal counts every record of
	// this device the hub still holds, from this push or earlier ones.
	Held      []HeldRecord `json:"held,omitempty"`
	HeldTotal int          `json:"held_total"`
}

// Item is one thing the hub publishes, numbered by the hub's feed cursor.
// Entity is one of "deck" (payload: FeedDeck), "unit", "unit_alias" (payloads
// as in docs/changelog.md) or "question_version" (an answer from the district
// to a question the device asked; payload as in docs/changelog.md).
type Item struct {
	Cursor  int64           `json:"cursor"`
	Entity  string          `json:"entity"`
	Payload json.RawMessage `json:"payload"`
}

// FeedDeck is a deck the district published: its exact source, versioned by
// the content hash deck.VersionOf gives.
type FeedDeck struct {
	ID          string    `json:"id"`
	Version     string    `json:"version"`
	Title       string    `json:"title"`
	Source      string    `json:"source"`
	PublishedAt time.Time `json:"published_at"`
}

// PullResponse is one page of the feed after a cursor.
type PullResponse struct {
	Items   []Item    `json:"items"`
	Next    int64     `json:"next"` // the cursor to save with this page
	More    bool      `json:"more"` // another page follows
	HubTime time.Time `json:"hub_time"`
	// Held is, on the last page (More false), how many of the device's
	// records the hub holds instead of applying (see HeldRecord); -1 on
	// other pages.
	Held int `json:"held"`
}

// StatusResponse is the hub's view of the calling device.
type StatusResponse struct {
	DeviceID string    `json:"device_id"`
	Epoch    int64     `json:"epoch"`
	Acked    int64     `json:"acked"`
	FeedHead int64     `json:"feed_head"`
	HubTime  time.Time `json:"hub_time"`
}

// AuthScheme names the Authorization scheme of signed requests.
const AuthScheme = "Briefing-Ed25519"

// SigningString is what a request's signature covers.
func SigningString(method, pathAndQuery string, timeMS int64, body []byte) []byte {
	sum := sha256.Sum256(body)
	return signingString(method, pathAndQuery, timeMS, hex.EncodeToString(sum[:]))
}

func signingString(method, pathAndQuery string, timeMS int64, bodyHex string) []byte {
	return []byte(method + "\n" + pathAndQuery + "\n" + strconv.FormatInt(timeMS, 10) + "\n" + bodyHex)
}

// Authorization builds the Authorization header value for a request. It
// carries the body's SHA-256 too, so that a hub checks the signature before
// it reads a byte of the body.
func Authorization(key ed25519.PrivateKey, deviceID, method, pathAndQuery string, now time.Time, body []byte) string {
	ms := now.UnixMilli()
	sum := sha256.Sum256(body)
	bodyHex := hex.EncodeToString(sum[:])
	sig := ed25519.Sign(key, signingString(method, pathAndQuery, ms, bodyHex))
	return fmt.Sprintf("%s device=%s, time=%d, body=%s, sig=%s", AuthScheme, deviceID, ms, bodyHex,
		base64.RawURLEncoding.EncodeToString(sig))
}

// Auth is a parsed Authorization header.
type Auth struct {
	DeviceID string
	TimeMS   int64
	BodyHash []byte // the SHA-256 of the body the signature covers
	Sig      []byte
}

// ParseAuthorization reads an Authorization header value; it never panics.
func ParseAuthorization(header string) (Auth, error) {
	rest, ok := strings.CutPrefix(header, AuthScheme+" ")
	if !ok {
		return Auth{}, errors.New("authorization: want scheme " + AuthScheme)
	}
	var a Auth
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return Auth{}, fmt.Errorf("authorization: %q is not key=value", part)
		}
		switch k {
		case "device":
			a.DeviceID = v
		case "time":
			ms, err := strconv.ParseInt(v, 10, 64)
			if err != nil {
				return Auth{}, fmt.Errorf("authorization: time %q is not a number", v)
			}
			a.TimeMS = ms
		case "sig":
			sig, err := base64.RawURLEncoding.DecodeString(v)
			if err != nil || len(sig) != ed25519.SignatureSize {
				return Auth{}, errors.New("authorization: sig is not an ed25519 signature")
			}
			a.Sig = sig
		case "body":
			sum, err := hex.DecodeString(v)
			if err != nil || len(sum) != sha256.Size {
				return Auth{}, errors.New("authorization: body is not a SHA-256 in hex")
			}
			a.BodyHash = sum
		}
	}
	if a.DeviceID == "" || a.Sig == nil || a.BodyHash == nil {
		return Auth{}, errors.New("authorization: device, body and sig are required")
	}
	return a, nil
}

// VerifyHeader checks the signature over the request line, the time and
// the body hash the header declares, before the body is read.
func (a Auth) VerifyHeader(pub ed25519.PublicKey, method, pathAndQuery string) bool {
	return len(pub) == ed25519.PublicKeySize &&
		ed25519.Verify(pub, signingString(method, pathAndQuery, a.TimeMS, hex.EncodeToString(a.BodyHash)), a.Sig)
}

// BodyMatches says whether body is the one the header declared.
func (a Auth) BodyMatches(body []byte) bool {
	sum := sha256.Sum256(body)
	return subtle.ConstantTimeCompare(sum[:], a.BodyHash) == 1
}

// Verify checks a parsed signature and the body against the device's
// public key.
func (a Auth) Verify(pub ed25519.PublicKey, method, pathAndQuery string, body []byte) bool {
	return a.VerifyHeader(pub, method, pathAndQuery) && a.BodyMatches(body)
}
