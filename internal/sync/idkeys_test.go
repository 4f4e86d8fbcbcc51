package sync

import (
	"context"
	"encoding/base64"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	gosync "sync"
	"testing"

	"briefing/internal/cccd"
)

// A new installation hashes under a random key of its own, kept in a file of
// mode 0600 beside the database, made once: the same on every call, and the
// same for processes that need it at the same moment. Two installations
// have different keys, and neither is the built-in d0 of old.
func TestOwnIDKeyIsRandomPerInstallation(t *testing.T) {
	ctx := context.Background()
	a, b := t.TempDir(), t.TempDir()
	if got, err := (IDKeys{Dir: a}).CitizenIDKeys(ctx, false); err != nil || len(got) != 0 {
		t.Fatalf("without create: %v, %v; want no key and nothing made", got, err)
	}
	if _, err := os.Stat(filepath.Join(a, OwnIDKeyFile)); !os.IsNotExist(err) {
		t.Fatalf("a key file was made without create: %v", err)
	}
	var wg gosync.WaitGroup
	ids := make([]string, 8)
	for i := range ids {
		wg.Go(func() {
			got, err := (IDKeys{Dir: a}).CitizenIDKeys(ctx, true)
			if err != nil || len(got) != 1 {
				t.Errorf("keys: %v, %v", got, err)
				return
			}
			ids[i] = got[0].Hash("079203001234")
		})
	}
	wg.Wait()
	for _, h := range ids[1:] {
		if h != ids[0] {
			t.Fatalf("processes made different keys: %q, %q", ids[0], h)
		}
	}
	entries, _ := os.ReadDir(a)
	if len(entries) != 1 {
		t.Errorf("left in the data directory: %v, want only %s", entries, OwnIDKeyFile)
	}
	info, err := os.Stat(filepath.Join(a, OwnIDKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	other, err := (IDKeys{Dir: b}).CitizenIDKeys(ctx, true)
	if err != nil || len(other) != 1 {
		t.Fatal(other, err)
	}
	if other[0].Hash("079203001234") == ids[0] {
		t.Error("two installations hash alike")
	}
	if id := cccd.KeyIDOf(ids[0]); id == "d0" || id == "" {
		t.Errorf("key id %q", id)
	}
}

// Once enrolled, the hub's key (from the keys file) comes first and the own
// key, if one was made, after it; an enrolled device without an own key
// does not make one.
func TestIDKeysAfterEnrolment(t *testing.T) {
	ctx := context.Background()
	hubKey := make([]byte, 32)
	for i := range hubKey {
		hubKey[i] = byte(i)
	}
	for _, ownFirst := range []bool{true, false} {
		dir := t.TempDir()
		var own []cccd.Hasher
		if ownFirst {
			var err error
			if own, err = (IDKeys{Dir: dir}).CitizenIDKeys(ctx, true); err != nil {
				t.Fatal(err)
			}
		}
		k, err := NewKeys("device-1")
		if err != nil {
			t.Fatal(err)
		}
		k.IDKey = base64.RawURLEncoding.EncodeToString(hubKey)
		if err := SaveKeys(dir, k); err != nil {
			t.Fatal(err)
		}
		got, err := (IDKeys{Dir: dir}).CitizenIDKeys(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		if got[0].KeyID() != cccd.KeyID(hubKey) {
			t.Errorf("first key %s, want the hub's %s", got[0], cccd.KeyID(hubKey))
		}
		switch {
		case ownFirst && (len(got) != 2 || got[1].KeyID() != own[0].KeyID()):
			t.Errorf("keys %v, want the hub's then the own %s", got, own[0])
		case !ownFirst && len(got) != 1:
			t.Errorf("keys %v, want the hub's alone", got)
		}
	}
}

func TestOwnIDKeyDamagedIsAnError(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, OwnIDKeyFile), []byte(`{"key":"c2hvcnQ"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := (IDKeys{Dir: dir}).CitizenIDKeys(context.Background(), true); err == nil {
		t.Fatal("a key of 5 bytes was taken")
	}
}

// FuzzLoadKeyFile: whatever a key file holds, LoadKeyFile returns a key of
// 16 bytes or more, or an error naming the file; it never panics.
func FuzzLoadKeyFile(f *testing.F) {
	f.Add([]byte(`{"key":"` + base64.RawURLEncoding.EncodeToString(make([]byte, 32)) + `"}`))
	f.Add([]byte(`{"key":"abc"}`))
	f.Add([]byte(`{"key":`))
	f.Add([]byte(""))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`{"key":"AAAAAAAAAAAAAAAAAAAAAA==","key":null}`))
	old := partialKeyWait
	partialKeyWait = 0
	f.Cleanup(func() { partialKeyWait = old })
	dir := f.TempDir()
	path := filepath.Join(dir, OwnIDKeyFile)
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		key, found, err := LoadKeyFile(path)
		switch {
		case err != nil && (found || key != nil):
			t.Fatalf("error %v with a key", err)
		case err != nil && !strings.Contains(err.Error(), path):
			t.Fatalf("error %q does not name the file", err)
		case err == nil && (!found || len(key) < 16):
			t.Fatalf("key of %d bytes, found %v", len(key), found)
		}
	})
}
