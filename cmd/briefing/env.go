package main

import (
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
	library []deck.Entry
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
	e.library = deck.Library(decks.FS, filepath.Join(e.dir, "decks"))
	return e, nil
}

func (e *env) close() { e.store.Close() }

func (e *env) tuiOptions(g *globals) (tui.Options, error) {
	t, ok := theme.Parse(g.theme)
	if !ok {
		return tui.Options{}, exitError{2, e.lang.T("cli.theme.bad", g.theme)}
	}
	return tui.Options{Service: e.svc, Attendance: e.att, Questions: e.qs, Library: e.library, Lang: e.lang, Theme: t}, nil
}
