package sync

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"filippo.io/age"
	"github.com/google/uuid"
)

// sealed is a valid up bundle of two push bodies and the keys around it.
type sealed struct {
	data   []byte
	signer ed25519.PrivateKey
	hub    *age.X25519Identity
	plain  []byte
}

func sealUp(t testing.TB, mod func(*Manifest)) sealed {
	t.Helper()
	_, signer, _ := ed25519.GenerateKey(rand.Reader)
	hub, _ := age.GenerateX25519Identity()
	push1, _ := EncodePush(PushRequest{Epoch: 1, Changes: []Change{{Seq: 1, Entity: "session", RecordID: "r1", HLC: "h", Op: "insert", Payload: []byte(`{"id":"r1"}`)}}})
	push2, _ := EncodePush(PushRequest{Epoch: 1, Changes: []Change{{Seq: 2, Entity: "person", RecordID: "r2", HLC: "h", Op: "insert", Payload: []byte(`{"id":"r2"}`)}}})
	plain, err := EncodeUpPayload(&BundleEnrol{Code: "SECRET", Name: "Máy phường 4"}, [][]byte{push1, push2})
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
	m := Manifest{ID: uuid.Must(uuid.NewV7()).String(), Kind: BundleUp, Device: uuid.Must(uuid.NewV7()).String(),
		Hub: uuid.Must(uuid.NewV7()).String(), Epoch: 1, From: 1, To: 2, Count: 2, Created: now, Expires: now.Add(BundleTTL)}
	if mod != nil {
		mod(&m)
	}
	data, err := SealBundle(m, plain, []age.Recipient{hub.Recipient()}, signer)
	if err != nil {
		t.Fatal(err)
	}
	return sealed{data: data, signer: signer, hub: hub, plain: plain}
}

func TestBundleRoundTrip(t *testing.T) {
	s := sealUp(t, nil)
	b, err := ParseBundle(s.data)
	if err != nil {
		t.Fatal(err)
	}
	if err := b.Verify(s.signer.Public().(ed25519.PublicKey)); err != nil {
		t.Fatal(err)
	}
	plain, err := b.Open(s.hub)
	if err != nil || !bytes.Equal(plain, s.plain) {
		t.Fatalf("open: %v", err)
	}
	enrol, pushes, err := DecodeUpPayload(plain)
	if err != nil || enrol == nil || enrol.Code != "SECRET" || len(pushes) != 2 {
		t.Fatalf("decode: %+v %d %v", enrol, len(pushes), err)
	}
	// The enrolment code travels encrypted: it is nowhere in the file.
	if bytes.Contains(s.data, []byte("SECRET")) || bytes.Contains(s.data, []byte(`"session"`)) {
		t.Fatal("the payload is readable in the file")
	}
}

// Each way a file on a stick goes wrong is refused with its own error,
// before anything is decrypted.
func TestBundleTampering(t *testing.T) {
	s := sealUp(t, nil)
	pub := s.signer.Public().(ed25519.PublicKey)
	flip := func(at func([]byte) int) []byte {
		d := bytes.Clone(s.data)
		d[at(d)] ^= 0x01
		return d
	}
	// changeSig changes one character of the signature line to another base64url
	// character: a flipped bit could make it no base64url at all ('A' ^ 1 is '@'), a
	// format error, and the case would fail one run in a dozen (random keys).
	changeSig := func(at func([]byte) int) []byte {
		d := bytes.Clone(s.data)
		if i := at(d); d[i] == 'A' {
			d[i] = 'B'
		} else {
			d[i] = 'A'
		}
		return d
	}
	manifestAt := func(d []byte) int { return bytes.Index(d, []byte(`"hub"`)) + 8 }
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	resigned := func() []byte {
		b, _ := ParseBundle(s.data)
		m := b.Manifest
		d, err := SealBundle(m, s.plain, []age.Recipient{s.hub.Recipient()}, other)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}()
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"payload bit", flip(func(d []byte) int { return len(d) - 40 }), ErrBundleHash},
		{"manifest bit", flip(manifestAt), ErrBundleSignature},
		{"signature bit", changeSig(func(d []byte) int { return bytes.Index(d, []byte("}\n")) + 5 }), ErrBundleSignature},
		{"truncated payload", s.data[:len(s.data)-100], ErrBundleHash},
		{"appended", append(bytes.Clone(s.data), "more"...), ErrBundleHash},
		{"truncated manifest", s.data[:60], ErrBundleFormat},
		{"empty", nil, ErrBundleFormat},
		{"re-signed by another device", resigned, ErrBundleSignature},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, err := ParseBundle(tc.data)
			if err == nil {
				err = b.Verify(pub)
			}
			if !errors.Is(err, tc.want) {
				t.Fatalf("got %v, want %v", err, tc.want)
			}
		})
	}
	// Another recipient cannot read it.
	b, _ := ParseBundle(s.data)
	stranger, _ := age.GenerateX25519Identity()
	if _, err := b.Open(stranger); !errors.Is(err, ErrBundleNotForMe) {
		t.Fatalf("open with another key: %v", err)
	}
}

func TestBundleManifestChecks(t *testing.T) {
	for name, mod := range map[string]func(*Manifest){
		"count off":       func(m *Manifest) { m.Count = 3 },
		"no epoch":        func(m *Manifest) { m.Epoch = 0 },
		"expires first":   func(m *Manifest) { m.Expires = m.Created },
		"kind":            func(m *Manifest) { m.Kind = "sideways" },
		"device not uuid": func(m *Manifest) { m.Device = "../../etc" },
	} {
		t.Run(name, func(t *testing.T) {
			_, signer, _ := ed25519.GenerateKey(rand.Reader)
			hub, _ := age.GenerateX25519Identity()
			m := Manifest{ID: uuid.Must(uuid.NewV7()).String(), Kind: BundleUp, Device: uuid.Must(uuid.NewV7()).String(),
				Hub: uuid.Must(uuid.NewV7()).String(), Epoch: 1, From: 1, To: 2, Count: 2, Created: time.Now(), Expires: time.Now().Add(time.Hour)}
			mod(&m)
			if _, err := SealBundle(m, []byte("{}\n"), []age.Recipient{hub.Recipient()}, signer); !errors.Is(err, ErrBundleFormat) {
				t.Fatalf("sealed a manifest that does not add up: %v", err)
			}
		})
	}
}

func TestReceiptSignedByTheHub(t *testing.T) {
	_, hubKey, _ := ed25519.GenerateKey(rand.Reader)
	r := Receipt{Bundle: uuid.Must(uuid.NewV7()).String(), Hub: uuid.Must(uuid.NewV7()).String(), Device: uuid.Must(uuid.NewV7()).String(), Epoch: 1, Acked: 30000, Imported: time.Now().UTC()}
	data, err := SignReceipt(r, hubKey)
	if err != nil {
		t.Fatal(err)
	}
	got, err := ParseReceipt(data, hubKey.Public().(ed25519.PublicKey))
	if err != nil || got.Acked != 30000 || got.Bundle != r.Bundle {
		t.Fatalf("%+v %v", got, err)
	}
	forged := bytes.Replace(data, []byte(`"acked":30000`), []byte(`"acked":90000`), 1)
	if _, err := ParseReceipt(forged, hubKey.Public().(ed25519.PublicKey)); !errors.Is(err, ErrBundleSignature) {
		t.Fatalf("a receipt with its count changed: %v", err)
	}
	_, other, _ := ed25519.GenerateKey(rand.Reader)
	if _, err := ParseReceipt(data, other.Public().(ed25519.PublicKey)); !errors.Is(err, ErrBundleSignature) {
		t.Fatalf("a receipt of another hub's key: %v", err)
	}
	if _, err := ParseReceipt([]byte("hello"), hubKey.Public().(ed25519.PublicKey)); !errors.Is(err, ErrNotReceipt) {
		t.Fatalf("not a receipt: %v", err)
	}
}

// WriteFileSafely leaves no temporary file behind and refuses a folder.
func TestWriteFileSafely(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "goi.bundle")
	if err := WriteFileSafely(path, []byte("abc")); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("left behind: %v", entries)
	}
	if err := WriteFileSafely(dir, []byte("abc")); err == nil {
		t.Fatal("wrote over a folder")
	}
	if err := WriteFileSafely(filepath.Join(dir, "missing", "x.bundle"), []byte("abc")); err == nil {
		t.Fatal("wrote into a folder that does not exist")
	}
}

// The bundle and receipt readers never panic, never allocate past their
// bounds, and accept nothing that does not verify.
func FuzzParseBundle(f *testing.F) {
	s := sealUp(f, nil)
	f.Add(s.data)
	f.Add(s.plain)
	f.Add([]byte("briefing-bundle 1\n{}\n\n"))
	f.Add([]byte("briefing-receipt 1\n{\"format\":1}\nAAAA\n"))
	pub := s.signer.Public().(ed25519.PublicKey)
	f.Fuzz(func(t *testing.T, data []byte) {
		if b, err := ParseBundle(data); err == nil {
			if b.Verify(pub) == nil && !bytes.Equal(data, s.data) {
				t.Fatalf("a changed bundle verifies")
			}
		}
		DecodeUpPayload(data)
		DecodeDownPayload(data, 0)
		if _, err := ParseReceipt(data, pub); err == nil {
			t.Fatalf("a receipt verifies under a key that signed none")
		}
	})
}
