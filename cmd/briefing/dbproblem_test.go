package main

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/i18n"
	"briefing/internal/sqlitedb"
)

// SQLite's errors (real ones: a size limit for a full disk, a read-only open, a folder
// that does not exist) reach the user in the interface language, naming the file and what
// to do, never as SQLite's English text.
func TestDBProblemMessages(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "briefing.db")
	db, err := sql.Open("sqlite", sqlitedb.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, errFull := db.Exec(`CREATE TABLE f (b BLOB)`)
	if errFull == nil {
		_, errFull = db.Exec(`PRAGMA max_page_count = 4`)
	}
	if errFull == nil {
		_, errFull = db.Exec(`INSERT INTO f VALUES (zeroblob(100000))`)
	}
	ro, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	_, errRO := ro.Exec(`INSERT INTO f VALUES (1)`)
	missing, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(dir, "no", "x.db")))
	if err != nil {
		t.Fatal(err)
	}
	defer missing.Close()
	errCantOpen := missing.Ping()

	for _, c := range []struct {
		name string
		err  error
		vi   string
	}{
		{"full", fmt.Errorf("attendance: %w", errFull), "đã đầy"},
		{"readonly", errRO, "chỉ cho đọc"},
		{"cantopen", errCantOpen, "Không mở hay tạo được"},
		{"busy", errors.New("store: begin: database is locked (5) (SQLITE_BUSY)"), "đã thôi chờ"},
		{"corrupt", errors.New("database disk image is malformed (11)"), "bị hỏng"},
		{"newer", &sqlitedb.NewerSchemaError{Version: 99, Known: 20}, "phiên bản mới hơn"},
		{"a command's message", exitError{1, "không nhập được ds.csv: import roster: store: commit: database or disk is full (13); không có gì được ghi"}, "đã đầy"},
	} {
		if c.err == nil {
			t.Fatalf("%s: no error to map", c.name)
		}
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			got := dbProblem(l, path, c.err)
			var ee exitError
			if !errors.As(got, &ee) || ee.code != 1 || !strings.Contains(ee.msg, path) ||
				strings.Contains(ee.msg, "(13)") || strings.Contains(ee.msg, "(14)") || strings.Contains(ee.msg, "SQLITE") {
				t.Errorf("%s in %v: %v", c.name, l, got)
			}
			if l == i18n.VI && !strings.Contains(ee.msg, c.vi) {
				t.Errorf("%s: %q lacks %q", c.name, ee.msg, c.vi)
			}
		}
	}
	for _, other := range []error{errors.New("UNIQUE constraint failed"), exitError{1, "không tìm thấy phiên"}} {
		if got := dbProblem(i18n.VI, path, other); got != other {
			t.Errorf("%v became %v", other, got)
		}
	}
}

// The hub's database is checked as the device's: an empty file and one a newer program
// wrote are refused with the file named, in the interface language.
func TestHubDatabaseChecked(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "hub.db")
	mustCLI(t, "hub", "devices", "--db", path)
	db, err := sql.Open("sqlite", sqlitedb.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'future', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if r := runCLI(t, "hub", "devices", "--db", path); r.code != 1 || !strings.Contains(r.stderr, "phiên bản mới hơn") || !strings.Contains(r.stderr, path) {
		t.Errorf("a hub database from a newer program: %s", r)
	}
	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)
	if r := runCLI(t, "hub", "devices", "--db", empty); r.code != 1 || !strings.Contains(r.stderr, "trống (0 byte)") {
		t.Errorf("an empty hub database: %s", r)
	}
	if st, _ := os.Stat(empty); st.Size() != 0 {
		t.Errorf("the empty hub database was written: %d bytes", st.Size())
	}
}
