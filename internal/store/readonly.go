package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// PersonAtRow reads the person with rowid row, outside any transaction
// (a dry run reads this way, holding no lock).
func (s *Store) PersonAtRow(ctx context.Context, row int64) (Person, error) {
	p, err := scanPerson(s.db.QueryRowContext(ctx, `SELECT `+personColumns+` FROM person WHERE rowid = ?`, row))
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("person at row %d: %w", row, ErrNotFound)
	}
	return p, err
}
