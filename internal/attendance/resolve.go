package attendance

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"briefing/internal/cccd"
	"briefing/internal/field"
	"briefing/internal/search"
	"briefing/internal/textvi"
)

// Ranked is a search hit placed by the rule that picks a person from a
// query, for the desk's list and for Resolve.
type Ranked struct {
	Index int32 // the hit's index (search.Hit.Index)
	Score int
	// Agrees: the diacritics typed agree with the person's name and unit
	// (textvi.AccentsAgree), so they may be the one meant.
	Agrees bool
	// Exact: the name folds to the query and its diacritics agree: the
	// person whose whole name was typed.
	Exact bool
	later bool
}

// Rank orders hits for query: people spelled the way it was typed first
// ("Lê Văn Tám" above "Lê Văn Tâm"), then the exact name typed, then by
// search score; within that, those later reports true for (the desk: people
// already checked in) come last. person gives a hit's person; later may be nil.
func Rank(query string, hits []search.Hit, person func(int32) Person, later func(Person) bool) []Ranked {
	folded := textvi.Fold(query)
	out := make([]Ranked, 0, len(hits))
	for _, h := range hits {
		p := person(h.Index)
		r := Ranked{Index: h.Index, Score: h.Score, Agrees: textvi.AccentsAgree(query, p.Name+" "+p.Unit)}
		r.Exact = textvi.Fold(p.Name) == folded && textvi.AccentsAgree(query, p.Name)
		r.later = later != nil && later(p)
		out = append(out, r)
	}
	slices.SortStableFunc(out, func(a, b Ranked) int {
		return cmp.Or(compareTrueFirst(a.Agrees, b.Agrees), compareTrueFirst(a.Exact, b.Exact),
			cmp.Compare(b.Score, a.Score), compareTrueFirst(!a.later, !b.later))
	})
	return out
}

func compareTrueFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// Picked is the one person ranked hits mean, if there is one: the only hit
// when its diacritics agree, else the only exact name.
func Picked(ranked []Ranked) (int32, bool) {
	if len(ranked) == 1 && ranked[0].Agrees {
		return ranked[0].Index, true
	}
	return pickedByName(ranked)
}

// pickedByName is the only hit whose whole name was typed (Exact), if one.
func pickedByName(ranked []Ranked) (int32, bool) {
	var one int32
	exact := 0
	for _, r := range ranked {
		if r.Exact {
			one = r.Index
			exact++
		}
	}
	return one, exact == 1
}

// MaxCandidates is how many people a Resolution lists at most.
const MaxCandidates = 20

// Resolution is who a query means: One, or the Candidates best first (none
// when nothing matched), with More that matched but are not listed.
type Resolution struct {
	One        *Person
	Candidates []Person
	More       int
	// Broad: the query matched more people than CandidateLimit, and the
	// Candidates are the best of a pool of them (Service.pool): More is
	// then how many more at least.
	Broad bool
	// ByCitizenID: the query was a citizen-ID number found on file.
	ByCitizenID bool
}

// Resolve picks the person a query means, among the people of unit (any
// spelling of it; "" for everyone): the holder of a citizen-ID number on
// file, else the one search hit whose diacritics agree, else the one whose
// whole name it is (Rank, Picked); otherwise the ranked candidates. The
// desk's list ranks with the same rule, so that its first row is this one.
func (s *Service) Resolve(ctx context.Context, query, unit string) (Resolution, error) {
	cat, err := s.Catalog(ctx)
	if err != nil {
		return Resolution{}, err
	}
	if _, err := field.Line(field.Unit, unit); err != nil {
		return Resolution{}, err
	}
	inUnit := func(p Person) bool { return unit == "" || cat.Same(p.Unit, unit) }
	if number, ok := cccd.ParseNumber(query); ok {
		found, err := s.ByCitizenID(ctx, number)
		if err != nil {
			return Resolution{}, err
		}
		found = slices.DeleteFunc(found, func(p Person) bool { return !inUnit(p) })
		switch len(found) {
		case 0: // perhaps a phone's digits: search
		case 1:
			return Resolution{One: &found[0], ByCitizenID: true}, nil
		default:
			return Resolution{Candidates: found, ByCitizenID: true}, nil
		}
	}
	if strings.TrimSpace(query) == "" {
		return Resolution{}, nil
	}
	if _, err := field.Line(field.Query, query); err != nil {
		return Resolution{}, err
	}
	found, err := s.pool(ctx, query, inUnit)
	if err != nil {
		return Resolution{}, err
	}
	people := found.people
	ranked := Rank(query, found.index.Search(query, len(people)), func(i int32) Person { return people[i] }, nil)
	picked, ok := Picked(ranked)
	if found.broad {
		// Not all matches are in the pool: only a whole name typed picks,
		// since the pool holds every person of that name.
		picked, ok = pickedByName(ranked)
	}
	if ok {
		return Resolution{One: &people[picked]}, nil
	}
	res := Resolution{More: max(len(ranked)-MaxCandidates, 0), Broad: found.broad}
	for _, r := range ranked[:min(len(ranked), MaxCandidates)] {
		res.Candidates = append(res.Candidates, people[r.Index])
	}
	return res, nil
}

// CandidateLimit is how many candidates of a query (store.SearchCandidates)
// are searched at most. A broader query is searched in a pool: that many of
// its candidates and nameCandidates people whose name starts with the query,
// among them everyone whose name it is (store.NameCandidates). It keeps a
// CLI check-in among 1,000,000 people well under 0.3 s whatever is typed.
const CandidateLimit = 1000

// nameCandidates is how many people whose name starts with a broad query its
// pool holds (and of those whose name it is, all when they are no more).
const nameCandidates = 500

// searchPool is the people a query is searched among (people[i] is entry i
// of index), and whether they are only a pool of its matches (broad).
type searchPool struct {
	people []Person
	index  *search.Index
	broad  bool
}

// pool returns the people among whom query is searched, keeping those keep
// accepts: the query's candidates, which the store finds from its search
// tables and which hold every person the query matches (search.Plan), in
// roster order, so that the search ranks them as over the whole roster; or,
// when they are more than CandidateLimit, a pool (see CandidateLimit).
func (s *Service) pool(ctx context.Context, query string, keep func(Person) bool) (searchPool, error) {
	var p searchPool
	rows, err := s.st.SearchCandidates(ctx, search.PlanQuery(query), CandidateLimit)
	if err != nil {
		return p, err
	}
	if len(rows) > CandidateLimit {
		p.broad = true
		named, _, err := s.st.NameCandidates(ctx, textvi.Fold(query), nameCandidates)
		if err != nil {
			return p, err
		}
		rows = append(rows[:CandidateLimit], named...)
		slices.Sort(rows)
		rows = slices.Compact(rows)
	}
	recs, err := s.st.PeopleAtRows(ctx, rows)
	if err != nil {
		return p, err
	}
	for _, r := range recs {
		if person := fromRecord(r); keep == nil || keep(person) {
			p.people = append(p.people, person)
		}
	}
	p.index = search.New(len(p.people))
	for _, person := range p.people {
		p.index.Add(search.Entry{Name: person.Name, Unit: person.Unit, Phone: person.Phone})
	}
	return p, nil
}

// Search lists up to limit people query matches, ranked as Resolve and the
// desk rank them (Rank), from the store's candidates only, so that it answers
// quickly whatever the roster's size: for the desk while it indexes the
// whole roster. broad: the query matched more than CandidateLimit people and
// these are the best of a pool of them.
func (s *Service) Search(ctx context.Context, query string, limit int) (found []Person, broad bool, err error) {
	if _, err := field.Line(field.Query, query); strings.TrimSpace(query) == "" || err != nil {
		return nil, false, nil // past a name and a unit: no one
	}
	p, err := s.pool(ctx, query, nil)
	if err != nil {
		return nil, false, err
	}
	ranked := Rank(query, p.index.Search(query, limit), func(i int32) Person { return p.people[i] }, nil)
	for _, r := range ranked {
		found = append(found, p.people[r.Index])
	}
	return found, p.broad, nil
}
