package session

import (
	"context"
	"errors"
	"strings"
	"testing"

	"briefing/internal/field"
	"briefing/internal/store"
)

// A session's details are kept as clean lines: escape sequences (OSC window
// title, CSI), bidi overrides and zero-width spaces typed or pasted into them
// never reach a list; a title of invisible characters only is no title.
func TestStartCleansControlAndInvisibleCharacters(t *testing.T) {
	svc, _, _ := newService(t)
	s, err := svc.Start(context.Background(), nq57, Info{
		Title: "\u200b\ufeff", Unit: "Ph\x1b[2Jường 3", Venue: "\x1b]0;pwn\a Hội\u202e trường",
		Form: "trực\u0085tiếp", Rapporteur: "\x9b31m\u009b31mAn",
	})
	if err != nil {
		t.Fatal(err)
	}
	got := s.Info
	if got.Title != nq57.Title {
		t.Errorf("title of invisible characters = %q, want the deck's %q", got.Title, nq57.Title)
	}
	for _, v := range []string{got.Title, got.Unit, got.Venue, got.Form, got.Rapporteur} {
		if strings.ContainsAny(v, "\x1b\x07\u009b\u202e\u200b\ufeff\u0085") || strings.Contains(v, "\x9b") {
			t.Errorf("kept %q", v)
		}
	}
	if got.Venue != "]0;pwn Hội trường" || got.Unit != "Ph [2Jường 3" {
		t.Errorf("venue %q, unit %q", got.Venue, got.Unit)
	}
}

// Every detail has its limit, counted in characters after cleaning; over it
// nothing is started and the error names the field.
func TestStartRefusesOverlongFields(t *testing.T) {
	for _, tc := range []struct {
		name field.Name
		set  func(*Info, string)
	}{
		{field.Title, func(i *Info, s string) { i.Title = s }},
		{field.Venue, func(i *Info, s string) { i.Venue = s }},
		{field.Unit, func(i *Info, s string) { i.Unit = s }},
		{field.Rapporteur, func(i *Info, s string) { i.Rapporteur = s }},
		{field.Form, func(i *Info, s string) { i.Form = s }},
	} {
		svc, _, _ := newService(t)
		max := field.Max(tc.name)
		in := info
		tc.set(&in, strings.Repeat("ệ", max)+"\u200b\x1b")
		if _, err := svc.Start(context.Background(), nq57, in); err != nil {
			t.Fatalf("%s at its limit %d: %v", tc.name, max, err)
		}
		svc, _, _ = newService(t)
		tc.set(&in, strings.Repeat("ệ", max+1))
		_, err := svc.Start(context.Background(), nq57, in)
		var tl *field.TooLongError
		if !errors.As(err, &tl) || tl.Field != tc.name || tl.Runes != max+1 || tl.Max != max {
			t.Errorf("%s over its limit: %v", tc.name, err)
		}
		if cur, _ := svc.Current(context.Background()); cur != nil {
			t.Errorf("%s over its limit started a session", tc.name)
		}
	}
}

// A session stored with escape sequences (an old database, a record synced
// in) reads back clean, for every screen and command that shows it.
func TestStoredEscapesReadBackClean(t *testing.T) {
	svc, st, _ := newService(t)
	ctx := context.Background()
	s, err := svc.Start(ctx, nq57, info)
	if err != nil {
		t.Fatal(err)
	}
	err = st.Tx(ctx, func(tx *store.Tx) error {
		rec, err := tx.Session(ctx, s.ID)
		if err != nil {
			return err
		}
		rec.Title, rec.Venue, rec.Unit = "\x1b]0;pwn\aX", "\x1b[31mV\u202e", "\u009b2JU"
		return tx.UpdateSession(ctx, &rec)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := svc.Get(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Info.Title != "]0;pwn X" || got.Info.Venue != "[31mV" || got.Info.Unit != "2JU" {
		t.Errorf("read back %+v", got.Info)
	}
}
