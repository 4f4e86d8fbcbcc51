package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"briefing/decks"
	"briefing/internal/deck"
	"briefing/internal/store"
)

// library is the deck library of the data directory dir: its decks/ files,
// the decks the district published (pulled by sync, kept in the database,
// st: nil opens the database if there is one) and the embedded decks.
func library(dir string, st *store.Store) []deck.Entry {
	lib := deck.Library(decks.FS, filepath.Join(dir, "decks"))
	if st == nil {
		if _, err := os.Stat(filepath.Join(dir, store.FileName)); errors.Is(err, fs.ErrNotExist) {
			return lib
		}
		opened, err := store.OpenToRead(dir)
		if err != nil {
			return lib
		}
		defer opened.Close()
		st = opened
	}
	list, err := st.PublishedDecks(context.Background())
	if err != nil || len(list) == 0 {
		return lib
	}
	pub := make([]deck.Published, len(list))
	for i, d := range list {
		pub[i] = deck.Published{ID: d.DeckID, Version: d.Version, Source: []byte(d.Source)}
	}
	return deck.WithPublished(lib, pub)
}
