package main

import (
	"errors"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/sqlitedb"
	"briefing/internal/store"
)

// dataDB is the device database's file in the data directory dir.
func dataDB(dir string) string {
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	return filepath.Join(dir, store.FileName)
}

// dbProblem is err as the user should read it when it is trouble with the
// database file at path (the device's or the hub's; sqlitedb classifies it):
// in l, naming the file, with what to do. Any other error is returned as it is.
func dbProblem(l i18n.Lang, path string, err error) error {
	if err == nil {
		return nil
	}
	var ee exitError
	if errors.As(err, &ee) {
		// A command's own message is kept, unless it carries SQLite's text
		// ("cannot import x: … database or disk is full (13)").
		if sqlitedb.Classify(errors.New(ee.msg)) == sqlitedb.NoProblem {
			return err
		}
		err = errors.New(ee.msg)
	}
	dir := filepath.Dir(path)
	var newer *sqlitedb.NewerSchemaError
	if errors.As(err, &newer) {
		return exitError{1, l.T("cli.db.newer", path, newer.Version, newer.Known)}
	}
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
// the system tells: its pid and command line (control characters shown as ?,
// at most 120 characters).
func lockHolder(l i18n.Lang, path string) string {
	pid, command, ok := sqlitedb.WriteLockHolder(path)
	if !ok {
		return l.T("cli.db.busy.unknown")
	}
	var b strings.Builder
	for i, r := range []rune(command) {
		if i == 120 {
			b.WriteString("…")
			break
		}
		if unicode.IsControl(r) || r == utf8.RuneError {
			r = '?'
		}
		b.WriteRune(r)
	}
	return l.T("cli.db.busy.pid", pid, b.String())
}
