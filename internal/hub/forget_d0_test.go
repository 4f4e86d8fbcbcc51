package hub

import (
	"bytes"
	"database/sql"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/sqlitedb"
	"briefing/internal/sync"
)

// A hub database from before migration 0003 and the key file: d0 hashes in
// the people, a waiting insert and insert_many, a held person and a
// quarantined change, and the district key in hub_meta. Opened by this
// program, no "d0:" is left in the file, the key is in the file beside it
// (the same key, so enrolled devices keep theirs) and no longer in hub.db.
func TestOpenForgetsD0HashesAndMovesTheKey(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "hub.db")
	st, err := OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	key := st.IDKey()
	st.Close()
	if err := os.Remove(IDKeyFile(path)); err != nil {
		t.Fatal(err)
	}
	d0 := func(c string) string { return "d0:" + strings.Repeat(c, 64) }
	person := func(h string) string {
		return `{"id":"p","origin":"o","hlc":"x","name":"Nguyễn Văn An","name_key":"nguyen van an","unit":"Phường 7","grp":"nhan_dan","id_hash":"` + h + `","id_last4":"1234"}`
	}
	db, err := sql.Open("sqlite", sqlitedb.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`DELETE FROM schema_migrations WHERE version = 3`,
		`INSERT INTO hub_meta (key, value) VALUES ('id_key', '` + key + `')`,
		`INSERT INTO person (id, origin, hlc, name_key, unit, grp, id_hash) VALUES
			('p1', 'o', 'x', 'a', 'Phường 7', 'nhan_dan', '` + d0("a") + `'),
			('p2', 'o', 'x', 'b', 'Phường 7', 'nhan_dan', 'k0123456789abcdef:` + strings.Repeat("9", 64) + `')`,
		`INSERT INTO change_in (device_id, epoch, seq, hash, entity, record_id, hlc, op, payload, applied, clock_ahead, received_at) VALUES
			('dev', 1, 5, 'h', 'person', 'p', 'x', 'insert', '` + person(d0("b")) + `', 0, 0, 0),
			('dev', 1, 6, 'h', 'person', 'p', 'x', 'insert_many', '[` + person(d0("c")) + `,` + person("") + `]', 0, 0, 0)`,
		`INSERT INTO held (id, device_id, epoch, seq, entity, op, record_id, hlc, payload, session_id, reason, field, message, held_at)
			VALUES ('h1', 'dev', 1, 7, 'person', 'insert', 'p', 'x', '` + person(d0("d")) + `', '', 'scope', 'payload.unit', 'x', 0)`,
		`INSERT INTO quarantine (id, device_id, epoch, seq, held_hash, hash, change_json, received_at)
			VALUES ('q1', 'dev', 1, 8, 'a', 'b', '{"seq":8,"entity":"person","payload":` + person(d0("e")) + `}', 0)`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	raw, _ := os.ReadFile(path)
	if !bytes.Contains(raw, []byte("d0:")) {
		t.Fatal("the fixture holds no d0 hash")
	}

	st, err = OpenSQLite(path)
	if err != nil {
		t.Fatal(err)
	}
	if st.IDKey() != key {
		t.Errorf("the key changed on the move: %q, was %q", st.IDKey(), key)
	}
	var n int
	st.db.QueryRow(`SELECT count(*) FROM hub_meta WHERE key = 'id_key'`).Scan(&n)
	if n != 0 {
		t.Error("the key is still in hub_meta")
	}
	var kept string
	st.db.QueryRow(`SELECT id_hash FROM person WHERE id = 'p2'`).Scan(&kept)
	if !strings.HasPrefix(kept, "k0123456789abcdef:") {
		t.Errorf("a hash under another key was dropped: %q", kept)
	}
	for _, q := range []string{`SELECT count(*) FROM change_in WHERE NOT json_valid(payload)`,
		`SELECT count(*) FROM held WHERE NOT json_valid(payload)`,
		`SELECT count(*) FROM quarantine WHERE NOT json_valid(change_json)`} {
		if st.db.QueryRow(q).Scan(&n); n != 0 {
			t.Errorf("%s: %d", q, n)
		}
	}
	st.Close()
	raw, _ = os.ReadFile(path)
	wal, _ := os.ReadFile(path + "-wal")
	rawKey, _ := base64.RawURLEncoding.DecodeString(key)
	for name, b := range map[string][]byte{"hub.db": raw, "hub.db-wal": wal} {
		if bytes.Contains(b, []byte("d0:")) {
			t.Errorf("%s still holds a d0 hash", name)
		}
		if bytes.Contains(b, []byte(key)) || bytes.Contains(b, rawKey) {
			t.Errorf("%s still holds the citizen-ID key", name)
		}
	}
	if info, err := os.Stat(IDKeyFile(path)); err != nil || info.Mode().Perm() != 0o600 {
		t.Errorf("key file: %v, %v", info, err)
	}
}

// A device not yet upgraded still pushes hashes under d0: the hub keeps the
// person without it.
func TestPushedD0HashIsNotKept(t *testing.T) {
	h := newTestHub(t)
	d := h.newDevice(ward7)
	id, other := newID(), newID()
	status, _, e := d.push(1, []sync.Change{
		d.person(id, "Nguyễn Văn An", "nguyen van an", "Phường 7", "nhan_dan", "d0:"+strings.Repeat("ab", 32)),
		d.person(other, "Đặng Thị Bình", "dang thi binh", "Phường 7", "nhan_dan", "kfeedfeedfeedfeed:"+strings.Repeat("cd", 32)),
	})
	if status != 200 {
		t.Fatalf("push: %d %+v", status, e)
	}
	for want, pid := range map[string]string{"": id, "kfeedfeedfeedfeed:" + strings.Repeat("cd", 32): other} {
		var got string
		if err := h.st.db.QueryRow(`SELECT id_hash FROM person WHERE id = ?`, pid).Scan(&got); err != nil || got != want {
			t.Errorf("person %s: id_hash %q (%v), want %q", pid, got, err, want)
		}
	}
}
