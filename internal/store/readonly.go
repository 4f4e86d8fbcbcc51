package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"briefing/internal/sqlitedb"
)

// ErrOlderSchema: OpenReadOnly found a database that lacks migrations this
// program would apply; only Open, which writes, can bring it up to date.
var ErrOlderSchema = errors.New("the database needs migrations this program applies when it opens it for writing")

// OpenReadOnly opens the database in dir for reading only, for a command
// that must write nothing anywhere (a dry run): SQLite opens the file
// read-only (mode=ro), so nothing can write through this Store, it takes no
// write lock and makes no file (see readOnlyDSN). Without a database in dir it is an empty
// one, migrated, in this process's memory: dir is not created either. A
// database from an older program is ErrOlderSchema, from a newer one
// *sqlitedb.NewerSchemaError; a damaged one is checked and refused as Open
// does. Its Tx fails: it is for reading.
func OpenReadOnly(dir string) (*Store, error) {
	ctx := context.Background()
	path, err := filepath.Abs(filepath.Join(dir, FileName))
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	s := &Store{now: time.Now, writeTurn: make(chan struct{}, 1), path: path}
	_, err = os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return s, s.openMemory(ctx)
	case err != nil:
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	db, err := sql.Open("sqlite", readOnlyDSN(path))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	s.db, s.stmts = db, sqlitedb.StmtCache{DB: db}
	if err := s.checkSchema(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.QueryRowContext(ctx, `SELECT id FROM device`).Scan(&s.deviceID); err != nil && !errors.Is(err, sql.ErrNoRows) {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	if err := s.check(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	return s, nil
}

// OpenToRead opens the database in dir for a command that only reads. It is
// Open wherever dir can be written: another process may be writing there, and
// only Open's connection sees its writes safely. Where dir cannot be written
// (a read-only disk, a folder the user may only read), Open fails, since
// SQLite cannot make the database's -wal and -shm files; then the database is
// opened read-only (OpenReadOnly), so that reading works where writing cannot.
// A database there that still needs migrations gets Open's error.
func OpenToRead(dir string) (*Store, error) {
	s, err := Open(dir)
	if err == nil || !cannotWrite(err) || writable(dir) {
		return s, err
	}
	ro, roErr := OpenReadOnly(dir)
	if errors.Is(roErr, ErrOlderSchema) {
		return nil, err
	}
	return ro, roErr
}

// cannotWrite reports whether err may be Open failing for want of write access.
func cannotWrite(err error) bool {
	switch sqlitedb.Classify(err) {
	case sqlitedb.ReadOnly, sqlitedb.CantOpen:
		return true
	}
	return errors.Is(err, fs.ErrPermission)
}

// writable reports whether a file can be made in dir, by making one and
// removing it: the one test that holds for permissions, read-only mounts and
// every OS alike. Only asked after Open failed, so a usual open pays nothing.
func writable(dir string) bool {
	f, err := os.CreateTemp(dir, ".briefing-write-test-*")
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(f.Name())
	return true
}

// readOnlyDSN is how OpenReadOnly opens the file at path. A read-only
// connection to a WAL database creates its -wal and -shm files when they
// are not there and, read-only, cannot remove them. They are there while
// another process has the database open: then the connection shares them,
// with the locks that keep what it reads consistent, and makes nothing. When
// they are not, no process has the database open, and it is opened as
// immutable: no lock and no file. A process that starts writing meanwhile
// writes to its own WAL, which this connection does not see (the dry run
// counts against the database as it was); if that process also copies its
// WAL into the file while the dry run reads (at 1000 pages, or when it
// closes), the dry run may fail with a read error or count against a mix:
// the database is never harmed, and running it again gives the right counts.
func readOnlyDSN(path string) string {
	dsn := sqlitedb.DSN(path) + "&mode=ro"
	if _, err := os.Stat(path + "-wal"); errors.Is(err, fs.ErrNotExist) {
		dsn += "&immutable=1"
	}
	return dsn
}

// openMemory makes s an empty database in memory, shared by the pool's
// connections for as long as one of them is open.
func (s *Store) openMemory(ctx context.Context) error {
	q := url.Values{}
	q.Set("mode", "memory")
	q.Set("cache", "shared")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "temp_store(MEMORY)")
	name := "briefing-read-only-" + newID()
	db, err := sql.Open("sqlite", "file:"+name+"?"+q.Encode())
	if err != nil {
		return fmt.Errorf("store: %w", err)
	}
	db.SetMaxIdleConns(1) // keeps the memory database alive between queries
	db.SetConnMaxLifetime(0)
	s.db, s.stmts = db, sqlitedb.StmtCache{DB: db}
	if err := s.init(ctx); err != nil {
		db.Close()
		return fmt.Errorf("store: %w", err)
	}
	return nil
}

// checkSchema refuses a database whose migrations differ from this program's.
func (s *Store) checkSchema(ctx context.Context) error {
	all, err := loadMigrations()
	if err != nil {
		return err
	}
	known := 0
	for _, m := range all {
		known = max(known, m.Version)
	}
	var latest, count int
	err = s.db.QueryRowContext(ctx, `SELECT COALESCE(max(version), 0), count(*) FROM schema_migrations`).Scan(&latest, &count)
	switch {
	case err != nil:
		return fmt.Errorf("store: %w", err)
	case latest > known:
		return &sqlitedb.NewerSchemaError{Version: latest, Known: known}
	case count < len(all):
		return ErrOlderSchema
	}
	return nil
}

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
