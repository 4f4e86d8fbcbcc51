package search_test

import (
	"slices"
	"strings"
	"testing"

	"briefing/internal/search"
	"briefing/internal/textvi"
)

// FuzzSearch: a roster (lines of name|unit|phone), part of it built and the
// rest added after, tuned or not to take the paths of large rosters, and a
// query. Search must not panic, must return distinct
// hits within limit, each really matching, and agree with the reference.
//
//	go test -run XXX -fuzz FuzzSearch ./internal/search
func FuzzSearch(f *testing.F) {
	roster := "Nguyễn Văn An|Phường 7|0912345678\nĐặng Thị Hoa|UBND Phường 4|\nLê An Khang|Trường THCS Ngô Sĩ Liên|+84 388 000 111\n" +
		"Trần Thị Nguyên||0912000345\nHồ Mai|Tân Phú|\nNGUYỄN VĂN ẤN|Phường 7|0934512000"
	for _, q := range []string{"nguyen van an", "an", "ng v an", "an phuong 7", "345", "uyen", "n phu", "ĐẶNG", "Nguye\u0302\u0303n", " ", "0912 345", "guyen thi", "a b c"} {
		f.Add(roster, q, uint8(3), uint8(10), uint8(0))
		f.Add(roster, q, uint8(6), uint8(3), uint8(1))
	}
	f.Add("a\nb a\na b\n\x01 \xff|\x01|1234", "a", uint8(1), uint8(2), uint8(3))
	f.Fuzz(func(t *testing.T, roster, query string, builtN, limit, tuning uint8) {
		var entries []search.Entry
		for line := range strings.SplitSeq(roster, "\n") {
			name, rest, _ := strings.Cut(line, "|")
			unit, phone, _ := strings.Cut(rest, "|")
			entries = append(entries, search.Entry{Name: name, Unit: unit, Phone: phone})
		}
		x := search.New(len(entries))
		search.SetMaxTail(x, -1)
		if tuning > 0 {
			// Walk a few candidates, then intersect bitsets; lists of a
			// few ranks have bitsets.
			search.SetTuning(x, int(tuning%4), int(tuning/4%4)+1)
		}
		for i, e := range entries {
			if i == int(builtN) {
				x.Build()
			}
			x.Add(e)
		}
		hits := x.Search(query, int(limit))
		if len(hits) > int(limit) {
			t.Fatalf("%d hits, limit %d", len(hits), limit)
		}
		q := textvi.Fold(query)
		seen := map[int32]bool{}
		for _, h := range hits {
			if h.Index < 0 || int(h.Index) >= len(entries) || seen[h.Index] {
				t.Fatalf("bad or repeated hit %+v", h)
			}
			seen[h.Index] = true
			if !matches(refFold(entries[h.Index]), q) {
				t.Fatalf("hit %+v %q does not match %q", h, entries[h.Index], q)
			}
		}
		if want := refSearch(entries, query, int(limit)); !slices.Equal(hits, want) {
			t.Fatalf("Search(%q) = %v, reference %v", query, hits, want)
		}
	})
}

// matches is the fuzz test's own weak check: q occurs in the name, the unit,
// both, or the phone's digits, or every word of q starts a word of them.
func matches(e refEntry, q string) bool {
	if q == "" {
		return false
	}
	digits := strings.ReplaceAll(q, " ", "")
	if strings.Contains(e.name, q) || strings.Contains(e.unit, q) || strings.Contains(e.name+" "+e.unit, q) ||
		len(digits) >= 3 && strings.Contains(e.phone, digits) {
		return true
	}
	words := append(strings.Split(e.name, " "), strings.Split(e.unit, " ")...)
	for w := range strings.SplitSeq(q, " ") {
		if !slices.ContainsFunc(words, func(x string) bool { return strings.HasPrefix(x, w) }) {
			return false
		}
	}
	return true
}
