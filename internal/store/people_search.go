package store

// The people search tables (migration 0015): the words and phone digits of
// every person (search.Keys), written with every people write, and the
// queries that find a search's candidates from them.

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"briefing/internal/search"
	"briefing/internal/sqlitedb"
)

// writeSearchKeys writes the search keys of the people at rows (rowids) in the
// transaction, replacing what they had.
func (t *Tx) writeSearchKeys(ctx context.Context, rows []int64, people []*Person, replace bool) error {
	var wargs, vargs, pargs []any
	flush := func() error {
		if n := len(wargs) / 2; n > 0 {
			if _, err := t.execRows(ctx, `INSERT OR IGNORE INTO person_word (word, person) VALUES `, n, 2, wargs...); err != nil {
				return err
			}
		}
		if n := len(vargs); n > 0 {
			if _, err := t.execRows(ctx, `INSERT OR IGNORE INTO person_vocab (word) VALUES `, n, 1, vargs...); err != nil {
				return err
			}
		}
		if n := len(pargs) / 2; n > 0 {
			if _, err := t.execRows(ctx, `INSERT OR IGNORE INTO person_phone (rdigits, person) VALUES `, n, 2, pargs...); err != nil {
				return err
			}
		}
		wargs, vargs, pargs = wargs[:0], vargs[:0], pargs[:0]
		return nil
	}
	for i, p := range people {
		row := rows[i]
		if replace {
			if _, err := t.exec(ctx, `DELETE FROM person_word WHERE person = ?`, row); err != nil {
				return err
			}
			if _, err := t.exec(ctx, `DELETE FROM person_phone WHERE person = ?`, row); err != nil {
				return err
			}
		}
		words, phone := search.Keys(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
		for _, w := range words {
			if len(wargs)/2 == rowsPerInsert {
				if err := flush(); err != nil {
					return err
				}
			}
			wargs = append(wargs, w, row)
			vargs = append(vargs, w)
		}
		if phone != "" {
			pargs = append(pargs, reverse(phone), row)
		}
		if len(pargs)/2 == rowsPerInsert {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return fmt.Errorf("person search keys: %w", err)
	}
	return nil
}

func reverse(s string) string {
	b := []byte(s)
	for i, j := 0, len(b)-1; i < j; i, j = i+1, j-1 {
		b[i], b[j] = b[j], b[i]
	}
	return string(b)
}

// fillSearchKeys writes the search keys of every person, once, for a
// database that had people before migration 0015 (it leaves a setting).
func (s *Store) fillSearchKeys(ctx context.Context) error {
	if _, pending, err := s.Setting(ctx, "person_search_fill"); err != nil || !pending {
		return err
	}
	return s.Tx(ctx, func(t *Tx) error {
		if _, pending, err := t.setting(ctx, "person_search_fill"); err != nil || !pending {
			return err // another process filled them
		}
		// In batches, so that memory stays small whatever the roster.
		const batch = 5000
		after := int64(0)
		for {
			people, err := readPeople(ctx, t, `WHERE rowid > ? ORDER BY rowid LIMIT ?`, after, batch)
			if err != nil || len(people) == 0 {
				if err != nil {
					return err
				}
				break
			}
			rows := make([]int64, len(people))
			ptrs := make([]*Person, len(people))
			for i := range people {
				rows[i], ptrs[i] = people[i].Row, &people[i]
			}
			if err := t.writeSearchKeys(ctx, rows, ptrs, false); err != nil {
				return err
			}
			after = rows[len(rows)-1]
		}
		_, err := t.exec(ctx, `DELETE FROM setting WHERE name = 'person_search_fill'`)
		return err
	})
}

func (t *Tx) setting(ctx context.Context, name string) (string, bool, error) {
	var v string
	err := t.QueryRowContext(ctx, `SELECT value FROM setting WHERE name = ?`, name).Scan(&v)
	if err == sql.ErrNoRows {
		return "", false, nil
	}
	return v, err == nil, err
}

// prefixEnd is above every string that starts with prefix (and below the
// others above prefix): prefix and the largest code point.
func prefixEnd(prefix string) string { return prefix + "\U0010FFFF" }

// SearchCandidates returns the rowids of the people in the superset plan
// describes (search.Plan), at most limit+1 of them, ascending: more than limit
// means the query is too broad for candidates to pay, and the caller searches
// the whole roster instead.
func (s *Store) SearchCandidates(ctx context.Context, plan search.Plan, limit int) ([]int64, error) {
	var parts []string
	var args []any
	if len(plan.Conditions) > 0 {
		var conds []string
		for _, c := range plan.Conditions {
			if c.Inside {
				conds = append(conds, `SELECT person FROM person_word WHERE word IN
					(SELECT word FROM person_vocab WHERE instr(word, ?) > 0)`)
				args = append(args, c.Text)
			} else {
				conds = append(conds, `SELECT person FROM person_word WHERE word >= ? AND word < ?`)
				args = append(args, c.Text, prefixEnd(c.Text))
			}
		}
		parts = append(parts, strings.Join(conds, " INTERSECT "))
	}
	if plan.Digits != "" {
		parts = append(parts, `SELECT person FROM person_phone WHERE instr(rdigits, ?) > 0`)
		args = append(args, reverse(plan.Digits))
	}
	if len(parts) == 0 {
		return nil, nil
	}
	query := `SELECT DISTINCT person FROM (` + strings.Join(parts, " UNION ") + `) ORDER BY person LIMIT ?`
	args = append(args, limit+1)
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("search candidates: %w", err)
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var r int64
		if err := rows.Scan(&r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PeopleAtRows reads the people at rowids rows, in rowid order.
func (s *Store) PeopleAtRows(ctx context.Context, rows []int64) ([]Person, error) {
	var out []Person
	const chunk = 500
	for lo := 0; lo < len(rows); lo += chunk {
		hi := min(lo+chunk, len(rows))
		args := make([]any, hi-lo)
		for i, r := range rows[lo:hi] {
			args[i] = r
		}
		got, err := readPeople(ctx, s.db, `WHERE rowid IN (`+strings.Repeat(",?", hi-lo)[1:]+`) ORDER BY rowid`, args...)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// insertPeopleRows runs the multi-row INSERT prefix of people (as execRows,
// the id first in each row's values) and returns the rowids of people, in
// their order: RETURNING gives them in no promised order, so by id.
func (t *Tx) insertPeopleRows(ctx context.Context, prefix string, people []*Person, cols int, args ...any) ([]int64, error) {
	rows, err := t.QueryContext(ctx, prefix+sqlitedb.ValuesList(len(people), cols)+` RETURNING id, rowid`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byID := make(map[string]int64, len(people))
	for rows.Next() {
		var id string
		var r int64
		if err := rows.Scan(&id, &r); err != nil {
			return nil, err
		}
		byID[id] = r
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]int64, len(people))
	for i, p := range people {
		r, ok := byID[p.ID]
		if !ok {
			return nil, fmt.Errorf("insert person %s: no row returned", p.ID)
		}
		out[i] = r
	}
	return out, nil
}
