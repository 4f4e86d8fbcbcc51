package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"
)

// TestDeckSnapshotOncePerVersion: a snapshot reads back byte for byte, is logged whole with
// a millisecond UTC time, and a second one of the same version is refused with nothing
// logged.
func TestDeckSnapshotOncePerVersion(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	if _, err := s.DeckSnapshot(ctx, "bo", "abc"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("snapshot before any: %v, want ErrNotFound", err)
	}
	source := "\ufeff---\r\nid: bo\r\n---\r\n# Mot\u0300\r\n" // BOM, CRLF, NFD: kept as given
	at := time.Date(2025, 7, 1, 8, 0, 0, 123456789, time.FixedZone("ICT", 7*3600))
	snap := DeckSnapshot{DeckID: "bo", Version: "abc", Source: source, CreatedAt: at}
	err := s.Tx(ctx, func(tx *Tx) error {
		has, err := tx.HasDeckSnapshot(ctx, "bo", "abc")
		if err != nil || has {
			t.Errorf("HasDeckSnapshot before insert: %v %v", has, err)
		}
		return tx.InsertDeckSnapshot(ctx, &snap)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.DeckSnapshot(ctx, "bo", "abc")
	if err != nil {
		t.Fatal(err)
	}
	if got != snap || got.Source != source || got.Origin != s.DeviceID() {
		t.Fatalf("read back %+v, want %+v", got, snap)
	}

	dup := DeckSnapshot{DeckID: "bo", Version: "abc", Source: source, CreatedAt: at}
	if err := s.Tx(ctx, func(tx *Tx) error { return tx.InsertDeckSnapshot(ctx, &dup) }); err == nil {
		t.Fatal("a second snapshot of one version was accepted")
	}

	changes, err := s.Changes(ctx, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 1 || changes[0].Entity != EntityDeckSnapshot || changes[0].Op != OpInsert || changes[0].RecordID != snap.ID {
		t.Fatalf("change log: %+v; want one deck_snapshot insert of %s", changes, snap.ID)
	}
	var payload map[string]any
	if err := json.Unmarshal(changes[0].Payload, &payload); err != nil {
		t.Fatal(err)
	}
	if payload["source"] != source || payload["created_at"] != "2025-07-01T01:00:00.123Z" || len(payload) != 7 {
		t.Fatalf("payload %s: want the source as given, created_at in UTC milliseconds, 7 fields", changes[0].Payload)
	}
}
