package attendance

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"briefing/internal/cccd"
	"briefing/internal/sqlitedb"
	"briefing/internal/store"
)

// switchKeys is a KeySource whose keys a test changes, as enrolment does.
type switchKeys struct {
	mu  sync.Mutex
	all []cccd.Hasher
}

func (k *switchKeys) CitizenIDKeys(context.Context, bool) ([]cccd.Hasher, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.all, nil
}

func (k *switchKeys) set(all ...cccd.Hasher) {
	k.mu.Lock()
	k.all = all
	k.mu.Unlock()
}

func hasherOf(key string) cccd.Hasher {
	b := []byte(strings.Repeat(key, 32))[:32]
	return cccd.NewHasher(cccd.KeyID(b), b)
}

// A card kept under the installation's own key is still found, and still
// the same person's, once enrolment has made the hub's key the current one;
// a card kept after that is under the hub's key.
func TestCardsKeptBeforeEnrolmentStayValid(t *testing.T) {
	f := newFixture(t)
	own, hub := hasherOf("o"), hasherOf("h")
	keys := &switchKeys{all: []cccd.Hasher{own}}
	f.svc = New(f.st, nil, WithKeys(keys))
	before, err := f.svc.Scan(ctx, f.session, anCard, ScanOptions{Register: true})
	if err != nil || before.Outcome != CheckedIn {
		t.Fatalf("scan before enrolment: %+v, %v", before, err)
	}
	keys.set(hub, own)
	found, err := f.svc.ByCitizenID(ctx, "079203001234")
	if err != nil || len(found) != 1 || found[0].ID != before.CheckIn.Person.ID {
		t.Fatalf("after enrolment the card kept before is not found: %+v, %v", found, err)
	}
	if _, err := f.svc.CheckInWithCard(ctx, f.session, before.CheckIn.Person.ID, "079203001234"); err != nil {
		t.Fatalf("the same card on its holder after enrolment: %v", err)
	}
	after, err := f.svc.Scan(ctx, f.session, binhCard, ScanOptions{Register: true, New: true})
	if err != nil || after.Outcome != CheckedIn {
		t.Fatalf("scan after enrolment: %+v, %v", after, err)
	}
	hashes := map[string]string{}
	rows, err := f.st.PeopleWithNameKey(ctx, "dang thi binh")
	if err != nil || len(rows) != 1 {
		t.Fatalf("%+v, %v", rows, err)
	}
	hashes["after"] = rows[0].IDHash
	if got := cccd.KeyIDOf(hashes["after"]); got != hub.KeyID() {
		t.Errorf("a card kept after enrolment is under key %q, want the hub's %q", got, hub.KeyID())
	}
}

// Without WithKeys a Service hashes under a random key of its own: never a
// key built into the program, and never the same for two services.
func TestNoBuiltInKey(t *testing.T) {
	f := newFixture(t)
	a, err := New(f.st, nil).Hasher(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := New(f.st, nil).Hasher(ctx)
	if a.KeyID() == b.KeyID() || a.Hash("079203001234") == b.Hash("079203001234") {
		t.Errorf("two services hash alike: %s, %s", a, b)
	}
	if a.KeyID() == "d0" || strings.HasPrefix(a.Hash("079203001234"), "d0:") {
		t.Errorf("hashes under the built-in key d0: %s", a)
	}
	_, err = New(f.st, nil, WithKeys(&switchKeys{})).Hasher(ctx)
	if !errors.Is(err, ErrNoIDKey) {
		t.Errorf("a key source with no key: %v, want ErrNoIDKey", err)
	}
}

// A database from before migration 0014 holds An's card under the old
// built-in key d0. Opened by this program, the hash is gone and the last
// four digits stay; scanning An's card then finds him by name (Choose), and
// saying he is the holder checks him in and keeps the card under the
// installation's key, so that the next scan finds him by the card.
func TestScanAfterForgettingBuiltInKeyFindsByName(t *testing.T) {
	f := newFixture(t)
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	f.st.Close()
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(f.dir, store.FileName)))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE person SET id_hash = 'd0:` + strings.Repeat("ab", 32) + `' WHERE name = 'Nguyễn Văn An'`,
		`DELETE FROM schema_migrations WHERE version = 14`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	st, err := store.Open(f.dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.st, f.svc = st, New(st, nil, WithKeys(&switchKeys{all: []cccd.Hasher{hasherOf("o")}}))
	an, err := st.PeopleWithNameKey(ctx, "nguyen van an")
	if err != nil || len(an) != 1 || an[0].IDHash != "" || an[0].IDLast4 != "1234" {
		t.Fatalf("An after opening: %+v, %v; want no hash and the last four digits", an, err)
	}
	res, err := f.svc.Scan(ctx, f.session, anCard, ScanOptions{})
	if err != nil || res.Outcome != Choose || len(res.Candidates) != 1 || res.Candidates[0].ID != an[0].ID {
		t.Fatalf("scan: %+v, %v; want Choose with An", res, err)
	}
	res, err = f.svc.Scan(ctx, f.session, anCard, ScanOptions{Holder: an[0].ID})
	if err != nil || res.Outcome != CheckedIn || res.CheckIn.Person.ID != an[0].ID {
		t.Fatalf("scan with the holder: %+v, %v", res, err)
	}
	again, err := f.svc.Scan(ctx, f.session, anCard, ScanOptions{})
	if err != nil || again.Outcome != AlreadyIn {
		t.Fatalf("scan again: %+v, %v; want AlreadyIn", again, err)
	}
}

// A roster imported before enrolment and imported again after it: An is
// recognised by his card under the older key (no second An), and his card
// moves to the district's key.
func TestImportAfterEnrolmentRecognisesOlderCards(t *testing.T) {
	f := newFixture(t)
	own, hub := hasherOf("o"), hasherOf("h")
	keys := &switchKeys{all: []cccd.Hasher{own}}
	f.svc = New(f.st, nil, WithKeys(keys))
	if _, err := f.importCSV(t, rosterCSV, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	keys.set(hub, own)
	moved := strings.Replace(rosterCSV, "Nguyễn Văn An;Phường 7;Công chức;0912345678", "Nguyễn Văn An;Phường 9;Công chức;0900000000", 1)
	for _, dry := range []bool{true, false} {
		res, err := f.importCSV(t, moved, ImportOptions{DryRun: dry})
		if err != nil || res.Imported != 0 || res.Updated != 1 || res.Unchanged != 2 {
			t.Fatalf("import after enrolment (dry run %v) = %+v, %v; want An updated, no one new", dry, countsOf(res), err)
		}
	}
	an, err := f.st.PeopleWithNameKey(ctx, "nguyen van an")
	if err != nil || len(an) != 1 || cccd.KeyIDOf(an[0].IDHash) != hub.KeyID() {
		t.Fatalf("An: %+v, %v; want one An, his card under the hub's key", an, err)
	}
}
