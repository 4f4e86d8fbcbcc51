// Package search is the roster search index for the clerk's check-in desk: the
// clerk types part of a name, a unit or a phone number, and the list of
// attendees updates on each keystroke. It is pure: no database, no TUI.
//
// # Matching
//
// Names, units and the query are folded with textvi.Fold (NFC, lower case,
// diacritics removed, đ -> d, whitespace collapsed), so "dang", "Đặng" and
// "ĐẶNG" are the same query. Below, "name" and "unit" mean the folded Name and
// Unit of an Entry, "words" their space-separated words, and the query q is the
// folded query with words q1..qm. The phone is kept as its digits (a leading +84
// becomes 0); a query whose folded form, without its spaces, is 3 or more
// digits is a digit query D.
//
// An entry matches in the first of these tiers that applies (best first):
//
//	TierExact          name == q
//	TierNamePrefix     name starts with q
//	TierWordsInOrder   q1..qm are prefixes of distinct name words, in order
//	TierWords          every qi is a prefix of some word of the name or the unit
//	TierPhoneSuffix    the phone ends with D
//	TierNameSubstring  q occurs in the name
//	TierSubstring      q occurs in name+" "+unit
//	TierPhoneContains  the phone contains D
//
// Within a tier, a match on the given name (the last word of the name: "An" in
// "Nguyễn Văn An", how Vietnamese people are called) ranks first, then shorter
// names (folded length in bytes), then the order of Add. "A match on the given
// name" is, per tier: exact match, always; name prefix, q reaches into the last
// word (m == number of name words); words in order, qm can be the prefix of the
// last word with q1..qm-1 in order before it; words, some qi is a prefix of the
// last word; substrings, an occurrence of q overlaps the last word. Phone
// matches never are. An empty (or all-space) query matches nothing.
//
// # Concurrency
//
// An Index is not safe for concurrent use, not even by two searches: Search
// reuses buffers held in the Index. Build it (New, Add, Build) in one
// goroutine, hand it to another over a channel or a mutex, and from then on
// Search and Add only from that goroutine.
//
// # Cost
//
// Add folds and tokenizes the entry. Build (or the first Search after many
// Adds) makes an inverted index over the entries in rank order (folded name
// length, then index: the order within a class): a sorted vocabulary of the
// folded words of names and units, so that a query word's prefixes are a
// range of word ids; posting lists of ranks per word for given names (last
// words), surnames (first words), middle words and unit words, with a bitset
// for each list holding over 1/64 of the entries; the entries sorted by their name's word ids, so
// that the exact and name-prefix tiers are blocks found by binary search;
// the distinct units and their entries; and digit trigrams of the phones.
// A search takes the classes (tier, then given name or not) best first and
// stops at limit. Each class draws candidates in rank order from the
// smallest lists that must hold all its matches; if it finds few, it
// intersects the bitsets of those lists and of other query words' lists and
// tests what is left. Entries added after Build are tested one by one, until
// there are enough of them for Search to build again (more than
// 256+built/32). With 100,000 names a keystroke takes microseconds to a few
// hundred; Build takes tens of milliseconds.
package search

import (
	"slices"
	"strings"

	"briefing/internal/textvi"
)

// Entry is one attendee as stored: Name "Nguyễn Văn An", Unit "Phường 7",
// Phone "0912345678" (may be empty).
type Entry struct {
	Name, Unit, Phone string
}

// Hit is one search result. Index is the position the entry was given by Add
// (0, 1, 2, ...). Score is higher for better matches: 2*(NumTiers-tier), less 1
// when the match is not on the given name; see Tier and OnGivenName.
type Hit struct {
	Index int32
	Score int
}

// Tier is a kind of match, best first; see the package documentation.
type Tier int

// The tiers, best first.
const (
	TierExact Tier = iota
	TierNamePrefix
	TierWordsInOrder
	TierWords
	TierPhoneSuffix
	TierNameSubstring
	TierSubstring
	TierPhoneContains
	NumTiers
)

// Score returns the Hit.Score of a match in tier t, on the given name or not.
func Score(t Tier, onGivenName bool) int {
	s := 2 * int(NumTiers-t)
	if !onGivenName {
		s--
	}
	return s
}

// Tier returns the tier of the hit.
func (h Hit) Tier() Tier { return NumTiers - Tier((h.Score+1)/2) }

// OnGivenName reports whether the hit matched on the given name.
func (h Hit) OnGivenName() bool { return h.Score%2 == 0 }

// Index is the roster search index. The zero value is not usable; call New.
// See the package documentation for its rules and for concurrency.
type Index struct {
	names   []string // folded name, by entry
	nameOff []int32  // the words of entry i are nameW[nameOff[i]:nameOff[i+1]]
	nameW   []int32  // word ids (ids of wordStr, not of the vocabulary)
	unitOf  []int32  // unit id, by entry
	phones  []string // phone digits, by entry

	wordID  map[string]int32 // folded word -> id
	wordStr []string         // id -> folded word

	unitID  map[string]int32 // Unit as given -> unit id
	unitKey []string         // unit id -> folded unit
	unitOff []int32          // the words of unit u are unitW[unitOff[u]:unitOff[u+1]]
	unitW   []int32          // word ids, distinct per unit

	// For tests, 0 meaning the default: maxTail is how many entries added
	// since Build Search scans before it builds again (-1: never); walk is
	// walkBudget; heavy is the length from which a list has a bitset.
	maxTail, walk, heavy int
	f                    frozen // the inverted index over entries [0, f.n); the rest are scanned
	s                    scratch
}

// New returns an empty index with room for capacity entries.
func New(capacity int) *Index {
	capacity = max(capacity, 0)
	x := &Index{
		names:   make([]string, 0, capacity),
		nameOff: make([]int32, 1, capacity+1),
		nameW:   make([]int32, 0, 3*capacity),
		unitOf:  make([]int32, 0, capacity),
		phones:  make([]string, 0, capacity),
		wordID:  make(map[string]int32),
		unitID:  make(map[string]int32),
		unitOff: make([]int32, 1),
	}
	return x
}

// Len returns the number of entries added.
func (x *Index) Len() int { return len(x.names) }

// Add appends e and returns its index, the Hit.Index of its matches.
func (x *Index) Add(e Entry) int32 {
	i := int32(len(x.names))
	name := textvi.Fold(e.Name)
	x.names = append(x.names, name)
	for w := range strings.SplitSeq(name, " ") {
		if w != "" {
			x.nameW = append(x.nameW, x.word(w))
		}
	}
	x.nameOff = append(x.nameOff, int32(len(x.nameW)))

	u, ok := x.unitID[e.Unit]
	if !ok {
		u = int32(len(x.unitKey))
		x.unitID[e.Unit] = u
		key := textvi.Fold(e.Unit)
		x.unitKey = append(x.unitKey, key)
		first := len(x.unitW)
		for w := range strings.SplitSeq(key, " ") {
			if w == "" {
				continue
			}
			id := x.word(w)
			if !slices.Contains(x.unitW[first:], id) {
				x.unitW = append(x.unitW, id)
			}
		}
		x.unitOff = append(x.unitOff, int32(len(x.unitW)))
	}
	x.unitOf = append(x.unitOf, u)
	x.phones = append(x.phones, phoneDigits(e.Phone))
	return i
}

func (x *Index) word(w string) int32 {
	id, ok := x.wordID[w]
	if !ok {
		id = int32(len(x.wordStr))
		x.wordID[w] = id
		x.wordStr = append(x.wordStr, w)
	}
	return id
}

// phoneDigits keeps the digits of a phone number; "+84" at the start becomes
// "0", so "+84 912 345 678" is "0912345678".
func phoneDigits(p string) string {
	p = strings.TrimSpace(p)
	plus84 := strings.HasPrefix(p, "+84")
	if plus84 {
		p = p[3:]
	}
	clean := !plus84
	for i := 0; i < len(p) && clean; i++ {
		clean = '0' <= p[i] && p[i] <= '9'
	}
	if clean {
		return p
	}
	b := make([]byte, 0, len(p)+1)
	if plus84 {
		b = append(b, '0')
	}
	for i := 0; i < len(p); i++ {
		if '0' <= p[i] && p[i] <= '9' {
			b = append(b, p[i])
		}
	}
	return string(b)
}

// Search returns the best matches for query, best first, at most limit.
func (x *Index) Search(query string, limit int) []Hit {
	return x.SearchInto(nil, query, limit)
}

// SearchInto is Search appending to dst[:0], so that a caller reusing dst
// does not allocate on each keystroke (folding a query that is not already
// lower-case ASCII allocates once).
func (x *Index) SearchInto(dst []Hit, query string, limit int) []Hit {
	dst = dst[:0]
	if limit <= 0 {
		return dst
	}
	q := textvi.Fold(query)
	if q == "" {
		return dst
	}
	if tail := len(x.names) - x.f.n; tail > 0 && x.maxTail >= 0 {
		if lim := x.maxTail; lim == 0 && tail > 256+x.f.n/32 || lim > 0 && tail > lim {
			x.Build()
		}
	}
	x.s.prepare(q, &x.f)
	if x.f.n > 0 {
		dst = x.searchFrozen(dst, limit)
	}
	if x.f.n < len(x.names) {
		dst = x.searchTail(dst, limit)
	}
	return dst
}
