package unit

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"briefing/internal/roster"
	"briefing/internal/store"
	"briefing/internal/textvi"
)

var (
	// ErrInvalid: a name, spelling or kind is empty or unknown; the error says which.
	ErrInvalid = errors.New("invalid")
	// ErrUnknown: a spelling names no unit of the catalog.
	ErrUnknown = errors.New("no such unit in the catalog")
	// ErrExists: the catalog already has a unit by that name (or spelling).
	ErrExists = errors.New("the catalog already has this unit")
	// ErrIsUnit: an alias spelling that is a unit's own name (merge it instead).
	ErrIsUnit = errors.New("the spelling is a unit of the catalog")
	// ErrSame: a merge of a unit into itself.
	ErrSame = errors.New("both name the same unit")
)

// FieldError is a unit name, alias spelling or kind the catalog refuses;
// it is ErrInvalid.
type FieldError struct {
	Field   string // "name", "spelling" or "kind"
	Value   string
	Problem string // Empty (no letter or digit), TooLong (over MaxName), or UnknownKind
}

// FieldError problems.
const (
	Empty       = "empty"
	TooLong     = "too_long"
	UnknownKind = "unknown_kind"
)

func (e *FieldError) Error() string {
	return fmt.Sprintf("unit %s %q: %s: %v", e.Field, e.Value, e.Problem, ErrInvalid)
}
func (e *FieldError) Unwrap() error { return ErrInvalid }

// NameError is a spelling the catalog refused, with the unit it resolves to
// when there is one.
type NameError struct {
	Spelling string
	Unit     Unit // for ErrExists, ErrIsUnit and ErrSame
	Err      error
}

func (e *NameError) Error() string { return fmt.Sprintf("unit %q: %v", e.Spelling, e.Err) }
func (e *NameError) Unwrap() error { return e.Err }

// Service keeps the catalog in the device database.
type Service struct {
	st  *store.Store
	now func() time.Time
}

// New returns a Service; now is the clock for the records a merge touches
// (nil: time.Now).
func New(st *store.Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{st: st, now: now}
}

// Catalog reads the catalog.
func (s *Service) Catalog(ctx context.Context) (*Catalog, error) {
	units, err := s.st.Units(ctx)
	if err != nil {
		return nil, fmt.Errorf("units: %w", err)
	}
	aliases, err := s.st.UnitAliases(ctx)
	if err != nil {
		return nil, fmt.Errorf("unit aliases: %w", err)
	}
	return fromRecords(units, aliases), nil
}

// CatalogInTx reads the catalog inside a write transaction (a roster
// import resolves its rows' units with it).
func (s *Service) CatalogInTx(ctx context.Context, tx *store.Tx) (*Catalog, error) {
	return catalogInTx(ctx, tx)
}

func catalogInTx(ctx context.Context, tx *store.Tx) (*Catalog, error) {
	units, err := tx.Units(ctx)
	if err != nil {
		return nil, err
	}
	aliases, err := tx.UnitAliases(ctx)
	if err != nil {
		return nil, err
	}
	return fromRecords(units, aliases), nil
}

// fromRecords is the catalog of the stored units and aliases: the records
// themselves, as the catalog holds them.
func fromRecords(units []store.Unit, aliases []store.UnitAlias) *Catalog {
	return NewCatalog(units, aliases)
}

// clean is a name or spelling as stored: one line, NFC, without control
// or invisible characters (an escape sequence in a unit's name would reach
// every terminal that lists it).
func clean(s string) string { return textvi.FieldText(s) }

// MaxName is the longest unit name or alias, in characters: the longest
// unit a roster row or a walk-in may carry, so every spelling can be aliased.
const MaxName = roster.MaxUnitLength

func checkName(field, s string) error {
	if Key(s) == "" {
		return &FieldError{Field: field, Value: s, Problem: Empty}
	}
	if utf8.RuneCountInString(s) > MaxName {
		return &FieldError{Field: field, Value: s, Problem: TooLong}
	}
	return nil
}

// Add adds a unit of kind to the catalog, under parent (a spelling of a
// catalog unit) unless parent is empty. A name the catalog already
// resolves is refused (ErrExists).
func (s *Service) Add(ctx context.Context, name, kind, parent string) (Unit, error) {
	name, parent = clean(name), clean(parent)
	if err := checkName("name", name); err != nil {
		return Unit{}, err
	}
	if !slices.Contains(Kinds, kind) {
		return Unit{}, &FieldError{Field: "kind", Value: kind, Problem: UnknownKind}
	}
	var u Unit
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		cat, err := catalogInTx(ctx, tx)
		if err != nil {
			return err
		}
		if had, ok := cat.Resolve(name); ok {
			return &NameError{Spelling: name, Unit: had, Err: ErrExists}
		}
		rec := store.Unit{Name: name, Kind: kind, SortOrder: nextSortOrder(cat)}
		if parent != "" {
			p, ok := cat.Resolve(parent)
			if !ok {
				return &NameError{Spelling: parent, Err: ErrUnknown}
			}
			rec.ParentID = p.ID
		}
		if err := tx.InsertUnit(ctx, &rec); err != nil {
			return err
		}
		u = rec
		return nil
	})
	return u, err
}

// nextSortOrder puts a new unit after the others but before Khác (1000).
func nextSortOrder(c *Catalog) int {
	n := 0
	for _, u := range c.Units() {
		if u.SortOrder < 1000 {
			n = max(n, u.SortOrder)
		}
	}
	return n + 1
}

// AliasResult is what Alias did.
type AliasResult struct {
	Spelling string // the spelling as kept (cleaned as every unit name is)
	Unit     Unit
	// Already: the spelling named that unit before; nothing was written.
	Already bool
}

// Alias makes spelling name the unit target names. A spelling that is a
// unit's own name is refused (ErrIsUnit: merge the units instead); one that
// was an alias of another unit is pointed at this one.
func (s *Service) Alias(ctx context.Context, spelling, target string) (AliasResult, error) {
	spelling, target = clean(spelling), clean(target)
	if err := checkName("spelling", spelling); err != nil {
		return AliasResult{}, err
	}
	if err := checkName("unit", target); err != nil {
		return AliasResult{}, err // a unit no catalog name can be: not echoed back whole
	}
	res := AliasResult{Spelling: spelling}
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		cat, err := catalogInTx(ctx, tx)
		if err != nil {
			return err
		}
		to, ok := cat.Resolve(target)
		if !ok {
			return &NameError{Spelling: target, Err: ErrUnknown}
		}
		res.Unit = to
		if had, ok := cat.Resolve(spelling); ok {
			if had.ID == to.ID {
				res.Already = true
				return nil
			}
			// A unit's own name, merged or not, is not an alias to move:
			// its records would silently follow it to another unit.
			if _, isName := cat.byName[Key(spelling)]; isName {
				return &NameError{Spelling: spelling, Unit: had, Err: ErrIsUnit}
			}
		}
		return setAlias(ctx, tx, spelling, to.ID)
	})
	return res, err
}

// setAlias points spelling at unit: this device's alias with its key is
// updated, else a new alias is written (another device's stays; the newer
// stamp wins).
func setAlias(ctx context.Context, tx *store.Tx, spelling, unitID string) error {
	aliases, err := tx.UnitAliases(ctx)
	if err != nil {
		return err
	}
	k := Key(spelling)
	for i := len(aliases) - 1; i >= 0; i-- {
		a := aliases[i]
		if a.Origin == tx.DeviceID() && Key(a.Spelling) == k {
			a.UnitID, a.Spelling = unitID, spelling
			return tx.UpdateUnitAlias(ctx, &a)
		}
	}
	return tx.InsertUnitAlias(ctx, &store.UnitAlias{UnitID: unitID, Spelling: spelling})
}

// MergeResult counts the records a merge re-pointed.
type MergeResult struct {
	From, Into                  Unit
	People, Sessions, Questions int
}

// Merge folds unit from into unit into, in one transaction: from's name
// becomes an alias of into (so every spelling of from, on any device's
// records, now resolves to into), this device's aliases of from point at
// into, and this device's people, sessions (host unit) and questions
// (asker's unit) recorded under a spelling of from are rewritten with
// into's name. Each write goes to the change log. Other devices' records
// are theirs to change; they resolve through the alias.
func (s *Service) Merge(ctx context.Context, from, into string) (MergeResult, error) {
	from, into = clean(from), clean(into)
	for _, name := range []string{from, into} {
		if err := checkName("unit", name); err != nil {
			return MergeResult{}, err
		}
	}
	var res MergeResult
	now := s.now()
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		cat, err := catalogInTx(ctx, tx)
		if err != nil {
			return err
		}
		var ok bool
		if res.From, ok = cat.Resolve(from); !ok {
			return &NameError{Spelling: from, Err: ErrUnknown}
		}
		if res.Into, ok = cat.Resolve(into); !ok {
			return &NameError{Spelling: into, Err: ErrUnknown}
		}
		if res.From.ID == res.Into.ID {
			return &NameError{Spelling: from, Unit: res.Into, Err: ErrSame}
		}
		if err := setAlias(ctx, tx, res.From.Name, res.Into.ID); err != nil {
			return err
		}
		aliases, err := tx.UnitAliases(ctx)
		if err != nil {
			return err
		}
		for _, a := range aliases {
			if a.UnitID == res.From.ID && a.Origin == tx.DeviceID() {
				a.UnitID = res.Into.ID
				if err := tx.UpdateUnitAlias(ctx, &a); err != nil {
					return err
				}
			}
		}
		spellings, err := tx.UnitSpellings(ctx)
		if err != nil {
			return err
		}
		var under []string // the spellings that named from before the merge
		for _, sp := range spellings {
			if u, ok := cat.Resolve(sp.Unit); ok && u.ID == res.From.ID {
				under = append(under, sp.Unit)
			}
		}
		return repoint(ctx, tx, under, res.Into.Name, now, &res)
	})
	return res, err
}

// repoint rewrites this device's records whose unit is one of spellings.
func repoint(ctx context.Context, tx *store.Tx, spellings []string, name string, now time.Time, res *MergeResult) error {
	if len(spellings) == 0 {
		return nil
	}
	people, err := tx.PeopleWithUnits(ctx, spellings)
	if err != nil {
		return err
	}
	for _, p := range people {
		p.Unit = name
		if err := tx.UpdatePerson(ctx, &p); err != nil {
			return err
		}
	}
	sessions, err := tx.SessionsWithUnits(ctx, spellings)
	if err != nil {
		return err
	}
	for _, se := range sessions {
		se.Unit = name
		if err := tx.UpdateSession(ctx, &se); err != nil {
			return err
		}
	}
	qs, err := tx.QuestionsWithAskerUnits(ctx, spellings)
	if err != nil {
		return err
	}
	for _, q := range qs {
		q.AskerUnit, q.UpdatedAt = name, now
		if err := tx.UpdateQuestion(ctx, &q); err != nil {
			return err
		}
	}
	res.People, res.Sessions, res.Questions = len(people), len(sessions), len(qs)
	return nil
}

// Spelling is a unit as typed that the catalog does not know, and how many
// records (people, sessions, questions) carry it.
type Spelling struct {
	Unit  string `json:"unit"`
	Count int    `json:"count"`
}

// Unknown lists the spellings on records that resolve to no unit, most
// used first: what a clerk should alias.
func (s *Service) Unknown(ctx context.Context) ([]Spelling, error) {
	cat, err := s.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.st.UnitSpellings(ctx)
	if err != nil {
		return nil, err
	}
	var out []Spelling
	for _, sp := range all {
		if _, ok := cat.Resolve(sp.Unit); !ok {
			out = append(out, Spelling{Unit: sp.Unit, Count: sp.Count})
		}
	}
	slices.SortStableFunc(out, func(a, b Spelling) int { return b.Count - a.Count })
	return out, nil
}
