// Package sqlitedb opens the program's SQLite files the one way they are
// opened: the device's database (internal/store) and the hub's
// (internal/hub) share the connection settings, the busy retry and the
// migration runner.
package sqlitedb

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver, pure Go
)

// DSN builds a file: URI whose _pragma parameters the driver applies to every
// pooled connection:
//   - busy_timeout: wait for another process's write instead of failing;
//   - WAL: readers (the ~100 ms pollers) never block the writer;
//   - synchronous=FULL: a commit survives a power cut, not only a crash;
//   - foreign_keys: references are enforced;
//   - temp_store=MEMORY: statement journals (which a multi-row INSERT inside
//     a longer transaction needs) stay in memory instead of a temp file;
//   - _txlock=immediate: a write transaction takes the write lock at BEGIN,
//     so two processes never deadlock upgrading a read lock.
//
// path must be absolute: a relative one would name a file under the root.
func DSN(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // Windows: file:///C:/...
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(10000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(FULL)")
	q.Add("_pragma", "foreign_keys(ON)")
	q.Add("_pragma", "temp_store(MEMORY)")
	q.Set("_txlock", "immediate")
	u := url.URL{Scheme: "file", Path: path, RawQuery: q.Encode()}
	return u.String()
}

// Open opens the database at path (absolute) and runs init on it (migrations,
// first rows). Two processes creating the file at the same moment can meet
// SQLITE_BUSY while one switches it to WAL, a step SQLite's busy handler does
// not wait on: init is tried again for up to about four seconds.
//
// A file at path that is not a database is refused first (CheckFile), before
// SQLite would start a new database in it.
func Open(path string, init func(*sql.DB) error) (*sql.DB, error) {
	if err := CheckFile(path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", DSN(path))
	if err != nil {
		return nil, err
	}
	start := time.Now()
	err = init(db)
	// The retries stop after four seconds in all: each busy statement has
	// already waited its busy timeout, and forty of them were 400 s in silence.
	for try := 1; err != nil && IsBusy(err) && time.Since(start) < 4*time.Second; try++ {
		time.Sleep(time.Duration(try) * 5 * time.Millisecond)
		err = init(db)
	}
	if err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

// Migration is one file NNNN_name.sql.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

// LoadMigrations reads dir/*.sql of fsys in number order. A new table or
// column is a new file; an applied file is never edited.
func LoadMigrations(fsys fs.FS, dir string) ([]Migration, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.sql"))
	if err != nil {
		return nil, err
	}
	var all []Migration
	for _, p := range names {
		base := strings.TrimSuffix(path.Base(p), ".sql")
		number, name, ok := strings.Cut(base, "_")
		version, err := strconv.Atoi(number)
		if !ok || err != nil || version <= 0 {
			return nil, fmt.Errorf("migration file %s: want NNNN_name.sql", p)
		}
		text, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, err
		}
		all = append(all, Migration{Version: version, Name: name, SQL: string(text)})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].Version < all[j].Version })
	for i := 1; i < len(all); i++ {
		if all[i].Version == all[i-1].Version {
			return nil, fmt.Errorf("two migrations numbered %04d", all[i].Version)
		}
	}
	return all, nil
}

// Migrate applies the migrations db lacks. Each runs in its own immediate
// transaction that first checks whether it is applied, so two processes
// opening a new file at once apply each migration exactly once.
//
// What is applied is read first, without a write: a database already up to
// date is opened without waiting for another process's write (every command
// waited behind a writer), and one a newer program wrote (a migration this
// one does not know) is refused with a *NewerSchemaError, not written.
func Migrate(ctx context.Context, db *sql.DB, all []Migration) error {
	applied, err := appliedVersions(ctx, db)
	if err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	known := 0
	for _, m := range all {
		known = max(known, m.Version)
	}
	missing := false
	for v := range applied {
		if v > known {
			return &NewerSchemaError{Version: v, Known: known}
		}
	}
	for _, m := range all {
		if !applied[m.Version] {
			missing = true
		}
	}
	if !missing {
		return nil
	}
	if _, err := db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version    INTEGER PRIMARY KEY,
		name       TEXT    NOT NULL,
		applied_at INTEGER NOT NULL
	)`); err != nil {
		return fmt.Errorf("migrations table: %w", err)
	}
	for _, m := range all {
		if err := apply(ctx, db, m); err != nil {
			return fmt.Errorf("migration %04d_%s: %w", m.Version, m.Name, err)
		}
	}
	return nil
}

// NewerSchemaError: the database holds a migration this program does not
// know; a newer version of it wrote the file.
type NewerSchemaError struct{ Version, Known int }

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("the database was written by a newer version of the program (schema %d; this one knows up to %d)", e.Version, e.Known)
}

// appliedVersions reads the migrations applied (none before the first).
func appliedVersions(ctx context.Context, db *sql.DB) (map[int]bool, error) {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).
		Scan(&n); err != nil || n == 0 {
		return map[int]bool{}, err
	}
	rows, err := db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			return nil, err
		}
		out[v] = true
	}
	return out, rows.Err()
}

func apply(ctx context.Context, db *sql.DB, m Migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var applied bool
	err = tx.QueryRowContext(ctx,
		`SELECT EXISTS (SELECT 1 FROM schema_migrations WHERE version = ?)`, m.Version).Scan(&applied)
	if err != nil || applied {
		return err
	}
	if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
		m.Version, m.Name, time.Now().UnixMilli()); err != nil {
		return err
	}
	return tx.Commit()
}
