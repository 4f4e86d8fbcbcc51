package store

// The people search tables (migration 0015): the words and phone digits of
// every person (search.Keys), written with every people write, and the
// queries that find a search's candidates from them.

import (
	"cmp"
	"context"
	"database/sql"
	"fmt"
	"slices"
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
		if n := len(vargs) / 2; n > 0 {
			query := `INSERT INTO person_vocab (word, people) VALUES ` + sqlitedb.ValuesList(n, 2) +
				` ON CONFLICT (word) DO UPDATE SET people = people + 1`
			if _, err := t.tx.ExecContext(ctx, query, vargs...); err != nil {
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
			_, err := t.exec(ctx, `UPDATE person_vocab SET people = people - 1
				WHERE word IN (SELECT word FROM person_word WHERE person = ?)`, row)
			if err != nil {
				return err
			}
			if _, err := t.exec(ctx, `DELETE FROM person_word WHERE person = ?`, row); err != nil {
				return err
			}
			if _, err := t.exec(ctx, `DELETE FROM person_phone WHERE person = ?`, row); err != nil {
				return err
			}
		}
		if p.RemovedAt != nil {
			continue // off the roster: no search finds them
		}
		words, phone := search.Keys(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
		for _, w := range words {
			if len(wargs)/2 == rowsPerInsert {
				if err := flush(); err != nil {
					return err
				}
			}
			wargs = append(wargs, w, row)
			vargs = append(vargs, w, 1)
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
// describes (search.Plan), ascending, or more than limit of them (limit+1,
// which ones unspecified) when the superset is larger: the query is too broad
// for its candidates to be searched, and the caller searches a pool instead
// (NameCandidates). The words are read from the condition met by the fewest
// people (conditionOrder), the others tested per person, and reading stops
// at limit+1 people, so that a broad query costs about as little as a narrow
// one.
func (s *Store) SearchCandidates(ctx context.Context, plan search.Plan, limit int) ([]int64, error) {
	seen := make(map[int64]bool)
	var out []int64
	collect := func(query string, args ...any) error {
		rows, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("search candidates: %w", err)
		}
		defer rows.Close()
		for rows.Next() && len(out) <= limit {
			var r int64
			if err := rows.Scan(&r); err != nil {
				return err
			}
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
		return rows.Err()
	}
	if conds := searchConditions(plan.Conditions); len(conds) > 0 {
		order, err := s.conditionOrder(ctx, conds)
		if err != nil {
			return nil, err
		}
		where, args := wordCondition("w", conds[order[0]])
		query := `SELECT DISTINCT w.person FROM person_word w WHERE ` + where
		for i, o := range order[1:] {
			alias := fmt.Sprintf("x%d", i)
			cond, cargs := wordCondition(alias, conds[o])
			query += ` AND EXISTS (SELECT 1 FROM person_word ` + alias + ` WHERE ` + alias + `.person = w.person AND ` + cond + `)`
			args = append(args, cargs...)
		}
		if err := collect(query+` LIMIT ?`, append(args, limit+1)...); err != nil {
			return nil, err
		}
	}
	if plan.Digits != "" && len(out) <= limit {
		err := collect(`SELECT person FROM person_phone WHERE instr(rdigits, ?) > 0 LIMIT ?`, reverse(plan.Digits), limit+1)
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(out)
	return out, nil
}

// maxConditions is how many of a plan's conditions a search tests at most:
// fewer conditions find more candidates, never fewer, so a long query stays
// one small statement (3,000 words made SQLite refuse it as too deep).
const maxConditions = 8

// searchConditions returns the distinct conditions of a plan, the longest
// (likely the sparsest) maxConditions of them when there are more.
func searchConditions(conds []search.Condition) []search.Condition {
	var out []search.Condition
	for _, c := range conds {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	if len(out) > maxConditions {
		slices.SortStableFunc(out, func(a, b search.Condition) int { return cmp.Compare(len(b.Text), len(a.Text)) })
		out = out[:maxConditions]
	}
	return out
}

// wordCondition is the SQL test of c on the person_word row alias, and its
// arguments.
func wordCondition(alias string, c search.Condition) (string, []any) {
	if c.Inside {
		return alias + `.word IN (SELECT word FROM person_vocab WHERE instr(word, ?) > 0)`, []any{c.Text}
	}
	return alias + `.word >= ? AND ` + alias + `.word < ?`, []any{c.Text, prefixEnd(c.Text)}
}

// conditionOrder returns the indexes of conds from the one met by the
// fewest people to the most, as person_vocab.people estimates them, so that
// candidates are read from the sparsest and the others tested in the order
// most likely to reject.
func (s *Store) conditionOrder(ctx context.Context, conds []search.Condition) ([]int, error) {
	order := make([]int, len(conds))
	estimate := make([]int64, len(conds))
	for i, c := range conds {
		order[i] = i
		if len(conds) == 1 {
			break
		}
		query, args := `SELECT coalesce(sum(people), 0) FROM person_vocab WHERE word >= ? AND word < ?`, []any{c.Text, prefixEnd(c.Text)}
		if c.Inside {
			query, args = `SELECT coalesce(sum(people), 0) FROM person_vocab WHERE instr(word, ?) > 0`, []any{c.Text}
		}
		if err := s.db.QueryRowContext(ctx, query, args...).Scan(&estimate[i]); err != nil {
			return nil, fmt.Errorf("search candidates: %w", err)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(estimate[a], estimate[b]) })
	return order, nil
}

// NameCandidates returns the rowids of the people whose folded name is key
// (every one of them when they are at most limit) and of up to limit people
// whose folded name starts with it, in the order of folded names: the pool in
// which a broad query's best matches are searched, since a name that is the
// query, or starts with it, is the best match there is. exact is how many
// have key as their name, counted up to limit+1.
func (s *Store) NameCandidates(ctx context.Context, key string, limit int) (rows []int64, exact int, err error) {
	read := func(query string, args ...any) error {
		r, err := s.db.QueryContext(ctx, query, args...)
		if err != nil {
			return fmt.Errorf("name candidates: %w", err)
		}
		defer r.Close()
		for r.Next() {
			var row int64
			if err := r.Scan(&row); err != nil {
				return err
			}
			rows = append(rows, row)
		}
		return r.Err()
	}
	if err := read(`SELECT rowid FROM person WHERE name_key = ? AND `+onRoster+` LIMIT ?`, key, limit+1); err != nil {
		return nil, 0, err
	}
	exact = len(rows)
	err = read(`SELECT rowid FROM person WHERE name_key > ? AND name_key < ? AND `+onRoster+` ORDER BY name_key LIMIT ?`, key, prefixEnd(key), limit)
	if err != nil {
		return nil, 0, err
	}
	return rows, exact, nil
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
		got, err := readPeople(ctx, s.db, `WHERE rowid IN (`+strings.Repeat(",?", hi-lo)[1:]+`) AND `+onRoster+` ORDER BY rowid`, args...)
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

// LastChangeSeq is the seq of this device's last change log entry (0 for
// none): where a reader of PeopleUpdatedSince starts.
func (s *Store) LastChangeSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM change_log`).Scan(&seq)
	return seq, err
}

// PeopleUpdatedSince returns the people this device changed (edited, taken
// off the roster, restored by an undo) after change log entry seq, those
// taken off included (RemovedAt set), and the seq to pass next time: how a
// desk that has read the roster keeps up with a roster edited elsewhere.
// The seq is the rowid of the change log, so an unchanged log costs a step.
func (s *Store) PeopleUpdatedSince(ctx context.Context, seq int64) ([]Person, int64, error) {
	last, err := s.LastChangeSeq(ctx)
	if err != nil || last <= seq {
		return nil, seq, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT record_id FROM change_log
		WHERE seq > ? AND seq <= ? AND entity = 'person' AND op = 'update'`, seq, last)
	if err != nil {
		return nil, seq, err
	}
	var ids []any
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, seq, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, seq, err
	}
	var out []Person
	const chunk = 500
	for lo := 0; lo < len(ids); lo += chunk {
		hi := min(lo+chunk, len(ids))
		got, err := readPeople(ctx, s.db, `WHERE id IN (`+strings.Repeat(",?", hi-lo)[1:]+`) ORDER BY rowid`, ids[lo:hi]...)
		if err != nil {
			return nil, seq, err
		}
		out = append(out, got...)
	}
	return out, last, nil
}
