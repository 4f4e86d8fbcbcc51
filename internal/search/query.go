package search

import (
	"math/bits"
	"slices"
	"strings"
)

// scratch is the per-search state, kept in the Index between searches so
// that a keystroke allocates nothing once the buffers have grown.
type scratch struct {
	q         string   // folded query
	words     []string // its words
	lastSpace int      // index of the last space in q, or -1
	digits    string   // q without spaces if that is 3+ digits, else ""

	// Per query word, against the frozen vocabulary: the ids of the words
	// it is a prefix of are lo[i]..hi[i]-1; exact[i] is its own id or -1.
	lo, hi, exact []int32

	// wm[w]: bit i is set if query word i starts vocabulary word w, when
	// masked (at most 64 query words); full has a bit per query word.
	wm     []uint64
	masked bool
	full   uint64

	// stamp[r] == gen: rank r was already emitted by this search.
	stamp []uint32
	gen   uint32

	// ustamp[u] == ugen: unit u is in the set being built.
	ustamp []uint32
	ugen   uint32

	m      merger
	cands  []int32
	cands2 []int32
	ids    []int32
	ranges []idRange
	units  []int32
	bits   []uint64 // bitsets of ranks
	bits2  []uint64
	hits   []Hit // tail hits
	hits2  []Hit

	nameWords, unitWords []string // for the string classifier
}

func (s *scratch) prepare(q string, f *frozen) {
	s.prepareWords(q)
	s.prepareVocab(f)
}

// prepareWords splits the folded query q into words and digits.
func (s *scratch) prepareWords(q string) {
	s.q = q
	s.words = s.words[:0]
	for w := range strings.SplitSeq(q, " ") {
		s.words = append(s.words, w)
	}
	s.lastSpace = strings.LastIndexByte(q, ' ')

	s.digits = ""
	nd := 0
	for i := 0; i < len(q); i++ {
		if c := q[i]; '0' <= c && c <= '9' {
			nd++
		} else if c != ' ' {
			nd = -1
			break
		}
	}
	if nd >= 3 {
		if s.lastSpace < 0 {
			s.digits = q
		} else {
			s.digits = strings.ReplaceAll(q, " ", "")
		}
	}

}

// prepareVocab finds the query words in the vocabulary.
func (s *scratch) prepareVocab(f *frozen) {
	for i := range s.lo { // clear the previous query's masks
		clear(s.wm[s.lo[i]:s.hi[i]])
	}
	s.lo, s.hi, s.exact = s.lo[:0], s.hi[:0], s.exact[:0]
	for _, w := range s.words {
		lo, hi := prefixRange(f.vocab, w)
		ex := int32(-1)
		if lo < hi && f.vocab[lo] == w {
			ex = lo
		}
		s.lo, s.hi, s.exact = append(s.lo, lo), append(s.hi, hi), append(s.exact, ex)
	}
	s.masked = len(s.words) <= 64
	if s.masked {
		s.full = 1<<len(s.words) - 1
		if len(s.words) == 64 {
			s.full = ^uint64(0)
		}
		for i := range s.words {
			for w := s.lo[i]; w < s.hi[i]; w++ {
				s.wm[w] |= 1 << i
			}
		}
	}
}

// prefixRange returns the ids of the words of vocab that start with w.
func prefixRange(vocab []string, w string) (lo, hi int32) {
	l, h := 0, len(vocab)
	for l < h {
		m := int(uint(l+h) >> 1)
		if vocab[m] < w {
			l = m + 1
		} else {
			h = m
		}
	}
	lo = int32(l)
	h = len(vocab)
	for l < h {
		m := int(uint(l+h) >> 1)
		if strings.HasPrefix(vocab[m], w) {
			l = m + 1
		} else {
			h = m
		}
	}
	return lo, int32(l)
}

func (x *Index) emit(dst []Hit, r int32, score int) []Hit {
	x.s.stamp[r] = x.s.gen
	return append(dst, Hit{Index: x.f.rankIdx[r], Score: score})
}

// drain emits the ranks of the merger that are not emitted yet and that accept
// (if not nil) accepts, in order, until dst has limit hits.
func (x *Index) drain(dst []Hit, limit, score int, accept func(r int32) bool) []Hit {
	s := &x.s
	s.m.start()
	for len(dst) < limit {
		r := s.m.next()
		if r < 0 {
			break
		}
		if s.stamp[r] == s.gen || accept != nil && !accept(r) {
			continue
		}
		dst = x.emit(dst, r, score)
	}
	return dst
}

func (s *scratch) nextUnits() uint32 {
	if s.ugen++; s.ugen == 0 {
		clear(s.ustamp)
		s.ugen = 1
	}
	return s.ugen
}

// rangeTop emits, best first, the ranks of arr[lo:hi] not emitted yet, until
// dst has limit hits; pos[r] is the position of rank r in arr, and no rank
// of the block is below start (its names are not shorter). A large block is
// first tried by walking the ranks in order from start and testing their
// position, which stops early if the block is dense there; else (or for a
// small block) the block is collected and its best ranks selected.
func (x *Index) rangeTop(dst []Hit, arr, pos []int32, lo, hi int32, start, limit, score int) []Hit {
	if lo >= hi || len(dst) >= limit {
		return dst
	}
	s := &x.s
	if size := int(hi - lo); size > 4*(limit-len(dst)) {
		end := min(len(pos), start+2*size)
		for r := start; r < end; r++ {
			if p := pos[r]; p >= lo && p < hi && s.stamp[r] != s.gen {
				if dst = x.emit(dst, int32(r), score); len(dst) >= limit {
					return dst
				}
			}
		}
		if end == len(pos) {
			return dst
		}
	}
	need := limit - len(dst)
	c := s.cands[:0]
	for _, r := range arr[lo:hi] {
		if s.stamp[r] != s.gen {
			c = append(c, r)
		}
	}
	s.cands = c
	for _, r := range smallest(c, need) {
		dst = x.emit(dst, r, score)
	}
	return dst
}

// firstRankOfLen returns the first rank whose folded name has at least n
// bytes.
func (x *Index) firstRankOfLen(n int) int {
	f := &x.f
	lo, hi := 0, f.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if len(x.names[f.rankIdx[m]]) < n {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// nameBlock returns the block of arr (byName, or byKey when nwords >= 0)
// holding the names whose first words have the ids prefix and whose next word
// has an id in [lo, hi) (and that have nwords words, for byKey).
func (f *frozen) nameBlock(arr []int32, nwords int, prefix []int32, lo, hi int32) (int32, int32) {
	bound := func(x int32) int32 {
		l, h := 0, len(arr)
		for l < h {
			m := int(uint(l+h) >> 1)
			if f.cmpName(arr[m], nwords, prefix, x) < 0 {
				l = m + 1
			} else {
				h = m
			}
		}
		return int32(l)
	}
	return bound(lo), bound(hi)
}

// cmpName compares the name of rank r, cut to len(prefix)+1 words, with the
// word sequence prefix+[x]; by number of words first if nwords >= 0.
func (f *frozen) cmpName(r int32, nwords int, prefix []int32, x int32) int {
	ws := f.names(r)
	if nwords >= 0 && len(ws) != nwords {
		if len(ws) < nwords {
			return -1
		}
		return 1
	}
	for i, p := range prefix {
		if i >= len(ws) {
			return -1
		}
		if ws[i] != p {
			if ws[i] < p {
				return -1
			}
			return 1
		}
	}
	if len(prefix) >= len(ws) {
		return -1
	}
	if w := ws[len(prefix)]; w != x {
		if w < x {
			return -1
		}
		return 1
	}
	return 0
}

// searchFrozen appends the hits among the built entries, best first, up to
// limit. It takes the tiers in order, and within a tier the given-name
// matches then the others; each from candidates in rank order, so that it
// can stop at limit. Every class is complete before the next begins, so a
// candidate not emitted yet that passes a class's test belongs to it.
func (x *Index) searchFrozen(dst []Hit, limit int) []Hit {
	f, s := &x.f, &x.s
	s.gen++
	if s.gen == 0 {
		clear(s.stamp)
		s.gen = 1
	}
	m := len(s.words)
	last := m - 1
	done := func() bool { return len(dst) >= limit }

	// Exact and name prefix: blocks of byKey and byName.
	if !slices.Contains(s.exact[:last], -1) {
		prefix := s.exact[:last]
		if e := s.exact[last]; e >= 0 {
			lo, hi := f.nameBlock(f.byKey, m, prefix, e, e+1)
			for _, r := range f.byKey[lo:hi] { // one name: in rank order
				if dst = x.emit(dst, r, Score(TierExact, true)); done() {
					return dst
				}
			}
		}
		start := x.firstRankOfLen(len(s.q))
		lo, hi := f.nameBlock(f.byKey, m, prefix, s.lo[last], s.hi[last])
		if dst = x.rangeTop(dst, f.byKey, f.posKey, lo, hi, start, limit, Score(TierNamePrefix, true)); done() {
			return dst
		}
		lo, hi = f.nameBlock(f.byName, -1, prefix, s.lo[last], s.hi[last])
		if dst = x.rangeTop(dst, f.byName, f.posName, lo, hi, start, limit, Score(TierNamePrefix, false)); done() {
			return dst
		}
	}

	if dst = x.searchWords(dst, limit); done() {
		return dst
	}

	if s.digits != "" {
		d := s.digits
		s.m.reset()
		s.m.add(f.phoneEnd.list(digits3(d, len(d)-3)))
		if dst = x.drain(dst, limit, Score(TierPhoneSuffix, false), func(r int32) bool {
			return strings.HasSuffix(x.phones[f.rankIdx[r]], d)
		}); done() {
			return dst
		}
	}

	if dst = x.searchSubstrings(dst, limit); done() {
		return dst
	}

	if s.digits != "" {
		d := s.digits
		best := int32(-1)
		for k := 0; k+3 <= len(d); k++ {
			if t := digits3(d, k); best < 0 || f.phoneTri.size(t, t+1) < f.phoneTri.size(best, best+1) {
				best = t
			}
		}
		s.m.reset()
		s.m.add(f.phoneTri.list(best))
		dst = x.drain(dst, limit, Score(TierPhoneContains, false), func(r int32) bool {
			return strings.Contains(x.phones[f.rankIdx[r]], d)
		})
	}
	return dst
}

// searchWords does the tiers WordsInOrder and Words.
func (x *Index) searchWords(dst []Hit, limit int) []Hit {
	f, s := &x.f, &x.s
	m := len(s.words)
	for i := range m {
		if s.lo[i] == s.hi[i] {
			return dst // a query word starts no word at all
		}
	}
	if m == 1 {
		// Exact lists: a given name, another name word, a unit word starting
		// with the query.
		lo, hi := s.lo[0], s.hi[0]
		s.m.reset()
		s.m.addRange(&f.given, lo, hi)
		if dst = x.drain(dst, limit, Score(TierWordsInOrder, true), nil); len(dst) >= limit {
			return dst
		}
		s.m.reset()
		s.addRanges(lo, hi, &f.first, &f.middle)
		if dst = x.drain(dst, limit, Score(TierWordsInOrder, false), nil); len(dst) >= limit {
			return dst
		}
		s.m.reset()
		s.m.addRange(&f.units, lo, hi)
		return x.drain(dst, limit, Score(TierWords, false), nil)
	}

	// Each class from the lists that must hold all its matches: per query
	// word, those of the words it starts in the families where it can be
	// (see walkClass).
	last := m - 1
	var opts [maxWords + 1]option
	classes := [...]struct {
		score  int
		accept func(r int32) bool
	}{
		{Score(TierWordsInOrder, true), func(r int32) bool {
			ws := f.names(r)
			return len(ws) > 0 && s.inRange(ws[len(ws)-1], last) && s.inOrder(ws[:len(ws)-1], last)
		}},
		{Score(TierWordsInOrder, false), func(r int32) bool {
			return s.inOrder(f.names(r), m)
		}},
		{Score(TierWords, true), func(r int32) bool {
			ws := f.names(r)
			return len(ws) > 0 && s.anyWordIn(ws[len(ws)-1]) && s.allWords(ws, f.unitWords(r))
		}},
		{Score(TierWords, false), func(r int32) bool {
			return s.allWords(f.names(r), f.unitWords(r))
		}},
	}
	s.ranges = s.ranges[:0]
	for c, class := range classes {
		o := opts[:0]
		for i := range min(m, maxWords) {
			var fams [4]*postings
			switch c {
			case 0, 1:
				a, b := x.inOrderFamilies(i, m, c == 0)
				fams = [4]*postings{a, b}
			default:
				fams = [4]*postings{&f.given, &f.first, &f.middle, &f.units}
			}
			o = append(o, x.wordOption(i, fams))
		}
		if c == 2 {
			// Some query word starts the given name.
			mark := len(s.ranges)
			for i := range m {
				s.ranges = append(s.ranges, idRange{s.lo[i], s.hi[i]})
			}
			o = append(o, x.newOption(-1, [4]*postings{&f.given}, mark))
		}
		if dst = x.walkEmit(dst, limit, class.score, class.accept, o); len(dst) >= limit {
			return dst
		}
	}
	return dst
}

// maxWords is how many query words are used to choose candidate lists.
const maxWords = 8

// option is a set of candidate lists that holds every match of a class: the
// lists of fams for the word ids in ranges (a slice of scratch.ranges).
// Options of the same group constrain the same part of the query.
type option struct {
	group  int
	fams   [4]*postings // nil-terminated
	ranges []idRange
	size   int
}

type idRange struct{ lo, hi int32 }

// newOption returns the option for fams and the ranges appended to
// s.ranges since mark.
func (x *Index) newOption(group int, fams [4]*postings, mark int) option {
	o := option{group: group, fams: fams, ranges: x.s.ranges[mark:len(x.s.ranges):len(x.s.ranges)]}
	x.eachRange(&o, func(p *postings, lo, hi int32) { o.size += p.size(lo, hi) })
	return o
}

// wordOption is the option of the words starting with query word i.
func (x *Index) wordOption(i int, fams [4]*postings) option {
	s := &x.s
	mark := len(s.ranges)
	s.ranges = append(s.ranges, idRange{s.lo[i], s.hi[i]})
	return x.newOption(i, fams, mark)
}

// eachRange calls fn for every list range of o.
func (x *Index) eachRange(o *option, fn func(p *postings, lo, hi int32)) {
	for _, p := range o.fams {
		if p == nil {
			break
		}
		for _, r := range o.ranges {
			fn(p, r.lo, r.hi)
		}
	}
}

// walkBudget is how many candidates walkClass reads in rank order before it
// changes method.
const walkBudget = 256

// walkClass passes to take, best first, the matches of one class (the ranks
// not emitted yet that accept accepts) until take returns false. Each option
// is a set of lists that holds every match; options of different groups
// constrain different query words. It walks the smallest set in rank order:
// the common, dense case. After walkBudget candidates it makes a bitset of
// the ranks in that set after those it walked, intersects it with the
// bitsets of up to three sets of other groups while that pays, and tests the
// ranks left, in order.
func (x *Index) walkClass(accept func(r int32) bool, opts []option, take func(r int32) bool) {
	s := &x.s
	a := -1
	for k, o := range opts {
		if a < 0 || o.size < opts[a].size {
			a = k
		}
	}
	if a < 0 || opts[a].size == 0 {
		return
	}
	s.m.reset()
	x.eachRange(&opts[a], s.m.addRange)
	s.m.start()
	budget := walkBudget
	if x.walk > 0 {
		budget = x.walk
	}
	for range budget {
		r := s.m.next()
		if r < 0 {
			return
		}
		if s.stamp[r] != s.gen && accept(r) && !take(r) {
			return
		}
	}
	from := s.m.last + 1
	if int(from) >= x.f.n {
		return
	}

	// Intersect while the next set is small enough for the ranks left: a
	// test costs about as much as setting ten bits.
	acc := x.fill(s.bits, &opts[a])
	acc[from>>6] &^= 1<<(from&63) - 1
	left := opts[a].size
	used := [4]int{opts[a].group}
	for nused := 1; nused < len(used); nused++ {
		b := -1
		for j, o := range opts {
			if o.size <= 10*left && !slices.Contains(used[:nused], o.group) &&
				(b < 0 || o.size < opts[b].size) {
				b = j
			}
		}
		if b < 0 {
			break
		}
		used[nused] = opts[b].group
		and := x.fill(s.bits2, &opts[b])
		left = 0
		for i := int(from >> 6); i < len(acc); i++ {
			acc[i] &= and[i]
			left += bits.OnesCount64(acc[i])
		}
	}
	for i := int(from >> 6); i < len(acc); i++ {
		for w := acc[i]; w != 0; w &= w - 1 {
			r := int32(i<<6 + bits.TrailingZeros64(w))
			if s.stamp[r] != s.gen && accept(r) && !take(r) {
				return
			}
		}
	}
}

// walkEmit is walkClass emitting the matches with score until dst has limit
// hits.
func (x *Index) walkEmit(dst []Hit, limit, score int, accept func(r int32) bool, opts []option) []Hit {
	if len(dst) < limit {
		x.walkClass(accept, opts, func(r int32) bool {
			dst = x.emit(dst, r, score)
			return len(dst) < limit
		})
	}
	return dst
}

// fill sets bs to the bitset of the ranks in o's lists.
func (x *Index) fill(bs []uint64, o *option) []uint64 {
	clear(bs)
	x.eachRange(o, func(p *postings, lo, hi int32) {
		for k := lo; k < hi; k++ {
			if p.off[k+1]-p.off[k] >= p.heavy && p.bits != nil {
				for i, w := range p.bits[k] {
					bs[i] |= w
				}
				continue
			}
			for _, r := range p.list(k) {
				bs[r>>6] |= 1 << (r & 63)
			}
		}
	})
	return bs
}

// inOrderFamilies returns the lists where query word i of m can be when the
// words are in order (with the last on the given name if onGiven): the first
// word cannot be the last name word, the last not the first, the others
// neither.
func (x *Index) inOrderFamilies(i, m int, onGiven bool) (a, b *postings) {
	f := &x.f
	switch {
	case i == m-1 && onGiven:
		return &f.given, nil
	case i == m-1:
		return &f.middle, &f.given
	case i == 0:
		return &f.first, &f.middle
	}
	return &f.middle, nil
}

// addRanges adds the lists lo..hi-1 of each of ps.
func (s *scratch) addRanges(lo, hi int32, ps ...*postings) {
	for _, p := range ps {
		s.m.addRange(p, lo, hi)
	}
}

// inRange reports whether word id w starts with query word i.
func (s *scratch) inRange(w int32, i int) bool {
	if s.masked {
		return s.wm[w]>>i&1 != 0
	}
	return s.lo[i] <= w && w < s.hi[i]
}

// inOrder reports whether query words 0..k-1 start distinct words of ws, in
// order.
func (s *scratch) inOrder(ws []int32, k int) bool {
	j := 0
	for i := range k {
		for j < len(ws) && !s.inRange(ws[j], i) {
			j++
		}
		if j == len(ws) {
			return false
		}
		j++
	}
	return true
}

// anyWordIn reports whether some query word starts word id w.
func (s *scratch) anyWordIn(w int32) bool {
	if s.masked {
		return s.wm[w] != 0
	}
	for i := range s.words {
		if s.inRange(w, i) {
			return true
		}
	}
	return false
}

// allWords reports whether every query word starts a word of names or units.
func (s *scratch) allWords(names, units []int32) bool {
	if s.masked {
		var acc uint64
		for _, w := range names {
			acc |= s.wm[w]
		}
		for _, w := range units {
			acc |= s.wm[w]
		}
		return acc == s.full
	}
next:
	for i := range s.words {
		for _, w := range names {
			if s.inRange(w, i) {
				continue next
			}
		}
		for _, w := range units {
			if s.inRange(w, i) {
				continue next
			}
		}
		return false
	}
	return true
}

// searchSubstrings does the tiers NameSubstring and Substring.
func (x *Index) searchSubstrings(dst []Hit, limit int) []Hit {
	f, s := &x.f, &x.s
	if s.lastSpace < 0 {
		// One word: it occurs in the name (or unit) iff it occurs in one of
		// its words, so the candidates are exact lists of the words that
		// contain it.
		s.ids = s.ids[:0]
		for id, w := range f.vocab {
			if strings.Contains(w, s.q) {
				s.ids = append(s.ids, int32(id))
			}
		}
		if len(s.ids) == 0 {
			return dst
		}
		for _, c := range [...]struct {
			p     *postings
			score int
		}{
			{&f.given, Score(TierNameSubstring, true)},
			{&f.first, Score(TierNameSubstring, false)},
			{&f.units, Score(TierSubstring, false)},
		} {
			s.m.reset()
			s.m.addIDs(c.p, s.ids)
			if c.p == &f.first {
				s.m.addIDs(&f.middle, s.ids)
			}
			if dst = x.drain(dst, limit, c.score, nil); len(dst) >= limit {
				return dst
			}
		}
		return dst
	}

	// Several words: an occurrence of "a mid... z" is a word ending with a,
	// whole words mid, and a word starting with z.
	m := len(s.words)
	for i := 1; i < m-1; i++ {
		if s.exact[i] < 0 {
			return dst
		}
	}
	if s.lo[m-1] == s.hi[m-1] {
		return dst
	}
	s.ids = f.endingWith(s.ids[:0], s.words[0])
	if len(s.ids) == 0 {
		return dst
	}
	if dst = x.searchNameSubstring(dst, limit); len(dst) >= limit {
		return dst
	}
	return x.searchNameUnit(dst, limit)
}

// partSize is the total length of the lists of p for query part i (0: the
// words ending with the first query word, in s.ids; m-1: the words starting
// with the last; else the middle word itself).
func (s *scratch) partSize(i int, p *postings) int {
	switch m := len(s.words); {
	case i == 0:
		n := 0
		for _, id := range s.ids {
			n += p.size(id, id+1)
		}
		return n
	case i == m-1:
		return p.size(s.lo[i], s.hi[i])
	default:
		return p.size(s.exact[i], s.exact[i]+1)
	}
}

// addPart adds the lists of p for query part i to the merger.
func (s *scratch) addPart(i int, p *postings) {
	switch m := len(s.words); {
	case i == 0:
		s.m.addIDs(p, s.ids)
	case i == m-1:
		s.m.addRange(p, s.lo[i], s.hi[i])
	default:
		s.m.add(p.list(s.exact[i]))
	}
}

// searchNameSubstring does the tier NameSubstring for a query of several
// words "a mid... z" (see searchSubstrings), from the lists of its parts: a
// ends the first or a middle name word, the mid words are middle name words,
// z starts the given name (then the match overlaps it) or a middle word.
func (x *Index) searchNameSubstring(dst []Hit, limit int) []Hit {
	f, s := &x.f, &x.s
	q := s.q
	m := len(s.words)
	name := func(r int32) string { return x.names[f.rankIdx[r]] }
	var opts [maxWords]option
	for _, onGiven := range []bool{true, false} {
		s.ranges = s.ranges[:0]
		o := opts[:0]
		mark := len(s.ranges)
		for _, id := range s.ids {
			s.ranges = append(s.ranges, idRange{id, id + 1})
		}
		o = append(o, x.newOption(0, [4]*postings{&f.first, &f.middle}, mark))
		for i := 1; i < min(m-1, maxWords-1); i++ {
			mark := len(s.ranges)
			s.ranges = append(s.ranges, idRange{s.exact[i], s.exact[i] + 1})
			o = append(o, x.newOption(i, [4]*postings{&f.middle}, mark))
		}
		if onGiven {
			// Overlapping the given name: z starts it.
			o = append(o, x.wordOption(m-1, [4]*postings{&f.given}))
			dst = x.walkEmit(dst, limit, Score(TierNameSubstring, true), func(r int32) bool {
				n := name(r)
				return overlapsLast(n, q, lastWordStart(n))
			}, o)
		} else {
			// Elsewhere: z starts a middle word.
			o = append(o, x.wordOption(m-1, [4]*postings{&f.middle}))
			dst = x.walkEmit(dst, limit, Score(TierNameSubstring, false), func(r int32) bool {
				return strings.Contains(name(r), q)
			}, o)
		}
		if len(dst) >= limit {
			break
		}
	}
	return dst
}

// searchNameUnit does the tier Substring for a query of several words: first
// the matches across name and unit ("...an phuong 7" over "Văn An", "Phường
// 7"), then those in the unit alone. Both are found from the distinct units.
func (x *Index) searchNameUnit(dst []Hit, limit int) []Hit {
	f, s := &x.f, &x.s
	q := s.q
	m := len(s.words)

	// The units containing q: from the rarest part's units.
	rare, rareSize := 0, -1
	for i := range m {
		if n := s.partSize(i, &f.unitsOf); rareSize < 0 || n < rareSize {
			rare, rareSize = i, n
		}
	}
	s.m.reset()
	s.addPart(rare, &f.unitsOf)
	g := s.nextUnits()
	s.units = s.units[:0]
	for _, l := range s.m.lists {
		for _, u := range l {
			if s.ustamp[u] != g {
				s.ustamp[u] = g
				if strings.Contains(x.unitKey[u], q) {
					s.units = append(s.units, u)
				}
			}
		}
	}

	// Across: q = x+" "+y, the name ending with x and the unit starting
	// with y, for each space of q. The best of each split, then of all.
	need := limit - len(dst)
	span := s.cands[:0]
	var opts [maxWords + 2]option
	for p := s.lastSpace; p > 0; p = strings.LastIndexByte(q[:p], ' ') {
		xs, ys := q[:p], q[p+1:]
		// Units starting with ys: among those starting with its first word
		// (or with a word it starts, if it is one word), or with another of
		// its words if rarer (the last one starts a word of the unit).
		first, rest, several := strings.Cut(ys, " ")
		lo, hi := prefixRange(f.vocab, first)
		cands := &f.unitsFirst
		if several {
			id, ok := slices.BinarySearch(f.vocab, first)
			if !ok {
				continue
			}
			lo, hi = int32(id), int32(id)+1
			llo, lhi := prefixRange(f.vocab, rest[strings.LastIndexByte(rest, ' ')+1:])
			if f.unitsOf.size(llo, lhi) < cands.size(lo, hi) {
				cands, lo, hi = &f.unitsOf, llo, lhi
			}
			missing := false
			for !missing && strings.IndexByte(rest, ' ') >= 0 {
				var w string
				w, rest, _ = strings.Cut(rest, " ")
				id, ok := slices.BinarySearch(f.vocab, w)
				if missing = !ok; ok && f.unitsOf.size(int32(id), int32(id)+1) < cands.size(lo, hi) {
					cands, lo, hi = &f.unitsOf, int32(id), int32(id)+1
				}
			}
			if missing {
				continue
			}
		}
		g := s.nextUnits()
		usize := 0
		starts := s.ids[:0]
		for _, u := range cands.r[cands.off[lo]:cands.off[hi]] {
			if s.ustamp[u] != g && strings.HasPrefix(x.unitKey[u], ys) {
				s.ustamp[u] = g
				starts = append(starts, u)
				usize += f.unitRanks.size(u, u+1)
			}
		}
		s.ids = starts
		if usize == 0 {
			continue
		}

		// The options: the units starting with ys; the given names that are
		// (if xs has several words) or end with (if one) the last word of
		// xs; the middle names that are its inner words.
		s.ranges = s.ranges[:0]
		o := opts[:0]
		mark := len(s.ranges)
		for _, u := range starts {
			s.ranges = append(s.ranges, idRange{u, u + 1})
		}
		o = append(o, x.newOption(0, [4]*postings{&f.unitRanks}, mark))
		ls := strings.LastIndexByte(xs, ' ')
		mark = len(s.ranges)
		if ls < 0 {
			s.cands2 = f.endingWith(s.cands2[:0], xs)
			for _, id := range s.cands2 {
				s.ranges = append(s.ranges, idRange{id, id + 1})
			}
		} else if id, ok := slices.BinarySearch(f.vocab, xs[ls+1:]); ok {
			s.ranges = append(s.ranges, idRange{int32(id), int32(id) + 1})
		}
		o = append(o, x.newOption(1, [4]*postings{&f.given}, mark))
		if ls >= 0 {
			inner := ""
			if fs := strings.IndexByte(xs, ' '); fs < ls {
				inner = xs[fs+1 : ls]
			}
			for k := 0; k < maxWords && inner != ""; k++ {
				w, rest, _ := strings.Cut(inner, " ")
				inner = rest
				if id, ok := slices.BinarySearch(f.vocab, w); ok {
					mark := len(s.ranges)
					s.ranges = append(s.ranges, idRange{int32(id), int32(id) + 1})
					o = append(o, x.newOption(2+k, [4]*postings{&f.middle}, mark))
				} else {
					o = append(o, option{group: 2 + k}) // no such name: no match
				}
			}
		}
		got := 0
		x.walkClass(func(r int32) bool {
			return s.ustamp[f.unit[r]] == g && strings.HasSuffix(x.names[f.rankIdx[r]], xs)
		}, o, func(r int32) bool {
			span = append(span, r)
			got++
			return got < need
		})
	}
	slices.Sort(span)
	span = slices.Compact(span)
	for _, r := range span[:min(need, len(span))] {
		dst = x.emit(dst, r, Score(TierSubstring, true))
	}
	s.cands = span[:0]
	if len(dst) >= limit {
		return dst
	}

	// In the unit alone.
	s.m.reset()
	for _, u := range s.units {
		s.m.add(f.unitRanks.list(u))
	}
	return x.drain(dst, limit, Score(TierSubstring, false), nil)
}
