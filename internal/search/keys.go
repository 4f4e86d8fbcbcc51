package search

import (
	"slices"
	"strings"

	"briefing/internal/textvi"
)

// Keys returns what a store keeps of an entry so that it can find the
// candidates of a query (Plan) without building an Index: the distinct folded
// words of its name and unit, and its phone digits (as Index keeps them).
func Keys(e Entry) (words []string, phone string) {
	for _, s := range [...]string{textvi.Fold(e.Name), textvi.Fold(e.Unit)} {
		for w := range strings.SplitSeq(s, " ") {
			if w != "" && !slices.Contains(words, w) {
				words = append(words, w)
			}
		}
	}
	return words, phoneDigits(e.Phone)
}

// A Plan describes a superset of the entries a query matches, in terms of
// Keys, for a store to find with its own indexes: every match has, for each
// Condition, a word that satisfies it; or (if Digits is not "") its phone
// digits contain Digits. The superset follows from the tiers (see the package
// documentation): for a query of one word q, every tier but the phone's has q
// inside a word (a prefix of one, or a substring of name+" "+unit, which has
// no space in q); for words q1..qm, the word tiers have every qi a prefix of
// a word, and an occurrence of q in name+" "+unit has q1 ending a word, the
// inner words whole words and qm starting a word, so q1 is inside a word and
// the others start words.
type Plan struct {
	Conditions []Condition
	Digits     string
}

// Condition is met by a word that starts with Text, or contains it if Inside.
type Condition struct {
	Text   string
	Inside bool
}

// PlanQuery returns the Plan of query; empty (no conditions, no digits) for a
// query that matches nothing.
func PlanQuery(query string) Plan {
	var s scratch
	q := textvi.Fold(query)
	if q == "" {
		return Plan{}
	}
	s.prepareWords(q)
	p := Plan{Digits: s.digits}
	for i, w := range s.words {
		p.Conditions = append(p.Conditions, Condition{Text: w, Inside: i == 0})
	}
	return p
}

// Matches reports whether an entry with Keys words and phone is in the
// superset p describes (a store's candidates, checked again).
func (p Plan) Matches(words []string, phone string) bool {
	if p.Digits != "" && strings.Contains(phone, p.Digits) {
		return true
	}
	if len(p.Conditions) == 0 {
		return false
	}
next:
	for _, c := range p.Conditions {
		for _, w := range words {
			if c.Inside && strings.Contains(w, c.Text) || strings.HasPrefix(w, c.Text) {
				continue next
			}
		}
		return false
	}
	return true
}
