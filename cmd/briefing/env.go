package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/cccd"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/store"
	bsync "briefing/internal/sync"
	"briefing/internal/tui"
	"briefing/internal/tui/theme"
	"briefing/internal/unit"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

// env is what a command works with: the device database, the decks, the language and
// the command's own streams (cmd.OutOrStdout and the like: never the process's).
type env struct {
	lang    i18n.Lang
	dir     string
	out     io.Writer
	errOut  io.Writer
	in      io.Reader
	store   *store.Store
	svc     *session.Service
	att     *attendance.Service
	qs      *questions.Service
	library []deck.Entry // read on first use (lib): most commands never need the decks
	libMu   sync.Mutex
	catalog *unit.Catalog    // read on first use (unitLabel)
	now     func() time.Time // nil: time.Now; skewed only by a test (clock.go)
}

// dataDir is --data, else $BRIEFING_DATA, else the user's data directory for this OS.
func dataDir(g *globals) string {
	if g.data != "" {
		return g.data
	}
	if d := g.getenv("BRIEFING_DATA"); d != "" {
		return d
	}
	home := g.getenv("HOME") // what os.UserHomeDir reads, but through getenv
	if home == "" {
		home, _ = os.UserHomeDir()
	}
	switch runtime.GOOS {
	case "windows":
		if d := g.getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "briefing")
		}
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "briefing")
	}
	if d := g.getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "briefing")
	}
	return filepath.Join(home, ".local", "share", "briefing")
}

// withEnv runs f with the device database open.
func withEnv(cmd *cobra.Command, g *globals, f func(e *env) error) error {
	return runEnv(cmd, g, store.Open, f)
}

// withReadEnv runs f, which only reads, with the device database open as
// store.OpenToRead opens it: in a data directory that cannot be written (a
// read-only disk) too, where withEnv's open fails.
func withReadEnv(cmd *cobra.Command, g *globals, f func(e *env) error) error {
	return runEnv(cmd, g, store.OpenToRead, f)
}

func runEnv(cmd *cobra.Command, g *globals, open func(dir string) (*store.Store, error), f func(e *env) error) error {
	e, err := openEnvWith(cmd, g, open)
	if err != nil {
		return err
	}
	defer e.close()
	return dbProblem(e.lang, dataDB(e.dir), f(e))
}

// openEnv opens the database (creating it on first use) for cmd.
func openEnv(cmd *cobra.Command, g *globals) (*env, error) {
	return openEnvWith(cmd, g, store.Open)
}

func openEnvWith(cmd *cobra.Command, g *globals, open func(dir string) (*store.Store, error)) (*env, error) {
	l, dir := g.language(), dataDir(g)
	if err := checkDataDir(l, dir); err != nil {
		return nil, err
	}
	e, err := openEnvAt(cmd, l, dir, open)
	if err == nil {
		e.skewClock(g.getenv)
	}
	return e, err
}

// newEnv is an env without a database, writing to cmd's streams.
func newEnv(cmd *cobra.Command, l i18n.Lang, dir string) *env {
	return &env{lang: l, dir: dir, out: cmd.OutOrStdout(), errOut: cmd.ErrOrStderr(), in: cmd.InOrStdin()}
}

// openEnvAt opens the database in dir with open (store.Open or store.OpenToRead).
func openEnvAt(cmd *cobra.Command, l i18n.Lang, dir string, open func(dir string) (*store.Store, error)) (*env, error) {
	e := newEnv(cmd, l, dir)
	st, err := open(e.dir)
	if errors.Is(err, fs.ErrPermission) {
		return nil, exitError{1, l.T("cli.data.denied", dir)}
	}
	if err := dbProblem(l, dataDB(dir), err); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return nil, ee
		}
		return nil, exitError{1, l.T("cli.db.open", dir, err)}
	}
	st.OnWait(func() { e.warn(l.T("cli.db.waiting", st.Path())) })
	e.store = st
	e.svc = session.New(st, nil)
	e.svc.UseLibrary(e.lib)
	e.att = e.newAttendance(nil)
	e.qs = questions.New(st, nil)
	return e, nil
}

// newAttendance is the attendance service over e's store with the clock now
// (nil: time.Now), hashing citizen-ID numbers with the keys kept beside the
// database (bsync.IDKeys): never with a key built into the program.
func (e *env) newAttendance(now func() time.Time) *attendance.Service {
	return attendance.New(e.store, now, attendance.WithKeys(idKeys{bsync.IDKeys{Dir: e.dir}, e.lang}))
}

// idKeys are the data directory's citizen-ID keys, a problem with them told in
// the interface language, naming the file and what to do.
type idKeys struct {
	bsync.IDKeys
	lang i18n.Lang
}

func (k idKeys) CitizenIDKeys(ctx context.Context, create bool) ([]cccd.Hasher, error) {
	all, err := k.IDKeys.CitizenIDKeys(ctx, create)
	if err != nil {
		return nil, exitError{1, k.lang.T("cli.idkey.problem", err)}
	}
	return all, nil
}

// checkDataDir says in l why dir cannot be the data directory: it, or the nearest part of
// its path that exists, is a file. Other problems (permissions) show when it is opened.
func checkDataDir(l i18n.Lang, dir string) error {
	for p := filepath.Clean(dir); ; {
		st, err := os.Stat(p)
		switch {
		case err == nil && st.IsDir():
			return nil
		case err == nil && p == filepath.Clean(dir):
			return exitError{1, l.T("cli.data.file", dir)}
		case err == nil:
			return exitError{1, l.T("cli.data.parent", dir, p)}
		}
		parent := filepath.Dir(p)
		if parent == p {
			return nil
		}
		p = parent
	}
}

// withDryRunEnv runs f for a dry run, which writes nothing anywhere: the data
// directory's database opened read-only (no write lock, no file made, so a
// check-in elsewhere never waits on it and a read-only directory is fine), or,
// without one, an empty database in memory, so that a dry run in a new data
// directory creates nothing. A database from an older program is opened as
// every command opens it (its migrations are the one write), since the dry
// run must compare with the people as a real import would see them.
func withDryRunEnv(cmd *cobra.Command, g *globals, f func(e *env) error) error {
	l, dir := g.language(), dataDir(g)
	if err := checkDataDir(l, dir); err != nil {
		return err
	}
	st, err := store.OpenReadOnly(dir)
	if errors.Is(err, store.ErrOlderSchema) {
		return withEnv(cmd, g, f)
	}
	if errors.Is(err, fs.ErrPermission) {
		return exitError{1, l.T("cli.data.denied", dir)}
	}
	if err := dbProblem(l, dataDB(dir), err); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			return ee
		}
		return exitError{1, l.T("cli.db.open", dir, err)}
	}
	e := newEnv(cmd, l, dir)
	e.store = st
	e.svc = session.New(st, nil)
	e.svc.UseLibrary(e.lib)
	e.att = e.newAttendance(nil)
	e.qs = questions.New(st, nil)
	defer e.close()
	return f(e)
}

// checkReadable says in l, naming path and what to do, why path cannot be read as a file.
func checkReadable(l i18n.Lang, path string) error {
	f, err := os.Open(path)
	if err != nil {
		return exitError{1, openProblem(l, path, err)}
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return exitError{1, l.T("cli.file.isdir", path)}
	}
	return nil
}

// openProblem is why path cannot be opened for reading, in l: the underlying error only
// when it is none of the usual ones.
func openProblem(l i18n.Lang, path string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ENOTDIR):
		return l.T("cli.file.notfound", path)
	case errors.Is(err, fs.ErrPermission):
		return l.T("cli.file.denied", path)
	}
	return l.T("cli.file.open", path, pathErrorReason(err))
}

// pathErrorReason is err without the path it names (a message names the path itself,
// and a temporary file's name means nothing to the user).
func pathErrorReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

func (e *env) close() { e.store.Close() }

// lib is the deck library: the embedded decks and the data directory's own,
// parsed on first use.
func (e *env) lib() []deck.Entry {
	e.libMu.Lock() // the TUI asks from its Cmds' goroutines as well as from Update
	defer e.libMu.Unlock()
	if e.library == nil {
		e.library = library(e.dir, e.store)
	}
	return e.library
}

// warn writes a line on the command's stderr.
func (e *env) warn(msg string) { fmt.Fprintln(e.errOut, msg) }

// noteUnit says on stderr, with what to do, that a unit just written is not
// in the catalog: it is kept as typed and counted on its own until aliased.
func (e *env) noteUnit(ctx context.Context, spelling string) {
	if strings.TrimSpace(spelling) == "" {
		return
	}
	cat, err := e.att.Catalog(ctx)
	if err != nil {
		return
	}
	if _, ok := cat.Resolve(spelling); !ok {
		e.warn(e.lang.T("cli.unit.note.unknown", shownUnit(spelling), shownUnit(spelling)))
	}
}

// unitLabel is how the unit catalog names spelling ("P.4" is "Phường 4"), as the desk's
// counters show it; the spelling as typed when the catalog cannot be read.
func (e *env) unitLabel(ctx context.Context, spelling string) string {
	if e.catalog == nil {
		cat, err := e.att.Catalog(ctx)
		if err != nil {
			return shownUnit(spelling)
		}
		e.catalog = cat
	}
	return shownUnit(e.catalog.Name(spelling))
}

// fillUnit gives a new session's host unit this device's unit, unless one
// was given.
func (e *env) fillUnit(ctx context.Context, info *session.Info) {
	if info.Unit != "" {
		return
	}
	if host, err := e.svc.HostUnit(ctx); err == nil {
		info.Unit = host
	}
}

// usableDecks are the decks a session can start with (those without errors);
// with none, an error that says so.
func (e *env) usableDecks() ([]*deck.Deck, error) {
	var list []*deck.Deck
	for _, entry := range e.lib() {
		if !deck.HasErrors(entry.Problems) {
			list = append(list, entry.Deck)
		}
	}
	if len(list) == 0 {
		return nil, exitError{1, e.lang.T("cli.nodecks")}
	}
	return list, nil
}

// tuiOptions are the options of a full-screen face. A write waiting for another
// process is shown on its own screen ("đang ghi"), never on stderr, which would
// draw over it.
func (e *env) tuiOptions(g *globals) (tui.Options, error) {
	e.store.OnWait(nil)
	t, ok := theme.Parse(g.theme)
	if !ok {
		return tui.Options{}, exitError{2, e.lang.T("cli.theme.bad", g.theme)}
	}
	return tui.Options{Service: e.svc, Attendance: e.att, Questions: e.qs, LoadLibrary: e.lib, Lang: e.lang, Theme: t,
		SyncStatus: func(ctx context.Context) (bsync.Status, error) { return bsync.ReadStatus(ctx, e.store) },
		Size:       terminalSize}, nil
}

// terminalSize is the size of the terminal on standard output (0, 0 when it is none).
func terminalSize() (int, int) {
	w, h, err := term.GetSize(os.Stdout.Fd())
	if err != nil {
		return 0, 0
	}
	return w, h
}
