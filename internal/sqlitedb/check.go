package sqlitedb

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"
)

// header is how every SQLite database file begins.
var header = []byte("SQLite format 3\x00")

// FileKind says what is wrong with a file that is not a database.
type FileKind int

const (
	EmptyFile  FileKind = iota // 0 bytes: SQLite would silently start a new database in it
	NotSQLite                  // other bytes than an SQLite database's
	NotRegular                 // a folder, device or socket
	WALOnly                    // the database is gone but its write-ahead log (-wal) is left
)

// FileError: the file at Path cannot be the database it should be. Opening it
// anyway would lose what it held (an empty file would become a new database
// with a new identity), so it is refused before SQLite touches it.
type FileError struct {
	Path string
	Kind FileKind
}

func (e *FileError) Error() string {
	switch e.Kind {
	case EmptyFile:
		return e.Path + " is empty (0 bytes), not a database"
	case NotRegular:
		return e.Path + " is not a regular file"
	case WALOnly:
		return e.Path + " is missing but its write-ahead log " + e.Path + "-wal is there"
	}
	return e.Path + " is not an SQLite database"
}

// emptyGrace is how long CheckFile waits for an empty file to get its header:
// another process creating the database at the same moment writes it within
// milliseconds of creating the file.
var emptyGrace = 2 * time.Second

// CheckFile refuses a database file that exists but is not one: empty, not
// starting with SQLite's header, not a regular file, or a write-ahead log left
// without its database. A missing file is fine: SQLite creates it.
func CheckFile(path string) error {
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		if isWAL(path + "-wal") {
			return &FileError{Path: path, Kind: WALOnly}
		}
		return nil
	}
	if err != nil {
		return err
	}
	if !st.Mode().IsRegular() {
		return &FileError{Path: path, Kind: NotRegular}
	}
	for deadline := time.Now().Add(emptyGrace); st.Size() == 0; {
		if time.Now().After(deadline) {
			return &FileError{Path: path, Kind: EmptyFile}
		}
		time.Sleep(20 * time.Millisecond)
		if st, err = os.Stat(path); err != nil {
			return err
		}
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(header))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, header) {
		return &FileError{Path: path, Kind: NotSQLite}
	}
	return nil
}

// isWAL reports whether the file at path begins as a write-ahead log does
// (magic 0x377f0682 or 0x377f0683, big-endian), holding what a database lacks.
func isWAL(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 32) // a WAL header
	if _, err := io.ReadFull(f, head); err != nil {
		return false
	}
	return bytes.Equal(head[:3], []byte{0x37, 0x7f, 0x06}) && head[3]&^1 == 0x82
}

// DamagedError: SQLite's own check found damaged pages in the file at Path.
// The program cannot repair it; the file should be restored from a backup.
type DamagedError struct {
	Path   string
	Detail string // the check's first findings
}

func (e *DamagedError) Error() string {
	return fmt.Sprintf("%s is damaged (%s)", e.Path, e.Detail)
}

// Check runs SQLite's quick_check on db (the file at path): the structure of
// every page (the b-trees, their cells, free lists, NOT NULL), in time
// proportional to the file's size. A failed check is a *DamagedError.
func Check(ctx context.Context, db Querier, path string) error {
	return quickCheck(ctx, db, path, `PRAGMA quick_check(3)`)
}

// CheckTable is Check limited to table and its indexes (quick_check(table)),
// in time proportional to that table's size rather than the file's. table is
// one of the program's own table names, never user input.
func CheckTable(ctx context.Context, db Querier, path, table string) error {
	return quickCheck(ctx, db, path, `PRAGMA quick_check("`+table+`")`)
}

// Querier is what a check reads through: a *sql.DB or a *sql.Tx.
type Querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

func quickCheck(ctx context.Context, db Querier, path, pragma string) error {
	rows, err := db.QueryContext(ctx, pragma)
	if err != nil {
		return damaged(path, err)
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return damaged(path, err)
		}
		if line != "ok" {
			found = append(found, line)
		}
	}
	if err := rows.Err(); err != nil {
		return damaged(path, err)
	}
	if len(found) > 0 {
		return &DamagedError{Path: path, Detail: strings.Join(found, "; ")}
	}
	return nil
}

// damaged is err as a *DamagedError when it says the file is damaged.
func damaged(path string, err error) error {
	if p := Classify(err); p == Corrupt || p == NotADB {
		return &DamagedError{Path: path, Detail: err.Error()}
	}
	return err
}
