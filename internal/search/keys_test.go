package search_test

import (
	"math/rand/v2"
	"strings"
	"testing"

	"briefing/internal/search"
	"briefing/internal/search/searchtest"
)

// Every match of a query is in the superset its Plan describes (what a
// store finds the candidates by), on generated rosters and random queries.
func TestPlanHoldsEveryMatch(t *testing.T) {
	for _, seed := range []uint64{1, 2026} {
		roster := searchtest.Names(3000, seed)
		roster = append(roster, person("An", "", ""), person("Lê  Văn", "Ấp 3 (Bình Chánh)", "+84 912 345 678"))
		x := search.New(len(roster))
		keys := make([][]string, len(roster))
		phones := make([]string, len(roster))
		for i, e := range roster {
			x.Add(e)
			keys[i], phones[i] = search.Keys(e)
		}
		rng := rand.New(rand.NewPCG(seed, 9))
		for _, q := range searchtest.Queries(rng, roster, 400) {
			plan := search.PlanQuery(q)
			for _, h := range x.Search(q, len(roster)) {
				if !plan.Matches(keys[h.Index], phones[h.Index]) {
					t.Fatalf("query %q matches %+v (tier %d) outside its plan %+v", q, roster[h.Index], h.Tier(), plan)
				}
			}
		}
	}
}

// FuzzPlan: a roster (lines of name|unit|phone) and a query. Every entry
// the query matches is in the superset its Plan describes (what a store
// finds the candidates by), or the store would miss people.
//
//	go test -run XXX -fuzz FuzzPlan ./internal/search
func FuzzPlan(f *testing.F) {
	roster := "Nguyễn Văn An|Phường 7|0912345678\nĐặng Thị Hoa|UBND Phường 4|\nLê An Khang|Trường THCS Ngô Sĩ Liên|+84 388 000 111"
	for _, q := range []string{"nguyen van an", "an", "ng v an", "an phuong 7", "345", "uyen", "n phu", "ĐẶNG", "0912 345", "a b c", "  "} {
		f.Add(roster, q)
	}
	f.Fuzz(func(t *testing.T, roster, query string) {
		var entries []search.Entry
		for line := range strings.SplitSeq(roster, "\n") {
			name, rest, _ := strings.Cut(line, "|")
			unit, phone, _ := strings.Cut(rest, "|")
			entries = append(entries, search.Entry{Name: name, Unit: unit, Phone: phone})
		}
		x := search.New(len(entries))
		for _, e := range entries {
			x.Add(e)
		}
		plan := search.PlanQuery(query)
		for _, h := range x.Search(query, len(entries)) {
			words, phone := search.Keys(entries[h.Index])
			if !plan.Matches(words, phone) {
				t.Fatalf("%q matches %+v outside its plan %+v", query, entries[h.Index], plan)
			}
		}
	})
}
