// Package slides holds what the presenter and follow screens share: where we are in a deck
// (pure navigation, table-tested) and the rendered slides, cached by width.
package slides

import (
	"strings"

	"briefing/internal/deck"
	"briefing/internal/textvi"
)

// Pos is a place in a deck: a slide and how many of its steps are revealed (0-based).
type Pos struct{ Slide, Step int }

// Next reveals the next step, or moves to the next slide; it stays on the last step.
func Next(d *deck.Deck, p Pos) Pos {
	if p.Step+1 < d.StepCount(p.Slide) {
		return Pos{p.Slide, p.Step + 1}
	}
	if p.Slide+1 < len(d.Slides) {
		return Pos{p.Slide + 1, 0}
	}
	return p
}

// Prev goes back one step, or to the previous slide fully revealed, as PowerPoint does.
func Prev(d *deck.Deck, p Pos) Pos {
	if p.Step > 0 {
		return Pos{p.Slide, p.Step - 1}
	}
	if p.Slide > 0 {
		return Pos{p.Slide - 1, d.StepCount(p.Slide-1) - 1}
	}
	return p
}

// First is the deck's first slide.
func First(*deck.Deck) Pos { return Pos{} }

// Last is the last slide, fully revealed.
func Last(d *deck.Deck) Pos {
	n := len(d.Slides) - 1
	return Pos{n, d.StepCount(n) - 1}
}

// Jump goes to slide n as the user counts (1-based), at its first step, as PowerPoint's
// go-to-slide does; ok is false when out of range.
func Jump(d *deck.Deck, n int) (Pos, bool) {
	if n < 1 || n > len(d.Slides) {
		return Pos{}, false
	}
	return Pos{n - 1, 0}, true
}

// Clamp keeps a position read from elsewhere (the database, another window) inside the deck.
func Clamp(d *deck.Deck, p Pos) Pos {
	p.Slide = min(max(p.Slide, 0), len(d.Slides)-1)
	p.Step = min(max(p.Step, 0), d.StepCount(p.Slide)-1)
	return p
}

// Index is a deck's text folded for search, one entry per slide.
type Index []string

// NewIndex folds every slide's title, body and notes once, so a search costs no allocation.
func NewIndex(d *deck.Deck) Index {
	idx := make(Index, len(d.Slides))
	for i, s := range d.Slides {
		idx[i] = textvi.Fold(s.Title + " " + s.Body() + " " + s.Notes)
	}
	return idx
}

// Search finds the first slide after from (wrapping around) whose text contains the query,
// ignoring case and diacritics; ok is false when no slide does.
func (idx Index) Search(query string, from int) (int, bool) {
	q := textvi.Fold(query)
	if q == "" || len(idx) == 0 {
		return 0, false
	}
	for k := 1; k <= len(idx); k++ {
		i := (from + k) % len(idx)
		if strings.Contains(idx[i], q) {
			return i, true
		}
	}
	return 0, false
}

// Finder searches a deck's slides; it folds them on the first search, not when a screen
// opens (folding 2,000 slides is milliseconds a presenter's first frame need not wait).
// A screen's copies share one Finder, used from Update only.
type Finder struct {
	deck  *deck.Deck
	index Index
}

// NewFinder makes a Finder for d.
func NewFinder(d *deck.Deck) *Finder { return &Finder{deck: d} }

// Search is Index.Search over d's slides.
func (f *Finder) Search(query string, from int) (int, bool) {
	if f.index == nil {
		f.index = NewIndex(f.deck)
	}
	return f.index.Search(query, from)
}

// OverviewKey is what key does in the slide overview (the presenter's and
// follow's) with slide selected of n: the selection it leaves, whether it
// closes the overview, and whether it goes to the selection as it does.
func OverviewKey(key string, selected, n int) (sel int, closes, pick bool) {
	switch key {
	case "esc", "o", "q":
		return selected, true, false
	case "up", "k", "shift+tab":
		return (selected - 1 + n) % n, false, false
	case "down", "j", "tab":
		return (selected + 1) % n, false, false
	case "pgup":
		return max(selected-10, 0), false, false
	case "pgdown":
		return min(selected+10, n-1), false, false
	case "home", "g":
		return 0, false, false
	case "end", "G":
		return n - 1, false, false
	case "enter", "space":
		return selected, true, true
	}
	return selected, false, false
}
