package store

import (
	"briefing/internal/sqlitedb"
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// The change log's payloads are a contract written in docs/changelog.md.
// These tests read its entity sections and check every change the store
// writes against them, so the document and the code cannot drift apart.

const contractPath = "../../docs/changelog.md"

// contractEntity is one "### Entity `name`" section.
type contractEntity struct {
	line   int
	ops    []string
	fields map[string]fieldType
}

// fieldType is a table's type column: a base type and whether null is allowed.
type fieldType struct {
	base     string
	nullable bool
	optional bool // "~": left out when empty (a field added later)
}

var (
	entityHeading = regexp.MustCompile("^### Entity `([a-z_]+)`\\s*$")
	backticked    = regexp.MustCompile("`([^`]+)`")
	contractTypes = []string{"uuid", "string", "int", "bool", "hlc", "time"}
)

// parseContract reads the entity sections of a change-log document. Sections
// may come in any order; anything outside them is prose and is skipped.
func parseContract(path string) (map[string]*contractEntity, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	entities := map[string]*contractEntity{}
	var cur *contractEntity
	var curName string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		fail := func(format string, args ...any) error {
			return fmt.Errorf("%s:%d: %s", path, n, fmt.Sprintf(format, args...))
		}
		if m := entityHeading.FindStringSubmatch(line); m != nil {
			if _, dup := entities[m[1]]; dup {
				return nil, fail("entity %q has a second section", m[1])
			}
			curName, cur = m[1], &contractEntity{line: n, fields: map[string]fieldType{}}
			entities[curName] = cur
			continue
		}
		if strings.HasPrefix(line, "#") {
			cur = nil // another heading ends the section
			continue
		}
		if cur == nil {
			continue
		}
		switch {
		case strings.HasPrefix(line, "Ops:"):
			for _, m := range backticked.FindAllStringSubmatch(line, -1) {
				if !slices.Contains([]string{OpInsert, OpInsertMany, OpUpdate, "delete"}, m[1]) {
					return nil, fail("entity %q: unknown op %q", curName, m[1])
				}
				cur.ops = append(cur.ops, m[1])
			}
		case strings.HasPrefix(line, "|"):
			cells := strings.Split(strings.Trim(line, "|"), "|")
			if len(cells) < 3 {
				return nil, fail("entity %q: a table row needs field, type and meaning", curName)
			}
			name, typ := strings.TrimSpace(cells[0]), strings.TrimSpace(cells[1])
			if name == "field" || strings.HasPrefix(name, "---") {
				continue // the header and its rule
			}
			optional := strings.HasSuffix(typ, "~")
			typ = strings.TrimSuffix(typ, "~")
			ft := fieldType{base: strings.TrimSuffix(typ, "?"), nullable: strings.HasSuffix(typ, "?"), optional: optional}
			if !slices.Contains(contractTypes, ft.base) {
				return nil, fail("entity %q field %q: unknown type %q (want one of %v, with ? for null)", curName, name, typ, contractTypes)
			}
			if _, dup := cur.fields[name]; dup {
				return nil, fail("entity %q: field %q listed twice", curName, name)
			}
			cur.fields[name] = ft
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for name, e := range entities {
		if len(e.ops) == 0 || len(e.fields) == 0 {
			return nil, fmt.Errorf("%s:%d: entity %q needs an Ops: line and a field table", path, e.line, name)
		}
	}
	return entities, nil
}

// checkChange lists how a change-log row breaks the contract.
func checkChange(contract map[string]*contractEntity, deviceID string, c Change) []string {
	var problems []string
	bad := func(format string, args ...any) {
		problems = append(problems, fmt.Sprintf("seq %d (%s %s): ", c.Seq, c.Entity, c.Op)+fmt.Sprintf(format, args...))
	}
	e, ok := contract[c.Entity]
	if !ok {
		bad("entity %q is not documented in docs/changelog.md", c.Entity)
		return problems
	}
	if !slices.Contains(e.ops, c.Op) {
		bad("op %q is not documented for entity %q (documented: %v)", c.Op, c.Entity, e.ops)
		return problems
	}
	if c.DeviceID != deviceID {
		bad("device_id %q is not this device %q", c.DeviceID, deviceID)
	}
	var records []json.RawMessage
	if c.Op == OpInsertMany {
		if err := json.Unmarshal(c.Payload, &records); err != nil || len(records) == 0 {
			bad("payload is not a non-empty JSON array of records: %v", err)
			return problems
		}
	} else {
		records = []json.RawMessage{c.Payload}
	}
	for i, raw := range records {
		at := ""
		if c.Op == OpInsertMany {
			at = fmt.Sprintf("element %d: ", i)
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
			bad("%spayload is not a JSON object: %v", at, err)
			continue
		}
		for name := range fields {
			if _, ok := e.fields[name]; !ok {
				bad("%sfield %q of entity %q is not documented in docs/changelog.md", at, name, c.Entity)
			}
		}
		for name, ft := range e.fields {
			value, ok := fields[name]
			if !ok && ft.optional {
				continue
			}
			if !ok {
				bad("%sfield %q of entity %q is documented but missing from the payload", at, name, c.Entity)
				continue
			}
			if err := checkValue(ft, value); err != nil {
				bad("%sfield %q: %v", at, name, err)
			}
		}
		// The row names the record (for insert_many, the chunk's last), as
		// the record names its writer.
		var meta Meta
		json.Unmarshal(raw, &meta)
		if meta.Origin != deviceID {
			bad("%sorigin %q is not the logging device %q", at, meta.Origin, deviceID)
		}
		if i == len(records)-1 && (c.RecordID != meta.ID || c.HLC != meta.HLC) {
			bad("row names record %s stamp %s, its payload's record is %s stamp %s", c.RecordID, c.HLC, meta.ID, meta.HLC)
		}
	}
	return problems
}

// checkValue checks one JSON value against its documented type.
func checkValue(ft fieldType, raw json.RawMessage) error {
	if string(raw) == "null" {
		if ft.nullable {
			return nil
		}
		return fmt.Errorf("null, but type %s does not allow it (%s? would)", ft.base, ft.base)
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return err
	}
	s, isString := v.(string)
	switch ft.base {
	case "int":
		n, ok := v.(json.Number)
		if _, err := n.Int64(); !ok || err != nil {
			return fmt.Errorf("%s is not an integer", raw)
		}
		return nil
	case "bool":
		if _, ok := v.(bool); !ok {
			return fmt.Errorf("%s is not true or false", raw)
		}
		return nil
	}
	if !isString {
		return fmt.Errorf("%s is not a string", raw)
	}
	switch ft.base {
	case "uuid":
		if u, err := uuid.Parse(s); err != nil || u.String() != s {
			return fmt.Errorf("%q is not a UUID in lowercase 36-character form", s)
		}
	case "hlc":
		if _, err := parseHLC(s); err != nil || len(s) < 21 {
			return fmt.Errorf("%q is not a stamp WWWWWWWWWWWWW-CCCCC-DEVICE", s)
		}
	case "time":
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			return fmt.Errorf("%q is not RFC 3339: %v", s, err)
		}
		// One string per instant: UTC, whole milliseconds, Go's form.
		canonical, _ := json.Marshal(t.UTC())
		if !strings.HasSuffix(s, "Z") || !t.Equal(t.Truncate(time.Millisecond)) || string(canonical) != string(raw) {
			return fmt.Errorf("%q is not the change log's time encoding (RFC 3339 UTC, milliseconds, as %s)", s, canonical)
		}
	}
	return nil
}

// checkLog checks every change in s's log against the document.
func checkLog(t *testing.T, s *Store) []Change {
	t.Helper()
	contract, err := parseContract(contractPath)
	if err != nil {
		t.Fatal(err)
	}
	changes, err := s.Changes(context.Background(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range changes {
		if c.Seq != int64(i+1) {
			t.Errorf("change %d has seq %d: the log must number from 1 with no gap", i, c.Seq)
		}
		for _, p := range checkChange(contract, s.DeviceID(), c) {
			t.Error(p)
		}
	}
	return changes
}

// TestChangeLogMatchesItsContract drives the store through every kind of
// write it logs and checks every change against docs/changelog.md.
func TestChangeLogMatchesItsContract(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	// Whole seconds and round tenths: the times whose fraction Go shortens.
	at := time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)
	later := at.Add(1500 * time.Millisecond)
	odd := at.Add(123456789) // nanoseconds the store drops

	deck := &Deck{DeckID: "nq57-toan-van", Version: "03c025eb222a", Title: "Nghị quyết 57", Slides: 27, DurationMin: 45}
	ses := &Session{DeckID: deck.DeckID, DeckVersion: deck.Version, DeckTitle: deck.Title, Slides: 27, DurationMin: 45,
		Title: "Phiên thử", Unit: "Phường 7", StartedAt: odd, PositionAt: odd}
	roster := make([]*Person, peoplePerEntry+1) // one insert_many chunk and a chunk of one
	for i := range roster {
		roster[i] = &Person{Name: fmt.Sprintf("Người %d", i), NameKey: fmt.Sprintf("nguoi %d", i), Unit: "Phường 7",
			Group: "nhan_dan", Source: "roster", CreatedAt: at}
	}
	walkIn := &Person{Name: "Phạm Văn Em", NameKey: "pham van em", Source: "walk_in", CreatedAt: odd}
	var checkIn *Attendance
	q := &Question{Number: 1, Slide: 2, Text: "Chữ ký số dùng thế nào?", Status: "open", CreatedAt: at, UpdatedAt: at}
	err := s.Tx(ctx, func(tx *Tx) error {
		steps := []func() error{
			func() error { return tx.InsertDeck(ctx, deck) },
			func() error { deck.DurationMin = 50; return tx.UpdateDeck(ctx, deck) },
			func() error {
				return tx.InsertDeckSnapshot(ctx, &DeckSnapshot{DeckID: deck.DeckID, Version: deck.Version,
					Source: "---\nid: nq57-toan-van\n---\n# Nghị quyết 57\n", CreatedAt: odd})
			},
			func() error {
				ward := &Unit{Name: "Tân Sơn Hòa", Kind: "ward", SortOrder: 20}
				if err := tx.InsertUnit(ctx, ward); err != nil {
					return err
				}
				alias := &UnitAlias{UnitID: ward.ID, Spelling: "Phường 2 (cũ)"}
				if err := tx.InsertUnitAlias(ctx, alias); err != nil {
					return err
				}
				alias.Spelling = "P.2 cũ"
				return tx.UpdateUnitAlias(ctx, alias)
			},
			func() error { return tx.InsertSession(ctx, ses) },
			func() error {
				return tx.InsertSlideView(ctx, &SlideView{SessionID: ses.ID, Slide: 1, ShownAt: later})
			},
			func() error { return tx.InsertPeople(ctx, roster) },
			func() error { return tx.InsertPerson(ctx, walkIn) },
			func() error {
				// A card read: hash, last digits and the notice shown.
				p := roster[0]
				p.IDHash, p.IDLast4, p.NoticeAt = "d0:abcdef", "1234", &later
				return tx.UpdatePerson(ctx, p)
			},
			func() error {
				checkIn = &Attendance{SessionID: ses.ID, PersonID: roster[0].ID, Method: "qr", CheckedInAt: later, NoticeAt: &later}
				return tx.InsertAttendance(ctx, checkIn)
			},
			func() error { checkIn.UndoneAt = &odd; return tx.UpdateAttendance(ctx, checkIn) }, // undo
			func() error { checkIn.UndoneAt = nil; return tx.UpdateAttendance(ctx, checkIn) },  // again
			func() error { q.SessionID = ses.ID; return tx.InsertQuestion(ctx, q) },
			func() error {
				q.Status, q.Answer, q.AnsweredBy, q.AnsweredAt, q.UpdatedAt = "answered", "Dùng USB token.", "Ông A", &later, later
				return tx.UpdateQuestion(ctx, q)
			},
			func() error {
				q.Status, q.ForwardedTo, q.ForwardedAt, q.UpdatedAt = "forwarded", "district", &odd, odd
				return tx.UpdateQuestion(ctx, q)
			},
			func() error { ses.PinnedQuestion, ses.PinnedAt = q.ID, &later; return tx.UpdateSession(ctx, ses) },
			func() error {
				ses.PinnedQuestion, ses.PinnedAt, ses.EndedAt = "", nil, &later
				return tx.UpdateSession(ctx, ses)
			},
		}
		for _, step := range steps {
			if err := step(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	changes := checkLog(t, s)

	// Every entity and op the document lists was written and checked.
	contract, _ := parseContract(contractPath)
	seen := map[string]bool{}
	for _, c := range changes {
		seen[c.Entity+" "+c.Op] = true
	}
	for name, e := range contract {
		for _, op := range e.ops {
			if !seen[name+" "+op] {
				t.Errorf("docs/changelog.md lists %s %s, which this test never wrote: write one above", name, op)
			}
		}
	}
}

// A log written by the code before migration 0009, whose person payloads
// held Unix milliseconds, meets the contract once migrated, and the times
// are the same instants. The database is a dump of one that the binary at
// that commit made: roster imports (insert_many, insert, update), a session,
// check-ins by name, walk-in and card, questions answered, forwarded, pinned.
func TestMigratedOldLogMatchesItsContract(t *testing.T) {
	dir := t.TempDir()
	dump, err := os.ReadFile("testdata/changelog-0006.sql")
	if err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(dir, FileName)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(string(dump)); err != nil {
		t.Fatal(err)
	}
	var oldTimes []int64
	rows, err := db.Query(`SELECT p.value FROM change_log c, json_tree(c.payload_json) p
		WHERE c.entity = 'person' AND p.key IN ('created_at', 'notice_at') AND p.type = 'integer' ORDER BY c.seq, p.id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var ms int64
		rows.Scan(&ms)
		oldTimes = append(oldTimes, ms)
	}
	rows.Close()
	db.Close()
	if len(oldTimes) < 8 {
		t.Fatalf("the dump holds %d person times in milliseconds; it should be an old log", len(oldTimes))
	}

	s := openTest(t, dir)
	checkLog(t, s)
	var newTimes []string
	rows, err = s.db.Query(`SELECT p.value FROM change_log c, json_tree(c.payload_json) p
		WHERE c.entity = 'person' AND p.key IN ('created_at', 'notice_at') AND p.type = 'text' ORDER BY c.seq, p.id`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var v string
		rows.Scan(&v)
		newTimes = append(newTimes, v)
	}
	if len(newTimes) != len(oldTimes) {
		t.Fatalf("%d times after the migration, %d before", len(newTimes), len(oldTimes))
	}
	for i, v := range newTimes {
		got, err := time.Parse(time.RFC3339Nano, v)
		if err != nil || got.UnixMilli() != oldTimes[i] {
			t.Errorf("time %d: %s (%v) after the migration, %d ms before", i, v, err, oldTimes[i])
		}
	}
}

// The migration's SQL writes the same text as Go for the times whose
// fraction Go shortens or drops.
func TestMigrationTimeTextIsGos(t *testing.T) {
	s := openTest(t, t.TempDir())
	for _, ms := range []int64{0, 1751356800000, 1751356800100, 1751356800120, 1751356800123, 1751356800001, 1751356859999} {
		payload := fmt.Sprintf(`{"created_at":%d,"notice_at":null}`, ms)
		_, err := s.db.Exec(`INSERT INTO change_log (device_id, seq, entity, record_id, hlc, op, payload_json, created_at)
			VALUES (?, ?, 'person', 'x', 'h', 'insert', ?, 0)`, s.DeviceID(), ms+1, payload)
		if err != nil {
			t.Fatal(err)
		}
	}
	sqlText, err := migrationFiles.ReadFile("migrations/0009_person_payload_times.sql")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(string(sqlText)); err != nil {
		t.Fatal(err)
	}
	rows, err := s.db.Query(`SELECT seq - 1, payload_json FROM change_log ORDER BY seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var ms int64
		var payload string
		rows.Scan(&ms, &payload)
		want, _ := json.Marshal(map[string]any{"created_at": time.UnixMilli(ms).UTC(), "notice_at": nil})
		if payload != string(want) {
			t.Errorf("%d ms: migrated to %s, Go writes %s", ms, payload, want)
		}
	}
}

// The check fails, naming what is wrong, on an undocumented entity, op or
// field, a missing field, and a value of the wrong type.
func TestContractCheckNamesWhatIsWrong(t *testing.T) {
	contract, err := parseContract(contractPath)
	if err != nil {
		t.Fatal(err)
	}
	const dev = "01a2457a-47cf-7425-a4de-d7c979a2fd06"
	const hlc = "1751356800123-00000-" + dev
	good := `{"id":"01a2457a-51b7-7675-aa91-b1c3da8c995c","origin":"` + dev + `","hlc":"` + hlc + `",` +
		`"session_id":"01a2457a-51b7-7675-aa91-b1c3da8c995d","slide":1,"step":0,"shown_at":"2025-07-01T08:00:00.12Z"}`
	change := func(entity, op, payload string) Change {
		return Change{DeviceID: dev, Seq: 7, Entity: entity, Op: op, RecordID: "01a2457a-51b7-7675-aa91-b1c3da8c995c",
			HLC: hlc, Payload: json.RawMessage(payload)}
	}
	if p := checkChange(contract, dev, change(EntitySlideView, OpInsert, good)); len(p) != 0 {
		t.Fatalf("a good change fails: %v", p)
	}
	for _, tc := range []struct {
		c    Change
		want string
	}{
		{change("deck_snapshot", OpInsert, good), `entity "deck_snapshot" is not documented`},
		{change(EntitySlideView, OpUpdate, good), `op "update" is not documented for entity "slide_view"`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"step":0`, `"step":0,"zoom":2`, 1)),
			`field "zoom" of entity "slide_view" is not documented`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"step":0,`, ``, 1)), `field "step" of entity "slide_view" is documented but missing`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `.12Z`, `.120Z`, 1)), `field "shown_at": "2025-07-01T08:00:00.120Z" is not the change log's time encoding`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"2025-07-01T08:00:00.12Z"`, `1751356800120`, 1)), `field "shown_at": 1751356800120 is not a string`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"2025-07-01T08:00:00.12Z"`, `"2025-07-01T10:00:00.12+02:00"`, 1)), `is not the change log's time encoding`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"2025-07-01T08:00:00.12Z"`, `null`, 1)), `field "shown_at": null, but type time does not allow it`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"slide":1`, `"slide":1.5`, 1)), `field "slide": 1.5 is not an integer`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"session_id":"01a2457a`, `"session_id":"01A2457A`, 1)), `field "session_id": "01A2457A`},
		{change(EntitySlideView, OpInsert, strings.Replace(good, `"hlc":"1751356800123-`, `"hlc":"175135680012-`, 1)), `field "hlc"`},
		{change(EntityPerson, OpInsertMany, `{}`), `payload is not a non-empty JSON array`},
	} {
		problems := strings.Join(checkChange(contract, dev, tc.c), "\n")
		if !strings.Contains(problems, tc.want) {
			t.Errorf("%s %s: problems\n%s\nwant one containing %q", tc.c.Entity, tc.c.Op, problems, tc.want)
		}
	}
}

// The parser takes sections in any order, with prose between them, and
// refuses a type it does not know, naming the line.
func TestParseContractSections(t *testing.T) {
	dir := t.TempDir()
	doc := "# Log\n\nprose `insert`\n\n### Entity `zeta`\n\nOps: `insert`.\n\nSome words.\n\n" +
		"| field | type | meaning |\n| --- | --- | --- |\n| id | uuid | x |\n| at | time? | y |\n\n## Other\n| not | a | field |\n\n" +
		"### Entity `alpha`\n\nOps: `insert`, `insert_many`.\n\n| field | type | meaning |\n| --- | --- | --- |\n| n | int | z |\n"
	path := filepath.Join(dir, "a.md")
	os.WriteFile(path, []byte(doc), 0o600)
	got, err := parseContract(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || len(got["zeta"].fields) != 2 || !got["zeta"].fields["at"].nullable ||
		!slices.Equal(got["alpha"].ops, []string{"insert", "insert_many"}) || got["alpha"].fields["n"].base != "int" {
		t.Errorf("parsed %+v %+v", got["zeta"], got["alpha"])
	}
	os.WriteFile(path, []byte(strings.Replace(doc, "| n | int |", "| n | integer |", 1)), 0o600)
	if _, err := parseContract(path); err == nil || !strings.Contains(err.Error(), `a.md:25: entity "alpha" field "n": unknown type "integer"`) {
		t.Errorf("err = %v", err)
	}
}

// CheckChangeLog checks every change in s's log against docs/changelog.md,
// for the tests that drive the store through the domain packages.
func CheckChangeLog(t *testing.T, s *Store) []Change {
	t.Helper()
	return checkLog(t, s)
}
