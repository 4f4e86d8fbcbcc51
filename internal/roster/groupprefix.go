package roster

import (
	"sort"
	"strings"
	"sync"
)

// groupKeys is every key of groupNames, sorted, for GroupByPrefix. Built on
// first use, as groupNames is (a program that never reads a roster pays
// for neither at start).
var groupKeys = sync.OnceValue(func() []string {
	keys := make([]string, 0, len(groupNames()))
	for k := range groupNames() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
})

// GroupByPrefix reads s as ParseGroup does and, failing that, as the start
// of a group's name, folded the same way: "Hội", "hoi", "nhan", "doanh",
// "cán" each begin the names of one group only. A start shared by the
// names of two groups ("c": Cán bộ, Công chức; "đoàn": đoàn viên, doanh
// nghiệp) is ("", false), as is one that begins no name. Every name
// ParseGroup knows counts, not only the labels, so "công" is refused: it
// begins both "công chức" and "công nhân".
func GroupByPrefix(s string) (Group, bool) {
	if g, ok := ParseGroup(s); ok {
		return g, true
	}
	p := groupKey(s)
	if p == "" {
		return "", false
	}
	var found Group
	keys := groupKeys()
	for i := sort.SearchStrings(keys, p); i < len(keys) && strings.HasPrefix(keys[i], p); i++ {
		switch g := groupNames()[keys[i]]; {
		case found == "":
			found = g
		case g != found:
			return "", false
		}
	}
	return found, found != ""
}
