package attendance

import (
	"cmp"
	"context"
	"slices"
	"strings"

	"briefing/internal/cccd"
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
	people, index, err := s.searchable(ctx, query, inUnit)
	if err != nil {
		return Resolution{}, err
	}
	ranked := Rank(query, index.Search(query, len(people)), func(i int32) Person { return people[i] }, nil)
	if i, ok := Picked(ranked); ok {
		return Resolution{One: &people[i]}, nil
	}
	res := Resolution{More: max(len(ranked)-MaxCandidates, 0)}
	for _, r := range ranked[:min(len(ranked), MaxCandidates)] {
		res.Candidates = append(res.Candidates, people[r.Index])
	}
	return res, nil
}

// CandidateLimit is how many candidates of a query (store.SearchCandidates)
// a search builds its index over at most; a query with more searches the
// whole roster.
const CandidateLimit = 20000

// searchable returns the people among whom query is searched and a search
// index over them (people[i] is entry i), keeping those keep accepts: the
// query's candidates, which the store finds from its search tables and which
// hold every person the query matches (search.Plan), in roster order, so that
// the search ranks them as over the whole roster; or the whole roster when
// the candidates are more than CandidateLimit.
func (s *Service) searchable(ctx context.Context, query string, keep func(Person) bool) ([]Person, *search.Index, error) {
	var people []Person
	rows, err := s.st.SearchCandidates(ctx, search.PlanQuery(query), CandidateLimit)
	if err != nil {
		return nil, nil, err
	}
	if len(rows) <= CandidateLimit {
		recs, err := s.st.PeopleAtRows(ctx, rows)
		if err != nil {
			return nil, nil, err
		}
		for _, r := range recs {
			if p := fromRecord(r); keep(p) {
				people = append(people, p)
			}
		}
	} else {
		err = s.EachPerson(ctx, 0, func(p Person) error {
			if keep(p) {
				people = append(people, p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, err
		}
	}
	index := search.New(len(people))
	for _, p := range people {
		index.Add(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
	}
	return people, index, nil
}

// Search lists up to limit people query matches, ranked as Resolve and the
// desk rank them (Rank), from the store's candidates only, so that it answers
// quickly whatever the roster's size: for the desk while it indexes the
// whole roster. ok is false when the query has more than CandidateLimit
// candidates: too broad to search so.
func (s *Service) Search(ctx context.Context, query string, limit int) (found []Person, ok bool, err error) {
	if strings.TrimSpace(query) == "" {
		return nil, true, nil
	}
	rows, err := s.st.SearchCandidates(ctx, search.PlanQuery(query), CandidateLimit)
	if err != nil || len(rows) > CandidateLimit {
		return nil, false, err
	}
	recs, err := s.st.PeopleAtRows(ctx, rows)
	if err != nil {
		return nil, false, err
	}
	people := fromRecords(recs)
	index := search.New(len(people))
	for _, p := range people {
		index.Add(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
	}
	ranked := Rank(query, index.Search(query, limit), func(i int32) Person { return people[i] }, nil)
	for _, r := range ranked {
		found = append(found, people[r.Index])
	}
	return found, true, nil
}
