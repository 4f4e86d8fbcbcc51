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

// forgottenKeysMigration is the migration that forgets the citizen-ID hashes
// made under the key once built into the program (0014_forget_d0_hashes).
const forgottenKeysMigration = 14

// applied reports whether migration version is applied to db.
func applied(ctx context.Context, db *sql.DB, version int) (bool, error) {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&n)
	if err != nil || n == 0 {
		return false, err
	}
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n)
	return n > 0, err
}

// checkpointForgotten copies the WAL into the database file and empties it
// right after the forgetting migration ran, so that the old hashes leave the
// file now rather than at some later checkpoint. Best effort: a reader in
// another process may hold the old pages a while longer.
func checkpointForgotten(ctx context.Context, db *sql.DB) {
	db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
}
