package main

import (
	"errors"
	"path/filepath"

	"briefing/internal/i18n"
	"briefing/internal/sqlitedb"
	"briefing/internal/store"
)

// dbProblem is err as the user should read it when it is trouble with the
// database file in dir (sqlitedb classifies it): in l, naming the file, with
// what to do. Any other error is returned as it is.
func dbProblem(l i18n.Lang, dir string, err error) error {
	if err == nil {
		return nil
	}
	var ee exitError
	if errors.As(err, &ee) {
		return err
	}
	if abs, e := filepath.Abs(dir); e == nil {
		dir = abs
	}
	path := filepath.Join(dir, store.FileName)
	var fe *sqlitedb.FileError
	if errors.As(err, &fe) {
		switch fe.Kind {
		case sqlitedb.EmptyFile:
			return exitError{1, l.T("cli.db.empty", fe.Path)}
		case sqlitedb.NotRegular:
			return exitError{1, l.T("cli.db.notregular", fe.Path)}
		case sqlitedb.WALOnly:
			return exitError{1, l.T("cli.db.walonly", fe.Path, fe.Path, fe.Path)}
		}
		return exitError{1, l.T("cli.db.notsqlite", fe.Path)}
	}
	switch sqlitedb.Classify(err) {
	case sqlitedb.Corrupt:
		return exitError{1, l.T("cli.db.damaged", path, path)}
	case sqlitedb.NotADB:
		return exitError{1, l.T("cli.db.notsqlite", path)}
	case sqlitedb.Busy:
		return exitError{1, l.T("cli.db.busy", lockHolder(l, path), path)}
	case sqlitedb.Full:
		return exitError{1, l.T("cli.db.full", path)}
	case sqlitedb.ReadOnly:
		return exitError{1, l.T("cli.db.readonly", path, dir)}
	case sqlitedb.CantOpen:
		return exitError{1, l.T("cli.db.cantopen", path, dir)}
	}
	return err
}

// lockHolder names the process holding the database's write lock, as far as
// the system tells.
func lockHolder(l i18n.Lang, path string) string {
	return l.T("cli.db.busy.unknown")
}
