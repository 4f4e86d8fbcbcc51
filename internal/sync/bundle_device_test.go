package sync

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"briefing/internal/deck"
	"briefing/internal/store"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"github.com/google/uuid"
	"golang.org/x/crypto/ssh"
)

// fileHub is a hub as a device meets it through files only: its keys and
// the enrolment file it wrote.
type fileHub struct {
	id   string
	sign ed25519.PrivateKey
	age  *age.X25519Identity
	file EnrolmentFile
}

func newFileHub(t testing.TB) *fileHub {
	t.Helper()
	_, sign, _ := ed25519.GenerateKey(rand.Reader)
	id, _ := age.GenerateX25519Identity()
	key := make([]byte, 32)
	rand.Read(key)
	h := &fileHub{id: uuid.Must(uuid.NewV7()).String(), sign: sign, age: id}
	h.file = EnrolmentFile{Code: "ENROLCODE", Unit: "Phường 4", HubID: h.id, UnitID: uuid.Must(uuid.NewV7()).String(),
		IDKey: base64.RawURLEncoding.EncodeToString(key), AgeRecipient: id.Recipient().String(),
		HubKey: base64.RawURLEncoding.EncodeToString(sign.Public().(ed25519.PublicKey))}
	return h
}

// offlineDevice is a device enrolled from h's file, never online.
func offlineDevice(t testing.TB, h *fileHub) (*store.Store, string, *Device) {
	t.Helper()
	st, dir := openDevice(t)
	en := &Enroller{Store: st, Dir: dir}
	if _, err := en.EnrollOffline(context.Background(), h.file); err != nil {
		t.Fatal(err)
	}
	return st, dir, &Device{Store: st, Dir: dir}
}

func TestOfflineEnrolmentExportAndReceipt(t *testing.T) {
	h := newFileHub(t)
	st, dir, d := offlineDevice(t, h)
	ctx := context.Background()
	addPeople(t, st, 2500)
	path := filepath.Join(t.TempDir(), "goi.bundle")
	x, err := d.Export(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if !x.Enrol || x.Manifest.Count != 2500 || x.Manifest.From != 1 || x.Manifest.To != 2500 {
		t.Fatalf("%+v", x)
	}
	// What the hub reads: the device's key verifies it, the hub's key opens it,
	// in push bodies of at most MaxPushChanges, the code inside.
	b, err := ReadBundleFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pub, _ := base64.RawURLEncoding.DecodeString(b.Manifest.PublicKey)
	if err := b.Verify(pub); err != nil {
		t.Fatal(err)
	}
	plain, err := b.Open(h.age)
	if err != nil {
		t.Fatal(err)
	}
	enrol, pushes, err := DecodeUpPayload(plain)
	if err != nil || enrol == nil || enrol.Code != "ENROLCODE" || len(pushes) != 3 {
		t.Fatalf("enrol %+v, %d pushes, %v", enrol, len(pushes), err)
	}
	// The hub's receipt marks them acknowledged, and the code stops travelling.
	receipt, _ := SignReceipt(Receipt{Bundle: b.Manifest.ID, Hub: h.id, Device: st.DeviceID(), Epoch: 1, Acked: 2500, Imported: time.Now()}, h.sign)
	rpath := ReceiptPath(path)
	os.WriteFile(rpath, receipt, 0o600)
	a, err := d.ApplyReceipt(ctx, rpath)
	if err != nil || a.Newly != 2500 || a.Pending != 0 {
		t.Fatalf("%+v %v", a, err)
	}
	if keys, _, _ := LoadKeys(dir); keys.PendingCode != "" {
		t.Fatal("the code is still kept after the hub's receipt")
	}
	if _, err := d.Export(ctx, path); !errors.Is(err, ErrNothingToExport) {
		t.Fatalf("export with nothing pending: %v", err)
	}
	// A receipt signed by another key, or for another device: refused.
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	forged, _ := SignReceipt(Receipt{Bundle: b.Manifest.ID, Hub: h.id, Device: st.DeviceID(), Epoch: 1, Acked: 2500}, other)
	os.WriteFile(rpath, forged, 0o600)
	if _, err := d.ApplyReceipt(ctx, rpath); !errors.Is(err, ErrBundleSignature) {
		t.Fatalf("forged receipt: %v", err)
	}
	ahead, _ := SignReceipt(Receipt{Bundle: b.Manifest.ID, Hub: h.id, Device: st.DeviceID(), Epoch: 1, Acked: 9999}, h.sign)
	os.WriteFile(rpath, ahead, 0o600)
	if _, err := d.ApplyReceipt(ctx, rpath); !errors.Is(err, store.ErrReceiptAhead) {
		t.Fatalf("receipt past the log: %v", err)
	}
}

// downBundle seals feed pages after..to for the device's key, as the hub's
// `hub bundle` does.
func (h *fileHub) downBundle(t testing.TB, devPub ed25519.PublicKey, after int64, pages []PullResponse, mod func(*Manifest)) []byte {
	t.Helper()
	plain, err := EncodeDownPayload(pages)
	if err != nil {
		t.Fatal(err)
	}
	to := after
	count := 0
	for _, p := range pages {
		to = p.Next
		count += len(p.Items)
	}
	sshKey, _ := ssh.NewPublicKey(devPub)
	r, _ := agessh.NewEd25519Recipient(sshKey)
	now := time.Now().UTC().Truncate(time.Second)
	m := Manifest{ID: uuid.Must(uuid.NewV7()).String(), Kind: BundleDown, Unit: h.file.UnitID, Hub: h.id, From: after, To: to,
		Count: count, Created: now, Expires: now.Add(BundleTTL)}
	if mod != nil {
		mod(&m)
	}
	data, err := SealBundle(m, plain, []age.Recipient{r}, h.sign)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func deckItem(t testing.TB, cursor int64, id, source string) Item {
	t.Helper()
	return Item{Cursor: cursor, Entity: "deck", Payload: mustJSON(t, FeedDeck{ID: id, Version: deck.VersionOf([]byte(source)), Title: id,
		Source: source, PublishedAt: time.Now().UTC()})}
}

func TestDownBundleAppliesOnceAndNeverRollsBack(t *testing.T) {
	h := newFileHub(t)
	st, dir, d := offlineDevice(t, h)
	ctx := context.Background()
	keys, _, _ := LoadKeys(dir)
	priv, _ := keys.Private()
	pub := priv.Public().(ed25519.PublicKey)
	src := "---\ntitle: Thử\nid: thu\nversion: 1\n---\n# Trang một\n"
	src2 := src + "\n---\n# Trang hai\n"
	write := func(data []byte) string {
		p := filepath.Join(t.TempDir(), "xuong.bundle")
		os.WriteFile(p, data, 0o600)
		return p
	}
	first := write(h.downBundle(t, pub, 0, []PullResponse{{Items: []Item{deckItem(t, 1, "thu", src)}, Next: 1}}, nil))
	second := write(h.downBundle(t, pub, 0, []PullResponse{{Items: []Item{deckItem(t, 1, "thu", src), deckItem(t, 2, "thu", src2)}, Next: 2}}, nil))

	res, err := d.Import(ctx, first)
	if err != nil || res.Pulled.Decks != 1 {
		t.Fatalf("%+v %v", res, err)
	}
	if res, err := d.Import(ctx, first); err != nil || !res.Already {
		t.Fatalf("the same bundle again: %+v %v", res, err)
	}
	if res, err := d.Import(ctx, second); err != nil || res.Pulled.Decks != 1 {
		t.Fatalf("the next feed: %+v %v", res, err)
	}
	if _, err := d.Import(ctx, first); !errors.Is(err, ErrBundleOlder) {
		t.Fatalf("an older feed: %v", err)
	}
	gap := write(h.downBundle(t, pub, 5, []PullResponse{{Items: []Item{deckItem(t, 6, "thu", src)}, Next: 6}}, nil))
	if _, err := d.Import(ctx, gap); !errors.Is(err, ErrBundleGap) {
		t.Fatalf("a feed with a gap: %v", err)
	}
	expired := write(h.downBundle(t, pub, 2, []PullResponse{{Items: []Item{deckItem(t, 3, "thu", src)}, Next: 3}}, func(m *Manifest) {
		m.Created, m.Expires = m.Created.Add(-30*24*time.Hour), m.Created.Add(-time.Hour)
	}))
	if _, err := d.Import(ctx, expired); !errors.Is(err, ErrBundleExpired) {
		t.Fatalf("expired: %v", err)
	}
	// Signed by a key that is not the hub's, or for another device's key.
	impostor := newFileHub(t)
	impostor.id, impostor.file.UnitID = h.id, h.file.UnitID
	forged := write(impostor.downBundle(t, pub, 2, []PullResponse{{Items: []Item{deckItem(t, 3, "thu", src)}, Next: 3}}, nil))
	if _, err := d.Import(ctx, forged); !errors.Is(err, ErrBundleSignature) {
		t.Fatalf("forged: %v", err)
	}
	otherPub, _, _ := ed25519.GenerateKey(rand.Reader)
	notMine := write(h.downBundle(t, otherPub, 2, []PullResponse{{Items: []Item{deckItem(t, 3, "thu", src)}, Next: 3}}, nil))
	if _, err := d.Import(ctx, notMine); !errors.Is(err, ErrBundleNotForMe) {
		t.Fatalf("for another device: %v", err)
	}
	// A bad item anywhere refuses the whole bundle: the cursor stays.
	bad := Item{Cursor: 4, Entity: "deck", Payload: []byte(`{"id":"x","version":"nope","source":"a"}`)}
	broken := write(h.downBundle(t, pub, 2, []PullResponse{{Items: []Item{deckItem(t, 3, "moi", src), bad}, Next: 4}}, nil))
	if _, err := d.Import(ctx, broken); !errors.Is(err, ErrBundleFormat) {
		t.Fatalf("a bad item: %v", err)
	}
	if s, _ := st.SyncState(ctx); s.Cursor != 2 {
		t.Fatalf("cursor %d after refusals, want 2", s.Cursor)
	}
}

// BenchmarkBundleExport30k: a device exports 30,000 changes to a bundle:
// read the log, encode, encrypt, sign, write, read back and verify.
func BenchmarkBundleExport30k(b *testing.B) {
	h := newFileHub(b)
	st, _, d := offlineDevice(b, h)
	addPeople(b, st, 30_000)
	path := filepath.Join(b.TempDir(), "goi.bundle")
	var size int
	for b.Loop() {
		x, err := d.Export(context.Background(), path)
		if err != nil {
			b.Fatal(err)
		}
		size = x.Bytes
	}
	b.ReportMetric(float64(size), "bundle-bytes")
}

func mustJSON(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
