package hub

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"briefing/internal/sync"

	"filippo.io/age"
)

// bundleKeys are a test hub's bundle keys, beside a database of their own.
func bundleKeys(t testing.TB) *BundleKeys {
	t.Helper()
	k, err := LoadOrCreateBundleKeys(filepath.Join(t.TempDir(), "hub.db"))
	if err != nil {
		t.Fatal(err)
	}
	return k
}

// upBundle seals changes of d as an up bundle for h, as `bundle export`
// would (push bodies of at most MaxPushChanges); mod may alter the manifest
// before it is signed.
func (d *device) upBundle(t testing.TB, keys *BundleKeys, changes []sync.Change, enrol *sync.BundleEnrol, mod func(*sync.Manifest)) []byte {
	t.Helper()
	var pushes [][]byte
	for i := 0; i < len(changes); i += sync.MaxPushChanges {
		body, err := sync.EncodePush(sync.PushRequest{Epoch: 1, Changes: changes[i:min(i+sync.MaxPushChanges, len(changes))]})
		if err != nil {
			t.Fatal(err)
		}
		pushes = append(pushes, body)
	}
	plain, err := sync.EncodeUpPayload(enrol, pushes)
	if err != nil {
		t.Fatal(err)
	}
	m := sync.Manifest{ID: newID(), Kind: sync.BundleUp, Device: d.id, Hub: d.h.st.HubID(), Epoch: 1,
		Created: d.h.now, Expires: d.h.now.Add(sync.BundleTTL),
		PublicKey: base64.RawURLEncoding.EncodeToString(d.key.Public().(ed25519.PublicKey))}
	if len(changes) > 0 {
		m.From, m.To, m.Count = changes[0].Seq, changes[len(changes)-1].Seq, len(changes)
	}
	if mod != nil {
		mod(&m)
	}
	data, err := sync.SealBundle(m, plain, []age.Recipient{keys.Age.Recipient()}, d.key)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sessionWithPeople is a session of ward 7 and n check-ins (2n+1 changes).
func (d *device) sessionWithPeople(n int) []sync.Change {
	ses := newID()
	out := []sync.Change{d.session(ses, "Phường 7", d.h.now)}
	for i := range n {
		p := newID()
		out = append(out, d.person(p, fmt.Sprintf("Nguyễn Văn An %d", i), fmt.Sprintf("nguyen van an %d", i), "Phường 7", "nhan_dan", ""),
			d.checkIn(ses, p))
	}
	return out
}

func TestImportBundleAppliesAndSignsAReceipt(t *testing.T) {
	h := newTestHub(t)
	keys := bundleKeys(t)
	d := h.newDevice(ward7)
	data := d.upBundle(t, keys, d.sessionWithPeople(2), nil, nil)
	ctx := context.Background()

	res, err := ImportBundle(ctx, h.st, keys, data, h.now)
	if err != nil {
		t.Fatal(err)
	}
	if res.Response.Acked != 5 || res.Enrolled {
		t.Fatalf("acked %d enrolled %v, want 5 and false", res.Response.Acked, res.Enrolled)
	}
	r, err := sync.ParseReceipt(res.Receipt, keys.Sign.Public().(ed25519.PublicKey))
	if err != nil || r.Acked != 5 || r.Device != d.id || r.Bundle != res.Manifest.ID || r.Epoch != 1 {
		t.Fatalf("receipt %+v %v", r, err)
	}
	facts, _ := h.st.Facts(ctx, time.Time{}, time.Time{})
	if len(facts.Sessions) != 1 || len(facts.CheckIns) != 2 {
		t.Fatalf("hub holds %d sessions, %d check-ins", len(facts.Sessions), len(facts.CheckIns))
	}
	// The same file again: not applied twice; the receipt again (the first
	// may be lost on the way).
	again, err := ImportBundle(ctx, h.st, keys, data, h.now.Add(time.Hour))
	if err != nil || !again.Replayed || again.Fresh != 0 {
		t.Fatalf("replay: %+v %v", again, err)
	}
	if r, err := sync.ParseReceipt(again.Receipt, keys.Sign.Public().(ed25519.PublicKey)); err != nil || r.Acked != 5 {
		t.Fatalf("the replay's receipt: %+v %v", r, err)
	}
	if facts, _ := h.st.Facts(ctx, time.Time{}, time.Time{}); len(facts.CheckIns) != 2 {
		t.Fatalf("a replay applied again: %d check-ins", len(facts.CheckIns))
	}
	// The next bundle follows on, as the next push would.
	more := d.upBundle(t, keys, []sync.Change{d.person(newID(), "Trần Thị Bình", "tran thi binh", "Phường 7", "nhan_dan", "")}, nil, nil)
	if res, err := ImportBundle(ctx, h.st, keys, more, h.now); err != nil || res.Response.Acked != 6 {
		t.Fatalf("second bundle: %+v %v", res.Response, err)
	}
}

// Every refusal refuses the whole bundle: the hub holds nothing of it.
func TestImportBundleRefusedWhole(t *testing.T) {
	h := newTestHub(t)
	keys := bundleKeys(t)
	ctx := context.Background()
	d := h.newDevice(ward7)
	revoked := h.newDevice(ward7)
	if _, err := h.st.Revoke(ctx, revoked.id, h.now); err != nil {
		t.Fatal(err)
	}
	stranger := &device{h: h, id: newID()}
	_, stranger.key, _ = ed25519.GenerateKey(rand.Reader)
	otherHubKeys := bundleKeys(t)

	forged := d.sessionWithPeople(1)
	// A record another device wrote, in d's bundle.
	var p map[string]any
	json.Unmarshal(forged[1].Payload, &p)
	p["origin"] = revoked.id
	forged[1].Payload, _ = json.Marshal(p)

	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"for another hub", d.upBundle(t, keys, d.sessionWithPeople(1), nil, func(m *sync.Manifest) { m.Hub = newID() }), sync.ErrBundleOtherHub},
		{"expired", d.upBundle(t, keys, d.sessionWithPeople(1), nil, func(m *sync.Manifest) {
			m.Created, m.Expires = h.now.Add(-30*24*time.Hour), h.now.Add(-time.Hour)
		}), sync.ErrBundleExpired},
		{"revoked device", revoked.upBundle(t, keys, revoked.sessionWithPeople(1), nil, nil), sync.ErrBundleRevoked},
		{"unknown device, no code", stranger.upBundle(t, keys, stranger.sessionWithPeople(1), nil, nil), sync.ErrBundleUnknown},
		{"unknown device, code used", stranger.upBundle(t, keys, stranger.sessionWithPeople(1), &sync.BundleEnrol{Code: d.code}, nil), nil},
		{"unknown device, code expired", func() []byte {
			old, err := NewCode(ctx, h.st, ward7, "", "pin", h.now.Add(-CodeTTL-time.Minute))
			if err != nil {
				t.Fatal(err)
			}
			late := &device{h: h, id: newID()}
			_, late.key, _ = ed25519.GenerateKey(rand.Reader)
			return late.upBundle(t, keys, late.sessionWithPeople(1), &sync.BundleEnrol{Code: old}, nil)
		}(), nil},
		{"a record of another origin", d.upBundle(t, keys, forged, nil, nil), sync.ErrBundleOrigin},
		{"encrypted to another hub", d.upBundle(t, otherHubKeys, d.sessionWithPeople(1), nil, nil), sync.ErrBundleNotForMe},
		{"signed by another key", func() []byte {
			impostor := &device{h: h, id: d.id, seq: d.seq}
			_, impostor.key, _ = ed25519.GenerateKey(rand.Reader)
			return impostor.upBundle(t, keys, impostor.sessionWithPeople(1), nil, nil)
		}(), sync.ErrBundleSignature},
		{"count does not add up", d.upBundle(t, keys, d.sessionWithPeople(1), nil, func(m *sync.Manifest) { m.To++; m.Count++ }), sync.ErrBundleFormat},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ImportBundle(ctx, h.st, keys, tc.data, h.now)
			var ref *Refusal
			if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) || (tc.want == nil && !errors.As(err, &ref)) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
			facts, _ := h.st.Facts(ctx, time.Time{}, time.Time{})
			if len(facts.Sessions) != 0 || len(facts.CheckIns) != 0 {
				t.Fatalf("a refused bundle left %d sessions, %d check-ins", len(facts.Sessions), len(facts.CheckIns))
			}
		})
	}
}

// A laptop enrolled from a file, never online: its first bundle brings
// the code (encrypted) and enrols it under the code's unit.
func TestImportBundleEnrolsByItsCode(t *testing.T) {
	h := newTestHub(t)
	keys := bundleKeys(t)
	ctx := context.Background()
	d := &device{h: h, id: newID(), code: h.code(ward7)}
	_, d.key, _ = ed25519.GenerateKey(rand.Reader)
	data := d.upBundle(t, keys, d.sessionWithPeople(1), &sync.BundleEnrol{Code: d.code, Name: "Máy phường 7"}, nil)
	res, err := ImportBundle(ctx, h.st, keys, data, h.now)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Enrolled || res.Device.UnitID != ward7 || res.Device.Name != "Máy phường 7" || res.Response.Acked != 3 {
		t.Fatalf("%+v", res)
	}
	// Its key is the one registered: a bundle signed by another key under
	// its id is refused from now on, whatever key the bundle names.
	impostor := &device{h: h, id: d.id, seq: d.seq}
	_, impostor.key, _ = ed25519.GenerateKey(rand.Reader)
	bad := impostor.upBundle(t, keys, impostor.sessionWithPeople(1), &sync.BundleEnrol{Code: d.code}, nil)
	if _, err := ImportBundle(ctx, h.st, keys, bad, h.now); !errors.Is(err, sync.ErrBundleSignature) {
		t.Fatalf("impostor: %v", err)
	}
}

// The hub's bundle keys are made once and read back the same.
func TestBundleKeysPersist(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hub.db")
	a, err := LoadOrCreateBundleKeys(db)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadOrCreateBundleKeys(db)
	if err != nil || a.PublicKey() != b.PublicKey() || a.Recipient() != b.Recipient() {
		t.Fatalf("keys changed between reads: %v", err)
	}
}

// BenchmarkHubImport30k: a bundle of 30,000 changes (a session, walk-ins
// and their check-ins) imported by the hub: verify, decrypt, apply through
// the push path, sign the receipt (target: under 1 s).
func BenchmarkHubImport30k(b *testing.B) {
	const n = 30_000
	h := newTestHub(b)
	h.now = time.Now()
	keys := bundleKeys(b)
	d := h.newDevice(ward7)
	changes := d.sessionWithPeople((n - 1) / 2)
	changes = append(changes, d.person(newID(), "Lê Văn Cường", "le van cuong", "Phường 7", "nhan_dan", ""))
	data := d.upBundle(b, keys, changes, nil, nil)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		fresh := newTestHub(b)
		fresh.now = h.now
		// The same device and key, enrolled at the fresh hub.
		code := fresh.code(ward7)
		req := sync.EnrollRequest{Code: code, DeviceID: d.id, PublicKey: base64.RawURLEncoding.EncodeToString(d.key.Public().(ed25519.PublicKey)), Name: "máy thử"}
		if _, err := fresh.st.Enroll(ctx, HashCode(code), req, fresh.now); err != nil {
			b.Fatal(err)
		}
		bundle := bytes.Replace(data, []byte(h.st.HubID()), []byte(fresh.st.HubID()), 1)
		bundle = d.resign(b, keys, bundle)
		b.StartTimer()
		res, err := ImportBundle(ctx, fresh.st, keys, bundle, fresh.now)
		if err != nil {
			b.Fatal(err)
		}
		if res.Response.Acked != n {
			b.Fatalf("acked %d, want %d", res.Response.Acked, n)
		}
	}
	b.ReportMetric(float64(len(data)), "bundle-bytes")
}

// resign signs an altered manifest again with d's key (the benchmark moves
// one bundle between hubs).
func (d *device) resign(t testing.TB, keys *BundleKeys, data []byte) []byte {
	t.Helper()
	parts := bytes.SplitN(data, []byte("\n"), 4)
	sig := ed25519.Sign(d.key, parts[1])
	return bytes.Join([][]byte{parts[0], parts[1], []byte(base64.RawURLEncoding.EncodeToString(sig)), parts[3]}, []byte("\n"))
}
