package store

import (
	"context"
	"database/sql"
	"embed"

	"briefing/internal/sqlitedb"
)

// Migrations are files named NNNN_name.sql, applied in number order by
// sqlitedb.Migrate. A new table or column is a new file; an applied file is
// never edited.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

func loadMigrations() ([]sqlitedb.Migration, error) {
	return sqlitedb.LoadMigrations(migrationFiles, "migrations")
}

// migrate applies the migrations this database lacks.
func migrate(ctx context.Context, db *sql.DB) error {
	all, err := loadMigrations()
	if err != nil {
		return err
	}
	return sqlitedb.Migrate(ctx, db, all)
}
