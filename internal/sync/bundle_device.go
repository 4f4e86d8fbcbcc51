package sync

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"os"
	"slices"
	"time"

	"briefing/internal/regularfile"
	"briefing/internal/store"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"github.com/google/uuid"
)

// Device is this device's side of bundles: what it exports for the hub,
// the receipts it takes back, the hub's bundles it imports.
type Device struct {
	Store *store.Store
	Dir   string // the data directory: the keys file
	Now   func() time.Time
}

func (d *Device) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

// ErrNoHubKeys: the device enrolled with a hub that gave no bundle keys (an
// older hub): it must enrol again before it can use bundles.
var ErrNoHubKeys = errors.New("the enrolment holds no hub keys for bundles: enrol again with a code from an up-to-date hub")

// enrolment reads the sync state, the device's keys and the hub's signing key.
func (d *Device) enrolment(ctx context.Context) (store.SyncState, Keys, ed25519.PublicKey, error) {
	st, err := d.Store.SyncState(ctx)
	if err != nil {
		return st, Keys{}, nil, err
	}
	hub, err := base64.RawURLEncoding.DecodeString(st.HubKey)
	if st.AgeRecipient == "" || err != nil || len(hub) != ed25519.PublicKeySize {
		return st, Keys{}, nil, ErrNoHubKeys
	}
	keys, ok, err := LoadKeys(d.Dir)
	if err == nil && !ok {
		err = fmt.Errorf("%s is missing: this device's key is gone", KeysFile)
	}
	if err == nil && keys.DeviceID != d.Store.DeviceID() {
		err = fmt.Errorf("%w: %s names device %s, the database is device %s", ErrKeysOfAnotherDevice, KeysFile, keys.DeviceID, d.Store.DeviceID())
	}
	return st, keys, hub, err
}

// Exported is what an up bundle holds.
type Exported struct {
	Manifest Manifest
	Bytes    int  // the file's size
	Enrol    bool // it carries the enrolment code
}

// Export writes an up bundle to path: every change the hub has not
// acknowledged, in push bodies of at most MaxPushChanges, signed by the
// device and encrypted to the hub. The file is read back and verified
// before Export returns.
func (d *Device) Export(ctx context.Context, path string) (Exported, error) {
	return d.export(ctx, path, false)
}

// ExportAnew is Export after starting a new numbering epoch: the whole log
// goes again, as sync does by itself when the hub's record of this device
// and its log disagree (a database restored from an older copy). Offline,
// the hub says so by refusing a bundle for a conflict.
func (d *Device) ExportAnew(ctx context.Context, path string) (Exported, error) {
	return d.export(ctx, path, true)
}

func (d *Device) export(ctx context.Context, path string, anew bool) (Exported, error) {
	var out Exported
	st, keys, _, err := d.enrolment(ctx)
	if err != nil {
		return out, err
	}
	if anew {
		// The epoch is only saved with the export: a failed write leaves
		// the numbering as it was.
		st.Epoch, st.Acked = st.Epoch+1, 0
	}
	priv, err := keys.Private()
	if err != nil {
		return out, err
	}
	pub, _ := keys.PublicKey()
	recipient, err := age.ParseX25519Recipient(st.AgeRecipient)
	if err != nil {
		return out, fmt.Errorf("the hub's age_recipient: %w", err)
	}
	last, err := d.Store.LastSeq(ctx)
	if err != nil {
		return out, err
	}
	if st.Acked > last {
		return out, fmt.Errorf("%w: acknowledged %d, last change %d", ErrLocalAhead, st.Acked, last)
	}
	var pushes [][]byte
	after := st.Acked
	for after < last {
		changes, err := d.Store.ChangesForPush(ctx, after, MaxPushChanges, MaxPushBytes-64<<10)
		if err != nil {
			return out, err
		}
		if len(changes) == 0 || changes[0].Seq != after+1 {
			return out, fmt.Errorf("change log: change %d is missing", after+1)
		}
		if len(changes) == 1 && len(changes[0].Payload) > MaxPushBytes-64<<10 {
			return out, fmt.Errorf("change %d is %d bytes, more than a push may carry (%d)", changes[0].Seq, len(changes[0].Payload), MaxPushBytes)
		}
		req := PushRequest{Epoch: st.Epoch, Changes: make([]Change, len(changes))}
		for i, c := range changes {
			req.Changes[i] = Change{Seq: c.Seq, Entity: c.Entity, RecordID: c.RecordID, HLC: c.HLC, Op: c.Op, Payload: c.Payload}
		}
		body, err := EncodePush(req)
		if err != nil {
			return out, err
		}
		pushes = append(pushes, body)
		after = changes[len(changes)-1].Seq
	}
	var enrol *BundleEnrol
	if keys.PendingCode != "" {
		name := ""
		if dev, err := d.Store.Device(ctx); err == nil {
			name = dev.Name
		}
		if name == "" {
			name, _ = os.Hostname()
		}
		enrol = &BundleEnrol{Code: keys.PendingCode, Name: name}
	}
	if len(pushes) == 0 && enrol == nil {
		return out, ErrNothingToExport
	}
	plain, err := EncodeUpPayload(enrol, pushes)
	if err != nil {
		return out, err
	}
	id, err := uuid.NewV7()
	if err != nil {
		return out, err
	}
	now := d.now().UTC().Truncate(time.Second)
	m := Manifest{ID: id.String(), Kind: BundleUp, Device: d.Store.DeviceID(), Hub: st.HubID, Epoch: st.Epoch,
		Created: now, Expires: now.Add(BundleTTL), PublicKey: pub}
	if last > st.Acked {
		m.From, m.To, m.Count = st.Acked+1, last, int(last-st.Acked)
	}
	data, err := SealBundle(m, plain, []age.Recipient{recipient}, priv)
	if err != nil {
		return out, err
	}
	// Checked as the hub will check it, before it is written; WriteFileSafely
	// then reads the file back and compares it byte for byte (the stick holds
	// what was checked, without reading 16 MB twice).
	b, err := ParseBundle(data)
	if err == nil {
		err = b.Verify(priv.Public().(ed25519.PublicKey))
	}
	if err != nil {
		return out, fmt.Errorf("the bundle does not verify: %w", err)
	}
	if err := WriteFileSafely(path, data); err != nil {
		return out, err
	}
	if anew {
		if _, err := d.Store.NewEpoch(ctx, st.Epoch-1); err != nil {
			os.Remove(path)
			return out, err
		}
	}
	return Exported{Manifest: b.Manifest, Bytes: len(data), Enrol: enrol != nil}, nil
}

// ErrNothingToExport: the hub has acknowledged every change.
var ErrNothingToExport = errors.New("the hub holds every change of this device: nothing to export")

// Acknowledged is what a receipt did.
type Acknowledged struct {
	Receipt Receipt
	Newly   int64 // changes newly marked acknowledged
	Pending int64 // changes still not acknowledged
}

// ApplyReceipt reads a receipt the hub signed for one of this device's
// bundles and marks the changes it holds acknowledged.
func (d *Device) ApplyReceipt(ctx context.Context, path string) (Acknowledged, error) {
	var out Acknowledged
	st, keys, pub, err := d.enrolment(ctx)
	if err != nil {
		return out, err
	}
	data, err := regularfile.Read(path, maxReceiptBytes)
	if err != nil {
		return out, err
	}
	r, err := ParseReceipt(data, pub)
	if err != nil {
		return out, err
	}
	switch {
	case r.Hub != st.HubID:
		return out, fmt.Errorf("%w: the receipt is of hub %s, this device is enrolled at %s", ErrBundleOtherHub, r.Hub, st.HubID)
	case r.Device != d.Store.DeviceID():
		return out, &ForError{Err: ErrReceiptOther, ID: r.Device}
	}
	out.Receipt = r
	if out.Newly, err = d.Store.AckReceipt(ctx, r.Epoch, r.Acked, r.HeldTotal); err != nil {
		return out, err
	}
	if err := d.exchanged(ctx, st); err != nil {
		return out, err
	}
	// The hub enrolled this device (it signed a receipt for it): the code
	// need not travel again.
	if keys.PendingCode != "" {
		keys.PendingCode = ""
		if err := SaveKeys(d.Dir, keys); err != nil {
			return out, err
		}
	}
	out.Pending, err = d.pending(ctx)
	return out, err
}

// pending counts the changes the hub has not acknowledged.
func (d *Device) pending(ctx context.Context) (int64, error) {
	last, err := d.Store.LastSeq(ctx)
	if err != nil {
		return 0, err
	}
	st, err := d.Store.SyncState(ctx)
	if err != nil {
		return 0, err
	}
	return max(0, last-st.Acked), nil
}

// Imported is what a down bundle did.
type Imported struct {
	Manifest Manifest
	Pulled   store.PulledCounts
	Already  bool  // this device had applied the bundle's whole feed
	Pending  int64 // changes waiting for the hub after it (an answer logs the question's new state)
}

// exchanged records a bundle exchange as the last sync: sync status and
// home say when the hub last had word of this device.
func (d *Device) exchanged(ctx context.Context, st store.SyncState) error {
	return d.Store.SetSyncResult(ctx, d.now(), "bundle", st.HubOffset)
}

// Import applies a down bundle from the hub: after its signature, its
// hash, its hub, its expiry and its place in the feed are checked, every
// item is checked as a pulled page is and applied in one transaction.
// A bundle older than the feed applied here is refused: no rollback.
func (d *Device) Import(ctx context.Context, path string) (Imported, error) {
	var out Imported
	st, keys, pub, err := d.enrolment(ctx)
	if err != nil {
		return out, err
	}
	b, err := ReadBundleFile(path)
	if err != nil {
		return out, err
	}
	m := b.Manifest
	out.Manifest = m
	if m.Kind != BundleDown {
		return out, ErrBundleIsUp
	}
	if err := b.Verify(pub); err != nil {
		return out, err
	}
	switch {
	case m.Hub != st.HubID:
		return out, fmt.Errorf("%w: it is of hub %s, this device is enrolled at %s", ErrBundleOtherHub, m.Hub, st.HubID)
	case m.Unit != st.Unit && !slices.Contains(st.Scope, m.Unit):
		return out, &ForError{Err: ErrBundleOtherUnit, ID: m.Unit}
	case d.now().After(m.Expires):
		return out, &ExpiredError{Created: m.Created, Expires: m.Expires}
	case m.To < st.Cursor:
		return out, &FeedError{Err: ErrBundleOlder, From: m.From, To: m.To, Cursor: st.Cursor}
	case m.To == st.Cursor:
		out.Already = true
		return out, nil
	case m.From > st.Cursor:
		return out, &FeedError{Err: ErrBundleGap, From: m.From, To: m.To, Cursor: st.Cursor}
	}
	priv, err := keys.Private()
	if err != nil {
		return out, err
	}
	id, err := agessh.NewEd25519Identity(priv)
	if err != nil {
		return out, err
	}
	plain, err := b.Open(id)
	if err != nil {
		return out, err
	}
	pages, err := DecodeDownPayload(plain, m.From)
	if err != nil {
		return out, err
	}
	if n := len(pages); n > 0 && pages[n-1].Next != m.To {
		return out, fmt.Errorf("%w: the payload ends at %d, the manifest says %d", ErrBundleFormat, pages[n-1].Next, m.To)
	}
	var items []store.PulledItem
	for _, p := range pages {
		for _, it := range p.Items {
			if it.Cursor > st.Cursor {
				items = append(items, it)
			}
		}
	}
	if out.Pulled, err = d.Store.ApplyPulled(ctx, st.Cursor, m.To, items, MaxClockAhead); err != nil {
		return out, err
	}
	if err := d.exchanged(ctx, st); err != nil {
		return out, err
	}
	out.Pending, err = d.pending(ctx)
	return out, err
}
