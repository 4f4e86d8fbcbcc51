package desk

import (
	"cmp"
	"context"
	"slices"

	"briefing/internal/attendance"
	"briefing/internal/search"
	"briefing/internal/textvi"
	"briefing/internal/tui/qtab"
	"briefing/internal/unit"
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
	tally   *attendance.Tally            // the counters, kept up to date by set
	cat     *unit.Catalog                // the units, read with the roster: spellings show as their unit
	expects func(attendance.Person) bool // who the session expects (attendance.Expects)
	// off: people checked in to the session and taken off the roster
	// since, by id: not in people (not searched), counted by their unit.
	off map[string]attendance.Person
}

// unitLabel is how a unit typed as spelling is shown: the catalog unit it names
// (P.4 is Phường 4), or the spelling as typed.
func (b *book) unitLabel(spelling string) string {
	if b == nil || spelling == "" {
		return spelling
	}
	label, _ := b.cat.Label(spelling)
	return label
}

// loadBook reads the roster and the session's check-ins and indexes them;
// host is the session's unit, which says who is expected.
func loadBook(ctx context.Context, svc *attendance.Service, sessionID, host string) (*book, error) {
	people, checkIns, cursor, err := svc.Changes(ctx, sessionID, attendance.Cursor{})
	if err != nil {
		return nil, err
	}
	cat, err := svc.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	b := &book{
		byID:    make(map[string]int32, len(people)),
		index:   search.New(len(people)),
		present: map[string]attendance.CheckIn{},
		tally:   attendance.NewTally(cat),
		cat:     cat,
		expects: attendance.Expects(cat, host),
	}
	b.addPeople(people)
	// People checked in and since taken off the roster are not in it:
	// counted as the minutes count them (their unit), never searched.
	if slices.ContainsFunc(checkIns, func(c attendance.CheckIn) bool { _, known := b.byID[c.Person.ID]; return !known }) {
		list, err := svc.Attendees(ctx, sessionID)
		if err != nil {
			return nil, err
		}
		b.off = map[string]attendance.Person{}
		for _, a := range list {
			if _, known := b.byID[a.Person.ID]; !known {
				b.off[a.Person.ID] = a.Person
			}
		}
	}
	b.apply(checkIns)
	b.cursor = cursor
	return b, nil
}

func (b *book) addPeople(people []attendance.Person) {
	for _, p := range people {
		if i, ok := b.byID[p.ID]; ok {
			// Edited, or taken off the roster, by another process
			// (attendance.Changes): shown as they now are.
			if b.people[i] != p && !b.people[i].Removed {
				b.replace(p)
			}
			continue
		}
		if p.Removed {
			continue
		}
		i := b.index.Add(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
		b.people = append(b.people, p)
		b.byID[p.ID] = i
		if b.expects != nil && b.expects(p) {
			b.tally.Expect(p)
		}
	}
}

// replace puts a corrected person in the book: shown and counted as
// corrected at once, and found by the new name and unit too (the index only
// grows: their old entry now shows them corrected, refresh shows them once).
func (b *book) replace(p attendance.Person) {
	i, ok := b.byID[p.ID]
	if !ok {
		b.addPeople([]attendance.Person{p})
		return
	}
	old := b.people[i]
	b.people[i] = p
	// Taken off the roster: no longer expected (still counted if here).
	b.tally.Replace(old, p, !p.Removed && b.expects != nil && b.expects(p))
	j := b.index.Add(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
	b.people = append(b.people, p)
	b.byID[p.ID] = j
	for k := range b.people[:j] {
		if b.people[k].ID == p.ID {
			b.people[k] = p // an earlier correction's entry too
		}
	}
	if c, in := b.present[p.ID]; in {
		c.Person = p
		b.present[p.ID] = c
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
	if !known {
		p, known = b.off[id]
	}
	if known {
		c.Person = p
	}
	_, was := b.present[id]
	switch {
	case c.Undone && was:
		delete(b.present, id)
		b.tally.Add(c.Person, -1)
	case !c.Undone && !was:
		b.present[id] = c
		b.tally.Add(c.Person, +1)
		b.recent = append(b.recent, id)
	case !c.Undone:
		b.present[id] = c
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

// notYet lists up to n of the people expected who are not checked in, by
// unit (as the catalog names it) then name.
func (b *book) notYet(n int) []attendance.Person {
	var out []attendance.Person
	for id, i := range b.byID {
		p := b.people[i]
		if _, in := b.present[id]; in || p.Removed || b.expects == nil || !b.expects(p) {
			continue
		}
		out = append(out, p)
	}
	labels := map[string]string{}
	label := func(u string) string {
		l, ok := labels[u]
		if !ok {
			l = textvi.Fold(b.unitLabel(u))
			labels[u] = l
		}
		return l
	}
	slices.SortFunc(out, func(a, c attendance.Person) int {
		return cmp.Or(cmp.Compare(label(a.Unit), label(c.Unit)), cmp.Compare(textvi.Fold(a.Name), textvi.Fold(c.Name)), cmp.Compare(a.ID, c.ID))
	})
	return out[:min(n, len(out))]
}

// counts are the counters (attendance.Tally).
func (b *book) counts() attendance.Counts { return b.tally.Counts() }

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
