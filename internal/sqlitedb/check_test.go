package sqlitedb

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// newDB makes a small WAL database at dir/x.db with rows rows in table t, checkpointed
// into the main file, and returns its path.
func newDB(t testing.TB, dir string, rows int) string {
	t.Helper()
	path := filepath.Join(dir, "x.db")
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i := range rows {
		if _, err := tx.Exec(`INSERT INTO t (name) VALUES (?)`, fmt.Sprintf("người số %d %s", i, strings.Repeat("x", 100))); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckFile(t *testing.T) {
	old := emptyGrace
	emptyGrace = 0
	t.Cleanup(func() { emptyGrace = old })
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	kind := func(err error) string {
		var fe *FileError
		if errors.As(err, &fe) {
			return []string{"empty", "notsqlite", "notregular", "walonly"}[fe.Kind]
		}
		return fmt.Sprint(err)
	}
	wal := make([]byte, 32)
	copy(wal, []byte{0x37, 0x7f, 0x06, 0x82})
	os.Mkdir(filepath.Join(dir, "folder.db"), 0o700)
	for _, c := range []struct {
		path, want string
	}{
		{filepath.Join(dir, "missing.db"), "<nil>"},
		{write("empty.db", nil), "empty"},
		{write("text.db", []byte("hello, this is Markdown\n")), "notsqlite"},
		{write("short.db", []byte("SQLite")), "notsqlite"},
		{newDB(t, t.TempDir(), 1), "<nil>"},
		{filepath.Join(dir, "folder.db"), "notregular"},
		{strings.TrimSuffix(write("gone.db-wal", wal), "-wal"), "walonly"},
		{strings.TrimSuffix(write("junk.db-wal", []byte("x")), "-wal"), "<nil>"},
	} {
		if got := kind(CheckFile(c.path)); got != c.want {
			t.Errorf("CheckFile(%s) = %s, want %s", filepath.Base(c.path), got, c.want)
		}
	}
}

// An empty file another process is creating the database in gets its header within
// the grace period, and is not refused.
func TestCheckFileWaitsForACreatorsHeader(t *testing.T) {
	path := newDB(t, t.TempDir(), 1)
	full, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- CheckFile(path) }()
	if err := os.WriteFile(path, full, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("CheckFile while the header is written: %v", err)
	}
}

// Open refuses an empty file instead of starting a new database in it.
func TestOpenRefusesAnEmptyFile(t *testing.T) {
	old := emptyGrace
	emptyGrace = 0
	t.Cleanup(func() { emptyGrace = old })
	path := filepath.Join(t.TempDir(), "x.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(path, func(db *sql.DB) error { _, err := db.Exec(`CREATE TABLE t (a)`); return err })
	var fe *FileError
	if !errors.As(err, &fe) || fe.Kind != EmptyFile {
		t.Fatalf("Open of an empty file: %v", err)
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatalf("the empty file was written: %d bytes", st.Size())
	}
}

// flip inverts n bytes of page (1-based) of the file at path from offset off in the page.
func flip(t testing.TB, path string, page, off, n int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, n)
	at := int64(page-1)*4096 + int64(off)
	if _, err := f.ReadAt(b, at); err != nil {
		t.Fatal(err)
	}
	for i := range b {
		b[i] ^= 0xff
	}
	if _, err := f.WriteAt(b, at); err != nil {
		t.Fatal(err)
	}
}

func TestCheckFindsDamagedPages(t *testing.T) {
	path := newDB(t, t.TempDir(), 200)
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Check(context.Background(), db, path); err != nil {
		t.Fatalf("a sound file: %v", err)
	}
	db.Close()
	flip(t, path, 3, 0, 20) // a leaf page of t: its header and cell pointers
	db, err = sql.Open("sqlite", DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = Check(context.Background(), db, path)
	var d *DamagedError
	if !errors.As(err, &d) || Classify(err) != Corrupt {
		t.Fatalf("Check of a damaged file: %v", err)
	}
}

// Each class comes from a real SQLite error, and from its text once the code is lost.
func TestClassify(t *testing.T) {
	dir := t.TempDir()
	path := newDB(t, dir, 1)
	ro, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, errRO := ro.Exec(`INSERT INTO t (name) VALUES ('a')`)

	nodir, err := sql.Open("sqlite", DSN(filepath.Join(dir, "no", "such", "x.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer nodir.Close()
	errCantOpen := nodir.Ping()

	full, err := sql.Open("sqlite", DSN(filepath.Join(dir, "full.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer full.Close()
	full.SetMaxOpenConns(1)
	_, errFull := full.Exec(`CREATE TABLE f (b BLOB)`)
	if errFull == nil {
		_, errFull = full.Exec(`PRAGMA max_page_count = 4`)
	}
	if errFull == nil {
		_, errFull = full.Exec(`INSERT INTO f VALUES (zeroblob(100000))`)
	}

	notdb := filepath.Join(dir, "text.db")
	os.WriteFile(notdb, []byte(strings.Repeat("not a database\n", 100)), 0o600)
	nd, err := sql.Open("sqlite", "file:"+notdb)
	if err != nil {
		t.Fatal(err)
	}
	defer nd.Close()
	_, errNotDB := nd.Exec(`SELECT * FROM sqlite_master`)

	for _, c := range []struct {
		name string
		err  error
		want Problem
	}{
		{"readonly", errRO, ReadOnly},
		{"cantopen", errCantOpen, CantOpen},
		{"full", errFull, Full},
		{"notadb", errNotDB, NotADB},
		{"busy text", errors.New("database is locked (5) (SQLITE_BUSY)"), Busy},
		{"corrupt text", errors.New("stepping, database disk image is malformed (11)"), Corrupt},
		{"damaged", &DamagedError{Path: "x"}, Corrupt},
		{"mkdir on a read-only disk", &os.PathError{Op: "mkdir", Path: "/x", Err: syscall.EROFS}, ReadOnly},
		{"no space", &os.PathError{Op: "write", Path: "/x", Err: syscall.ENOSPC}, Full},
		{"shm cannot grow", errors.New("store: open /d: disk I/O error (4874)"), Full},
		{"another I/O error", errors.New("disk I/O error (778)"), NoProblem},
		{"nil", nil, NoProblem},
		{"other", errors.New("UNIQUE constraint failed"), NoProblem},
	} {
		if got := Classify(c.err); got != c.want {
			t.Errorf("%s: Classify(%v) = %v, want %v", c.name, c.err, got, c.want)
		}
		if c.err != nil && !strings.HasPrefix(c.name, "mkdir") && c.name != "no space" {
			if got := Classify(errors.New("wrapped: " + c.err.Error())); c.want != NoProblem && c.name != "damaged" && got != c.want {
				t.Errorf("%s as text: Classify = %v, want %v", c.name, got, c.want)
			}
		}
	}
}

// FuzzCheckFile: whatever bytes the file holds, CheckFile answers without panicking, and
// passes only a file that starts as SQLite's do.
func FuzzCheckFile(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("SQLite format 3"))
	f.Add([]byte("# minutes\n"))
	old := emptyGrace
	emptyGrace = 0
	defer func() { emptyGrace = old }()
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, b []byte) {
		path := filepath.Join(dir, "f.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		err := CheckFile(path)
		if ok := strings.HasPrefix(string(b), "SQLite format 3\x00"); ok != (err == nil) {
			t.Fatalf("CheckFile(%q) = %v", b, err)
		}
		Classify(errors.New(string(b)))
	})
}
