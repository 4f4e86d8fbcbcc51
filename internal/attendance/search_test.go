package attendance

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"briefing/internal/search"
	"briefing/internal/search/searchtest"
	"briefing/internal/store"
	"briefing/internal/textvi"
)

// insertEntries stores entries as roster people, in order.
func insertEntries(t testing.TB, st *store.Store, entries []search.Entry) {
	t.Helper()
	people := make([]*store.Person, len(entries))
	for i, e := range entries {
		people[i] = &store.Person{Name: e.Name, NameKey: textvi.Fold(e.Name), Unit: e.Unit, Phone: e.Phone,
			Source: sourceRoster, CreatedAt: time.Now()}
	}
	if err := st.Tx(ctx, func(tx *store.Tx) error { return tx.InsertPeople(ctx, people) }); err != nil {
		t.Fatal(err)
	}
}

// hitsOver searches query among people with index and lists "id score".
func hitsOver(people []Person, index *search.Index, query string) []string {
	var out []string
	for _, h := range index.Search(query, len(people)+1) {
		out = append(out, fmt.Sprint(people[h.Index].ID, " ", h.Score))
	}
	return out
}

// wholeRoster is the search over every person, as Resolve did before the
// store kept search keys.
func (s *Service) wholeRoster(t testing.TB) ([]Person, *search.Index) {
	t.Helper()
	var people []Person
	index := search.New(0)
	err := s.EachPerson(ctx, 0, func(p Person) error {
		people = append(people, p)
		index.Add(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return people, index
}

// A search over the store's candidates finds the same people with the same
// scores in the same order as over the whole roster: on generated rosters
// with random queries of every kind, and after people are edited.
func TestCandidatesSearchLikeWholeRoster(t *testing.T) {
	for _, seed := range []uint64{5, 57} {
		f := newFixture(t)
		roster := searchtest.Names(2500, seed)
		roster = append(roster, search.Entry{Name: "An", Phone: "+84 912 345 678"},
			search.Entry{Name: "Lê  Văn", Unit: "Ấp 3 (Bình Chánh)"}, search.Entry{Name: "ĐỖ THỊ ÁNH", Unit: "Phường 7"})
		insertEntries(t, f.st, roster)
		// Edits change the keys: a renamed person is found by the new name only.
		people, _ := f.svc.wholeRoster(t)
		for _, i := range []int{3, 40, 41} {
			rec, err := f.st.Person(ctx, people[i].ID)
			if err != nil {
				t.Fatal(err)
			}
			rec.Name, rec.NameKey, rec.Unit, rec.Phone = "Quách Tĩnh "+fmt.Sprint(i), textvi.Fold("Quách Tĩnh"), "Trường THCS Ngô Sĩ Liên", "0388 000 11"+fmt.Sprint(i)
			if err := f.st.Tx(ctx, func(tx *store.Tx) error { return tx.UpdatePerson(ctx, &rec) }); err != nil {
				t.Fatal(err)
			}
		}
		all, index := f.svc.wholeRoster(t)
		rng := rand.New(rand.NewPCG(seed, 3))
		queries := append(searchtest.Queries(rng, roster, 300), "quach tinh", "tinh 4", "ngo si lien", "038800011",
			people[3].Name, people[40].Name, "0912345678", "345 678")
		broad := 0
		for _, q := range queries {
			want := hitsOver(all, index, q)
			p, err := f.svc.pool(ctx, q, nil)
			if err != nil {
				t.Fatal(err)
			}
			g := hitsOver(p.people, p.index, q)
			if p.broad {
				// A pool: its hits are hits of the whole roster, with their scores.
				broad++
				if len(want) <= MaxCandidates {
					t.Errorf("query %q: %d hits, searched as broad", q, len(want))
				}
				for _, h := range g {
					if !slices.Contains(want, h) {
						t.Fatalf("query %q: the pool's hit %s is not a hit of the whole roster", q, h)
					}
				}
				continue
			}
			if !slices.Equal(g, want) {
				t.Fatalf("query %q: candidates (%d people) give %d hits, the whole roster %d:\n%v\n%v",
					q, len(p.people), len(g), len(want), g[:min(len(g), 8)], want[:min(len(want), 8)])
			}
		}
		if broad == 0 || broad > len(queries)/4 {
			t.Errorf("%d of %d queries broad", broad, len(queries))
		}
	}
}

// A query that matches more people than CandidateLimit is answered from a
// pool that holds everyone whose name it is and names that start with it:
// the one person whose whole name was typed is picked wherever the roster
// has them, two of that name are listed first, and otherwise the list
// starts with the best matches, More counting at least the others.
func TestResolveBroadQuery(t *testing.T) {
	f := newFixture(t)
	var roster []search.Entry
	for i := range 3 * CandidateLimit {
		surname := "Nguyễn"
		if i%2 == 1 {
			surname = "Trần"
		}
		roster = append(roster, search.Entry{Name: fmt.Sprintf("%s Văn Người %d", surname, i), Unit: "Phường 7"})
	}
	roster = append(roster, search.Entry{Name: "Nguyễn Văn", Unit: "Phường 9"}, search.Entry{Name: "Trần Văn", Unit: "Phường 9"},
		search.Entry{Name: "Trần Văn", Unit: "Phường 10"})
	insertEntries(t, f.st, roster)

	res, err := f.svc.Resolve(ctx, "nguyen van", "")
	if err != nil {
		t.Fatal(err)
	}
	if res.One == nil || res.One.Name != "Nguyễn Văn" {
		t.Fatalf("nguyen van: %+v, want Nguyễn Văn picked", res)
	}

	res, err = f.svc.Resolve(ctx, "van", "")
	if err != nil {
		t.Fatal(err)
	}
	if res.One != nil || !res.Broad || len(res.Candidates) != MaxCandidates || res.More < CandidateLimit-MaxCandidates {
		t.Fatalf("van: one %v, broad %v, %d candidates, %d more", res.One, res.Broad, len(res.Candidates), res.More)
	}

	res, err = f.svc.Resolve(ctx, "tran van", "")
	if err != nil {
		t.Fatal(err)
	}
	if res.One != nil || !res.Broad || len(res.Candidates) != MaxCandidates || res.Candidates[0].Name != "Trần Văn" || res.Candidates[1].Name != "Trần Văn" {
		t.Fatalf("tran van: %+v, want both Trần Văn listed", res)
	}

	found, broad, err := f.svc.Search(ctx, "nguyen", 5)
	if err != nil {
		t.Fatal(err)
	}
	if !broad || len(found) != 5 || found[0].Name != "Nguyễn Văn" {
		t.Fatalf("search nguyen: broad %v, %v", broad, found)
	}
}
