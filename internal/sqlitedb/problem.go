package sqlitedb

import (
	"errors"
	"strings"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Problem is the kind of trouble an SQLite error reports, the part a user can act on:
// the faces turn it into a message in the interface language (what happened, what to do)
// instead of SQLite's English text.
type Problem int

const (
	NoProblem Problem = iota // not an SQLite trouble with the file (or no error)
	Busy                     // another connection holds the write lock
	Full                     // the disk (or the file's size limit) is full
	ReadOnly                 // the file or its folder cannot be written
	CantOpen                 // the file cannot be opened or created
	Corrupt                  // the file's pages are damaged
	NotADB                   // the file is not an SQLite database
)

var problemNames = [...]string{"none", "busy", "full", "readonly", "cantopen", "corrupt", "notadb"}

func (p Problem) String() string {
	if p < 0 || int(p) >= len(problemNames) {
		return "unknown"
	}
	return problemNames[p]
}

// Classify says which Problem err (or an error it wraps) reports. The driver's
// *sqlite.Error carries the result code; an error that lost it (flattened into
// text by %v on the way up) is recognised by SQLite's own wording. Errors this
// package returns (*DamagedError, *FileError) are classified too.
func Classify(err error) Problem {
	if err == nil {
		return NoProblem
	}
	var damaged *DamagedError
	if errors.As(err, &damaged) {
		return Corrupt
	}
	var fe *FileError
	if errors.As(err, &fe) {
		return NotADB
	}
	switch {
	case errors.Is(err, syscall.EROFS):
		return ReadOnly // creating the data directory on a read-only disk
	case errors.Is(err, syscall.ENOSPC):
		return Full
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		if p := byCode(se.Code()); p != NoProblem {
			return p
		}
	}
	return byText(err.Error())
}

// byCode maps a (possibly extended) SQLite result code.
func byCode(code int) Problem {
	// The -shm file could not grow to its size (a full disk): the first
	// open of a database whose -shm is gone fails so, before any write.
	if code == sqlite3.SQLITE_IOERR_SHMSIZE {
		return Full
	}
	switch code & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return Busy
	case sqlite3.SQLITE_FULL:
		return Full
	case sqlite3.SQLITE_READONLY:
		return ReadOnly
	case sqlite3.SQLITE_CANTOPEN:
		return CantOpen
	case sqlite3.SQLITE_CORRUPT:
		return Corrupt
	case sqlite3.SQLITE_NOTADB:
		return NotADB
	}
	return NoProblem
}

// byText recognises SQLite's messages (sqlite3ErrStr), for errors whose code was lost.
func byText(msg string) Problem {
	switch {
	case strings.Contains(msg, "SQLITE_BUSY"), strings.Contains(msg, "database is locked"),
		strings.Contains(msg, "database table is locked"):
		return Busy
	case strings.Contains(msg, "database or disk is full"), strings.Contains(msg, "SQLITE_FULL"),
		strings.Contains(msg, "disk I/O error (4874)"), strings.Contains(msg, "SQLITE_IOERR_SHMSIZE"):
		return Full
	case strings.Contains(msg, "attempt to write a readonly database"), strings.Contains(msg, "SQLITE_READONLY"):
		return ReadOnly
	case strings.Contains(msg, "unable to open database file"), strings.Contains(msg, "SQLITE_CANTOPEN"):
		return CantOpen
	case strings.Contains(msg, "database disk image is malformed"), strings.Contains(msg, "SQLITE_CORRUPT"):
		return Corrupt
	case strings.Contains(msg, "file is not a database"), strings.Contains(msg, "SQLITE_NOTADB"):
		return NotADB
	}
	return NoProblem
}

// IsBusy reports whether err is SQLite's "another connection holds the lock".
func IsBusy(err error) bool { return Classify(err) == Busy }
