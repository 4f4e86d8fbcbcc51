package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"briefing/internal/sqlitedb"
)

// rawDB opens the store's file in dir beside the store, as another process would.
func rawDB(t *testing.T, dir string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(dir, FileName)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// holdWriteLock takes the database's write lock (BEGIN IMMEDIATE) on its own connection,
// as another process's long write does, until the returned function is called.
func holdWriteLock(t *testing.T, dir string) (release func()) {
	t.Helper()
	db := rawDB(t, dir)
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	var once atomic.Bool
	release = func() {
		if once.CompareAndSwap(false, true) {
			conn.ExecContext(context.Background(), `ROLLBACK`)
			conn.Close()
		}
	}
	t.Cleanup(release)
	return release
}

// An empty briefing.db is refused, not made a new database with a new device id:
// the device's identity (and its sync) lived in the file that was emptied.
func TestOpenRefusesAnEmptyFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err := Open(dir)
	var fe *sqlitedb.FileError
	if !errors.As(err, &fe) || fe.Kind != sqlitedb.EmptyFile {
		t.Fatalf("Open of an empty file: %v", err)
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatalf("the empty file became a database of %d bytes", st.Size())
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Fatalf("refused after %v", d)
	}
}

// A file quick_check finds damaged is refused at open, even when the damage is in a
// table opening does not read.
func TestOpenRefusesADamagedFile(t *testing.T) {
	dir := t.TempDir()
	openTest(t, dir).Close()
	db := rawDB(t, dir)
	for i := range 300 {
		if _, err := db.Exec(`INSERT INTO setting (name, value) VALUES (?, ?)`, i, "giá trị của một thiết lập, đủ dài để chiếm nhiều trang"); err != nil {
			t.Fatal(err)
		}
	}
	var page int
	if err := db.QueryRow(`SELECT MAX(pageno) FROM dbstat WHERE name = 'setting' AND pagetype = 'leaf'`).Scan(&page); err != nil || page == 0 {
		t.Fatalf("a leaf page of setting: %d %v", page, err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	f, err := os.OpenFile(filepath.Join(dir, FileName), os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	junk := make([]byte, 20)
	for i := range junk {
		junk[i] = 0xa5
	}
	if _, err := f.WriteAt(junk, int64(page-1)*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()

	_, err = Open(dir)
	var d *sqlitedb.DamagedError
	if !errors.As(err, &d) || sqlitedb.Classify(err) != sqlitedb.Corrupt {
		t.Fatalf("Open of a damaged file: %v", err)
	}
}

// Opening an up-to-date database writes nothing, so it does not wait for another
// process's write (every command did, for as long as the writer held the lock).
func TestOpenDoesNotWaitForAWriter(t *testing.T) {
	dir := t.TempDir()
	openTest(t, dir).Close()
	holdWriteLock(t, dir)
	start := time.Now()
	s, err := Open(dir)
	if err != nil {
		t.Fatalf("open beside a writer: %v", err)
	}
	defer s.Close()
	if d := time.Since(start); d > 3*time.Second {
		t.Fatalf("open waited %v for another process's write", d)
	}
	if s.DeviceID() == "" {
		t.Fatal("no device id")
	}
}

// A write that waits for another process's lock says so after WaitNotice, once, and goes
// on when the lock is released.
func TestTxSaysWhenItWaits(t *testing.T) {
	dir := t.TempDir()
	s := openTest(t, dir)
	release := holdWriteLock(t, dir)
	var told atomic.Int32
	s.OnWait(func() {
		told.Add(1)
		release()
	})
	start := time.Now()
	err := s.Tx(context.Background(), func(tx *Tx) error {
		_, err := tx.tx.Exec(`INSERT INTO setting (name, value) VALUES ('a', 'b')`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := told.Load(); n != 1 {
		t.Fatalf("told %d times that the write waits", n)
	}
	if d := time.Since(start); d < WaitNotice {
		t.Fatalf("told after %v, before %v", d, WaitNotice)
	}
	// A write that does not wait says nothing.
	if err := s.Tx(context.Background(), func(tx *Tx) error { return nil }); err != nil || told.Load() != 1 {
		t.Fatalf("a write without waiting: %v, told %d", err, told.Load())
	}
}

// OpenToRead in a directory that can be written is Open: it sees what
// another process writes after it opened (an immutable open would not).
func TestOpenToReadWritableSeesWrites(t *testing.T) {
	dir := t.TempDir()
	w, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	r, err := OpenToRead(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if _, err := w.db.Exec(`UPDATE device SET created_at = 42`); err != nil {
		t.Fatal(err)
	}
	var at int64
	if err := r.db.QueryRow(`SELECT created_at FROM device`).Scan(&at); err != nil || at != 42 {
		t.Fatalf("OpenToRead reads created_at %d (%v), want 42", at, err)
	}
	if _, err := r.db.Exec(`UPDATE device SET created_at = 43`); err != nil {
		t.Fatalf("OpenToRead in a writable directory cannot write: %v", err)
	}
}

// OpenCheckLater's check waits CheckDelay, so that a window's first frame does not
// compete with it, unless a write needs its outcome first: the write starts it and
// waits for it. A screen's WhenChecked only waits.
func TestCheckLaterStartsAtTheFirstWrite(t *testing.T) {
	dir := t.TempDir()
	openTest(t, dir).Close()
	defer func(d time.Duration) { CheckDelay = d }(CheckDelay)
	CheckDelay = time.Hour

	s, err := OpenCheckLater(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	short, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := s.WhenChecked(short); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("WhenChecked before the delay and before any write = %v, want it still waiting", err)
	}
	done := make(chan error, 1)
	go func() {
		done <- s.Tx(context.Background(), func(tx *Tx) error { return nil })
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a write waited for the check's delay instead of starting it")
	}
	if err := s.WhenChecked(context.Background()); err != nil {
		t.Fatal(err)
	}
}
