package session

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/deck"
	"briefing/internal/store"
)

// parseDeck reads a deck of testdata the way the CLI does.
func parseDeck(t testing.TB, name string) *deck.Deck {
	t.Helper()
	path := filepath.Join("testdata", name)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	d, ps := deck.Parse(path, data)
	if d == nil || deck.HasErrors(ps) {
		t.Fatalf("%s: %v", path, ps)
	}
	return d
}

// snapshotChanges are the deck_snapshot entries of the change log.
func snapshotChanges(t testing.TB, st *store.Store) []store.DeckSnapshot {
	t.Helper()
	changes, err := st.Changes(context.Background(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []store.DeckSnapshot
	for _, c := range changes {
		if c.Entity != store.EntityDeckSnapshot {
			continue
		}
		if c.Op != store.OpInsert {
			t.Errorf("deck_snapshot change %d has op %q, want insert", c.Seq, c.Op)
		}
		var snap store.DeckSnapshot
		if err := json.Unmarshal(c.Payload, &snap); err != nil {
			t.Fatalf("deck_snapshot payload %s: %v", c.Payload, err)
		}
		out = append(out, snap)
	}
	return out
}

// TestStartKeepsTheDeckOncePerVersion: the first session of a version stores its exact
// source and logs it; a second session of the same version stores nothing more; an
// edited file is a new version, stored again.
func TestStartKeepsTheDeckOncePerVersion(t *testing.T) {
	ctx := context.Background()
	s, st, _ := newService(t)
	// CRLF, a BOM and decomposed (NFD) letters: the stored text is the file's bytes,
	// not the normalised text the version hashes.
	d := parseDeck(t, "crlf-nfd.md")

	first, err := s.Start(ctx, RefOf(d), info)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.End(ctx, first.ID); err != nil {
		t.Fatal(err)
	}
	second, err := s.Start(ctx, RefOf(d), info)
	if err != nil {
		t.Fatal(err)
	}
	snaps := snapshotChanges(t, st)
	if len(snaps) != 1 {
		t.Fatalf("%d deck_snapshot changes after two sessions of one version, want 1", len(snaps))
	}
	if snaps[0].Source != d.Text || snaps[0].DeckID != d.Meta.ID || snaps[0].Version != d.Version {
		t.Fatalf("logged snapshot %s@%s differs from the deck %s@%s (or its source does)",
			snaps[0].DeckID, snaps[0].Version, d.Meta.ID, d.Version)
	}
	again, ps := deck.Parse("", []byte(snaps[0].Source))
	if again == nil || deck.HasErrors(ps) || again.Version != second.Deck.Version {
		t.Fatalf("the stored source re-hashes to %v, the session records %s", again, second.Deck.Version)
	}

	stored, err := st.DeckSnapshot(ctx, d.Meta.ID, d.Version)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Source != d.Text {
		t.Fatalf("stored source differs from the file:\n%q\nwant\n%q", stored.Source, d.Text)
	}

	if err := s.End(ctx, second.ID); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(d.Text, "Slide two", "Slide 2", 1)
	d2, _ := deck.Parse("edited.md", []byte(edited))
	if d2.Version == d.Version {
		t.Fatal("the edit did not change the version")
	}
	if _, err := s.Start(ctx, RefOf(d2), info); err != nil {
		t.Fatal(err)
	}
	if n := len(snapshotChanges(t, st)); n != 2 {
		t.Fatalf("%d deck_snapshot changes after a second version, want 2", n)
	}
}

// TestStartRefusesASourceOfAnotherVersion: a ref whose source is not the version it names
// is refused, and nothing is written.
func TestStartRefusesASourceOfAnotherVersion(t *testing.T) {
	ctx := context.Background()
	s, st, _ := newService(t)
	d := parseDeck(t, "crlf-nfd.md")
	ref := RefOf(d)
	ref.Source += "\n# one more slide\n"
	if _, err := s.Start(ctx, ref, info); !errors.Is(err, ErrInvalid) {
		t.Fatalf("start with a source of another version: %v, want ErrInvalid", err)
	}
	if list, _ := s.List(ctx, 0); len(list) != 0 {
		t.Fatalf("a session was written: %+v", list)
	}
	if len(snapshotChanges(t, st)) != 0 {
		t.Fatal("a snapshot was written")
	}
}

// TestDeckReadsTheSnapshot: the session's deck comes from the database, with the file
// gone and no library at all.
func TestDeckReadsTheSnapshot(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	d := parseDeck(t, "crlf-nfd.md")
	started, err := s.Start(ctx, RefOf(d), info)
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Deck(ctx, started.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Version != d.Version || got.Meta.ID != d.Meta.ID || len(got.Slides) != len(d.Slides) ||
		got.Slides[1].Title != d.Slides[1].Title || got.Slides[1].Notes != d.Slides[1].Notes {
		t.Fatalf("deck from the snapshot: %s@%s %d slides, want %s@%s %d slides",
			got.Meta.ID, got.Version, len(got.Slides), d.Meta.ID, d.Version, len(d.Slides))
	}
	if !started.Presents(got) {
		t.Fatal("the session does not present the deck it stored")
	}
}

// TestDeckOfAnOldSessionFallsBackToTheLibrary: a session started without a source (as
// before decks were stored) finds its deck in the library by id and version; with no
// library entry the error names the deck.
func TestDeckOfAnOldSessionFallsBackToTheLibrary(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	d := parseDeck(t, "crlf-nfd.md")
	ref := RefOf(d)
	ref.Source = ""
	old, err := s.Start(ctx, ref, info)
	if err != nil {
		t.Fatal(err)
	}

	_, err = s.Deck(ctx, old.ID)
	var missing *DeckMissingError
	if !errors.As(err, &missing) || missing.DeckID != d.Meta.ID || missing.Version != d.Version {
		t.Fatalf("deck of an old session with no library: %v, want a DeckMissingError naming %s@%s", err, d.Meta.ID, d.Version)
	}

	other := parseDeck(t, "other.md")
	s.UseLibrary(func() []deck.Entry { return []deck.Entry{{Deck: other}, {Deck: d}} })
	got, err := s.Deck(ctx, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got != d {
		t.Fatalf("deck of an old session: %s@%s, want the library's %s@%s", got.Meta.ID, got.Version, d.Meta.ID, d.Version)
	}
}

// TestDeckOfAMissingSession: an unknown id is ErrNotFound.
func TestDeckOfAMissingSession(t *testing.T) {
	s, _, _ := newService(t)
	if _, err := s.Deck(context.Background(), "0197a5d2-0000-7000-8000-000000000000"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("deck of no session: %v, want ErrNotFound", err)
	}
}
