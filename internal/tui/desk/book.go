package desk

import (
	"context"
	"sort"

	"briefing/internal/attendance"
	"briefing/internal/roster"
	"briefing/internal/search"
	"briefing/internal/textvi"
	"briefing/internal/tui/qtab"
)

// book is the desk's copy of the roster and of who is present, with the
// search index over the roster. It is built off the UI goroutine (load), then
// only the UI goroutine reads and changes it.
type book struct {
	people  []attendance.Person // position = search index
	byID    map[string]int32
	index   *search.Index
	present map[string]attendance.CheckIn // person id -> check-in (not undone)
	recent  []string                      // person ids in check-in order, present or not
	cursor  attendance.Cursor
	groups  map[roster.Group]int
	units   map[string]int
}

// loadBook reads the roster and the session's check-ins and indexes them.
func loadBook(ctx context.Context, svc *attendance.Service, sessionID string) (*book, error) {
	people, checkIns, cursor, err := svc.Changes(ctx, sessionID, attendance.Cursor{})
	if err != nil {
		return nil, err
	}
	b := &book{
		byID:    make(map[string]int32, len(people)),
		index:   search.New(len(people)),
		present: map[string]attendance.CheckIn{},
		groups:  map[roster.Group]int{},
		units:   map[string]int{},
	}
	b.addPeople(people)
	b.apply(checkIns)
	b.cursor = cursor
	return b, nil
}

func (b *book) addPeople(people []attendance.Person) {
	for _, p := range people {
		if _, ok := b.byID[p.ID]; ok {
			continue
		}
		i := b.index.Add(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
		b.people = append(b.people, p)
		b.byID[p.ID] = i
	}
}

// person returns the person with id, if the book has them.
func (b *book) person(id string) (attendance.Person, bool) {
	i, ok := b.byID[id]
	if !ok {
		return attendance.Person{}, false
	}
	return b.people[i], true
}

// apply records check-ins (and undos) in stamp order.
func (b *book) apply(checkIns []attendance.CheckIn) {
	for _, c := range checkIns {
		b.set(c)
	}
}

// set records one check-in or undo, whichever process wrote it.
func (b *book) set(c attendance.CheckIn) {
	id := c.Person.ID
	p, known := b.person(id)
	if known {
		c.Person = p
	}
	_, was := b.present[id]
	switch {
	case c.Undone && was:
		delete(b.present, id)
		b.count(c.Person, -1)
	case !c.Undone && !was:
		b.present[id] = c
		b.count(c.Person, +1)
		b.recent = append(b.recent, id)
	case !c.Undone:
		b.present[id] = c
	}
}

func (b *book) count(p attendance.Person, d int) {
	b.groups[p.Group] += d
	b.units[p.Unit] += d
	if b.groups[p.Group] == 0 {
		delete(b.groups, p.Group)
	}
	if b.units[p.Unit] == 0 {
		delete(b.units, p.Unit)
	}
}

// recentPresent lists up to n people checked in, newest first.
func (b *book) recentPresent(n int) []attendance.CheckIn {
	var out []attendance.CheckIn
	seen := map[string]bool{}
	for i := len(b.recent) - 1; i >= 0 && len(out) < n; i-- {
		id := b.recent[i]
		c, ok := b.present[id]
		if !ok || seen[id] {
			continue
		}
		seen[id] = true
		if p, known := b.person(id); known {
			c.Person = p
		}
		out = append(out, c)
	}
	return out
}

// counts are the counters: groups in the plan's order, units largest first.
func (b *book) counts() attendance.Counts {
	c := attendance.Counts{Present: len(b.present)}
	for _, g := range append(roster.Groups, "") {
		if n := b.groups[g]; n > 0 {
			c.ByGroup = append(c.ByGroup, attendance.Count{Key: string(g), Count: n})
		}
	}
	for u, n := range b.units {
		c.ByUnit = append(c.ByUnit, attendance.Count{Key: u, Count: n})
	}
	sort.Slice(c.ByUnit, func(i, j int) bool {
		if c.ByUnit[i].Count != c.ByUnit[j].Count {
			return c.ByUnit[i].Count > c.ByUnit[j].Count
		}
		return c.ByUnit[i].Key < c.ByUnit[j].Key
	})
	return c
}

// askers lists up to limit people checked in whose name or unit contains
// query (diacritics and case ignored), newest check-in first: the person
// asking has usually just been seen at the desk.
func (b *book) askers(query string, limit int) []qtab.Asker {
	var out []qtab.Asker
	folded := textvi.Fold(query)
	for _, c := range b.recentPresent(len(b.present)) {
		p := c.Person
		if query != "" && !textvi.FoldedContains(p.Name, folded) && !textvi.FoldedContains(p.Unit, folded) {
			continue
		}
		out = append(out, qtab.Asker{PersonID: p.ID, Name: p.Name, Unit: p.Unit})
		if len(out) == limit {
			break
		}
	}
	return out
}

// bookRef lets the Questions tab reach the roster, which loads after the
// tab is made: every copy of the desk model shares it.
type bookRef struct{ b *book }

func (r *bookRef) askers(query string, limit int) []qtab.Asker {
	if r.b == nil {
		return nil
	}
	return r.b.askers(query, limit)
}
