package deck

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Entry is a deck known to the program: embedded in the binary or in the data directory.
type Entry struct {
	Deck     *Deck
	Problems []Problem
	Embedded bool
}

// ErrNotFound is returned by Find when a name is neither a file nor a known deck id.
var ErrNotFound = errors.New("deck not found")

// Library lists the embedded decks and the .md files of a folder (the data directory's
// decks/). A deck in the folder with the same id as an embedded one comes first: that is how
// the district ships a newer version.
func Library(embedded fs.FS, dir string) []Entry {
	var out []Entry
	if dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
		sort.Strings(files)
		for _, f := range files {
			data, err := ReadFile(f)
			if err != nil {
				continue
			}
			d, ps := Parse(f, data)
			if d != nil {
				out = append(out, Entry{Deck: d, Problems: ps})
			}
		}
	}
	if embedded != nil {
		names, _ := fs.Glob(embedded, "*.md")
		sort.Strings(names)
		for _, n := range names {
			data, err := fs.ReadFile(embedded, n)
			if err != nil {
				continue
			}
			d, ps := Parse("embedded:"+n, data)
			if d != nil {
				out = append(out, Entry{Deck: d, Problems: ps, Embedded: true})
			}
		}
	}
	return out
}

// Find resolves what a user typed: a path to a file, else a deck id from the library.
func Find(lib []Entry, name string) (Entry, error) {
	if strings.HasSuffix(name, ".md") || strings.ContainsAny(name, `/\`) {
		data, err := ReadFile(name)
		if errors.Is(err, fs.ErrNotExist) {
			// No such file: the id of a deck that deck list shows (an id
			// ending in .md is refused by Parse, yet listed).
			if e, ok := byID(lib, name); ok {
				return e, nil
			}
		}
		if err != nil {
			return Entry{}, err
		}
		d, ps := Check(name, data)
		if d == nil {
			d = &Deck{Source: name}
		}
		return Entry{Deck: d, Problems: ps}, nil
	}
	if e, ok := byID(lib, name); ok {
		return e, nil
	}
	if _, err := os.Stat(name); err == nil {
		return Find(lib, "./"+name)
	}
	return Entry{}, ErrNotFound
}

// byID is the first deck of lib whose id is id.
func byID(lib []Entry, id string) (Entry, bool) {
	for _, e := range lib {
		if e.Deck.Meta.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

// IDs lists the deck ids in the library, for "did you mean" messages.
func IDs(lib []Entry) []string {
	var ids []string
	seen := map[string]bool{}
	for _, e := range lib {
		if id := e.Deck.Meta.ID; id != "" && !seen[id] {
			seen[id] = true
			ids = append(ids, id)
		}
	}
	return ids
}

// FindVersion finds the deck a session presented: the same id and version if the library
// still has it, else the same id (a newer version), else nil.
func FindVersion(lib []Entry, id, version string) *Deck {
	var sameID *Deck
	for _, e := range lib {
		if e.Deck.Meta.ID != id {
			continue
		}
		if e.Deck.Version == version {
			return e.Deck
		}
		if sameID == nil {
			sameID = e.Deck
		}
	}
	return sameID
}
