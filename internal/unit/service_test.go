package unit

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"briefing/internal/store"
)

func openStore(t *testing.T) *store.Store {
	t.Helper()
	st, err := store.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// TestAliasAndMergeAreLogged: add, alias and merge write syncable records to
// the change log, and a merge re-points this device's people in the same
// transaction; a spelling resolves through the alias afterwards.
func TestAliasAndMergeAreLogged(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	svc := New(st, func() time.Time { return time.Date(2025, 7, 1, 8, 0, 0, 0, time.UTC) })

	people := []*store.Person{
		{Name: "An", NameKey: "an", Unit: "P.1", Source: "roster"},
		{Name: "Bình", NameKey: "binh", Unit: "phuong 01", Source: "roster"},
		{Name: "Chi", NameKey: "chi", Unit: "Phường 3", Source: "roster"},
	}
	if err := st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
		t.Fatal(err)
	}
	before, _ := st.Changes(ctx, 0, 0)

	tsh, err := svc.Add(ctx, "Tân Sơn Hòa", Ward, "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Add(ctx, "tan son hoa", Ward, ""); !errors.Is(err, ErrExists) {
		t.Errorf("adding a unit twice: %v", err)
	}
	if _, err := svc.Add(ctx, "X", "planet", ""); !errors.Is(err, ErrInvalid) {
		t.Errorf("unknown kind: %v", err)
	}
	if _, err := svc.Alias(ctx, "Phường 2 (cũ)", "Tân Sơn Hòa"); err != nil {
		t.Fatal(err)
	}
	if res, err := svc.Alias(ctx, "phuong 2 (cu)", "tan son hoa"); err != nil || !res.Already {
		t.Errorf("the same alias again = %+v, %v", res, err)
	}
	if _, err := svc.Alias(ctx, "P.5", "Tân Sơn Hòa"); !errors.Is(err, ErrIsUnit) {
		t.Errorf("aliasing a unit's own name: %v", err)
	}
	if _, err := svc.Alias(ctx, "x", "Phường 99"); !errors.Is(err, ErrUnknown) {
		t.Errorf("alias to an unknown unit: %v", err)
	}
	res, err := svc.Merge(ctx, "Phường 1", "Tân Sơn Hòa")
	if err != nil || res.People != 2 || res.Into.ID != tsh.ID {
		t.Fatalf("Merge = %+v, %v", res, err)
	}

	cat, err := svc.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"P.01", "Phường 2 (cũ)", "Phường 1"} {
		if u, ok := cat.Resolve(s); !ok || u.ID != tsh.ID {
			t.Errorf("after the merge %q resolves to %+v, %v", s, u, ok)
		}
	}

	changes, _ := st.Changes(ctx, 0, 0)
	var units, aliases, persons int
	for _, c := range changes[len(before):] {
		var m map[string]any
		if err := json.Unmarshal(c.Payload, &m); err != nil {
			t.Fatal(err)
		}
		switch c.Entity {
		case store.EntityUnit:
			units++
		case store.EntityUnitAlias:
			aliases++
			if m["unit_id"] != tsh.ID || m["spelling"] == "" {
				t.Errorf("alias payload %s", c.Payload)
			}
		case store.EntityPerson:
			persons++
			if c.Op != store.OpUpdate || m["unit"] != "Tân Sơn Hòa" {
				t.Errorf("person change %s %s", c.Op, c.Payload)
			}
		}
	}
	if units != 1 || aliases != 2 || persons != 2 {
		t.Errorf("logged %d units, %d aliases, %d people; want 1, 2, 2", units, aliases, persons)
	}

	unknown, err := svc.Unknown(ctx)
	if err != nil || len(unknown) != 0 {
		t.Errorf("Unknown = %+v, %v", unknown, err)
	}
}

// TestUnknownSpellings: spellings that resolve to nothing are listed with
// how many records use them, and an alias makes them known.
func TestUnknownSpellings(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	svc := New(st, nil)
	people := []*store.Person{
		{Name: "An", NameKey: "an", Unit: "Trường THCS Ngô Sĩ Liên", Source: "roster"},
		{Name: "Bình", NameKey: "binh", Unit: "Trường THCS Ngô Sĩ Liên", Source: "roster"},
		{Name: "Chi", NameKey: "chi", Unit: "P4", Source: "roster"},
	}
	if err := st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
		t.Fatal(err)
	}
	list, err := svc.Unknown(ctx)
	if err != nil || len(list) != 1 || list[0] != (Spelling{"Trường THCS Ngô Sĩ Liên", 2}) {
		t.Fatalf("Unknown = %+v, %v", list, err)
	}
	if _, err := svc.Add(ctx, "Trường THCS Ngô Sĩ Liên Tân Bình", School, "Phường 4"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Alias(ctx, "Trường THCS Ngô Sĩ Liên", "Trường THCS Ngô Sĩ Liên Tân Bình"); err != nil {
		t.Fatal(err)
	}
	if list, _ := svc.Unknown(ctx); len(list) != 0 {
		t.Errorf("after the alias Unknown = %+v", list)
	}
}

// TestNamesAreStoredClean: a unit's name and an alias keep no control or
// invisible character (an escape sequence would reach every terminal that
// lists the unit), and an invisible character does not make a second
// "Phường 4"; refusals are typed, so the CLI words them.
func TestNamesAreStoredClean(t *testing.T) {
	ctx := context.Background()
	svc := New(openStore(t), nil)
	u, err := svc.Add(ctx, "\x1b]0;PWNED\aTổ dân phố \x1b[31m5\u202e", Other, "")
	if err != nil {
		t.Fatal(err)
	}
	if u.Name != "]0;PWNED Tổ dân phố [31m5" {
		t.Fatalf("stored name %q still carries control or invisible characters", u.Name)
	}
	if _, err := svc.Add(ctx, "Ph\u200bường 4", Ward, ""); !errors.Is(err, ErrExists) {
		t.Fatalf("Ph<U+200B>ường 4 must be the catalog's Phường 4 (ErrExists), got %v", err)
	}
	var fe *FieldError
	if _, err := svc.Add(ctx, "\u200b\u200b", Other, ""); !errors.As(err, &fe) || fe.Problem != Empty {
		t.Fatalf("an invisible name: want a FieldError Empty, got %v", err)
	}
	if _, err := svc.Add(ctx, "Trường", "truong", ""); !errors.As(err, &fe) || fe.Problem != UnknownKind || fe.Field != "kind" {
		t.Fatalf("an unknown kind: want a FieldError UnknownKind, got %v", err)
	}
}

// TestAliasRefusesAMergedUnitsName: after B is merged into A, B's name is
// still a unit's name, so an alias cannot move it (and B's records) on to a
// third unit behind the clerk's back.
func TestAliasRefusesAMergedUnitsName(t *testing.T) {
	ctx := context.Background()
	svc := New(openStore(t), nil)
	for _, n := range []string{"Đơn vị A", "Đơn vị B"} {
		if _, err := svc.Add(ctx, n, Other, ""); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.Merge(ctx, "Đơn vị B", "Đơn vị A"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Alias(ctx, "Đơn vị B", "Phường 4"); !errors.Is(err, ErrIsUnit) {
		t.Fatalf("alias of a merged unit's name: want ErrIsUnit, got %v", err)
	}
	cat, _ := svc.Catalog(ctx)
	if u, _ := cat.Resolve("Đơn vị B"); u.Name != "Đơn vị A" {
		t.Fatalf("Đơn vị B resolves to %q, want Đơn vị A", u.Name)
	}
}
