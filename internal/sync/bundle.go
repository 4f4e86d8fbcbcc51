package sync

import (
	"bufio"
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/regularfile"

	"filippo.io/age"
	"github.com/google/uuid"
)

// A bundle is the sync exchange as a file, for a unit that never reaches
// the hub over a network: "up" carries a device's changes to the hub, "down"
// carries the hub's feed (decks, catalog, answers) to a unit's devices.
// The file is one envelope for both:
//
//	briefing-bundle 1\n
//	<manifest: compact JSON, one line>\n
//	<ed25519 signature of the manifest line's exact bytes, base64url>\n
//	<payload: age-encrypted, to the end of the file>
//
// The manifest names the payload's SHA-256, so one signature covers the
// whole file; a reader checks the signature first, then the hash, then
// the manifest's claims, and only then decrypts.

const (
	bundleMagic  = "briefing-bundle 1"
	receiptMagic = "briefing-receipt 1"

	BundleUp   = "up"
	BundleDown = "down"

	// BundleFormat is the manifest's format version.
	BundleFormat = 1
	// MaxBundleBytes bounds a bundle file; MaxBundlePlain its decrypted
	// payload (30,000 changes are a few MB).
	MaxBundleBytes = 256 << 20
	MaxBundlePlain = 512 << 20
	// BundleTTL is how long a bundle may wait before it is imported.
	BundleTTL        = 30 * 24 * time.Hour
	maxManifestBytes = 16 << 10
	maxReceiptBytes  = 16 << 10
)

// Errors a bundle is refused with; each is wrapped with its details.
var (
	ErrBundleFormat    = errors.New("not a briefing bundle, or cut short")
	ErrBundleSignature = errors.New("the signature does not verify")
	ErrBundleHash      = errors.New("the payload is not the one the manifest signs")
	ErrBundleExpired   = errors.New("the bundle has expired")
	ErrBundleReplayed  = errors.New("the bundle was imported before")
	ErrBundleOtherHub  = errors.New("the bundle is for another hub")
	ErrBundleKind      = errors.New("the bundle goes the other way")
	// ErrBundleIsDown and ErrBundleIsUp say which way (ErrBundleKind).
	ErrBundleIsDown    = fmt.Errorf("%w: it is the hub's bundle for a unit (briefing bundle import, on a laptop)", ErrBundleKind)
	ErrBundleIsUp      = fmt.Errorf("%w: it is a device's bundle for the hub (briefing hub import)", ErrBundleKind)
	ErrBundleOrigin    = errors.New("the bundle holds records another device wrote")
	ErrBundleOlder     = errors.New("the bundle is older than the feed already applied")
	ErrBundleGap       = errors.New("the bundle starts after the feed applied here")
	ErrBundleUnknown   = errors.New("the device is not enrolled at this hub")
	ErrBundleRevoked   = errors.New("the device was revoked at the hub")
	ErrBundleNotForMe  = errors.New("the bundle is not for this device")
	ErrNotReceipt      = errors.New("not a briefing receipt")
	ErrNotBundle       = fmt.Errorf("%w: it does not start with %q", ErrBundleFormat, bundleMagic)
	ErrBundleOtherUnit = errors.New("the bundle is for another unit")
	ErrReceiptOther    = errors.New("the receipt is for another device")
)

// Manifest is what a bundle says of itself, signed as exact bytes.
type Manifest struct {
	Format int    `json:"format"`
	ID     string `json:"id"` // a UUID: a hub or device applies one id once
	Kind   string `json:"kind"`
	// Device is the signing device of an up bundle.
	Device string `json:"device,omitempty"`
	// Unit is the catalog id a down bundle is for.
	Unit string `json:"unit,omitempty"`
	Hub  string `json:"hub"`
	// Epoch, From and To: an up bundle carries the changes From..To of the
	// device's log in Epoch (From = To = 0: none, an enrolment alone). A down
	// bundle carries the feed after cursor From up to cursor To.
	Epoch   int64     `json:"epoch,omitempty"`
	From    int64     `json:"from"`
	To      int64     `json:"to"`
	Count   int       `json:"count"` // changes (up) or feed items (down)
	Created time.Time `json:"created"`
	Expires time.Time `json:"expires"`
	// PayloadSHA256 and PayloadBytes describe the encrypted payload.
	PayloadSHA256 string `json:"payload_sha256"`
	PayloadBytes  int64  `json:"payload_bytes"`
	// PublicKey is an up bundle's signing key (ed25519, base64url): a hub
	// that has not met the device (enrolled from a file, never online)
	// checks the signature with it, and trusts it only with the enrolment
	// code inside the payload.
	PublicKey string `json:"public_key,omitempty"`
}

// check reads the manifest's own consistency.
func (m Manifest) check() error {
	bad := func(field, format string, args ...any) error {
		return fmt.Errorf("%w: manifest field %q %s", ErrBundleFormat, field, fmt.Sprintf(format, args...))
	}
	switch {
	case m.Format != BundleFormat:
		return bad("format", "is %d: this program reads format %d (a newer program wrote it?)", m.Format, BundleFormat)
	case !isUUID(m.ID):
		return bad("id", "is not a UUID")
	case m.Kind != BundleUp && m.Kind != BundleDown:
		return bad("kind", "is %q, not up or down", m.Kind)
	case !isUUID(m.Hub):
		return bad("hub", "is not a UUID")
	case m.Kind == BundleUp && !isUUID(m.Device):
		return bad("device", "is not a UUID")
	case m.Kind == BundleDown && !isUUID(m.Unit):
		return bad("unit", "is not a UUID")
	case m.From < 0 || m.To < m.From || m.Count < 0:
		return bad("from", "%d, to %d, count %d do not make a range", m.From, m.To, m.Count)
	case m.Kind == BundleUp && m.Count > 0 && (m.From < 1 || m.Epoch < 1 || int64(m.Count) != m.To-m.From+1):
		return bad("count", "%d is not the changes %d..%d of an epoch", m.Count, m.From, m.To)
	case m.Kind == BundleUp && m.Count == 0 && (m.From != 0 || m.To != 0):
		return bad("count", "is 0 but from..to is %d..%d", m.From, m.To)
	case m.Created.IsZero() || !m.Expires.After(m.Created):
		return bad("expires", "is not after created")
	case m.Expires.Sub(m.Created) > BundleTTL+24*time.Hour:
		return bad("expires", "is more than %d days after created", int((BundleTTL+24*time.Hour).Hours()/24))
	case len(m.PayloadSHA256) != 64 || !isHex(m.PayloadSHA256):
		return bad("payload_sha256", "is not a SHA-256 in hex")
	case m.PayloadBytes < 0 || m.PayloadBytes > MaxBundleBytes:
		return bad("payload_bytes", "is %d", m.PayloadBytes)
	}
	if m.PublicKey != "" {
		if k, err := base64.RawURLEncoding.DecodeString(m.PublicKey); err != nil || len(k) != ed25519.PublicKeySize {
			return bad("public_key", "is not an ed25519 key in base64url")
		}
	}
	return nil
}

func isUUID(s string) bool {
	u, err := uuid.Parse(s)
	return err == nil && u.String() == s
}

func isHex(s string) bool {
	_, err := hex.DecodeString(s)
	return err == nil
}

// Bundle is a bundle file read and parsed, not yet verified.
type Bundle struct {
	Manifest      Manifest
	manifestBytes []byte
	signature     []byte
	payload       []byte // encrypted
}

// ReadBundleFile reads a bundle file: a regular file of at most
// MaxBundleBytes.
func ReadBundleFile(path string) (*Bundle, error) {
	data, err := regularfile.Read(path, MaxBundleBytes)
	if err != nil {
		return nil, err
	}
	return ParseBundle(data)
}

// ParseBundle splits a bundle into its manifest, signature and payload and
// reads the manifest. It checks nothing cryptographic: Verify does.
func ParseBundle(data []byte) (*Bundle, error) {
	rest, ok := bytes.CutPrefix(data, []byte(bundleMagic+"\n"))
	if !ok {
		return nil, ErrNotBundle
	}
	line, rest, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || len(line) > maxManifestBytes {
		return nil, fmt.Errorf("%w: the manifest line is missing or longer than %d bytes", ErrBundleFormat, maxManifestBytes)
	}
	sigLine, payload, ok := bytes.Cut(rest, []byte("\n"))
	if !ok {
		return nil, fmt.Errorf("%w: the signature line is missing", ErrBundleFormat)
	}
	sig, err := base64.RawURLEncoding.Strict().DecodeString(string(sigLine))
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("%w: the signature line is not an ed25519 signature in base64url", ErrBundleFormat)
	}
	b := &Bundle{manifestBytes: line, signature: sig, payload: payload}
	if err := strictUnmarshal(line, &b.Manifest, false); err != nil {
		return nil, fmt.Errorf("%w: manifest: %v", ErrBundleFormat, err)
	}
	return b, nil
}

// Verify checks the manifest's signature with pub, then what the manifest
// says of itself, then the payload's size and hash: a manifest altered after
// signing is told as such, not as a manifest that does not add up.
func (b *Bundle) Verify(pub ed25519.PublicKey) error {
	if len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, b.manifestBytes, b.signature) {
		return ErrBundleSignature
	}
	if err := b.Manifest.check(); err != nil {
		return err
	}
	if int64(len(b.payload)) != b.Manifest.PayloadBytes {
		return fmt.Errorf("%w: the payload is %d bytes, the signed manifest says %d (the file was cut short or added to)",
			ErrBundleHash, len(b.payload), b.Manifest.PayloadBytes)
	}
	sum := sha256.Sum256(b.payload)
	if hex.EncodeToString(sum[:]) != b.Manifest.PayloadSHA256 {
		return ErrBundleHash
	}
	return nil
}

// Open decrypts the payload with id (after Verify), at most MaxBundlePlain bytes.
func (b *Bundle) Open(id age.Identity) ([]byte, error) {
	r, err := age.Decrypt(bytes.NewReader(b.payload), id)
	if err != nil {
		return nil, fmt.Errorf("%w: the payload cannot be decrypted with this key: %v", ErrBundleNotForMe, err)
	}
	plain, err := io.ReadAll(io.LimitReader(r, MaxBundlePlain+1))
	if err != nil {
		return nil, fmt.Errorf("%w: the payload: %v", ErrBundleFormat, err)
	}
	if len(plain) > MaxBundlePlain {
		return nil, fmt.Errorf("%w: the payload is over %d bytes", ErrBundleFormat, MaxBundlePlain)
	}
	return plain, nil
}

// SealBundle encrypts plain to the recipients, fills in the manifest's
// payload fields, signs the manifest with key and returns the file's bytes.
func SealBundle(m Manifest, plain []byte, to []age.Recipient, key ed25519.PrivateKey) ([]byte, error) {
	var enc bytes.Buffer
	w, err := age.Encrypt(&enc, to...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	sum := sha256.Sum256(enc.Bytes())
	m.Format, m.PayloadSHA256, m.PayloadBytes = BundleFormat, hex.EncodeToString(sum[:]), int64(enc.Len())
	if err := m.check(); err != nil {
		return nil, err
	}
	line, err := json.Marshal(m)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	out.Grow(len(bundleMagic) + len(line) + 100 + enc.Len())
	out.WriteString(bundleMagic + "\n")
	out.Write(line)
	out.WriteString("\n" + base64.RawURLEncoding.EncodeToString(ed25519.Sign(key, line)) + "\n")
	out.Write(enc.Bytes())
	return out.Bytes(), nil
}

// WriteFileSafely writes data to path as atomicfile does (a temporary file
// beside it, flushed, renamed), then reads it back and compares, so that
// "done" means the bytes are on the stick.
func WriteFileSafely(path string, data []byte) error {
	// A write killed before its rename left its temporary file: a whole
	// bundle under a hidden name that FAT shows. This write removes it.
	if stale, err := filepath.Glob(filepath.Join(filepath.Dir(path), "."+globEscape(filepath.Base(path))+".*")); err == nil {
		for _, f := range stale {
			os.Remove(f)
		}
	}
	if err := atomicfile.Write(path, data, 0o600); err != nil {
		return err
	}
	back, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(back, data) {
		return fmt.Errorf("%s: what was read back is not what was written: the stick may be failing", path)
	}
	return nil
}

// globEscape quotes a file name's glob characters.
func globEscape(name string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "?", `\?`, "[", `\[`).Replace(name)
}

// --- payloads ---

// BundleEnrol is what an up bundle of a device enrolled from a file (never
// online) carries so that the hub enrols it: the code and the device's name.
// It travels encrypted.
type BundleEnrol struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// upHeader is an up payload's first line.
type upHeader struct {
	Enrol *BundleEnrol `json:"enrol,omitempty"`
}

// EncodeUpPayload writes an up payload: a header line, then each push
// body (exactly what the device would POST to /v1/push) on its own line.
func EncodeUpPayload(enrol *BundleEnrol, pushes [][]byte) ([]byte, error) {
	head, err := json.Marshal(upHeader{Enrol: enrol})
	if err != nil {
		return nil, err
	}
	n := len(head) + 1
	for _, p := range pushes {
		n += len(p) + 1
	}
	out := make([]byte, 0, n)
	out = append(append(out, head...), '\n')
	for _, p := range pushes {
		if bytes.IndexByte(p, '\n') >= 0 {
			return nil, errors.New("a push body holds a newline")
		}
		out = append(append(out, p...), '\n')
	}
	return out, nil
}

// DecodeUpPayload splits an up payload into its enrolment (nil: none) and
// its push bodies, each at most MaxPushBytes (slices of plain, not copies).
func DecodeUpPayload(plain []byte) (*BundleEnrol, [][]byte, error) {
	head, rest, _ := bytes.Cut(plain, []byte("\n"))
	enrol, err := decodeUpHeader(head)
	if err != nil {
		return nil, nil, err
	}
	pushes, err := splitPushes(rest)
	return enrol, pushes, err
}

func decodeUpHeader(line []byte) (*BundleEnrol, error) {
	var h upHeader
	if len(bytes.TrimSpace(line)) == 0 {
		return nil, fmt.Errorf("%w: the payload's header is missing", ErrBundleFormat)
	}
	if err := strictUnmarshal(line, &h, false); err != nil {
		return nil, fmt.Errorf("%w: the payload's header: %v", ErrBundleFormat, err)
	}
	return h.Enrol, nil
}

// splitPushes cuts the push bodies out of the payload after its header.
func splitPushes(rest []byte) ([][]byte, error) {
	var pushes [][]byte
	for len(rest) > 0 {
		line, after, _ := bytes.Cut(rest, []byte("\n"))
		if len(line) > MaxPushBytes {
			return nil, fmt.Errorf("%w: push %d is over %d bytes", ErrBundleFormat, len(pushes)+1, MaxPushBytes)
		}
		if len(line) > 0 {
			pushes = append(pushes, line)
		}
		rest = after
	}
	return pushes, nil
}

// OpenUp decrypts an up bundle's payload (after Verify) and splits it. Its
// header is read first: a bundle that must enrol its device (mustEnrol)
// and carries no code is refused before the rest is decrypted.
func (b *Bundle) OpenUp(id age.Identity, mustEnrol bool) (*BundleEnrol, [][]byte, error) {
	r, err := age.Decrypt(bytes.NewReader(b.payload), id)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: the payload cannot be decrypted with this key: %v", ErrBundleNotForMe, err)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, err := br.ReadSlice('\n')
	if err != nil {
		return nil, nil, fmt.Errorf("%w: the payload's header is missing or over 64 KB", ErrBundleFormat)
	}
	enrol, err := decodeUpHeader(head)
	if err != nil {
		return nil, nil, err
	}
	if mustEnrol && enrol == nil {
		return nil, nil, fmt.Errorf("%w: and its bundle carries no enrolment code", ErrBundleUnknown)
	}
	rest, err := io.ReadAll(io.LimitReader(br, MaxBundlePlain+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%w: the payload: %v", ErrBundleFormat, err)
	}
	if len(rest) > MaxBundlePlain {
		return nil, nil, fmt.Errorf("%w: the payload is over %d bytes", ErrBundleFormat, MaxBundlePlain)
	}
	pushes, err := splitPushes(rest)
	return enrol, pushes, err
}

// EncodeDownPayload writes a down payload: each pull page (a PullResponse,
// exactly as GET /v1/pull answers) on its own line.
func EncodeDownPayload(pages []PullResponse) ([]byte, error) {
	var out bytes.Buffer
	for _, p := range pages {
		line, err := json.Marshal(p)
		if err != nil {
			return nil, err
		}
		out.Write(line)
		out.WriteByte('\n')
	}
	return out.Bytes(), nil
}

// DecodeDownPayload reads and checks a down payload's pages, the first
// after cursor after, each after the one before: through DecodePullPage,
// the pull's own checks.
func DecodeDownPayload(plain []byte, after int64) ([]PullPage, error) {
	sc := bufio.NewScanner(bytes.NewReader(plain))
	sc.Buffer(nil, MaxPushBytes*4+1)
	var pages []PullPage
	for sc.Scan() {
		p, err := DecodePullPage(sc.Bytes(), after)
		if err != nil {
			return nil, fmt.Errorf("%w: page %d: %v", ErrBundleFormat, len(pages)+1, err)
		}
		pages = append(pages, p)
		after = p.Next
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: the payload: %v", ErrBundleFormat, err)
	}
	return pages, nil
}

// --- receipts ---

// Receipt is the hub's signed word that it holds a bundle's changes: the
// device marks them acknowledged as a push's answer would.
type Receipt struct {
	Format    int       `json:"format"`
	Bundle    string    `json:"bundle"` // the bundle's id
	Hub       string    `json:"hub"`
	Device    string    `json:"device"`
	Epoch     int64     `json:"epoch"`
	Acked     int64     `json:"acked"`
	HeldTotal int       `json:"held_total"`
	Imported  time.Time `json:"imported"`
}

// SignReceipt writes a receipt file's bytes: magic, JSON line, signature.
func SignReceipt(r Receipt, key ed25519.PrivateKey) ([]byte, error) {
	r.Format = BundleFormat
	line, err := json.Marshal(r)
	if err != nil {
		return nil, err
	}
	return []byte(receiptMagic + "\n" + string(line) + "\n" + base64.RawURLEncoding.EncodeToString(ed25519.Sign(key, line)) + "\n"), nil
}

// ParseReceipt reads a receipt and checks its signature with pub.
func ParseReceipt(data []byte, pub ed25519.PublicKey) (Receipt, error) {
	var r Receipt
	if len(data) > maxReceiptBytes {
		return r, fmt.Errorf("%w: a receipt is at most %d bytes", ErrBundleFormat, maxReceiptBytes)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != 3 || lines[0] != receiptMagic {
		return r, ErrNotReceipt
	}
	sig, err := base64.RawURLEncoding.Strict().DecodeString(lines[2])
	if err != nil || len(pub) != ed25519.PublicKeySize || !ed25519.Verify(pub, []byte(lines[1]), sig) {
		return r, ErrBundleSignature
	}
	if err := strictUnmarshal([]byte(lines[1]), &r, false); err != nil {
		return r, fmt.Errorf("%w: %v", ErrBundleFormat, err)
	}
	if r.Format != BundleFormat || !isUUID(r.Bundle) || !isUUID(r.Device) || r.Acked < 0 || r.Epoch < 0 {
		return r, fmt.Errorf("%w: the receipt's fields are not valid", ErrBundleFormat)
	}
	return r, nil
}

// FeedError places a down bundle's feed (From..To) against the cursor this
// device has applied: ErrBundleOlder or ErrBundleGap.
type FeedError struct {
	Err              error
	From, To, Cursor int64
}

func (e *FeedError) Error() string {
	return fmt.Sprintf("%v: the bundle carries the feed %d..%d, this device has applied it to %d", e.Err, e.From, e.To, e.Cursor)
}

func (e *FeedError) Unwrap() error { return e.Err }

// ExpiredError is ErrBundleExpired with the dates the writer's clock gave:
// a laptop whose clock is far behind writes bundles already expired.
type ExpiredError struct{ Created, Expires time.Time }

func (e *ExpiredError) Error() string {
	return fmt.Sprintf("%v: written %s, expired %s", ErrBundleExpired, e.Created.Format(time.DateOnly), e.Expires.Format(time.DateOnly))
}

func (e *ExpiredError) Unwrap() error { return ErrBundleExpired }

// UnitChangeError: an enrolment file for another unit of the same hub,
// given to a laptop enrolled for one.
type UnitChangeError struct{ Enrolled, File string }

func (e *UnitChangeError) Error() string {
	return fmt.Sprintf("this laptop is enrolled for %s; the file is for %s", e.Enrolled, e.File)
}

// ForError names what a bundle or receipt is for (a unit's or a device's
// id) when it is not this device's: ErrBundleOtherUnit, ErrReceiptOther.
type ForError struct {
	Err error
	ID  string
}

func (e *ForError) Error() string { return fmt.Sprintf("%v: %s", e.Err, e.ID) }
func (e *ForError) Unwrap() error { return e.Err }

// ReceiptPath is where the hub writes a bundle's receipt.
func ReceiptPath(bundlePath string) string { return bundlePath + ".receipt" }
