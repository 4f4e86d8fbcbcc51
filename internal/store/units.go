package store

import (
	"context"
	"fmt"
)

// --- the unit catalog ---

// Units lists the catalog's units in display order.
func (s *Store) Units(ctx context.Context) ([]Unit, error) {
	return readUnits(ctx, s.db)
}

// Units lists the catalog's units inside the transaction.
func (t *Tx) Units(ctx context.Context) ([]Unit, error) {
	return readUnits(ctx, t)
}

func readUnits(ctx context.Context, q querier) ([]Unit, error) {
	rows, err := q.QueryContext(ctx,
		`SELECT id, origin, hlc, name, kind, sort_order, parent_id FROM unit ORDER BY sort_order, name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var units []Unit
	for rows.Next() {
		var u Unit
		if err := rows.Scan(&u.ID, &u.Origin, &u.HLC, &u.Name, &u.Kind, &u.SortOrder, &u.ParentID); err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	return units, rows.Err()
}

// UnitAliases lists the catalog's aliases, oldest stamp first, so that of
// two aliases for one spelling the later write comes last.
func (s *Store) UnitAliases(ctx context.Context) ([]UnitAlias, error) {
	return readUnitAliases(ctx, s.db)
}

// UnitAliases lists the aliases inside the transaction.
func (t *Tx) UnitAliases(ctx context.Context) ([]UnitAlias, error) {
	return readUnitAliases(ctx, t)
}

func readUnitAliases(ctx context.Context, q querier) ([]UnitAlias, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, origin, hlc, unit_id, spelling FROM unit_alias ORDER BY hlc, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []UnitAlias
	for rows.Next() {
		var a UnitAlias
		if err := rows.Scan(&a.ID, &a.Origin, &a.HLC, &a.UnitID, &a.Spelling); err != nil {
			return nil, err
		}
		list = append(list, a)
	}
	return list, rows.Err()
}

// InsertUnit adds a unit to the catalog.
func (t *Tx) InsertUnit(ctx context.Context, u *Unit) error {
	if err := t.stampNew(ctx, &u.Meta); err != nil {
		return err
	}
	_, err := t.exec(ctx, `INSERT INTO unit (id, origin, hlc, name, kind, sort_order, parent_id)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, u.ID, u.Origin, u.HLC, u.Name, u.Kind, u.SortOrder, u.ParentID)
	if err != nil {
		return fmt.Errorf("insert unit: %w", err)
	}
	return t.logChange(ctx, EntityUnit, OpInsert, u.Meta, u)
}

// InsertUnitAlias adds an alias.
func (t *Tx) InsertUnitAlias(ctx context.Context, a *UnitAlias) error {
	if err := t.stampNew(ctx, &a.Meta); err != nil {
		return err
	}
	_, err := t.exec(ctx, `INSERT INTO unit_alias (id, origin, hlc, unit_id, spelling) VALUES (?, ?, ?, ?, ?)`,
		a.ID, a.Origin, a.HLC, a.UnitID, a.Spelling)
	if err != nil {
		return fmt.Errorf("insert unit alias: %w", err)
	}
	return t.logChange(ctx, EntityUnitAlias, OpInsert, a.Meta, a)
}

// UpdateUnitAlias points an alias of this device at another unit.
func (t *Tx) UpdateUnitAlias(ctx context.Context, a *UnitAlias) error {
	if err := t.stampUpdate(ctx, &a.Meta); err != nil {
		return err
	}
	res, err := t.exec(ctx, `UPDATE unit_alias SET hlc = ?, unit_id = ?, spelling = ? WHERE id = ?`,
		a.HLC, a.UnitID, a.Spelling, a.ID)
	if err := checkUpdated(res, err, "unit alias", a.ID); err != nil {
		return err
	}
	return t.logChange(ctx, EntityUnitAlias, OpUpdate, a.Meta, a)
}

// UnitSpellings counts the units as typed on the records that name one:
// people, sessions' host units and question askers' units.
func (s *Store) UnitSpellings(ctx context.Context) ([]Spelling, error) {
	return readUnitSpellings(ctx, s.db)
}

// UnitSpellings counts the units as typed inside the transaction.
func (t *Tx) UnitSpellings(ctx context.Context) ([]Spelling, error) {
	return readUnitSpellings(ctx, t)
}

func readUnitSpellings(ctx context.Context, q querier) ([]Spelling, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT unit, COUNT(*) FROM (
			SELECT unit FROM person WHERE unit <> ''
			UNION ALL SELECT unit FROM session WHERE unit <> ''
			UNION ALL SELECT asker_unit FROM question WHERE asker_unit <> ''
		) GROUP BY unit ORDER BY unit`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var list []Spelling
	for rows.Next() {
		var sp Spelling
		if err := rows.Scan(&sp.Unit, &sp.Count); err != nil {
			return nil, err
		}
		list = append(list, sp)
	}
	return list, rows.Err()
}

// SessionsWithUnits lists this device's sessions whose host unit is one of
// units, for a merge to re-point.
func (t *Tx) SessionsWithUnits(ctx context.Context, units []string) ([]Session, error) {
	return ownWithUnits(ctx, t, units, "unit", "id", readSessions)
}

// PeopleWithUnits lists this device's people whose unit is one of units.
func (t *Tx) PeopleWithUnits(ctx context.Context, units []string) ([]Person, error) {
	return ownWithUnits(ctx, t, units, "unit", "rowid", readPeople)
}

// QuestionsWithAskerUnits lists this device's questions whose asker's unit
// is one of units.
func (t *Tx) QuestionsWithAskerUnits(ctx context.Context, units []string) ([]Question, error) {
	return ownWithUnits(ctx, t, units, "asker_unit", "id", readQuestions)
}

// ownWithUnits reads with read this device's rows whose column is one of
// units, in chunks that stay under SQLite's limit on parameters.
func ownWithUnits[T any](ctx context.Context, t *Tx, units []string, column, order string,
	read func(context.Context, querier, string, ...any) ([]T, error)) ([]T, error) {
	var all []T
	err := inChunks(len(units), 500, func(lo, hi int) error {
		args := []any{t.deviceID}
		for _, u := range units[lo:hi] {
			args = append(args, u)
		}
		list, err := read(ctx, t, `WHERE origin = ? AND `+column+` IN (`+placeholders(hi-lo)+`) ORDER BY `+order, args...)
		all = append(all, list...)
		return err
	})
	return all, err
}

// placeholders is "?, ?, ?" for n parameters.
func placeholders(n int) string {
	b := make([]byte, 0, 3*n)
	for i := range n {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, '?')
	}
	return string(b)
}
