package hub

import (
	"context"
	"slices"
	"time"
	"unicode/utf8"

	"briefing/internal/textvi"
	"briefing/internal/unit"
)

// The hub's catalog follows internal/unit's rules (unit.Key, Resolve, the
// same refusals): it is the catalog every enrolled device receives.

func checkUnitName(field, s string) error {
	if unit.Key(s) == "" {
		return &unit.FieldError{Field: field, Value: s, Problem: unit.Empty}
	}
	if utf8.RuneCountInString(s) > unit.MaxName {
		return &unit.FieldError{Field: field, Value: s, Problem: unit.TooLong}
	}
	return nil
}

// AddUnit adds a unit to the hub's catalog under parent (a spelling, or
// empty) and publishes it.
func AddUnit(ctx context.Context, st Store, name, kind, parent string, now time.Time) (unit.Unit, error) {
	name, parent = textvi.FieldText(name), textvi.FieldText(parent)
	if err := checkUnitName("name", name); err != nil {
		return unit.Unit{}, err
	}
	if !slices.Contains(unit.Kinds, kind) {
		return unit.Unit{}, &unit.FieldError{Field: "kind", Value: kind, Problem: unit.UnknownKind}
	}
	cat, err := st.Catalog(ctx)
	if err != nil {
		return unit.Unit{}, err
	}
	if had, ok := cat.Resolve(name); ok {
		return unit.Unit{}, &unit.NameError{Spelling: name, Unit: had, Err: unit.ErrExists}
	}
	u := unit.Unit{Name: name, Kind: kind}
	if parent != "" {
		p, ok := cat.Resolve(parent)
		if !ok {
			return unit.Unit{}, &unit.NameError{Spelling: parent, Err: unit.ErrUnknown}
		}
		u.ParentID = p.ID
	}
	for _, o := range cat.Units() {
		if o.SortOrder < 1000 {
			u.SortOrder = max(u.SortOrder, o.SortOrder)
		}
	}
	u.SortOrder++
	return st.AddUnit(ctx, u, now)
}

// AliasUnit makes spelling name the unit target names; a unit's own name
// is refused (merge instead).
func AliasUnit(ctx context.Context, st Store, spelling, target string, now time.Time) (unit.Unit, bool, error) {
	spelling, target = textvi.FieldText(spelling), textvi.FieldText(target)
	if err := checkUnitName("spelling", spelling); err != nil {
		return unit.Unit{}, false, err
	}
	cat, err := st.Catalog(ctx)
	if err != nil {
		return unit.Unit{}, false, err
	}
	to, ok := cat.Resolve(target)
	if !ok {
		return unit.Unit{}, false, &unit.NameError{Spelling: target, Err: unit.ErrUnknown}
	}
	if had, ok := cat.Resolve(spelling); ok {
		if had.ID == to.ID {
			return to, true, nil
		}
		for _, u := range cat.Units() {
			if unit.Key(u.Name) == unit.Key(spelling) {
				return unit.Unit{}, false, &unit.NameError{Spelling: spelling, Unit: had, Err: unit.ErrIsUnit}
			}
		}
	}
	return to, false, st.SetAlias(ctx, spelling, to.ID, now)
}

// MergeUnits folds from into into: from's name and its aliases become
// aliases of into, so every record under from, on every device, resolves
// to into. Records are not rewritten: they are their devices'.
func MergeUnits(ctx context.Context, st Store, from, into string, now time.Time) (unit.Unit, unit.Unit, error) {
	from, into = textvi.FieldText(from), textvi.FieldText(into)
	cat, err := st.Catalog(ctx)
	if err != nil {
		return unit.Unit{}, unit.Unit{}, err
	}
	f, ok := cat.Resolve(from)
	if !ok {
		return unit.Unit{}, unit.Unit{}, &unit.NameError{Spelling: from, Err: unit.ErrUnknown}
	}
	t, ok := cat.Resolve(into)
	if !ok {
		return unit.Unit{}, unit.Unit{}, &unit.NameError{Spelling: into, Err: unit.ErrUnknown}
	}
	if f.ID == t.ID {
		return unit.Unit{}, unit.Unit{}, &unit.NameError{Spelling: from, Unit: t, Err: unit.ErrSame}
	}
	for _, sp := range append([]string{f.Name}, cat.Aliases(f.ID)...) {
		if err := st.SetAlias(ctx, sp, t.ID, now); err != nil {
			return f, t, err
		}
	}
	return f, t, nil
}
