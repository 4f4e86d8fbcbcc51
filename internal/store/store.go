// Package store keeps a device's data in one SQLite file that several
// processes (presenter, follow, desk) open at the same time.
//
// Every syncable write goes through Tx, which stamps the record with a hybrid
// logical clock and appends it to the change log in the same transaction.
package store

import (
	"briefing/internal/sqlitedb"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/google/uuid"
	_ "modernc.org/sqlite" // the "sqlite" driver, pure Go
)

// FileName is the database file inside the data directory.
const FileName = "briefing.db"

// ErrNotFound is returned when a record does not exist.
var ErrNotFound = errors.New("not found")

// Store is an open device database.
type Store struct {
	db       *sql.DB
	path     string // the database file
	deviceID string
	// now is the wall clock behind HLC stamps and change_log.created_at.
	now func() time.Time
	// writeTurn queues this process's writers in Go. Left to SQLite they would
	// poll the lock with sleeps of up to 100 ms, and a slide change could wait
	// behind a sleeping retry.
	writeTurn chan struct{}
	stmts     sqlitedb.StmtCache
	// onWait, when set, is told once that a write has waited WaitNotice for
	// another process's write lock.
	onWait func()

	positionStmt *sql.Stmt

	watchMu   sync.Mutex // DataVersion's connection
	watchConn *sql.Conn
	watchStmt *sql.Stmt

	// checked is closed when a check run in the background (OpenCheckLater)
	// ends, with checkErr its outcome; nil when Open checked before returning.
	checked  chan struct{}
	checkErr error
	// hurry, closed once (hurryOnce), starts a check that waits for CheckDelay.
	hurry     chan struct{}
	hurryOnce sync.Once

	writesOnce sync.Once // Writes' watcher of the database files
	watcher    interface{ Close() error }
	writes     chan struct{}
}

// Open opens (creating if needed) the database in dir, brings its schema up to
// date and makes sure this device has an identity.
//
// A file that is there but is no database (empty, other bytes) is refused
// (*sqlitedb.FileError) rather than replaced by a new one with a new device
// id. A file of at most CheckLimit bytes is checked page by page
// (quick_check); a damaged one is refused (*sqlitedb.DamagedError).
//
// Opening an up-to-date database writes nothing, so it never waits for
// another process's write: WAL lets it read while the other writes.
func Open(dir string) (*Store, error) {
	s, err := open(dir)
	if err != nil {
		return nil, err
	}
	if err := s.check(context.Background()); err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", filepath.Dir(s.path), err)
	}
	return s, nil
}

// OpenCheckLater is Open with the file's check (quick_check, up to CheckLimit)
// run in the background, for a window that draws its first frame at once:
// the presenter and follow (issue 16; a 2,000-slide deck's database took 19
// ms to check). The check starts CheckDelay after opening, or at once when a
// write or Checked needs it. Reads do not wait for it. Every write waits for
// it and, if it failed, fails with its error (*sqlitedb.DamagedError), as
// Open would have; Checked gives the outcome.
func OpenCheckLater(dir string) (*Store, error) {
	s, err := open(dir)
	if err != nil {
		return nil, err
	}
	s.checked, s.hurry = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(s.checked)
		// Not at once: the first frame is drawn meanwhile, and on two cores the
		// check's reading competed with it (about 4 ms of a 60 ms start). A
		// write or Checked starts it at once.
		t := time.NewTimer(CheckDelay)
		select {
		case <-t.C:
		case <-s.hurry:
			t.Stop()
		}
		if err := s.check(context.Background()); err != nil {
			s.checkErr = fmt.Errorf("store: open %s: %w", filepath.Dir(s.path), err)
		}
	}()
	return s, nil
}

// CheckDelay is how long OpenCheckLater's check waits before it starts, unless
// something needs its outcome first.
var CheckDelay = 200 * time.Millisecond

// Checked starts a check run in the background if it is still waiting
// (CheckDelay), waits for it and returns its outcome (nil at once when Open
// checked).
func (s *Store) Checked(ctx context.Context) error {
	if s.checked == nil {
		return nil
	}
	s.hurryCheck()
	return s.WhenChecked(ctx)
}

// hurryCheck starts a check still waiting for CheckDelay.
func (s *Store) hurryCheck() { s.hurryOnce.Do(func() { close(s.hurry) }) }

// WhenChecked is Checked without hurrying the check: for a screen that ends
// when the check fails, without holding up its start.
func (s *Store) WhenChecked(ctx context.Context) error {
	if s.checked == nil {
		return nil
	}
	select {
	case <-s.checked:
		return s.checkErr
	case <-ctx.Done():
		return ctx.Err()
	}
}

// open opens and migrates the database in dir, without the file's check.
func open(dir string) (*Store, error) {
	// The file: URI needs an absolute path: a relative one such as
	// "--data ./d" would otherwise name a file under the root.
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	path := filepath.Join(dir, FileName)
	s := &Store{now: time.Now, writeTurn: make(chan struct{}, 1), path: path}
	_, err = sqlitedb.Open(path, func(db *sql.DB) error {
		s.db, s.stmts = db, sqlitedb.StmtCache{DB: db}
		return s.init(context.Background())
	})
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", dir, err)
	}
	return s, nil
}

// CheckLimit is the largest file Open checks page by page. quick_check reads
// the whole file: about 10 ms a megabyte (2 s for 300,000 people, 211 MB), too
// slow for a check-in on a city's roster; a larger file relies on SQLite
// reporting the damaged pages a statement reads (SQLITE_CORRUPT), which the
// commands report the same way, and a check-in checks the attendance table
// it writes (Tx.CheckTable).
const CheckLimit = 48 << 20

// check runs quick_check on a file no larger than CheckLimit.
func (s *Store) check(ctx context.Context) error {
	st, err := os.Stat(s.path)
	if err != nil || st.Size() > CheckLimit {
		return nil
	}
	// On a connection of its own, whose page cache (the whole file, read by
	// the check) is given back after: the presenter would otherwise keep up
	// to 2 MB of pages it never reads again (issue 16).
	c, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer c.Close()
	c.ExecContext(ctx, `PRAGMA cache_size = -64`) // it reads each page once
	err = sqlitedb.Check(ctx, c, s.path)
	c.ExecContext(ctx, `PRAGMA cache_size = -2000`) // SQLite's default, for whoever uses it next
	c.ExecContext(ctx, `PRAGMA shrink_memory`)
	return err
}

func (s *Store) init(ctx context.Context) error {
	forgotten, err := applied(ctx, s.db, forgottenKeysMigration)
	if err != nil {
		return err
	}
	if err := migrate(ctx, s.db); err != nil {
		return err
	}
	if !forgotten {
		checkpointForgotten(ctx, s.db)
	}
	id, err := s.ensureDevice(ctx)
	if err != nil {
		return err
	}
	s.deviceID = id
	if err := s.fillSearchKeys(ctx); err != nil {
		return err
	}
	s.positionStmt, err = s.db.PrepareContext(ctx,
		`SELECT s.slide, s.step, s.position_at, s.ended_at IS NOT NULL, COALESCE(q.id, ''),
			COALESCE(q.number, 0), COALESCE(q.slide, 0), COALESCE(q.text, ''), COALESCE(q.asker_name, ''),
			COALESCE(q.asker_unit, ''), COALESCE(q.press, 0),
			EXISTS (SELECT 1 FROM setting WHERE name = '`+BlackSetting+`' AND value = s.id)
		FROM session s LEFT JOIN question q ON q.id = s.pinned_question
		WHERE s.id = ?`)
	return err
}

// ensureDevice creates this device's row and clock on first open. It reads
// first: a device that has its id opens without a write, so without waiting
// for another process's. The immediate transaction of the first open makes
// two processes opening a new file agree on one id.
func (s *Store) ensureDevice(ctx context.Context) (string, error) {
	var id string
	err := s.db.QueryRowContext(ctx, `SELECT id FROM device`).Scan(&id)
	if err == nil || !errors.Is(err, sql.ErrNoRows) {
		return id, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return "", err
	}
	defer tx.Rollback()
	err = tx.QueryRowContext(ctx, `SELECT id FROM device`).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id = newID()
		_, err = tx.ExecContext(ctx, `INSERT INTO device (id, created_at) VALUES (?, ?)`, id, s.now().UnixMilli())
		if err == nil {
			_, err = tx.ExecContext(ctx, `INSERT INTO clock (device_id, wall_ms, counter) VALUES (?, 0, 0)`, id)
		}
	}
	if err != nil {
		return "", err
	}
	return id, tx.Commit()
}

// Close closes the database.
func (s *Store) Close() error {
	if s.checked != nil {
		s.hurryCheck()
		<-s.checked // the check reads through s.db
	}
	s.writesOnce.Do(func() {}) // no watcher starts after this; one started is seen
	if s.watcher != nil {
		s.watcher.Close()
	}
	if s.positionStmt != nil {
		s.positionStmt.Close()
	}
	s.watchMu.Lock()
	if s.watchStmt != nil {
		s.watchStmt.Close()
		s.watchConn.Close()
		s.watchStmt, s.watchConn = nil, nil
	}
	s.watchMu.Unlock()
	s.stmts.Close()
	return s.db.Close()
}

// Path is the database file.
func (s *Store) Path() string { return s.path }

// DeviceID is this device's id, the origin of every record it writes.
func (s *Store) DeviceID() string { return s.deviceID }

// Tx runs fn in a write transaction and commits if fn returns nil. The write
// lock is taken at BEGIN and waits up to the busy timeout for other processes.
// fn must not call Tx again: writes of one process take turns.
func (s *Store) Tx(ctx context.Context, fn func(*Tx) error) error {
	if err := s.Checked(ctx); err != nil {
		return err
	}
	select {
	case s.writeTurn <- struct{}{}:
		defer func() { <-s.writeTurn }()
	case <-ctx.Done():
		return ctx.Err()
	}
	sqlTx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("store: begin: %w", err)
	}
	tx := &Tx{tx: sqlTx, path: s.path, deviceID: s.deviceID, now: s.now, stmts: &s.stmts}
	if err := fn(tx); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := tx.saveClock(ctx); err != nil {
		sqlTx.Rollback()
		return err
	}
	if err := sqlTx.Commit(); err != nil {
		return fmt.Errorf("store: commit: %w", err)
	}
	return nil
}

// WaitNotice is how long a write waits for another process's lock before the
// OnWait function is told.
const WaitNotice = time.Second

// OnWait sets f to be called (once per write, from another goroutine) when a
// write has waited WaitNotice for another process holding the write lock: a
// command says so instead of waiting in silence. SQLite gives up after its busy
// timeout (10 s) with SQLITE_BUSY (sqlitedb.Busy). Call it right after Open.
func (s *Store) OnWait(f func()) { s.onWait = f }

// begin takes the write lock (BEGIN IMMEDIATE), telling onWait when it waits.
func (s *Store) begin(ctx context.Context) (*sql.Tx, error) {
	if s.onWait == nil {
		return s.db.BeginTx(ctx, nil)
	}
	t := time.AfterFunc(WaitNotice, s.onWait)
	defer t.Stop()
	return s.db.BeginTx(ctx, nil)
}

// read runs fn in a read-only transaction so several SELECTs see one snapshot.
func (s *Store) read(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(tx)
}

func newID() string {
	return uuid.Must(uuid.NewV7()).String()
}

// Time helpers: the database holds Unix milliseconds; Go code sees UTC times.

func toMillis(t time.Time) int64 { return t.UnixMilli() }

func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// normalize drops what the database cannot keep, so a record written equals
// the record read back.
func normalize(t time.Time) time.Time { return fromMillis(toMillis(t)) }

// DataVersion is SQLite's PRAGMA data_version read on a connection the store
// keeps for it: the number changes when another connection (this process's
// others, or another process's) commits a write, so a window that polls the
// shared position reads it only when something was written. The kept
// connection is opened on first use and closed by Close.
func (s *Store) DataVersion(ctx context.Context) (int64, error) {
	s.watchMu.Lock()
	defer s.watchMu.Unlock()
	if s.watchStmt == nil {
		conn, err := s.db.Conn(ctx)
		if err != nil {
			return 0, fmt.Errorf("data version: %w", err)
		}
		stmt, err := conn.PrepareContext(ctx, `PRAGMA data_version`)
		if err != nil {
			conn.Close()
			return 0, fmt.Errorf("data version: %w", err)
		}
		s.watchConn, s.watchStmt = conn, stmt
	}
	var v int64
	if err := s.watchStmt.QueryRowContext(ctx).Scan(&v); err != nil {
		return 0, fmt.Errorf("data version: %w", err)
	}
	return v, nil
}
