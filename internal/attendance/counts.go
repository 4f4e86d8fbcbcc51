package attendance

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"briefing/internal/i18n"
	"briefing/internal/roster"
	"briefing/internal/unit"
)

// Tally is the one way present people are counted, by group and by unit,
// for the desk (which keeps one up to date as check-ins arrive), follow and
// session show (which count the attendees afresh). Units are counted under
// the catalog unit their spelling resolves to, so "P.4" and "Phường 4" are
// one line; a spelling the catalog does not know is its own line, flagged.
type Tally struct {
	cat     *unit.Catalog
	present int
	groups  map[roster.Group]int
	units   map[string]*unitCount // by unit id, or by key for unknown spellings
	// in and expected are person ids: who is present, who is expected
	// (Expect), so that each unit knows how many of its expected came.
	in       map[string]bool
	expected map[string]bool
	// buckets caches the catalog's answer per spelling: a roster of many
	// people has few spellings of units, each resolved once.
	buckets map[string]unit.Bucket
}

type unitCount struct {
	label    string
	known    bool
	order    int // the catalog's order, for ties
	present  int
	expected int
	came     int // of the expected, how many are present
}

// NewTally counts with the units of cat (nil: every unit as typed).
func NewTally(cat *unit.Catalog) *Tally {
	return &Tally{cat: cat, groups: map[roster.Group]int{}, units: map[string]*unitCount{},
		in: map[string]bool{}, expected: map[string]bool{}, buckets: map[string]unit.Bucket{}}
}

// unit is the line p's unit is counted on, made when missing.
func (t *Tally) unit(p Person) (string, *unitCount) {
	b, ok := t.buckets[p.Unit]
	if !ok {
		b = t.cat.Bucket(p.Unit)
		t.buckets[p.Unit] = b
	}
	if have, ok := t.units[b.ID]; ok {
		return b.ID, have
	}
	uc := &unitCount{label: b.Label, known: b.Known, order: b.Order}
	t.units[b.ID] = uc
	return b.ID, uc
}

// drop forgets a unit line nobody is counted on any more.
func (t *Tally) drop(key string, uc *unitCount) {
	if uc.present == 0 && uc.expected == 0 {
		delete(t.units, key)
	}
}

// Add counts p as present (d = 1) or no longer present (d = -1).
func (t *Tally) Add(p Person, d int) {
	t.present += d
	t.groups[p.Group] += d
	if t.groups[p.Group] == 0 {
		delete(t.groups, p.Group)
	}
	key, uc := t.unit(p)
	uc.present += d
	if p.ID != "" {
		t.in[p.ID] = d > 0
		if !t.in[p.ID] {
			delete(t.in, p.ID)
		}
		if t.expected[p.ID] {
			uc.came += d
		}
	}
	t.drop(key, uc)
}

// Expect counts p among the people expected (Expects says who); once
// each, whenever they arrive.
func (t *Tally) Expect(p Person) {
	if p.ID == "" || t.expected[p.ID] {
		return
	}
	t.expected[p.ID] = true
	_, uc := t.unit(p)
	uc.expected++
	if t.in[p.ID] {
		uc.came++
	}
}

// Replace counts a corrected person (a walk-in's unit fixed) under their
// new unit: present there if they were present, expected there if expect.
func (t *Tally) Replace(old, corrected Person, expect bool) {
	in := t.in[old.ID]
	if in {
		t.Add(old, -1)
	}
	if t.expected[old.ID] {
		key, uc := t.unit(old)
		uc.expected--
		delete(t.expected, old.ID)
		t.drop(key, uc)
	}
	if expect {
		t.Expect(corrected)
	}
	if in {
		t.Add(corrected, 1)
	}
}

// Counts are the counters now: groups in the plan's order, units largest
// first (then in the catalog's order).
func (t *Tally) Counts() Counts {
	c := Counts{Present: t.present, Expected: len(t.expected)}
	for _, g := range append(roster.Groups, "") {
		if n := t.groups[g]; n > 0 {
			c.ByGroup = append(c.ByGroup, Count{Key: string(g), Count: n})
		}
	}
	list := make([]*unitCount, 0, len(t.units))
	for _, u := range t.units {
		list = append(list, u)
	}
	slices.SortFunc(list, func(a, b *unitCount) int {
		return cmp.Or(cmp.Compare(b.present, a.present), cmp.Compare(a.order, b.order), cmp.Compare(a.label, b.label))
	})
	for _, u := range list {
		c.ByUnit = append(c.ByUnit, Count{Key: u.label, Count: u.present, Unknown: !u.known && u.label != "",
			Expected: u.expected, NotYet: u.expected - u.came})
	}
	return c
}

// Counts counts session's present people with Tally.
func (s *Service) Counts(ctx context.Context, sessionID string) (Counts, error) {
	cat, err := s.units.Catalog(ctx)
	if err != nil {
		return Counts{}, err
	}
	list, err := s.st.Attendees(ctx, sessionID)
	if err != nil {
		return Counts{}, err
	}
	t := NewTally(cat)
	for _, a := range list {
		t.Add(fromRecord(a.Person), 1)
	}
	return t.Counts(), nil
}

// Catalog is the unit catalog the counters resolve units with.
func (s *Service) Catalog(ctx context.Context) (*unit.Catalog, error) {
	return s.units.Catalog(ctx)
}

// GroupLabel names a group counter in l.
func (c Count) GroupLabel(l i18n.Lang) string { return roster.Group(c.Key).Label(l) }

// UnitLabel names a unit counter in l: the unit, or "(no unit)" for the
// people registered without one.
func (c Count) UnitLabel(l i18n.Lang) string {
	if c.Key == "" {
		return l.T("desk.unit.none")
	}
	return c.Key
}

// GroupItems and UnitItems are the counters as "label: n", the way the
// one-line counters of the desk and follow read them.
func (c Counts) GroupItems(l i18n.Lang) []string { return items(c.ByGroup, l, Count.GroupLabel) }

// UnitItems: see GroupItems.
func (c Counts) UnitItems(l i18n.Lang) []string { return items(c.ByUnit, l, Count.UnitLabel) }

func items(list []Count, l i18n.Lang, label func(Count, i18n.Lang) string) []string {
	out := make([]string, len(list))
	for i, c := range list {
		out[i] = fmt.Sprintf("%s: %d", label(c, l), c.Count)
	}
	return out
}
