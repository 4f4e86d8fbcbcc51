package search

// SetMaxTail sets how many entries added since Build a search scans before
// it builds again: -1 never, 0 the default.
func SetMaxTail(x *Index, n int) { x.maxTail = n }

// SetTuning sets how many candidates a class walks in rank order before it
// intersects bitsets, and the length from which a list has a bitset (set
// before Build); 0 means the default. Small values make small rosters take
// the paths that large ones take.
func SetTuning(x *Index, walk, heavy int) { x.walk, x.heavy = walk, heavy }
