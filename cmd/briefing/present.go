package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"briefing/internal/deck"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui"
	"github.com/spf13/cobra"
)

func runHome(cmd *cobra.Command, g *globals) error {
	e, err := openEnv(cmd, g)
	if err != nil {
		return err
	}
	defer e.close()
	opts, err := e.tuiOptions(g)
	if err != nil {
		return err
	}
	return tui.Run(tui.NewHome(opts))
}

// infoFlags are the start form's fields as flags.
func infoFlags(g *globals, cmd *cobra.Command, info *session.Info) {
	f := cmd.Flags()
	f.StringVar(&info.Title, "title", "", g.helpLang.T("cli.help.flag.title"))
	f.StringVar(&info.Unit, "unit", "", g.helpLang.T("cli.help.flag.unit"))
	f.StringVar(&info.Venue, "venue", "", g.helpLang.T("cli.help.flag.venue"))
	f.StringVar(&info.Form, "form", "", g.helpLang.T("cli.help.flag.form"))
	f.StringVar(&info.Rapporteur, "rapporteur", "", g.helpLang.T("cli.help.flag.rapporteur"))
	f.StringVar(&info.Chair, "chair", "", g.helpLang.T("cli.help.flag.chair"))
	f.StringVar(&info.Secretary, "secretary", "", g.helpLang.T("cli.help.flag.secretary"))
}

func newPresentCmd(g *globals) *cobra.Command {
	var info session.Info
	cmd := &cobra.Command{
		Use:   "present [DECK]",
		Short: g.helpLang.T("cli.help.cmd.present"),
		Args:  argsMax(g, 1),
		RunE: func(cmd *cobra.Command, args []string) (err error) {
			startPresenting()
			e, err := openEnvWith(cmd, g, store.OpenCheckLater)
			if err != nil {
				return err
			}
			defer e.close()
			defer func() { err = e.checkedErr(err) }()
			opts, err := e.tuiOptions(g)
			if err != nil {
				return err
			}
			opts.Checked = e.store.WhenChecked
			ctx := cmd.Context()
			if open, err := e.svc.Current(ctx); err != nil {
				return err
			} else if open != nil {
				// Another deck than the open session's: ask what to do with the session.
				// A path that is gone (the stick pulled out after a crash) is taken
				// for the open session's deck, which the database keeps: the same
				// command resumes.
				if len(args) == 1 && args[0] != open.Deck.ID && !pathGone(args[0]) {
					d, err := e.presentable(args[0])
					if err != nil {
						return e.withOpenSession(err, *open)
					}
					if !open.Presents(d) {
						e.fillUnit(ctx, &info)
						return tui.Run(tui.NewChoice(opts, d, info))
					}
				}
				d, err := e.sessionDeck(ctx, *open)
				if err != nil {
					return err
				}
				return tui.Run(tui.NewPresent(opts, *open, d))
			}
			var candidates []*deck.Deck
			if len(args) == 1 {
				d, err := e.presentable(args[0])
				if err != nil {
					return err
				}
				candidates = append(candidates, d)
			} else if candidates, err = e.usableDecks(); err != nil {
				return err
			}
			e.fillUnit(ctx, &info)
			return tui.Run(tui.NewStart(opts, candidates, info))
		},
	}
	infoFlags(g, cmd, &info)
	return cmd
}

// startPresenting is what present and follow do before they open the database:
// warm the deck reader and renderer on the other core meanwhile (deck.Warm), and
// lighten the heap once they have started.
func startPresenting() {
	go deck.Warm(deck.Dark)
	lightHeap()
}

// lightHeap has the garbage collector run when the heap has grown by half,
// not doubled, for the presenter and follow: windows that stay open through
// a 45-minute talk on an old laptop, whose heap is small (3-4 MB live) and
// whose garbage is a slide's rendering. It keeps about 2 MB less resident
// for a little more collecting when a slide is rendered. Not from the start:
// collecting that often while the first frame was made cost it 10 ms
// (BenchmarkPresenterPTY, 64 -> 52 ms at 200 slides; issue 16).
func lightHeap() {
	time.AfterFunc(lightHeapAfter, func() { debug.SetGCPercent(50) })
}

// lightHeapAfter is when the start is over on a laptop like the test machine.
const lightHeapAfter = 100 * time.Millisecond

// checkedErr is how a command that opened the database with its check in
// the background (store.OpenCheckLater: the presenter, follow) ends: a check
// that failed is the cause of whatever else went wrong, or of the program's
// end, and is told as opening the database would tell it.
func (e *env) checkedErr(err error) error {
	if cerr := e.store.Checked(context.Background()); cerr != nil {
		err = cerr
	}
	if pe := dbProblem(e.lang, dataDB(e.dir), err); pe != nil && errors.As(pe, new(exitError)) {
		return pe
	}
	return err
}

// pathGone reports whether name is a file path (not a deck id) that does
// not exist.
func pathGone(name string) bool {
	if !strings.ContainsAny(name, `/\`) && !strings.HasSuffix(strings.ToLower(name), ".md") {
		return false
	}
	_, err := os.Stat(name)
	return errors.Is(err, fs.ErrNotExist)
}

// presentable resolves a deck a user named and refuses one with errors, printing them as
// deck check does.
func (e *env) presentable(name string) (*deck.Deck, error) {
	entry, err := deck.Find(e.lib(), name)
	if errors.Is(err, deck.ErrNotFound) || errors.Is(err, fs.ErrNotExist) {
		return nil, exitError{1, e.lang.T("deck.notfound", deck.ShownPath(name), strings.Join(deck.IDs(e.lib()), ", "))}
	}
	if err != nil {
		return nil, exitError{1, e.lang.T("cli.deck.read", deck.ShownPath(name), deckReadReason(e.lang, err))}
	}
	if deck.HasErrors(entry.Problems) {
		var b strings.Builder
		b.WriteString(e.lang.T("deck.refused"))
		for _, p := range entry.Problems {
			if p.Severity == deck.Error {
				b.WriteString("\n" + p.Format(entry.Deck.Source, e.lang))
			}
		}
		return nil, exitError{1, b.String()}
	}
	return entry.Deck, nil
}

// sessionDeck is the deck session s shows, with a message saying what to do when it
// cannot be found.
func (e *env) sessionDeck(ctx context.Context, s session.Session) (*deck.Deck, error) {
	d, err := e.svc.Deck(ctx, s.ID)
	var missing *session.DeckMissingError
	if errors.As(err, &missing) {
		return nil, exitError{1, e.lang.T("cli.resume.nodeck", s.ID, missing.DeckID, missing.Version, filepath.Join(e.dir, "decks"))}
	}
	return d, err
}

func newFollowCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "follow",
		Short: g.helpLang.T("cli.help.cmd.follow"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) (err error) {
			startPresenting()
			e, err := openEnvWith(cmd, g, store.OpenCheckLater)
			if err != nil {
				return err
			}
			defer e.close()
			defer func() { err = e.checkedErr(err) }()
			opts, err := e.tuiOptions(g)
			if err != nil {
				return err
			}
			opts.Checked = e.store.WhenChecked
			open, err := e.svc.Current(cmd.Context())
			if err != nil {
				return err
			}
			if open == nil {
				return exitError{1, e.lang.T("cli.follow.none")}
			}
			d, err := e.sessionDeck(cmd.Context(), *open)
			if err != nil {
				return err
			}
			return tui.Run(tui.NewFollow(opts, *open, d))
		},
	}
}
