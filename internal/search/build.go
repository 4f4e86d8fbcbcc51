package search

import (
	"cmp"
	"slices"
	"strings"
)

// frozen is the inverted index over the entries [0, n). Entries are identified
// by their rank: the position in the order (length of the folded name, index),
// which is the order within a tier. Every posting list holds ranks, ascending,
// so walking candidates in list order walks them best first.
type frozen struct {
	n       int
	vocab   []string // the distinct folded words of names and units, sorted
	rvocab  []string // the same words reversed (byte by byte), sorted
	rvid    []int32  // rvocab[k] is vocab[rvid[k]] reversed
	final   []int32  // word id (Index.wordStr) -> position in vocab
	rankIdx []int32  // rank -> entry index

	nwOff []int32 // the name words of rank r: nw[nwOff[r]:nwOff[r+1]], vocabulary ids
	nw    []int32
	unit  []int32 // rank -> unit id
	uwOff []int32 // the words of unit u: uw[uwOff[u]:uwOff[u+1]], vocabulary ids
	uw    []int32

	given  postings // vocabulary id -> ranks whose last name word it is (the given name)
	first  postings // vocabulary id -> ranks whose first name word it is, if not the last
	middle postings // vocabulary id -> ranks with it between the first and the last name word
	units  postings // vocabulary id -> ranks with it as a unit word

	// byName is every rank sorted by its sequence of name word ids (so by
	// name, in the vocabulary's order), then rank; byKey the same sorted by
	// number of name words first. Names starting with given words form a
	// block in byName; names of m words starting so, a block in byKey.
	byName, posName []int32 // posName[r]: position of rank r in byName
	byKey, posKey   []int32

	unitRanks  postings // unit id -> ranks with that unit
	unitsOf    postings // vocabulary id -> unit ids with that word
	unitsFirst postings // vocabulary id -> unit ids starting with that word

	phoneEnd postings // last 3 digits of the phone (as a number) -> ranks
	phoneTri postings // every 3 consecutive digits of the phone -> ranks
}

// postings is a compressed table of lists: list k is r[off[k]:off[k+1]].
// Lists of heavy or more ranks also have a bitset of them in bits.
type postings struct {
	off   []int32
	r     []int32
	heavy int32
	bits  map[int32][]uint64
}

// setHeavy makes the bitsets of the lists of at least heavy ranks (n ranks
// in all). ORing such a bitset is cheaper than setting its bits one by one.
func (p *postings) setHeavy(heavy int32, n int) {
	p.heavy = heavy
	for k := range int32(len(p.off) - 1) {
		if l := p.list(k); int32(len(l)) >= heavy {
			if p.bits == nil {
				p.bits = make(map[int32][]uint64)
			}
			b := make([]uint64, (n+63)/64)
			for _, r := range l {
				b[r>>6] |= 1 << (r & 63)
			}
			p.bits[k] = b
		}
	}
}

func (p *postings) list(k int32) []int32 { return p.r[p.off[k]:p.off[k+1]] }

// size is the total length of lists lo..hi-1.
func (p *postings) size(lo, hi int32) int { return int(p.off[hi] - p.off[lo]) }

// newPostings returns postings for keys 0..nkeys-1 with the given number of
// elements per key (counts[k+1] for key k; counts has nkeys+1 elements and is
// consumed) and a cursor per key to fill them with fill.
func newPostings(counts []int32) (postings, []int32) {
	for k := 1; k < len(counts); k++ {
		counts[k] += counts[k-1]
	}
	p := postings{off: counts, r: make([]int32, counts[len(counts)-1])}
	return p, slices.Clone(counts[:len(counts)-1])
}

func (f *frozen) names(r int32) []int32 { return f.nw[f.nwOff[r]:f.nwOff[r+1]] }

func (f *frozen) unitWords(r int32) []int32 {
	u := f.unit[r]
	return f.uw[f.uwOff[u]:f.uwOff[u+1]]
}

// Build builds the search structures for every entry added so far. Search
// calls it itself when entries added since the last Build are too many to scan
// quickly; call it after adding the roster, in the goroutine that builds the
// index, so that the first keystroke does not pay for it.
func (x *Index) Build() {
	n := len(x.names)
	if n == x.f.n {
		return
	}
	f := &x.f
	*f = frozen{n: n}
	f.buildVocab(x.wordStr)
	f.buildRanks(x.names)

	// Name words by rank, with vocabulary ids.
	f.nwOff = make([]int32, n+1)
	f.nw = make([]int32, 0, len(x.nameW))
	f.unit = make([]int32, n)
	for r, i := range f.rankIdx {
		for _, w := range x.nameW[x.nameOff[i]:x.nameOff[i+1]] {
			f.nw = append(f.nw, f.final[w])
		}
		f.nwOff[r+1] = int32(len(f.nw))
		f.unit[r] = x.unitOf[i]
	}
	f.uwOff = slices.Clone(x.unitOff)
	f.uw = make([]int32, len(x.unitW))
	for k, w := range x.unitW {
		f.uw[k] = f.final[w]
	}

	f.buildUnitPostings()
	f.buildWordPostings()
	heavy := int32(max(n/64, 256))
	if x.heavy > 0 {
		heavy = int32(x.heavy)
	}
	for _, p := range []*postings{&f.given, &f.first, &f.middle, &f.units, &f.unitRanks} {
		p.setHeavy(heavy, n)
	}
	f.buildNameOrder()
	f.buildPhones(x.phones)

	x.s.stamp = make([]uint32, n)
	x.s.ustamp = make([]uint32, len(f.uwOff)-1)
	x.s.wm = make([]uint64, len(f.vocab))
	x.s.bits = make([]uint64, (n+63)/64)
	x.s.bits2 = make([]uint64, (n+63)/64)
	x.s.lo, x.s.hi, x.s.exact = x.s.lo[:0], x.s.hi[:0], x.s.exact[:0]
	x.s.gen, x.s.ugen = 0, 0
}

// buildVocab sorts the words and maps word ids to vocabulary ids; and sorts
// them reversed, for suffix lookups.
func (f *frozen) buildVocab(words []string) {
	f.vocab = slices.Clone(words)
	slices.Sort(f.vocab)
	f.final = make([]int32, len(words))
	for id, w := range words {
		k, _ := slices.BinarySearch(f.vocab, w)
		f.final[id] = int32(k)
	}
	f.rvid = make([]int32, len(f.vocab))
	rev := make([]string, len(f.vocab))
	for k, w := range f.vocab {
		f.rvid[k] = int32(k)
		b := []byte(w)
		slices.Reverse(b)
		rev[k] = string(b)
	}
	slices.SortFunc(f.rvid, func(a, b int32) int { return strings.Compare(rev[a], rev[b]) })
	f.rvocab = make([]string, len(rev))
	for k, id := range f.rvid {
		f.rvocab[k] = rev[id]
	}
}

// endingWith appends the vocabulary ids of the words ending with suffix.
func (f *frozen) endingWith(dst []int32, suffix string) []int32 {
	var buf [64]byte
	b := buf[:0]
	for i := len(suffix) - 1; i >= 0; i-- {
		b = append(b, suffix[i])
	}
	lo, hi := prefixRange(f.rvocab, string(b))
	return append(dst, f.rvid[lo:hi]...)
}

// buildRanks orders the entries by folded name length, then index: a
// counting sort, stable.
func (f *frozen) buildRanks(names []string) {
	n := f.n
	f.rankIdx = make([]int32, n)
	maxLen := 0
	for _, s := range names[:n] {
		maxLen = max(maxLen, len(s))
	}
	if maxLen > 1<<16 {
		for i := range f.rankIdx {
			f.rankIdx[i] = int32(i)
		}
		slices.SortStableFunc(f.rankIdx, func(a, b int32) int {
			return cmp.Compare(len(names[a]), len(names[b]))
		})
		return
	}
	count := make([]int32, maxLen+2)
	for _, s := range names[:n] {
		count[len(s)+1]++
	}
	for k := 1; k < len(count); k++ {
		count[k] += count[k-1]
	}
	for i, s := range names[:n] {
		f.rankIdx[count[len(s)]] = int32(i)
		count[len(s)]++
	}
}

func (f *frozen) buildWordPostings() {
	v := len(f.vocab)
	gc := make([]int32, v+1)
	fc := make([]int32, v+1)
	mc := make([]int32, v+1)
	uc := make([]int32, v+1)
	for r := range int32(f.n) {
		ws := f.names(r)
		if len(ws) == 0 {
			continue
		}
		gc[ws[len(ws)-1]+1]++
		if len(ws) >= 2 {
			fc[ws[0]+1]++
		}
		for j := 1; j < len(ws)-1; j++ {
			if !slices.Contains(ws[1:j], ws[j]) {
				mc[ws[j]+1]++
			}
		}
	}
	// Units: count once per unit, then multiply by the number of entries
	// (f.unitRanks, so buildUnitPostings first).
	for u := range int32(len(f.uwOff) - 1) {
		c := int32(f.unitRanks.size(u, u+1))
		for _, w := range f.uw[f.uwOff[u]:f.uwOff[u+1]] {
			uc[w+1] += c
		}
	}
	var gcur, fcur, mcur, ucur []int32
	f.given, gcur = newPostings(gc)
	f.first, fcur = newPostings(fc)
	f.middle, mcur = newPostings(mc)
	f.units, ucur = newPostings(uc)
	for r := range int32(f.n) {
		if ws := f.names(r); len(ws) > 0 {
			w := ws[len(ws)-1]
			f.given.r[gcur[w]] = r
			gcur[w]++
			if len(ws) >= 2 {
				f.first.r[fcur[ws[0]]] = r
				fcur[ws[0]]++
			}
			for j := 1; j < len(ws)-1; j++ {
				if w := ws[j]; !slices.Contains(ws[1:j], w) {
					f.middle.r[mcur[w]] = r
					mcur[w]++
				}
			}
		}
		for _, w := range f.unitWords(r) {
			f.units.r[ucur[w]] = r
			ucur[w]++
		}
	}
}

func (f *frozen) buildUnitPostings() {
	nunits := len(f.uwOff) - 1
	rc := make([]int32, nunits+1)
	for _, u := range f.unit {
		rc[u+1]++
	}
	wc := make([]int32, len(f.vocab)+1)
	fc := make([]int32, len(f.vocab)+1)
	for u := range nunits {
		ws := f.uw[f.uwOff[u]:f.uwOff[u+1]]
		for _, w := range ws {
			wc[w+1]++
		}
		if len(ws) > 0 {
			fc[ws[0]+1]++
		}
	}
	var rcur, wcur, fcur []int32
	f.unitRanks, rcur = newPostings(rc)
	f.unitsOf, wcur = newPostings(wc)
	f.unitsFirst, fcur = newPostings(fc)
	for r, u := range f.unit {
		f.unitRanks.r[rcur[u]] = int32(r)
		rcur[u]++
	}
	for u := range int32(nunits) {
		ws := f.uw[f.uwOff[u]:f.uwOff[u+1]]
		for _, w := range ws {
			f.unitsOf.r[wcur[w]] = u
			wcur[w]++
		}
		if len(ws) > 0 {
			f.unitsFirst.r[fcur[ws[0]]] = u
			fcur[ws[0]]++
		}
	}
}

// buildNameOrder sorts the ranks by name word sequence (byName), and that by
// number of words (byKey).
func (f *frozen) buildNameOrder() {
	n := f.n
	f.byName = make([]int32, n)
	maxWords := 0
	for r := range f.byName {
		f.byName[r] = int32(r)
		maxWords = max(maxWords, int(f.nwOff[r+1]-f.nwOff[r]))
	}
	if maxWords <= 8 {
		// LSD radix sort, one stable counting pass per word position from the
		// last; a name without a word there sorts first.
		tmp := make([]int32, n)
		count := make([]int32, len(f.vocab)+2)
		for p := maxWords - 1; p >= 0; p-- {
			clear(count)
			key := func(r int32) int32 {
				ws := f.names(r)
				if p < len(ws) {
					return ws[p] + 1
				}
				return 0
			}
			for _, r := range f.byName {
				count[key(r)+1]++
			}
			for k := 1; k < len(count); k++ {
				count[k] += count[k-1]
			}
			for _, r := range f.byName {
				k := key(r)
				tmp[count[k]] = r
				count[k]++
			}
			f.byName, tmp = tmp, f.byName
		}
	} else {
		slices.SortFunc(f.byName, func(a, b int32) int {
			if c := slices.Compare(f.names(a), f.names(b)); c != 0 {
				return c
			}
			return cmp.Compare(a, b)
		})
	}
	f.posName = make([]int32, n)
	for p, r := range f.byName {
		f.posName[r] = int32(p)
	}

	count := make([]int32, maxWords+2)
	for r := range int32(n) {
		count[len(f.names(r))+1]++
	}
	for k := 1; k < len(count); k++ {
		count[k] += count[k-1]
	}
	f.byKey = make([]int32, n)
	for _, r := range f.byName {
		k := len(f.names(r))
		f.byKey[count[k]] = r
		count[k]++
	}
	f.posKey = make([]int32, n)
	for p, r := range f.byKey {
		f.posKey[r] = int32(p)
	}
}

// digits3 returns s[i:i+3] as a number, s being digits.
func digits3(s string, i int) int32 {
	return int32(s[i]-'0')*100 + int32(s[i+1]-'0')*10 + int32(s[i+2]-'0')
}

func (f *frozen) buildPhones(phones []string) {
	ec := make([]int32, 1001)
	tc := make([]int32, 1001)
	var seen [1000]int32 // rank+1 that last saw a trigram
	for r, i := range f.rankIdx {
		p := phones[i]
		if len(p) < 3 {
			continue
		}
		ec[digits3(p, len(p)-3)+1]++
		for k := 0; k+3 <= len(p); k++ {
			if t := digits3(p, k); seen[t] != int32(r)+1 {
				seen[t] = int32(r) + 1
				tc[t+1]++
			}
		}
	}
	var ecur, tcur []int32
	f.phoneEnd, ecur = newPostings(ec)
	f.phoneTri, tcur = newPostings(tc)
	seen = [1000]int32{}
	for r, i := range f.rankIdx {
		p := phones[i]
		if len(p) < 3 {
			continue
		}
		e := digits3(p, len(p)-3)
		f.phoneEnd.r[ecur[e]] = int32(r)
		ecur[e]++
		for k := 0; k+3 <= len(p); k++ {
			if t := digits3(p, k); seen[t] != int32(r)+1 {
				seen[t] = int32(r) + 1
				f.phoneTri.r[tcur[t]] = int32(r)
				tcur[t]++
			}
		}
	}
}
