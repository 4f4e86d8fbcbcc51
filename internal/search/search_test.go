package search_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"

	"briefing/internal/search"
	"briefing/internal/search/searchtest"
)

// modes builds an index over entries in each of the ways a search can see
// them: built, not built (scanned), half built and half added after, and
// built with tiny thresholds (so that a few entries take the paths of many:
// bitset intersections, list bitsets).
func modes(entries []search.Entry) map[string]*search.Index {
	out := map[string]*search.Index{}
	for _, mode := range []string{"built", "scanned", "half", "tuned"} {
		x := search.New(len(entries))
		search.SetMaxTail(x, -1)
		if mode == "tuned" {
			search.SetTuning(x, 1, 2)
		}
		for i, e := range entries {
			if mode == "half" && i == len(entries)/2 {
				x.Build()
			}
			if got := x.Add(e); got != int32(i) {
				panic(fmt.Sprintf("Add returned %d, want %d", got, i))
			}
		}
		if mode == "built" || mode == "tuned" {
			x.Build()
		}
		out[mode] = x
	}
	return out
}

func person(name, unit, phone string) search.Entry {
	return search.Entry{Name: name, Unit: unit, Phone: phone}
}

func TestRanking(t *testing.T) {
	type want struct {
		name string
		tier search.Tier
		on   bool // on the given name
	}
	tests := []struct {
		rule   string
		roster []search.Entry
		query  string
		want   []want
	}{
		{
			rule: "exact, then name prefix reaching the given name, then other name prefixes",
			roster: []search.Entry{
				person("Nguyễn Văn An Khang", "", ""),
				person("Nguyễn Văn Anh", "", ""),
				person("Nguyễn Văn An", "", ""),
			},
			query: "nguyen van an",
			want: []want{
				{"Nguyễn Văn An", search.TierExact, true},
				{"Nguyễn Văn Anh", search.TierNamePrefix, true},
				{"Nguyễn Văn An Khang", search.TierNamePrefix, false},
			},
		},
		{
			rule: "name prefix on the given name before a shorter one on the middle name",
			roster: []search.Entry{
				person("Lê Kỳ An", "", ""),
				person("Lê Khuyến", "", ""),
			},
			query: "le k",
			want: []want{
				{"Lê Khuyến", search.TierNamePrefix, true},
				{"Lê Kỳ An", search.TierNamePrefix, false},
			},
		},
		{
			rule: "name prefix before words in order, even shorter and on the given name",
			roster: []search.Entry{
				person("Trần Vĩ Vân", "", ""),
				person("Trần Vân Anh", "", ""),
			},
			query: "tran van",
			want: []want{
				{"Trần Vân Anh", search.TierNamePrefix, false},
				{"Trần Vĩ Vân", search.TierWordsInOrder, true},
			},
		},
		{
			rule: "word prefixes in order (ng v an), then in any order",
			roster: []search.Entry{
				person("An Nguyễn Văn", "", ""),
				person("Nguyễn Thị Vân Anh", "", ""),
				person("Nguyễn Văn An", "", ""),
				person("Ngô Vũ Bình", "", ""),
			},
			query: "ng v an",
			want: []want{
				{"Nguyễn Văn An", search.TierWordsInOrder, true},
				{"Nguyễn Thị Vân Anh", search.TierWordsInOrder, true},
				{"An Nguyễn Văn", search.TierWords, true}, // v starts Văn
			},
		},
		{
			rule: "query words in any order",
			roster: []search.Entry{
				person("Nguyễn Văn Bình", "", ""),
				person("Nguyễn Văn An", "", ""),
			},
			query: "an nguyen",
			want:  []want{{"Nguyễn Văn An", search.TierWords, true}},
		},
		{
			rule: "name and unit words together",
			roster: []search.Entry{
				person("Nguyễn Văn An", "Phường 8", ""),
				person("An Văn Bình", "Phường 7", ""),
				person("Lê Thị Hoa", "Phường 7", ""),
				person("Trần Văn An", "Phường 7", ""),
			},
			query: "an phuong 7",
			want: []want{
				{"Trần Văn An", search.TierWords, true},
				{"An Văn Bình", search.TierWords, false},
			},
		},
		{
			rule: "the given name first within a tier, though longer",
			roster: []search.Entry{
				person("Lê An Khang", "", ""),
				person("Nguyễn Văn An", "", ""),
			},
			query: "an",
			want: []want{
				{"Nguyễn Văn An", search.TierWordsInOrder, true},
				{"Lê An Khang", search.TierWordsInOrder, false},
			},
		},
		{
			rule: "then shorter names, then the order of Add",
			roster: []search.Entry{
				person("Nguyễn Văn An", "", ""),
				person("Lê Văn An", "", ""),
				person("Trần Văn An", "", ""),
				person("Phạm Văn An", "", ""),
			},
			query: "an",
			want: []want{
				{"Lê Văn An", search.TierWordsInOrder, true},
				{"Trần Văn An", search.TierWordsInOrder, true},
				{"Phạm Văn An", search.TierWordsInOrder, true},
				{"Nguyễn Văn An", search.TierWordsInOrder, true},
			},
		},
		{
			rule: "phone suffix, then substrings, then phone infix",
			roster: []search.Entry{
				person("Lê Văn Bình", "", "0934512000"),
				person("Trần Thị Hoa", "Khu phố 12345", ""),
				person("Phạm Văn Nam", "", "+84 912 000 345"),
				person("Hồ Thị Mai", "", ""),
			},
			query: "345",
			want: []want{
				{"Phạm Văn Nam", search.TierPhoneSuffix, false},
				{"Trần Thị Hoa", search.TierSubstring, false},
				{"Lê Văn Bình", search.TierPhoneContains, false},
			},
		},
		{
			rule: "a full phone number, typed with spaces or +84",
			roster: []search.Entry{
				person("Phạm Văn Nam", "", "+84 912 345 678"),
				person("Lê Văn Bình", "", "0912 345 679"),
			},
			query: "0912 345 678",
			want:  []want{{"Phạm Văn Nam", search.TierPhoneSuffix, false}},
		},
		{
			rule: "name substrings: on the given name, elsewhere in the name, then in the unit",
			roster: []search.Entry{
				person("Lê Văn Tâm", "Trường THPT Nguyễn Du", ""),
				person("Nguyễn Văn Tâm", "", ""),
				person("Trần Thị Nguyên", "", ""),
			},
			query: "uyen",
			want: []want{
				{"Trần Thị Nguyên", search.TierNameSubstring, true},
				{"Nguyễn Văn Tâm", search.TierNameSubstring, false},
				{"Lê Văn Tâm", search.TierSubstring, false},
			},
		},
		{
			rule: "substring of name and unit together before one in the unit alone",
			roster: []search.Entry{
				person("Hồ Mai", "Tân Phú", ""),
				person("Lê Văn An", "Phường 1", ""),
				person("Lê Văn Bình", "Phường 1", ""),
			},
			query: "n phu",
			want: []want{
				{"Lê Văn An", search.TierSubstring, true},
				{"Hồ Mai", search.TierSubstring, false},
			},
		},
		{
			rule: "a substring of several words, over the given name or not",
			roster: []search.Entry{
				person("Nguyễn Văn Nam", "", ""),
				person("Nguyễn Thị Bình", "", ""),
				person("Nguyễn Thị", "", ""),
				person("Phạm Nguyễn Thịnh", "", ""),
			},
			query: "guyen thi",
			want: []want{
				{"Nguyễn Thị", search.TierNameSubstring, true},
				{"Phạm Nguyễn Thịnh", search.TierNameSubstring, true},
				{"Nguyễn Thị Bình", search.TierNameSubstring, false},
			},
		},
		{
			rule:   "diacritics and case: dang",
			roster: []search.Entry{person("Đặng Thị Mai", "", ""), person("Đăng Văn Hải", "", ""), person("Nguyễn Văn Dũng", "", "")},
			query:  "dang",
			want: []want{
				{"Đặng Thị Mai", search.TierNamePrefix, false},
				{"Đăng Văn Hải", search.TierNamePrefix, false},
			},
		},
		{
			rule:   "diacritics and case: ĐẶNG",
			roster: []search.Entry{person("Đặng Thị Mai", "", ""), person("Nguyễn Văn Dũng", "", "")},
			query:  "ĐẶNG",
			want:   []want{{"Đặng Thị Mai", search.TierNamePrefix, false}},
		},
		{
			rule:   "diacritics and case: the name typed plainly",
			roster: []search.Entry{person("NGUYỄN VĂN ẤN", "", ""), person("Nguyễn Văn An", "", "")},
			query:  "nguyen van an",
			want:   []want{{"NGUYỄN VĂN ẤN", search.TierExact, true}, {"Nguyễn Văn An", search.TierExact, true}},
		},
		{
			rule:   "input method leftovers: a decomposed query",
			roster: []search.Entry{person("Trần Văn Bình", "", ""), person("Nguyễn Thị Hoa", "", "")},
			query:  "Nguye\u0302\u0303n",
			want:   []want{{"Nguyễn Thị Hoa", search.TierNamePrefix, false}},
		},
		{
			rule:   "input method leftovers: a decomposed roster, extra spaces",
			roster: []search.Entry{person(norm.NFD.String("  Nguyễn   Thị  Hoa "), "", "")},
			query:  " nguyễn  thị\thoa ",
			want:   []want{{norm.NFD.String("  Nguyễn   Thị  Hoa "), search.TierExact, true}},
		},
		{
			rule:   "no match",
			roster: []search.Entry{person("Nguyễn Văn An", "Phường 7", "0912345678")},
			query:  "xyzq",
		},
		{
			rule:   "empty query",
			roster: []search.Entry{person("Nguyễn Văn An", "Phường 7", "0912345678")},
			query:  "",
		},
		{
			rule:   "blank query",
			roster: []search.Entry{person("Nguyễn Văn An", "Phường 7", "0912345678")},
			query:  " \t\u00a0 ",
		},
		{
			rule:   "two digits are no phone query",
			roster: []search.Entry{person("Nguyễn Văn An", "Phường 7", "0912345678")},
			query:  "78",
		},
	}
	for _, tt := range tests {
		for mode, x := range modes(tt.roster) {
			t.Run(tt.rule+"/"+mode, func(t *testing.T) {
				got := x.Search(tt.query, 10)
				var g, w []string
				for _, h := range got {
					g = append(g, fmt.Sprintf("%s %d %v", tt.roster[h.Index].Name, h.Tier(), h.OnGivenName()))
				}
				for _, h := range tt.want {
					w = append(w, fmt.Sprintf("%s %d %v", h.name, h.tier, h.on))
				}
				if !slices.Equal(g, w) {
					t.Errorf("Search(%q):\n got %q\nwant %q", tt.query, g, w)
				}
				if ref := refSearch(tt.roster, tt.query, 10); !slices.Equal(got, ref) {
					t.Errorf("Search(%q) = %v, the reference says %v", tt.query, got, ref)
				}
			})
		}
	}
}

func TestScore(t *testing.T) {
	for tier := range search.NumTiers {
		for _, on := range []bool{true, false} {
			h := search.Hit{Score: search.Score(tier, on)}
			if h.Tier() != tier || h.OnGivenName() != on || h.Score <= 0 {
				t.Errorf("Score(%d, %v) = %d: tier %d, on given name %v", tier, on, h.Score, h.Tier(), h.OnGivenName())
			}
			if tier > 0 && search.Score(tier, true) >= search.Score(tier-1, false) {
				t.Errorf("tier %d scores as high as tier %d", tier, tier-1)
			}
		}
	}
}

func TestLimit(t *testing.T) {
	roster := searchtest.Names(2000, 7)
	for mode, x := range modes(roster) {
		for _, limit := range []int{-1, 0, 1, 7, 50, 5000} {
			got := x.Search("nguyen", limit)
			want := refSearch(roster, "nguyen", limit)
			if len(got) > max(limit, 0) || !slices.Equal(got, want) {
				t.Errorf("%s: limit %d: got %d hits, want %d", mode, limit, len(got), len(want))
			}
		}
	}
}

func TestAddAfterBuild(t *testing.T) {
	roster := searchtest.Names(3000, 11)
	x := search.New(0)
	for _, e := range roster {
		x.Add(e)
	}
	x.Build()
	if got := x.Search("Quách Tĩnh", 5); len(got) != 0 {
		t.Fatalf("found %v before adding", got)
	}
	walkIn := person("Quách Tĩnh", "Phường 4", "0388000111")
	roster = append(roster, walkIn)
	if i := x.Add(walkIn); i != 3000 || x.Len() != 3001 {
		t.Fatalf("Add = %d, Len = %d", i, x.Len())
	}
	for _, q := range []string{"quach tinh", "tinh", "0388000111", "111", "nguyen van", "phuong 4 t"} {
		if got, want := x.Search(q, 20), refSearch(roster, q, 20); !slices.Equal(got, want) {
			t.Errorf("after Add, Search(%q) = %v, want %v", q, got, want)
		}
	}
	if got := x.Search("quach tinh", 5); len(got) != 1 || got[0].Index != 3000 || got[0].Tier() != search.TierExact {
		t.Errorf("Search(quach tinh) = %v", got)
	}
	// Enough additions make a search build again; results stay the same.
	more := searchtest.Names(1000, 12)
	for _, e := range more {
		x.Add(e)
	}
	roster = append(roster, more...)
	for _, q := range []string{"quach tinh", "an", "ng", "phuong 7"} {
		if got, want := x.Search(q, 30), refSearch(roster, q, 30); !slices.Equal(got, want) {
			t.Errorf("after many Adds, Search(%q) = %v, want %v", q, got, want)
		}
	}
}

func TestSearchIntoReuses(t *testing.T) {
	x := search.New(0)
	for _, e := range searchtest.Names(5000, 3) {
		x.Add(e)
	}
	x.Build()
	dst := make([]search.Hit, 0, 50)
	for _, q := range []string{"n", "ng", "nguyen van an", "thi hoa", "0912", "uyen", "xyzq"} {
		dst = x.SearchInto(dst, q, 50)
		if !slices.Equal(dst, x.Search(q, 50)) {
			t.Errorf("SearchInto(%q) differs from Search", q)
		}
	}
	for _, q := range []string{"nguyen v", "n", "ng v an", "n t t", "thi hoa", "an phuong 7", "0912", "uyen", "guyen thi", "n phu", "xyzq"} {
		x.SearchInto(dst, q, 50) // grow the buffers
		if allocs := testing.AllocsPerRun(20, func() { dst = x.SearchInto(dst, q, 50) }); allocs > 0 {
			t.Errorf("SearchInto(%q) allocates %v times per keystroke", q, allocs)
		}
	}
}

// TestAgainstReference compares the index with the slow reference on the
// generated 5,000-name roster for random queries of every kind.
func TestAgainstReference(t *testing.T) {
	roster := searchtest.Names(5000, 2026)
	idx := modes(roster)
	rng := rand.New(rand.NewPCG(1, 2))
	queries := searchtest.Queries(rng, roster, 240)
	for _, q := range queries {
		want := refSearch(roster, q, len(roster))
		for mode, x := range idx {
			if got := x.Search(q, len(roster)); !slices.Equal(got, want) {
				t.Errorf("%s: Search(%q, all): %d hits, want %d; first difference %s", mode, q, len(got), len(want), firstDiff(got, want))
			}
			if got := x.Search(q, 50); !slices.Equal(got, want[:min(50, len(want))]) {
				t.Errorf("%s: Search(%q, 50): first difference %s", mode, q, firstDiff(got, want))
			}
		}
	}
}

func firstDiff(got, want []search.Hit) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("at %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("at %d", min(len(got), len(want)))
}
