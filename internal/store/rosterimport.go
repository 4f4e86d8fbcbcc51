package store

// The roster imports a device wrote (migration 0017), kept so that one can
// be undone: what it added (a range of rowids) and what it changed (each
// person as before).

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// RosterImport is one import written on this device.
type RosterImport struct {
	ID                                int64
	File                              string
	At                                time.Time
	Added, Updated, Unchanged, Reject int
	// FirstRow, LastRow: the people it added have rowids in (FirstRow, LastRow].
	FirstRow, LastRow int64
	// LastHLC is the largest stamp it wrote; "" when it wrote none.
	LastHLC  string
	UndoneAt *time.Time
}

// ImportChange is a person an import changed, as they were before, and the
// stamp the import gave them.
type ImportChange struct {
	Before Person
	HLC    string
}

// MaxPersonRow is the largest rowid of person, 0 when there is none.
func (t *Tx) MaxPersonRow(ctx context.Context) (int64, error) {
	var row int64
	err := t.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0) FROM person`).Scan(&row)
	return row, err
}

// AddRosterImport records an import and the people it changed; it sets
// imp.ID and, from the rows written, imp.LastRow and imp.LastHLC.
func (t *Tx) AddRosterImport(ctx context.Context, imp *RosterImport, changes []ImportChange) error {
	err := t.QueryRowContext(ctx, `SELECT coalesce(max(rowid), 0), coalesce(max(hlc), '') FROM person WHERE rowid > ?`,
		imp.FirstRow).Scan(&imp.LastRow, &imp.LastHLC)
	if err != nil {
		return fmt.Errorf("record the import: %w", err)
	}
	imp.LastRow = max(imp.LastRow, imp.FirstRow)
	for _, c := range changes {
		imp.LastHLC = max(imp.LastHLC, c.HLC)
	}
	res, err := t.exec(ctx, `INSERT INTO roster_import (file, imported_at, added, updated, unchanged, rejected,
		first_row, last_row, last_hlc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		imp.File, toMillis(imp.At), imp.Added, imp.Updated, imp.Unchanged, imp.Reject, imp.FirstRow, imp.LastRow, imp.LastHLC)
	if err != nil {
		return fmt.Errorf("record the import: %w", err)
	}
	if imp.ID, err = res.LastInsertId(); err != nil {
		return err
	}
	for _, c := range changes {
		before, err := json.Marshal(c.Before)
		if err != nil {
			return err
		}
		if _, err := t.exec(ctx, `INSERT INTO roster_import_change (import_id, person_id, hlc, before) VALUES (?, ?, ?, ?)`,
			imp.ID, c.Before.ID, c.HLC, string(before)); err != nil {
			return fmt.Errorf("record the import: %w", err)
		}
	}
	return nil
}

const rosterImportColumns = `id, file, imported_at, added, updated, unchanged, rejected, first_row, last_row, last_hlc, undone_at`

func scanRosterImport(row rowScanner) (RosterImport, error) {
	var imp RosterImport
	var at int64
	var undone sql.NullInt64
	err := row.Scan(&imp.ID, &imp.File, &at, &imp.Added, &imp.Updated, &imp.Unchanged, &imp.Reject,
		&imp.FirstRow, &imp.LastRow, &imp.LastHLC, &undone)
	imp.At, imp.UndoneAt = fromMillis(at), timePtr(undone)
	return imp, err
}

// RosterImports lists this device's imports, oldest first.
func (s *Store) RosterImports(ctx context.Context) ([]RosterImport, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+rosterImportColumns+` FROM roster_import ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []RosterImport
	for rows.Next() {
		imp, err := scanRosterImport(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, imp)
	}
	return list, rows.Err()
}

// RosterImport reads import id inside the transaction.
func (t *Tx) RosterImport(ctx context.Context, id int64) (RosterImport, error) {
	imp, err := scanRosterImport(t.QueryRowContext(ctx, `SELECT `+rosterImportColumns+` FROM roster_import WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return imp, fmt.Errorf("roster import %d: %w", id, ErrNotFound)
	}
	return imp, err
}

// ImportChanges lists the people import id changed, as before it.
func (t *Tx) ImportChanges(ctx context.Context, id int64) ([]ImportChange, error) {
	rows, err := t.QueryContext(ctx, `SELECT hlc, before FROM roster_import_change WHERE import_id = ? ORDER BY person_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []ImportChange
	for rows.Next() {
		var c ImportChange
		var before string
		if err := rows.Scan(&c.HLC, &before); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(before), &c.Before); err != nil {
			return nil, fmt.Errorf("roster import %d: %w", id, err)
		}
		list = append(list, c)
	}
	return list, rows.Err()
}

// PeopleAddedBy lists the people at rowids (imp.FirstRow, imp.LastRow], those
// taken off the roster since included.
func (t *Tx) PeopleAddedBy(ctx context.Context, imp RosterImport) ([]Person, error) {
	return readPeople(ctx, t, `WHERE rowid > ? AND rowid <= ? ORDER BY rowid`, imp.FirstRow, imp.LastRow)
}

// CheckedInCount counts the standing check-ins of person, in any session.
func (t *Tx) CheckedInCount(ctx context.Context, personID string) (int, error) {
	var n int
	err := t.QueryRowContext(ctx, `SELECT count(*) FROM attendance WHERE person_id = ? AND undone_at IS NULL`, personID).Scan(&n)
	return n, err
}

// SetImportUndone marks import id undone at at.
func (t *Tx) SetImportUndone(ctx context.Context, id int64, at time.Time) error {
	_, err := t.exec(ctx, `UPDATE roster_import SET undone_at = ? WHERE id = ?`, toMillis(at), id)
	return err
}

// AttendedSessions counts the sessions person is checked in to (standing
// check-ins), outside a transaction: what a removal keeps them in.
func (s *Store) AttendedSessions(ctx context.Context, personID string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM attendance WHERE person_id = ? AND undone_at IS NULL`, personID).Scan(&n)
	return n, err
}

// EachRosterPerson calls fn for every person on the roster, in the order of
// their folded names.
func (s *Store) EachRosterPerson(ctx context.Context, fn func(Person) error) error {
	return eachPersonWhere(ctx, s.db, `WHERE `+onRoster+` ORDER BY name_key, rowid`, fn)
}
