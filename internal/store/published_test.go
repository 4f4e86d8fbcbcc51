package store

import (
	"context"
	"testing"
	"time"
)

// The library reads only the newest published version of each deck: an older
// version stays stored but is not returned (each command that builds the
// library would parse it for nothing).
func TestPublishedDecksNewestOfEach(t *testing.T) {
	ctx := context.Background()
	s := openTest(t, t.TempDir())
	if err := s.SaveEnrolment(ctx, SyncState{HubURL: "https://hub:8443", HubID: "hub"}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 1, 8, 0, 0, 0, time.UTC)
	items := []PulledItem{
		{Cursor: 1, Deck: &PublishedDeck{DeckID: "nq57", Version: "v1", Title: "Bản 1", Source: "1", PublishedAt: at}},
		{Cursor: 2, Deck: &PublishedDeck{DeckID: "nq57", Version: "v2", Title: "Bản 2", Source: "2", PublishedAt: at.Add(time.Hour)}},
		{Cursor: 3, Deck: &PublishedDeck{DeckID: "chuyen-doi-so", Version: "a", Title: "Một", Source: "a", PublishedAt: at}},
	}
	if _, err := s.ApplyPulled(ctx, 0, 3, items, time.Minute); err != nil {
		t.Fatal(err)
	}
	list, err := s.PublishedDecks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].DeckID != "chuyen-doi-so" || list[1].DeckID != "nq57" || list[1].Version != "v2" {
		t.Fatalf("published decks %+v; want chuyen-doi-so@a and nq57@v2 only", list)
	}
}
