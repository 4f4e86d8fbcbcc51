package main

import (
	"context"
	"os"
	"path/filepath"
	"runtime"

	"briefing/decks"
	"briefing/internal/attendance"
	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui"
	"briefing/internal/tui/theme"
)

// env is what a command works with: the device database, the decks and the language.
type env struct {
	lang    i18n.Lang
	dir     string
	store   *store.Store
	svc     *session.Service
	att     *attendance.Service
	qs      *questions.Service
	library []deck.Entry // read on first use (lib): most commands never need the decks
}

// dataDir is --data, else $BRIEFING_DATA, else the user's data directory for this OS.
func dataDir(g *globals) string {
	if g.data != "" {
		return g.data
	}
	if d := os.Getenv("BRIEFING_DATA"); d != "" {
		return d
	}
	home, _ := os.UserHomeDir()
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("LocalAppData"); d != "" {
			return filepath.Join(d, "briefing")
		}
	case "darwin":
		return filepath.Join(home, "Library", "Application Support", "briefing")
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "briefing")
	}
	return filepath.Join(home, ".local", "share", "briefing")
}

// openEnv opens the database (creating it on first use) and reads the decks.
func openEnv(g *globals) (*env, error) {
	e := &env{lang: g.language(), dir: dataDir(g)}
	st, err := store.Open(e.dir)
	if err != nil {
		return nil, exitError{1, e.lang.T("cli.db.open", e.dir, err)}
	}
	e.store = st
	e.svc = session.New(st, nil)
	e.att = attendance.New(st, nil)
	e.qs = questions.New(st, nil)
	return e, nil
}

func (e *env) close() { e.store.Close() }

// lib is the deck library: the embedded decks and the data directory's own,
// parsed on first use.
func (e *env) lib() []deck.Entry {
	if e.library == nil {
		e.library = deck.Library(decks.FS, filepath.Join(e.dir, "decks"))
	}
	return e.library
}

// fillUnit gives a new session's host unit this device's unit, unless one
// was given.
func (e *env) fillUnit(info *session.Info) {
	if info.Unit != "" {
		return
	}
	if dev, err := e.svc.Device(context.Background()); err == nil {
		info.Unit = dev.Unit
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

func (e *env) tuiOptions(g *globals) (tui.Options, error) {
	t, ok := theme.Parse(g.theme)
	if !ok {
		return tui.Options{}, exitError{2, e.lang.T("cli.theme.bad", g.theme)}
	}
	return tui.Options{Service: e.svc, Attendance: e.att, Questions: e.qs, Library: e.lib(), Lang: e.lang, Theme: t}, nil
}
