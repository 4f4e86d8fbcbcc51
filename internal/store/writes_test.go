package store

import (
	"context"
	"runtime"
	"testing"
	"time"
)

// A write by another store on the same files (another window's process) wakes Writes at
// once; with nothing written it stays quiet.
func TestWritesWakesOnAnotherWrite(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("files are watched on Linux only")
	}
	dir := t.TempDir()
	a, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	writes := a.Writes()
	if writes == nil {
		t.Fatal("no watcher on Linux")
	}
	// Drain what opening wrote.
	for drained := false; !drained; {
		select {
		case <-writes:
		case <-time.After(100 * time.Millisecond):
			drained = true
		}
	}
	select {
	case <-writes:
		t.Fatal("woken with nothing written")
	case <-time.After(300 * time.Millisecond):
	}
	before, err := a.DataVersion(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now()
	if err := b.Tx(context.Background(), func(tx *Tx) error {
		_, err := tx.exec(context.Background(), `INSERT INTO setting (name, value) VALUES ('w', '1')`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-writes:
		if d := time.Since(at); d > 100*time.Millisecond {
			t.Errorf("woken %v after the write", d)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("a write by another store did not wake Writes")
	}
	if after, _ := a.DataVersion(context.Background()); after == before {
		t.Error("data_version did not change after another connection's write")
	}
}
