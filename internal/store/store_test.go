package store

import (
	"briefing/internal/sqlitedb"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func openTest(t *testing.T, dir string) *Store {
	t.Helper()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenMigratesFromEmpty(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir()+"/nested/data")

	var versions int
	if err := s.db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&versions); err != nil {
		t.Fatal(err)
	}
	all, _ := loadMigrations()
	if versions != len(all) || versions == 0 {
		t.Errorf("applied %d migrations, have %d", versions, len(all))
	}

	d, err := s.Device(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if d.ID != s.DeviceID() || len(d.ID) != 36 || d.Name != "" || d.Unit != "" {
		t.Errorf("device = %+v, DeviceID %q", d, s.DeviceID())
	}

	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The plan's 15 wards, the four district offices it names, and Khác.
	if len(units) != 20 || units[0].Name != "Phường 1" || units[9].Name != "Phường 10" ||
		units[14].Name != "Phường 15" || units[15].Name != "Phòng Văn hóa, Khoa học và Thông tin" ||
		units[19].Name != "Khác" {
		t.Errorf("units = %v", units)
	}
}

// A data directory may sit under a user name with diacritics or spaces, and
// its name must not be taken for URI syntax.
func TestOpenOddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Nguyễn Văn A", "dữ liệu #1 ?x=%20")
	s := openTest(t, dir)
	if _, err := os.Stat(filepath.Join(dir, FileName)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Device(context.Background()); err != nil {
		t.Fatal(err)
	}
}

// A relative data directory ("briefing --data d") is relative to the working
// directory, not to the root.
func TestOpenRelativeDir(t *testing.T) {
	wd := t.TempDir()
	t.Chdir(wd)
	s := openTest(t, filepath.Join("d", "e"))
	if _, err := s.Device(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(wd, "d", "e", FileName)); err != nil {
		t.Fatal(err)
	}
}

// Every pooled connection must carry the pragmas, not only the first one.
func TestPragmasOnEveryConnection(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	var conns []interface{ Close() error }
	for range 3 {
		c, err := s.db.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		var journal string
		var sync, fk, busy int
		c.QueryRowContext(ctx, `PRAGMA journal_mode`).Scan(&journal)
		c.QueryRowContext(ctx, `PRAGMA synchronous`).Scan(&sync)
		c.QueryRowContext(ctx, `PRAGMA foreign_keys`).Scan(&fk)
		c.QueryRowContext(ctx, `PRAGMA busy_timeout`).Scan(&busy)
		if journal != "wal" || sync != 2 || fk != 1 || busy != 10000 {
			t.Errorf("journal %s synchronous %d foreign_keys %d busy_timeout %d", journal, sync, fk, busy)
		}
	}
	for _, c := range conns {
		c.Close()
	}
}

func TestOpenTwiceKeepsOneDevice(t *testing.T) {
	dir := t.TempDir()
	a := openTest(t, dir)
	b := openTest(t, dir)
	if a.DeviceID() != b.DeviceID() {
		t.Fatalf("device ids %s and %s", a.DeviceID(), b.DeviceID())
	}
	a.Close()
	c := openTest(t, dir)
	if c.DeviceID() != b.DeviceID() {
		t.Fatalf("device id changed on reopen: %s, was %s", c.DeviceID(), b.DeviceID())
	}
}

// Two processes starting on a new data directory at the same moment.
func TestOpenFreshFileConcurrently(t *testing.T) {
	for range 3 {
		dir := t.TempDir()
		stores := make([]*Store, 3)
		errs := make([]error, 3)
		var wg sync.WaitGroup
		for i := range stores {
			wg.Go(func() { stores[i], errs[i] = Open(dir) })
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("open %d: %v", i, err)
			}
			defer stores[i].Close()
			if stores[i].DeviceID() != stores[0].DeviceID() {
				t.Errorf("store %d has device %s, store 0 %s", i, stores[i].DeviceID(), stores[0].DeviceID())
			}
		}
		var devices, units int
		stores[0].db.QueryRow(`SELECT COUNT(*) FROM device`).Scan(&devices)
		stores[0].db.QueryRow(`SELECT COUNT(*) FROM unit`).Scan(&units)
		if devices != 1 || units != 20 {
			t.Errorf("%d devices, %d units", devices, units)
		}
	}
}

func TestHLCRisesWhenWallClockStallsOrGoesBack(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	wall := time.UnixMilli(1_750_000_000_000)
	s.now = func() time.Time { return wall }

	var stamps []string
	stamp := func() {
		err := s.Tx(ctx, func(tx *Tx) error {
			hlc, err := tx.nextHLC(ctx)
			stamps = append(stamps, hlc)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	stamp()
	stamp()                     // same millisecond
	wall = wall.Add(-time.Hour) // clock set back
	stamp()
	wall = wall.Add(2 * time.Hour) // clock ahead again
	stamp()
	for i := 1; i < len(stamps); i++ {
		if stamps[i] <= stamps[i-1] {
			t.Errorf("stamp %d %s not after %s", i, stamps[i], stamps[i-1])
		}
	}
	want := "1750000000000-00000-" + s.DeviceID()
	if stamps[0] != want || !strings.HasPrefix(stamps[2], "1750000000000-00002-") {
		t.Errorf("stamps = %q", stamps)
	}
}

func TestHLCCounterOverflowBorrowsNextMillisecond(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	s.now = func() time.Time { return time.UnixMilli(1000) }
	if _, err := s.db.Exec(`UPDATE clock SET wall_ms = 1000, counter = ?`, maxCounter); err != nil {
		t.Fatal(err)
	}
	var hlc string
	s.Tx(ctx, func(tx *Tx) error {
		var err error
		hlc, err = tx.nextHLC(ctx)
		return err
	})
	if !strings.HasPrefix(hlc, "0000000001001-00000-") {
		t.Errorf("hlc = %s", hlc)
	}
}

func TestInsertLogsOneChangeWithTheRecord(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	deck := Deck{DeckID: "nq57", Version: "abc", Title: "Nghị quyết 57", Slides: 12, DurationMin: 45}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertDeck(ctx, &deck) }); err != nil {
		t.Fatal(err)
	}
	changes, err := s.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 {
		t.Fatalf("%d changes", len(changes))
	}
	c := changes[0]
	if c.Seq != 1 || c.Entity != EntityDeck || c.Op != OpInsert || c.RecordID != deck.ID || c.HLC != deck.HLC ||
		c.DeviceID != s.DeviceID() {
		t.Errorf("change = %+v, deck = %+v", c, deck)
	}
	var logged Deck
	if err := json.Unmarshal(c.Payload, &logged); err != nil {
		t.Fatal(err)
	}
	if logged != deck {
		t.Errorf("payload %+v, want %+v", logged, deck)
	}
}

// A failed transaction takes its change with it: numbers stay gapless.
func TestRollbackLeavesNoGap(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	boom := errors.New("boom")
	err := s.Tx(ctx, func(tx *Tx) error {
		if err := tx.InsertDeck(ctx, &Deck{DeckID: "a", Version: "1", Title: "A", Slides: 1}); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if err := s.Tx(ctx, func(tx *Tx) error {
		return tx.InsertDeck(ctx, &Deck{DeckID: "b", Version: "1", Title: "B", Slides: 1})
	}); err != nil {
		t.Fatal(err)
	}
	changes, _ := s.Changes(ctx, 0, 0)
	if len(changes) != 1 || changes[0].Seq != 1 || !strings.Contains(string(changes[0].Payload), `"deck_id":"b"`) {
		t.Errorf("changes = %+v", changes)
	}
}

func TestUpdateOfAnotherDevicesRecordIsRefused(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	d := Deck{DeckID: "a", Version: "1", Title: "A", Slides: 1}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertDeck(ctx, &d) }); err != nil {
		t.Fatal(err)
	}
	d.Origin = "another-device"
	err := s.Tx(ctx, func(tx *Tx) error { return tx.UpdateDeck(ctx, &d) })
	if err == nil || !strings.Contains(err.Error(), "belongs to device") {
		t.Errorf("err = %v", err)
	}
}

// A logged write leaves the clock row alone: the log's last stamp is the
// clock. Two handles on one file, with the wall clock stalled, must still
// stamp in order, and a stamp that no entry covers must reach the clock row.
func TestHLCRisesThroughTheLogAcrossHandles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	a, b := openTest(t, dir), openTest(t, dir)
	wall := time.UnixMilli(1_750_000_000_000)
	a.now = func() time.Time { return wall }
	b.now = a.now

	var stamps []string
	for i := range 6 {
		s := []*Store{a, b}[i%2]
		d := &Deck{DeckID: "nq57", Version: fmt.Sprintf("v%d", i), Title: "NQ 57", Slides: 3, DurationMin: 45}
		if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertDeck(ctx, d) }); err != nil {
			t.Fatal(err)
		}
		stamps = append(stamps, d.HLC)
	}
	var row int64
	if err := a.db.QueryRow(`SELECT wall_ms * ? + counter FROM clock`, hlcSpan).Scan(&row); err != nil {
		t.Fatal(err)
	}
	if row != 0 {
		t.Errorf("clock row = %d, want 0: logged stamps should not write it", row)
	}

	// A stamp taken without a log entry is kept in the clock row.
	var unlogged string
	err := b.Tx(ctx, func(tx *Tx) error {
		var err error
		unlogged, err = tx.nextHLC(ctx)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	stamps = append(stamps, unlogged)
	d := &Deck{DeckID: "nq57", Version: "last", Title: "NQ 57", Slides: 3, DurationMin: 45}
	if err := a.Tx(ctx, func(tx *Tx) error { return tx.InsertDeck(ctx, d) }); err != nil {
		t.Fatal(err)
	}
	stamps = append(stamps, d.HLC)

	for i := 1; i < len(stamps); i++ {
		if stamps[i] <= stamps[i-1] {
			t.Errorf("stamp %d %s not after %s", i, stamps[i], stamps[i-1])
		}
	}
	if want := "1750000000000-00007-"; !strings.HasPrefix(stamps[7], want) {
		t.Errorf("last stamp %s, want prefix %s", stamps[7], want)
	}
}

func TestParseHLCRoundTrip(t *testing.T) {
	for _, v := range []int64{0, 1, hlcSpan - 1, hlcSpan, 1_750_000_000_000*hlcSpan + 42} {
		h := formatHLC(v/hlcSpan, int(v%hlcSpan), "dev")
		if want := fmt.Sprintf("%013d-%05d-dev", v/hlcSpan, v%hlcSpan); h != want {
			t.Errorf("formatHLC = %q, want %q", h, want)
		}
		got, err := parseHLC(h)
		if err != nil || got != v {
			t.Errorf("parseHLC(%q) = %d, %v; want %d", h, got, err, v)
		}
	}
	for _, bad := range []string{"", "1750000000000-00001", "17500000000x0-00001-d", "1750000000000_00001-d"} {
		if _, err := parseHLC(bad); err == nil {
			t.Errorf("parseHLC(%q) accepted", bad)
		}
	}
}

// A database written before migrations 0005 and 0006 (change log keyed by
// device and seq, attendance with a rowid and keyed by id) keeps every row through them, and
// the next write continues its numbering and its clock.
func TestUpgradeKeepsLogAndAttendance(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(dir, FileName)))
	if err != nil {
		t.Fatal(err)
	}
	all, err := loadMigrations()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	var upTo4 []sqlitedb.Migration
	for _, m := range all {
		if m.Version <= 4 {
			upTo4 = append(upTo4, m)
		}
	}
	if err := sqlitedb.Migrate(ctx, db, upTo4); err != nil {
		t.Fatal(err)
	}
	// Today's InsertPeople also writes the search tables of 0015: give it
	// them for the old writes, and drop them (the old schema had none).
	for _, table := range []string{"person_word (word, person)", "person_vocab (word PRIMARY KEY, people INTEGER NOT NULL DEFAULT 0)", "person_phone (rdigits, person)"} {
		if _, err := db.Exec(`CREATE TABLE ` + table); err != nil {
			t.Fatal(err)
		}
	}
	// And the session's columns of 0018, dropped after the old writes too.
	for _, col := range []string{"chair", "secretary"} {
		if _, err := db.Exec(`ALTER TABLE session ADD COLUMN ` + col + ` TEXT NOT NULL DEFAULT ''`); err != nil {
			t.Fatal(err)
		}
	}
	old := &Store{db: db, now: time.Now, writeTurn: make(chan struct{}, 1), stmts: sqlitedb.StmtCache{DB: db}}
	if old.deviceID, err = old.ensureDevice(ctx); err != nil {
		t.Fatal(err)
	}
	people := make([]*Person, 1500)
	for i := range people {
		people[i] = &Person{Name: fmt.Sprintf("Người %d", i), NameKey: fmt.Sprintf("nguoi %d", i), Source: "roster", CreatedAt: time.Now()}
	}
	ses := &Session{DeckID: "nq57", DeckVersion: "v1", Slides: 3, StartedAt: time.Now(), PositionAt: time.Now()}
	var checkIns []*Attendance
	err = old.Tx(ctx, func(tx *Tx) error {
		if err := tx.InsertDeck(ctx, &Deck{DeckID: "nq57", Version: "v1", Title: "NQ 57", Slides: 3, DurationMin: 45}); err != nil {
			return err
		}
		if err := tx.InsertSession(ctx, ses); err != nil {
			return err
		}
		if err := tx.InsertPeople(ctx, people); err != nil {
			return err
		}
		for _, p := range people[:3] {
			a := &Attendance{SessionID: ses.ID, PersonID: p.ID, Method: "roster", CheckedInAt: time.Now()}
			if err := tx.InsertAttendance(ctx, a); err != nil {
				return err
			}
			checkIns = append(checkIns, a)
		}
		undone := time.Now()
		checkIns[1].UndoneAt = &undone
		return tx.UpdateAttendance(ctx, checkIns[1])
	})
	if err != nil {
		t.Fatal(err)
	}
	before, err := old.Changes(ctx, 0, 0)
	if err != nil || len(before) != 8 {
		t.Fatalf("before: %d changes, %v", len(before), err)
	}
	for _, table := range []string{"person_word", "person_vocab", "person_phone"} {
		if _, err := db.Exec(`DROP TABLE ` + table); err != nil {
			t.Fatal(err)
		}
	}
	for _, col := range []string{"chair", "secretary"} {
		if _, err := db.Exec(`ALTER TABLE session DROP COLUMN ` + col); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	s := openTest(t, dir)
	// The search tables are filled on open from the people already there.
	var words, owners int
	if err := s.db.QueryRow(`SELECT count(*), count(DISTINCT person) FROM person_word`).Scan(&words, &owners); err != nil || owners != len(people) || words != 2*len(people) {
		t.Errorf("person_word after upgrade: %d rows for %d people (%v), want %d for %d", words, owners, err, 2*len(people), len(people))
	}
	if _, pending, err := s.Setting(ctx, "person_search_fill"); pending || err != nil {
		t.Errorf("fill setting left: %v %v", pending, err)
	}
	checkVocabCounts(t, s)
	after, err := s.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("change log changed by the upgrade:\n%v\n%v", before, after)
	}
	list, err := s.AttendanceSince(ctx, ses.ID, "")
	// Oldest stamp first: the undo restamped the second check-in.
	if err != nil || len(list) != 3 || list[0].ID != checkIns[0].ID || list[2].ID != checkIns[1].ID || list[2].UndoneAt == nil {
		t.Fatalf("attendance after upgrade = %+v, %v", list, err)
	}
	a := &Attendance{SessionID: ses.ID, PersonID: people[3].ID, Method: "roster", CheckedInAt: time.Now()}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertAttendance(ctx, a) }); err != nil {
		t.Fatal(err)
	}
	next, err := s.Changes(ctx, 8, 0)
	if err != nil || len(next) != 1 || next[0].Seq != 9 || next[0].HLC <= before[7].HLC {
		t.Errorf("next change = %+v, %v; want seq 9 after %s", next, err, before[7].HLC)
	}
}
