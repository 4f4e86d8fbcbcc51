package search_test

import (
	"math/rand/v2"
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
