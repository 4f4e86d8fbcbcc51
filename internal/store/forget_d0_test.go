package store

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/sqlitedb"
)

// d0Hash is a hash as the old program made it under its built-in key d0.
func d0Hash(n int) string {
	return "d0:" + strings.Repeat(string(rune('a'+n%6)), 64)
}

// oldDatabase writes in dir a database as the program before migration 0014
// left it: people with d0 hashes, in the person table and in the change
// log's insert, update and insert_many payloads, a key in the settings,
// and one person whose hash is under another key.
func oldDatabase(t *testing.T, dir string) {
	t.Helper()
	ctx := context.Background()
	st := openTest(t, dir)
	now := time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC)
	err := st.Tx(ctx, func(tx *Tx) error {
		one := &Person{Name: "Nguyễn Văn An", NameKey: "nguyen van an", Source: "qr", IDHash: d0Hash(0), IDLast4: "1234"}
		one.CreatedAt = now
		if err := tx.InsertPerson(ctx, one); err != nil {
			return err
		}
		one.IDHash = d0Hash(1)
		if err := tx.UpdatePerson(ctx, one); err != nil {
			return err
		}
		var many []*Person
		for i, name := range []string{"Đặng Thị Bình", "Trần Văn Cường", "Lê Thị Dung"} {
			p := &Person{Name: name, NameKey: strings.ToLower(name), Source: "roster", IDHash: d0Hash(i + 2), IDLast4: "000" + string(rune('1'+i))}
			p.CreatedAt = now
			many = append(many, p)
		}
		kept := &Person{Name: "Phạm Văn Em", NameKey: "pham van em", Source: "qr", IDHash: "k0123456789abcdef:" + strings.Repeat("9", 64), IDLast4: "5678"}
		kept.CreatedAt = now
		return tx.InsertPeople(ctx, append(many, kept))
	})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(dir, FileName)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, q := range []string{
		`DELETE FROM schema_migrations WHERE version = 14`,
		`INSERT INTO setting (name, value) VALUES ('citizen_id_key', 'd1:` + strings.Repeat("A", 43) + `')`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM change_log WHERE instr(payload_json, '"d0:') > 0`).Scan(&n); err != nil || n != 3 {
		t.Fatalf("the fixture's change log has %d payloads with d0 hashes (%v), want 3", n, err)
	}
}

// grepFiles reports which of the database's files (the db, its WAL) hold s.
func grepFiles(t *testing.T, dir, s string) []string {
	t.Helper()
	var found []string
	for _, name := range []string{FileName, FileName + "-wal", FileName + "-journal"} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			continue
		}
		if bytes.Contains(data, []byte(s)) {
			found = append(found, name)
		}
	}
	return found
}

func TestOpenForgetsBuiltInKeyHashes(t *testing.T) {
	dir := t.TempDir()
	oldDatabase(t, dir)
	if got := grepFiles(t, dir, "d0:"); len(got) == 0 {
		t.Fatal("the fixture holds no d0 hash; the test proves nothing")
	}
	ctx := context.Background()
	st := openTest(t, dir)
	if got := grepFiles(t, dir, "d0:"); len(got) > 0 {
		t.Errorf("with the database open, %v still hold d0 hashes", got)
	}
	var people []Person
	if err := st.EachPerson(ctx, 0, func(p Person) error { people = append(people, p); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(people) != 5 {
		t.Fatalf("%d people, want 5", len(people))
	}
	for _, p := range people {
		switch {
		case p.Name == "Phạm Văn Em" && !strings.HasPrefix(p.IDHash, "k0123456789abcdef:"):
			t.Errorf("%s: a hash under another key was dropped: %q", p.Name, p.IDHash)
		case p.Name != "Phạm Văn Em" && p.IDHash != "":
			t.Errorf("%s: id_hash %q, want none", p.Name, p.IDHash)
		case p.IDLast4 == "":
			t.Errorf("%s: the last four digits were dropped", p.Name)
		}
	}
	if _, ok, err := st.Setting(ctx, "citizen_id_key"); ok || err != nil {
		t.Errorf("the key setting is still in the database (%v)", err)
	}
	var bad int
	if err := st.db.QueryRow(`SELECT count(*) FROM change_log WHERE NOT json_valid(payload_json)
		OR instr(payload_json, 'd0:') > 0`).Scan(&bad); err != nil || bad != 0 {
		t.Errorf("%d change-log payloads still hold d0 or are not JSON (%v)", bad, err)
	}
	var last4 int
	if err := st.db.QueryRow(`SELECT count(*) FROM change_log c, json_tree(c.payload_json) j
		WHERE c.entity = 'person' AND j.key = 'id_last4' AND j.value <> ''`).Scan(&last4); err != nil || last4 != 6 {
		t.Errorf("%d payloads keep the last four digits (%v), want 6", last4, err)
	}
	st.Close()
	if got := grepFiles(t, dir, "d0:"); len(got) > 0 {
		t.Errorf("after closing, %v still hold d0 hashes", got)
	}
	if got := grepFiles(t, dir, strings.Repeat("A", 43)); len(got) > 0 {
		t.Errorf("after closing, %v still hold the key setting's value", got)
	}
}
