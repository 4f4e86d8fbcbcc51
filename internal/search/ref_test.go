package search_test

import (
	"cmp"
	"slices"
	"strings"

	"briefing/internal/search"
	"briefing/internal/textvi"
)

// The slow reference: the rules of the package documentation, written
// independently of the index (every occurrence and every assignment tried).

type refEntry struct{ name, unit, phone string }

func refFold(e search.Entry) refEntry {
	p := strings.TrimSpace(e.Phone)
	var b strings.Builder
	if rest, ok := strings.CutPrefix(p, "+84"); ok {
		b.WriteByte('0')
		p = rest
	}
	for _, c := range []byte(p) {
		if '0' <= c && c <= '9' {
			b.WriteByte(c)
		}
	}
	return refEntry{textvi.Fold(e.Name), textvi.Fold(e.Unit), b.String()}
}

func splitWords(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, " ")
}

// occurrences returns every index where q occurs in s.
func occurrences(s, q string) []int {
	var at []int
	for i := 0; i+len(q) <= len(s); i++ {
		if s[i:i+len(q)] == q {
			at = append(at, i)
		}
	}
	return at
}

// assign reports whether qw[i:] can be given distinct words of nw[j:] they
// start, in order; with onLast, the last query word on the last name word.
func assign(nw, qw []string, i, j int, onLast bool) bool {
	if i == len(qw) {
		return true
	}
	for k := j; k < len(nw); k++ {
		if i == len(qw)-1 && onLast && k != len(nw)-1 {
			continue
		}
		if strings.HasPrefix(nw[k], qw[i]) && assign(nw, qw, i+1, k+1, onLast) {
			return true
		}
	}
	return false
}

func refTier(e refEntry, q string) (search.Tier, bool, bool) {
	qw := splitWords(q)
	nw := splitWords(e.name)
	uw := splitWords(e.unit)
	ls := strings.LastIndexByte(e.name, ' ') + 1 // start of the given name
	digits := strings.ReplaceAll(q, " ", "")
	if len(digits) < 3 || strings.Trim(digits, "0123456789") != "" {
		digits = ""
	}
	switch {
	case e.name == q:
		return search.TierExact, true, true
	case strings.HasPrefix(e.name, q):
		return search.TierNamePrefix, len(q) > ls, true
	case assign(nw, qw, 0, 0, false):
		return search.TierWordsInOrder, assign(nw, qw, 0, 0, true), true
	}
	all, given := true, false
	for _, w := range qw {
		found := false
		for k, x := range append(slices.Clone(nw), uw...) {
			if strings.HasPrefix(x, w) {
				found = true
				given = given || k == len(nw)-1
			}
		}
		all = all && found
	}
	if all {
		return search.TierWords, given, true
	}
	if digits != "" && strings.HasSuffix(e.phone, digits) {
		return search.TierPhoneSuffix, false, true
	}
	overlaps := func(at []int) bool {
		for _, s := range at {
			if e.name != "" && s < len(e.name) && s+len(q) > ls {
				return true
			}
		}
		return false
	}
	if at := occurrences(e.name, q); len(at) > 0 {
		return search.TierNameSubstring, overlaps(at), true
	}
	joined := e.name + " " + e.unit
	if e.name == "" || e.unit == "" {
		joined = e.name + e.unit
	}
	if at := occurrences(joined, q); len(at) > 0 {
		return search.TierSubstring, overlaps(at), true
	}
	if digits != "" && strings.Contains(e.phone, digits) {
		return search.TierPhoneContains, false, true
	}
	return 0, false, false
}

func refSearch(entries []search.Entry, query string, limit int) []search.Hit {
	q := textvi.Fold(query)
	if q == "" || limit <= 0 {
		return nil
	}
	var hits []search.Hit
	names := make([]string, len(entries))
	for i, e := range entries {
		fe := refFold(e)
		names[i] = fe.name
		if t, g, ok := refTier(fe, q); ok {
			hits = append(hits, search.Hit{Index: int32(i), Score: search.Score(t, g)})
		}
	}
	slices.SortFunc(hits, func(a, b search.Hit) int {
		if c := cmp.Compare(b.Score, a.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(len(names[a.Index]), len(names[b.Index])); c != 0 {
			return c
		}
		return cmp.Compare(a.Index, b.Index)
	})
	return hits[:min(limit, len(hits))]
}
