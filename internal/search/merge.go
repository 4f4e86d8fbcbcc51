package search

import "slices"

// merger walks the union of sorted lists of ranks in ascending order, each
// rank once: a k-way merge over a binary heap of the lists' heads.
type merger struct {
	lists [][]int32
	h     []int32 // indexes into lists, a min-heap on the lists' first elements
	last  int32   // the last rank returned
}

func (m *merger) reset() {
	m.lists = m.lists[:0]
	m.h = m.h[:0]
	m.last = -1
}

func (m *merger) add(l []int32) {
	if len(l) > 0 {
		m.lists = append(m.lists, l)
	}
}

// addRange adds lists lo..hi-1 of p.
func (m *merger) addRange(p *postings, lo, hi int32) {
	for k := lo; k < hi; k++ {
		m.add(p.list(k))
	}
}

// addIDs adds list k of p for every k in ids.
func (m *merger) addIDs(p *postings, ids []int32) {
	for _, k := range ids {
		m.add(p.list(k))
	}
}

// start makes the heap of the lists added, or of what is left of them.
func (m *merger) start() {
	m.h = m.h[:0]
	for i, l := range m.lists {
		if len(l) > 0 {
			m.h = append(m.h, int32(i))
		}
	}
	for i := len(m.h)/2 - 1; i >= 0; i-- {
		m.down(i)
	}
}

func (m *merger) less(a, b int32) bool { return m.lists[a][0] < m.lists[b][0] }

func (m *merger) down(i int) {
	h := m.h
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		if r := l + 1; r < len(h) && m.less(h[r], h[l]) {
			l = r
		}
		if !m.less(h[l], h[i]) {
			return
		}
		h[i], h[l] = h[l], h[i]
		i = l
	}
}

// next returns the next rank, or -1 at the end.
func (m *merger) next() int32 {
	for len(m.h) > 0 {
		i := m.h[0]
		l := m.lists[i]
		v := l[0]
		m.lists[i] = l[1:]
		if len(l) == 1 {
			last := len(m.h) - 1
			m.h[0] = m.h[last]
			m.h = m.h[:last]
		}
		m.down(0)
		if v != m.last {
			m.last = v
			return v
		}
	}
	return -1
}

// smallest returns the k smallest of c, sorted, reordering c.
func smallest(c []int32, k int) []int32 {
	if len(c) <= k {
		slices.Sort(c)
		return c
	}
	h := c[:k]
	// A max-heap of the k smallest so far.
	down := func(i int) {
		for {
			l := 2*i + 1
			if l >= len(h) {
				return
			}
			if r := l + 1; r < len(h) && h[r] > h[l] {
				l = r
			}
			if h[l] <= h[i] {
				return
			}
			h[i], h[l] = h[l], h[i]
			i = l
		}
	}
	for i := len(h)/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, v := range c[k:] {
		if v < h[0] {
			h[0] = v
			down(0)
		}
	}
	slices.Sort(h)
	return h
}
