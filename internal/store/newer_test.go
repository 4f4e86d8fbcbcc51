package store

import (
	"database/sql"
	"errors"
	"path/filepath"
	"testing"

	"briefing/internal/sqlitedb"
)

// A database a newer program wrote (a migration this one does not know) is
// refused at open, not opened and written.
func TestOpenRefusesANewerSchema(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(dir, FileName)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'from_the_future', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = Open(dir)
	var newer *sqlitedb.NewerSchemaError
	if !errors.As(err, &newer) || newer.Version != 999 {
		t.Fatalf("open of a newer database: %v", err)
	}
}
