package attendance

import (
	"bytes"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"briefing/internal/sqlitedb"
	"briefing/internal/store"
	"briefing/internal/textvi"
)

// A file larger than store.CheckLimit is not checked whole at open; a
// check-in into it whose attendance table is damaged (a page the insert
// itself does not read) is refused as damaged, never confirmed.
func TestCheckInRefusedOnDamagedAttendanceInBigFile(t *testing.T) {
	f := newFixture(t)
	var people []*store.Person
	for i := range 3001 {
		name := fmt.Sprintf("Nguyễn Văn Người %d", i)
		people = append(people, &store.Person{Name: name, NameKey: textvi.Fold(name), Unit: "Phường 7",
			Source: "roster", CreatedAt: time.Now()})
	}
	err := f.st.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.InsertPeople(ctx, people); err != nil {
			return err
		}
		for _, p := range people[1:] {
			a := store.Attendance{SessionID: f.session, PersonID: p.ID, Method: string(ByRoster), CheckedInAt: time.Now()}
			if err := tx.InsertAttendance(ctx, &a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	f.st.Close()

	// Past CheckLimit with a table of padding; on the first leaf of
	// attendance in tree order (not on the rightmost path an insert takes) a
	// check-in's method is changed to one its CHECK constraint refuses:
	// reading that row or any other does not notice, quick_check does.
	path := filepath.Join(f.dir, store.FileName)
	db, err := sql.Open("sqlite", sqlitedb.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	var leaf, pageSize int64
	for _, q := range []string{`CREATE TABLE padding (b BLOB)`,
		fmt.Sprintf(`INSERT INTO padding VALUES (zeroblob(%d))`, store.CheckLimit+(1<<20)),
		`PRAGMA wal_checkpoint(TRUNCATE)`} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	err = db.QueryRow(`SELECT pageno FROM dbstat WHERE name = 'attendance' AND pagetype = 'leaf' ORDER BY path LIMIT 1`).Scan(&leaf)
	if err == nil {
		err = db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	}
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	file, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	page := make([]byte, pageSize)
	if _, err := file.ReadAt(page, (leaf-1)*pageSize); err != nil {
		t.Fatal(err)
	}
	at := bytes.Index(page, []byte("roster"))
	if at < 0 {
		t.Fatalf("no check-in method on page %d", leaf)
	}
	_, err = file.WriteAt([]byte("rostex"), (leaf-1)*pageSize+int64(at))
	file.Close()
	if err != nil {
		t.Fatal(err)
	}

	st, err := store.Open(f.dir)
	if err != nil {
		t.Fatalf("a file past CheckLimit is opened without the whole check: %v", err)
	}
	defer st.Close()
	_, err = New(st, nil).CheckIn(ctx, f.session, people[0].ID, ByRoster, false)
	var damaged *sqlitedb.DamagedError
	if !errors.As(err, &damaged) {
		t.Fatalf("check-in into a damaged attendance table: %v, want a *sqlitedb.DamagedError", err)
	}
}
