package store

import (
	"context"
	"testing"
)

// DataVersion moves when this process's other connections or another process commit, and
// stays when nothing was written.
func TestDataVersion(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(dir) // another process's store
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	set := func(s *Store, v string) {
		t.Helper()
		if err := s.Tx(ctx, func(tx *Tx) error { return tx.SetSetting(ctx, "t.dv", v) }); err != nil {
			t.Fatal(err)
		}
	}
	version := func() int64 {
		t.Helper()
		v, err := a.DataVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	v0 := version()
	if v := version(); v != v0 {
		t.Fatalf("nothing written, version %d -> %d", v0, v)
	}
	set(a, "1")
	v1 := version()
	if v1 == v0 {
		t.Fatal("a write through the store's own pool not seen")
	}
	set(b, "2")
	v2 := version()
	if v2 == v1 {
		t.Fatal("another process's write not seen")
	}
	if v := version(); v != v2 {
		t.Fatalf("nothing written, version %d -> %d", v2, v)
	}
}
