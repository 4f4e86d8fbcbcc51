package hub

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/regularfile"
	"briefing/internal/sync"
	"briefing/internal/textvi"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"github.com/google/uuid"
	"golang.org/x/crypto/ssh"
)

// BundleKeys are the hub's keys for bundles: an ed25519 key that signs
// receipts and down bundles, and an age identity that up bundles are
// encrypted to. They live in a file beside the hub database (mode 0600),
// never in it; devices learn the public halves at enrolment.
type BundleKeys struct {
	Sign ed25519.PrivateKey
	Age  *age.X25519Identity
}

// BundleKeyFile is where the bundle keys of the hub database dbPath live.
func BundleKeyFile(dbPath string) string {
	return filepath.Join(filepath.Dir(dbPath), "hub-bundle-keys.json")
}

type bundleKeyFile struct {
	SignSeed string `json:"sign_seed"` // ed25519 seed, base64url
	Age      string `json:"age"`       // AGE-SECRET-KEY-1...
}

// LoadOrCreateBundleKeys reads the bundle keys of the hub database at
// dbPath, making them on first use.
func LoadOrCreateBundleKeys(dbPath string) (*BundleKeys, error) {
	path := BundleKeyFile(dbPath)
	k, err := readBundleKeys(path)
	if errors.Is(err, fs.ErrNotExist) {
		k, err = createBundleKeys(path)
		if errors.Is(err, fs.ErrExist) { // another hub command made them first
			k, err = readBundleKeys(path)
		}
	}
	return k, err
}

func readBundleKeys(path string) (*BundleKeys, error) {
	data, err := regularfile.Read(path, 16<<10)
	if err != nil {
		return nil, err
	}
	var f bundleKeyFile
	if err := json.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("%s is damaged (%v): restore it from the hub's backup; a new key would make every enrolled laptop's bundles unreadable", path, err)
	}
	seed, err := base64.RawURLEncoding.DecodeString(f.SignSeed)
	if err != nil || len(seed) != ed25519.SeedSize {
		return nil, fmt.Errorf("%s: sign_seed is not an ed25519 seed: restore the file from the hub's backup", path)
	}
	id, err := age.ParseX25519Identity(f.Age)
	if err != nil {
		return nil, fmt.Errorf("%s: age is not an age identity: restore the file from the hub's backup", path)
	}
	return &BundleKeys{Sign: ed25519.NewKeyFromSeed(seed), Age: id}, nil
}

// createBundleKeys writes new keys to path; fs.ErrExist if it is there.
func createBundleKeys(path string) (*BundleKeys, error) {
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return nil, err
	}
	data, _ := json.MarshalIndent(bundleKeyFile{SignSeed: base64.RawURLEncoding.EncodeToString(seed), Age: id.String()}, "", "  ")
	// Created new, whole: two hub commands starting at once do not make two keys.
	if err := atomicfile.CreateNew(path, append(data, '\n'), 0o600); err != nil {
		return nil, err
	}
	return &BundleKeys{Sign: ed25519.NewKeyFromSeed(seed), Age: id}, nil
}

// PublicKey is the signing key as devices keep it (base64url).
func (k *BundleKeys) PublicKey() string {
	return base64.RawURLEncoding.EncodeToString(k.Sign.Public().(ed25519.PublicKey))
}

// Recipient is the age recipient devices encrypt up bundles to.
func (k *BundleKeys) Recipient() string { return k.Age.Recipient().String() }

// BundleApplied is what PushBundle did.
type BundleApplied struct {
	Response sync.PushResponse
	Fresh    int64 // changes the hub did not hold before
	Device   Device
	Enrolled bool // the bundle's code enrolled its device
}

// ImportResult is what a bundle's import did.
type ImportResult struct {
	Manifest sync.Manifest
	Device   Device
	Enrolled bool // the bundle enrolled its device (enrolled from a file)
	Response sync.PushResponse
	Fresh    int64  // changes the hub did not hold before
	Receipt  []byte // signed by the hub, for the device
	// Replayed: the bundle was imported before (at ImportedAt) and was not
	// applied again; Receipt says what the hub holds now, as a push that is
	// repeated is acknowledged again.
	Replayed   bool
	ImportedAt time.Time
}

// ImportBundle checks an up bundle and applies it through the push path.
// The checks come in this order, each refusing the whole bundle: the
// envelope; the signature (with the device's enrolled key, or for a device
// this hub has not met, the key the bundle names); the payload's hash; a
// bundle for another hub; a replay; expiry; a revoked device; then the
// payload is decrypted and every change must be the signer's. A device
// enrolled from a file is enrolled here by the code its bundle carries.
func ImportBundle(ctx context.Context, st Store, keys *BundleKeys, data []byte, now time.Time) (ImportResult, error) {
	var out ImportResult
	b, err := sync.ParseBundle(data)
	if err != nil {
		return out, err
	}
	m := b.Manifest
	out.Manifest = m
	if m.Kind != sync.BundleUp {
		return out, sync.ErrBundleIsDown
	}
	dev, err := st.Device(ctx, m.Device)
	known := err == nil
	if err != nil && !errors.Is(err, ErrNotFound) {
		return out, err
	}
	keyText := m.PublicKey
	if known {
		keyText = dev.PublicKey
	}
	if keyText == "" {
		return out, fmt.Errorf("%w: device %s", sync.ErrBundleUnknown, m.Device)
	}
	pub, _ := base64.RawURLEncoding.DecodeString(keyText)
	if err := b.Verify(ed25519.PublicKey(pub)); err != nil {
		return out, err
	}
	if m.Hub != st.HubID() {
		return out, fmt.Errorf("%w: it names hub %s, this hub is %s", sync.ErrBundleOtherHub, m.Hub, st.HubID())
	}
	if at, acked, seen, err := st.BundleImported(ctx, m.ID); err != nil {
		return out, err
	} else if seen {
		return replayed(st, keys, m, dev, at, acked)
	}
	if now.After(m.Expires) {
		return out, &sync.ExpiredError{Created: m.Created, Expires: m.Expires}
	}
	if known && dev.RevokedAt != nil {
		return out, fmt.Errorf("%w: %s (%s), %s", sync.ErrBundleRevoked, dev.ID, dev.Name, dev.RevokedAt.In(VN).Format("02/01/2006"))
	}
	enrol, bodies, err := b.OpenUp(keys.Age, !known)
	if err != nil {
		return out, err
	}
	reqs, err := bundlePushes(m, bodies)
	if err != nil {
		return out, err
	}
	var enrolReq *sync.EnrollRequest
	if !known {
		// Enrolled in the transaction that applies the bundle: a bundle
		// refused for what it holds enrols nothing and spends no code.
		dev = Device{ID: m.Device}
		enrolReq = &sync.EnrollRequest{Code: enrol.Code, DeviceID: m.Device, PublicKey: m.PublicKey, Name: textvi.FieldText(enrol.Name)}
	}
	applied, err := st.PushBundle(ctx, dev, m, reqs, enrolReq, now)
	if errors.Is(err, sync.ErrBundleReplayed) {
		// Another import of the same file committed first.
		at, acked, _, err := st.BundleImported(ctx, m.ID)
		if err != nil {
			return out, err
		}
		return replayed(st, keys, m, dev, at, acked)
	}
	if err != nil {
		return out, err
	}
	out.Response, out.Fresh, out.Device, out.Enrolled = applied.Response, applied.Fresh, applied.Device, applied.Enrolled
	dev = applied.Device
	out.Receipt, err = sync.SignReceipt(sync.Receipt{Bundle: m.ID, Hub: st.HubID(), Device: dev.ID, Epoch: m.Epoch,
		Acked: out.Response.Acked, HeldTotal: out.Response.HeldTotal, Imported: now.UTC().Truncate(time.Second)}, keys.Sign)
	return out, err
}

// replayed answers a bundle imported before: not applied again, and a
// receipt of what the hub holds now, as a repeated push is acknowledged
// again (the first receipt may be lost).
func replayed(st Store, keys *BundleKeys, m sync.Manifest, dev Device, at time.Time, acked int64) (ImportResult, error) {
	out := ImportResult{Manifest: m, Device: dev, Replayed: true, ImportedAt: at}
	out.Response.Acked = acked
	var err error
	out.Receipt, err = sync.SignReceipt(sync.Receipt{Bundle: m.ID, Hub: st.HubID(), Device: m.Device, Epoch: m.Epoch,
		Acked: acked, Imported: at.UTC().Truncate(time.Second)}, keys.Sign)
	return out, err
}

// bundlePushes decodes the push bodies as the push endpoint does and
// checks them against the manifest: its epoch, its changes From..To in
// order. (PushBundle refuses a record that is not the signer's.)
func bundlePushes(m sync.Manifest, bodies [][]byte) ([]sync.PushRequest, error) {
	reqs := make([]sync.PushRequest, 0, len(bodies))
	next, count := m.From, 0
	for i, body := range bodies {
		req, err := DecodePush(body)
		if err != nil {
			return nil, fmt.Errorf("%w: push %d: %v", sync.ErrBundleFormat, i+1, err)
		}
		if req.Epoch != m.Epoch {
			return nil, fmt.Errorf("%w: push %d is of epoch %d, the manifest says %d", sync.ErrBundleFormat, i+1, req.Epoch, m.Epoch)
		}
		for _, c := range req.Changes {
			if c.Seq != next {
				return nil, fmt.Errorf("%w: change %d where %d was due", sync.ErrBundleFormat, c.Seq, next)
			}
			next++
			count++
		}
		reqs = append(reqs, req)
	}
	if count != m.Count {
		return nil, fmt.Errorf("%w: the payload holds %d changes, the manifest says %d", sync.ErrBundleFormat, count, m.Count)
	}
	return reqs, nil
}

// DownBundle is what a down bundle for a unit holds.
type DownBundle struct {
	Manifest sync.Manifest
	Data     []byte
	Devices  int // the unit's devices it is encrypted to
}

// PastFeedError: a down bundle asked from past the feed's last number.
type PastFeedError struct{ After, Head int64 }

func (e *PastFeedError) Error() string {
	return fmt.Sprintf("--after %d is past the feed's last number %d", e.After, e.Head)
}

// ErrNoDevices: no enrolled device of the unit could decrypt a bundle.
var ErrNoDevices = errors.New("no device of this unit is enrolled at the hub")

// WriteDownBundle builds the down bundle for unitID: the feed after cursor
// after as a device of that unit pulls it (decks, the catalog, answers to
// its questions), signed by the hub and encrypted to every enrolled,
// unrevoked device of the unit.
func WriteDownBundle(ctx context.Context, st Store, keys *BundleKeys, unitID string, after int64, now time.Time) (DownBundle, error) {
	var out DownBundle
	devices, err := st.Devices(ctx)
	if err != nil {
		return out, err
	}
	var to []age.Recipient
	for _, d := range devices {
		if d.UnitID != unitID || d.RevokedAt != nil {
			continue
		}
		raw, err := base64.RawURLEncoding.DecodeString(d.PublicKey)
		if err != nil || len(raw) != ed25519.PublicKeySize {
			continue
		}
		sshKey, err := ssh.NewPublicKey(ed25519.PublicKey(raw))
		if err != nil {
			continue
		}
		r, err := agessh.NewEd25519Recipient(sshKey)
		if err != nil {
			continue
		}
		to = append(to, r)
	}
	if len(to) == 0 {
		return out, ErrNoDevices
	}
	if _, _, head, err := st.Status(ctx, Device{}); err != nil {
		return out, err
	} else if after > head {
		return out, &PastFeedError{After: after, Head: head}
	}
	// A device of the unit as the feed's filter sees one: public items and
	// the unit's own; no device id matches "unit:…".
	reader := Device{ID: "unit:" + unitID, UnitID: unitID}
	var pages []sync.PullResponse
	cursor, count := after, 0
	for {
		items, next, more, err := st.Pull(ctx, reader, cursor, sync.MaxPullLimit)
		if err != nil {
			return out, err
		}
		if len(items) > 0 || next != cursor {
			pages = append(pages, sync.PullResponse{Items: items, Next: next, More: more, HubTime: now.UTC(), Held: -1})
			count += len(items)
		}
		cursor = next
		if !more {
			break
		}
	}
	plain, err := sync.EncodeDownPayload(pages)
	if err != nil {
		return out, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return out, err
	}
	created := now.UTC().Truncate(time.Second)
	m := sync.Manifest{ID: id.String(), Kind: sync.BundleDown, Unit: unitID, Hub: st.HubID(), From: after, To: cursor,
		Count: count, Created: created, Expires: created.Add(sync.BundleTTL)}
	data, err := sync.SealBundle(m, plain, to, keys.Sign)
	if err != nil {
		return out, err
	}
	b, err := sync.ParseBundle(data)
	if err != nil {
		return out, err
	}
	return DownBundle{Manifest: b.Manifest, Data: data, Devices: len(to)}, nil
}
