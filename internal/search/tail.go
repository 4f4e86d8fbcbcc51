package search

import (
	"cmp"
	"slices"
	"strings"
)

// searchTail scans the entries added since Build, one by one, and merges
// their hits into dst (the built entries' hits, in order), keeping limit.
func (x *Index) searchTail(dst []Hit, limit int) []Hit {
	s := &x.s
	tail := s.hits[:0]
	for i := x.f.n; i < len(x.names); i++ {
		if sc := s.classify(x.names[i], x.unitKey[x.unitOf[i]], x.phones[i]); sc > 0 {
			tail = append(tail, Hit{Index: int32(i), Score: sc})
		}
	}
	s.hits = tail
	if len(tail) == 0 {
		return dst
	}
	slices.SortFunc(tail, x.cmpHits)
	merged := s.hits2[:0]
	i, j := 0, 0
	for len(merged) < limit && (i < len(dst) || j < len(tail)) {
		if j == len(tail) || i < len(dst) && x.cmpHits(dst[i], tail[j]) < 0 {
			merged = append(merged, dst[i])
			i++
		} else {
			merged = append(merged, tail[j])
			j++
		}
	}
	s.hits2 = merged
	return append(dst[:0], merged...)
}

// cmpHits orders hits best first: score, then name length, then index.
func (x *Index) cmpHits(a, b Hit) int {
	if a.Score != b.Score {
		return cmp.Compare(b.Score, a.Score)
	}
	if la, lb := len(x.names[a.Index]), len(x.names[b.Index]); la != lb {
		return cmp.Compare(la, lb)
	}
	return cmp.Compare(a.Index, b.Index)
}

// classify returns the score of the folded name, unit and phone digits for
// the prepared query, or 0 if they do not match. It states the rules of the
// package documentation directly.
func (s *scratch) classify(name, unit, phone string) int {
	q, qw := s.q, s.words
	if name == q {
		return Score(TierExact, true)
	}
	nw := appendWords(s.nameWords[:0], name)
	s.nameWords = nw
	if strings.HasPrefix(name, q) {
		return Score(TierNamePrefix, len(qw) == len(nw))
	}
	if len(nw) > 0 && strings.HasPrefix(nw[len(nw)-1], qw[len(qw)-1]) &&
		wordsInOrder(nw[:len(nw)-1], qw[:len(qw)-1]) {
		return Score(TierWordsInOrder, true)
	}
	if wordsInOrder(nw, qw) {
		return Score(TierWordsInOrder, false)
	}
	uw := appendWords(s.unitWords[:0], unit)
	s.unitWords = uw
	if everyWordStarts(qw, nw, uw) {
		given := false
		for _, w := range qw {
			given = given || len(nw) > 0 && strings.HasPrefix(nw[len(nw)-1], w)
		}
		return Score(TierWords, given)
	}
	if s.digits != "" && strings.HasSuffix(phone, s.digits) {
		return Score(TierPhoneSuffix, false)
	}
	if strings.Contains(name, q) {
		return Score(TierNameSubstring, overlapsLast(name, q, lastWordStart(name)))
	}
	if spans(name, unit, q) {
		return Score(TierSubstring, true)
	}
	if strings.Contains(unit, q) {
		return Score(TierSubstring, false)
	}
	if s.digits != "" && strings.Contains(phone, s.digits) {
		return Score(TierPhoneContains, false)
	}
	return 0
}

// appendWords appends the words of the folded s (single spaces, trimmed).
func appendWords(dst []string, s string) []string {
	if s == "" {
		return dst
	}
	for w := range strings.SplitSeq(s, " ") {
		dst = append(dst, w)
	}
	return dst
}

// wordsInOrder reports whether the query words qw start distinct words of
// ws, in order.
func wordsInOrder(ws, qw []string) bool {
	j := 0
	for _, q := range qw {
		for j < len(ws) && !strings.HasPrefix(ws[j], q) {
			j++
		}
		if j == len(ws) {
			return false
		}
		j++
	}
	return true
}

// everyWordStarts reports whether every query word starts some word of a or b.
func everyWordStarts(qw, a, b []string) bool {
next:
	for _, q := range qw {
		for _, w := range a {
			if strings.HasPrefix(w, q) {
				continue next
			}
		}
		for _, w := range b {
			if strings.HasPrefix(w, q) {
				continue next
			}
		}
		return false
	}
	return true
}

// lastWordStart returns the index of the last word of the folded name.
func lastWordStart(name string) int { return strings.LastIndexByte(name, ' ') + 1 }

// overlapsLast reports whether q occurs in name overlapping its last word,
// which starts at ls.
func overlapsLast(name, q string, ls int) bool {
	if name == "" {
		return false
	}
	return strings.Contains(name[max(0, ls-len(q)+1):], q)
}

// spans reports whether q occurs in name+" "+unit across the space between
// them (then it overlaps the given name).
func spans(name, unit, q string) bool {
	if name == "" || unit == "" {
		return false
	}
	for p := strings.IndexByte(q, ' '); p >= 0; {
		if strings.HasSuffix(name, q[:p]) && strings.HasPrefix(unit, q[p+1:]) {
			return true
		}
		k := strings.IndexByte(q[p+1:], ' ')
		if k < 0 {
			break
		}
		p += 1 + k
	}
	return false
}
