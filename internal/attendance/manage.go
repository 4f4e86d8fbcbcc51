package attendance

// Managing the roster: listing it, correcting a person, taking one off, and
// undoing a whole import. A person taken off keeps their record (removed_at
// set, an update that syncs like any other), so every session they were
// checked in to still names them; roster reads and searches skip them.

import (
	"context"
	"errors"
	"fmt"
	"time"

	"briefing/internal/store"
	"briefing/internal/textvi"
)

var (
	// ErrOtherDevice: the person was registered on another device; only that
	// device changes the record (it reaches this one by sync).
	ErrOtherDevice = errors.New("the person belongs to another device")
	// ErrUndone: the import was undone already.
	ErrUndone = errors.New("the import was undone already")
	// ErrNoChange: an edit without a field to change.
	ErrNoChange = errors.New("nothing to change")
)

// RosterPerson is a person as roster show tells them: the view, how and
// when they were registered, and how many sessions they are checked in to.
type RosterPerson struct {
	Person
	Source   string // roster, walk_in or qr
	Added    time.Time
	Own      bool // registered on this device, so it may change them
	Sessions int  // standing check-ins
}

// List lists the people on the roster in name order, only those of unit
// when it is not "" (the same unit as the catalog says: "P.4" is "Phường 4").
func (s *Service) List(ctx context.Context, unitName string) ([]Person, error) {
	cat, err := s.units.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	unitName = textvi.FieldText(unitName)
	var list []Person
	err = s.st.EachRosterPerson(ctx, func(p store.Person) error {
		if unitName == "" || cat.Same(p.Unit, unitName) {
			list = append(list, fromRecord(p))
		}
		return nil
	})
	return list, err
}

// Show finds a person on the roster by id or unique id prefix (as Person)
// and tells them with their registration and check-ins.
func (s *Service) Show(ctx context.Context, id string) (RosterPerson, error) {
	p, err := s.Person(ctx, id)
	if err != nil {
		return RosterPerson{}, err
	}
	rec, err := s.st.Person(ctx, p.ID)
	if err != nil {
		return RosterPerson{}, err
	}
	n, err := s.st.AttendedSessions(ctx, p.ID)
	if err != nil {
		return RosterPerson{}, err
	}
	return RosterPerson{Person: p, Source: rec.Source, Added: rec.CreatedAt, Own: rec.Origin == s.st.DeviceID(), Sessions: n}, nil
}

// Edit is a correction of a person's fields: each non-nil field is set,
// an empty string clearing it (the name cannot be cleared).
type Edit struct {
	Name, Unit, Group, Phone, Position *string
}

// EditPerson applies e to the person id (or unique id prefix) under the rules
// of a walk-in (NewPerson: lengths, characters of a name, group, phone), in
// one transaction, and returns them as stored. A person of another device
// is refused (ErrOtherDevice).
func (s *Service) EditPerson(ctx context.Context, id string, e Edit) (Person, error) {
	if e == (Edit{}) {
		return Person{}, ErrNoChange
	}
	found, err := s.Person(ctx, id)
	if err != nil {
		return Person{}, err
	}
	var out Person
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		p, err := ownPerson(ctx, tx, found.ID)
		if err != nil {
			return err
		}
		n := NewPerson{Name: p.Name, Unit: p.Unit, Group: p.Group, Phone: p.Phone, Position: p.Position}
		for _, f := range []struct {
			dst *string
			v   *string
		}{{&n.Name, e.Name}, {&n.Unit, e.Unit}, {&n.Group, e.Group}, {&n.Phone, e.Phone}, {&n.Position, e.Position}} {
			if f.v != nil {
				*f.dst = *f.v
			}
		}
		n, group, err := n.clean()
		if err != nil {
			return err
		}
		before := p
		p.Name, p.NameKey, p.Unit, p.Position, p.Group, p.Phone = n.Name, textvi.Fold(n.Name), n.Unit, n.Position, string(group), n.Phone
		if p != before {
			if err := tx.UpdatePerson(ctx, &p); err != nil {
				return err
			}
		}
		out = fromRecord(p)
		return nil
	})
	if err != nil {
		return Person{}, fmt.Errorf("edit person: %w", err)
	}
	return out, nil
}

// RemovePerson takes the person id (or unique id prefix) off the roster and
// returns them with the number of sessions they stay checked in to. The
// record stays, flagged, so those sessions' minutes still name them.
func (s *Service) RemovePerson(ctx context.Context, id string) (Person, int, error) {
	found, err := s.Person(ctx, id)
	if err != nil {
		return Person{}, 0, err
	}
	var sessions int
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		p, err := ownPerson(ctx, tx, found.ID)
		if err != nil {
			return err
		}
		if p.RemovedAt != nil {
			return fmt.Errorf("person %s: %w", p.ID, ErrNotFound)
		}
		now := s.now()
		p.RemovedAt = &now
		if err := tx.UpdatePerson(ctx, &p); err != nil {
			return err
		}
		sessions, err = tx.CheckedInCount(ctx, p.ID)
		return err
	})
	if err != nil {
		return Person{}, 0, fmt.Errorf("remove person: %w", err)
	}
	return found, sessions, nil
}

// ownPerson reads person id in tx; a person of another device may not be
// changed here (ErrOtherDevice).
func ownPerson(ctx context.Context, tx *store.Tx, id string) (store.Person, error) {
	p, err := tx.Person(ctx, id)
	if err == nil && p.Origin != tx.DeviceID() {
		err = ErrOtherDevice
	}
	return p, err
}

// Import is a roster import as roster imports lists it.
type Import = store.RosterImport

// Imports lists this device's roster imports, oldest first.
func (s *Service) Imports(ctx context.Context) ([]Import, error) {
	return s.st.RosterImports(ctx)
}

// TouchedError refuses to undo an import: people it added or changed were
// changed since (edited, removed, imported again) or checked in. People are
// the first few of them, Count all.
type TouchedError struct {
	Import int64
	People []Person
	Count  int
}

func (e *TouchedError) Error() string {
	return fmt.Sprintf("roster import %d: %d of its people were changed or checked in since", e.Import, e.Count)
}

// touchedShown is how many of the people an undo is refused for are named.
const touchedShown = 5

// UndoResult says what undoing an import did.
type UndoResult struct {
	Import   Import
	Removed  int // people it added, now off the roster
	Restored int // people it changed, as they were before it
}

// UndoImport undoes roster import n in one transaction: the people it added
// are taken off the roster and those it changed get back what they had.
// It refuses (TouchedError, nothing written) when any of them changed since
// or was checked in: undoing would throw away work done after it.
func (s *Service) UndoImport(ctx context.Context, n int64) (UndoResult, error) {
	var res UndoResult
	err := s.st.Tx(ctx, func(tx *store.Tx) error {
		res = UndoResult{}
		imp, err := tx.RosterImport(ctx, n)
		if err != nil {
			return err
		}
		if imp.UndoneAt != nil {
			return ErrUndone
		}
		res.Import = imp
		added, err := tx.PeopleAddedBy(ctx, imp)
		if err != nil {
			return err
		}
		changes, err := tx.ImportChanges(ctx, n)
		if err != nil {
			return err
		}
		touched := &TouchedError{Import: n}
		note := func(p store.Person) {
			touched.Count++
			if len(touched.People) < touchedShown {
				touched.People = append(touched.People, fromRecord(p))
			}
		}
		// A later write to one of its people has a later stamp than the
		// import gave: any of this device's stamps since is larger.
		current := make([]store.Person, len(changes))
		for i, c := range changes {
			p, err := tx.Person(ctx, c.Before.ID)
			if err != nil {
				return err
			}
			current[i] = p
			if p.HLC != c.HLC {
				note(p)
			}
		}
		for _, p := range added {
			checked, err := tx.CheckedInCount(ctx, p.ID)
			if err != nil {
				return err
			}
			if p.HLC > imp.LastHLC || checked > 0 {
				note(p)
			}
		}
		if touched.Count > 0 {
			return touched
		}
		now := s.now()
		for i := range added {
			p := &added[i]
			p.RemovedAt = &now
			if err := tx.UpdatePerson(ctx, p); err != nil {
				return err
			}
		}
		for i, c := range changes {
			p, b := current[i], c.Before
			p.Name, p.NameKey, p.Unit, p.Position, p.Group, p.Phone = b.Name, b.NameKey, b.Unit, b.Position, b.Group, b.Phone
			p.IDHash, p.IDLast4, p.RemovedAt = b.IDHash, b.IDLast4, b.RemovedAt
			if err := tx.UpdatePerson(ctx, &p); err != nil {
				return err
			}
		}
		res.Removed, res.Restored = len(added), len(changes)
		return tx.SetImportUndone(ctx, n, now)
	})
	if err != nil {
		return UndoResult{}, fmt.Errorf("undo roster import %d: %w", n, err)
	}
	return res, nil
}
