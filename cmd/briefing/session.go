package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/session"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

func newSessionCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "session", Short: g.helpLang.T("cli.help.cmd.session")}
	cmd.AddCommand(newSessionStartCmd(g), newSessionListCmd(g), newSessionShowCmd(g), newSessionEndCmd(g), newSessionExportCmd(g))
	return cmd
}

// withEnv runs f with the device database open.
func withEnv(g *globals, f func(e *env) error) error {
	e, err := openEnv(g)
	if err != nil {
		return err
	}
	defer e.close()
	return f(e)
}

func newSessionStartCmd(g *globals) *cobra.Command {
	var info session.Info
	cmd := &cobra.Command{
		Use:   "start [DECK]",
		Short: g.helpLang.T("cli.help.cmd.session.start"),
		Args:  argsMax(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(g, func(e *env) error {
				name := "nq57-toan-van"
				if len(args) == 1 {
					name = args[0]
				}
				d, err := e.presentable(name)
				if err != nil {
					return err
				}
				if info.Title == "" {
					info.Title = d.Meta.Title
				}
				s, err := e.svc.Start(context.Background(), session.RefOf(d), info)
				var open *session.OpenSessionError
				if errors.As(err, &open) {
					return exitError{1, e.openSessionMessage(open.Session)}
				}
				if err != nil {
					return err
				}
				e.noteUnit(s.Info.Unit)
				fmt.Println(s.ID)
				return nil
			})
		},
	}
	infoFlags(g, cmd, &info)
	return cmd
}

// sessionJSON is a session as --json prints it.
type sessionJSON struct {
	ID         string         `json:"id"`
	Title      string         `json:"title"`
	Unit       string         `json:"unit"`
	Venue      string         `json:"venue"`
	Form       string         `json:"form"`
	Rapporteur string         `json:"rapporteur"`
	DeckID     string         `json:"deck_id"`
	DeckTitle  string         `json:"deck_title"`
	DeckVer    string         `json:"deck_version"`
	Slides     int            `json:"slides"`
	Slide      int            `json:"slide"`
	StartedAt  time.Time      `json:"started_at"`
	EndedAt    *time.Time     `json:"ended_at"`
	Open       bool           `json:"open"`
	Timeline   []slideTimeRow `json:"timeline,omitempty"`
	Attendance *countsJSON    `json:"attendance,omitempty"`
	Questions  map[string]int `json:"questions,omitempty"` // by status, and "total"
}

type countsJSON struct {
	Present int            `json:"present"`
	ByGroup map[string]int `json:"by_group"`
	ByUnit  map[string]int `json:"by_unit"`
}

func countsToJSON(c attendance.Counts) *countsJSON {
	out := &countsJSON{Present: c.Present, ByGroup: map[string]int{}, ByUnit: map[string]int{}}
	for _, g := range c.ByGroup {
		out.ByGroup[g.Key] = g.Count
	}
	for _, u := range c.ByUnit {
		out.ByUnit[u.Key] = u.Count
	}
	return out
}

type slideTimeRow struct {
	Slide   int     `json:"slide"`
	Title   string  `json:"title,omitempty"`
	Views   int     `json:"views"`
	Seconds float64 `json:"seconds"`
}

func toJSON(s session.Session) sessionJSON {
	return sessionJSON{
		ID: s.ID, Title: s.Info.Title, Unit: s.Info.Unit, Venue: s.Info.Venue, Form: s.Info.Form,
		Rapporteur: s.Info.Rapporteur, DeckID: s.Deck.ID, DeckTitle: s.Deck.Title, DeckVer: s.Deck.Version,
		Slides: s.Deck.Slides, Slide: s.Slide + 1, StartedAt: s.StartedAt, EndedAt: s.EndedAt, Open: s.EndedAt == nil,
	}
}

func newSessionListCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: g.helpLang.T("cli.help.cmd.session.list"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(g, func(e *env) error {
				list, err := e.svc.List(context.Background(), 0)
				if err != nil {
					return err
				}
				if asJSON {
					out := make([]sessionJSON, 0, len(list))
					for _, s := range list {
						out = append(out, toJSON(s))
					}
					return printJSON(out)
				}
				tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, e.lang.T("cli.session.list.header"))
				for _, s := range list {
					state := e.lang.T("session.state.open")
					if s.EndedAt != nil {
						state = e.lang.T("session.state.ended")
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d/%d\n", s.ID, s.StartedAt.Local().Format("2006-01-02 15:04"),
						state, s.Info.Title, s.Deck.ID, s.Slide+1, s.Deck.Slides)
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	return cmd
}

func newSessionShowCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: g.helpLang.T("cli.help.cmd.session.show"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(g, func(e *env) error {
				ctx := context.Background()
				s, err := e.getSession(args[0])
				if err != nil {
					return err
				}
				timeline, err := e.svc.Timeline(ctx, s.ID)
				if err != nil {
					return err
				}
				counts, err := e.att.Counts(ctx, s.ID)
				if err != nil {
					return err
				}
				qCounts, err := e.qs.Counts(ctx, s.ID)
				if err != nil {
					return err
				}
				titles := e.slideTitles(s)
				out := toJSON(s)
				out.Attendance = countsToJSON(counts)
				out.Questions = map[string]int{"total": qCounts.Total()}
				for _, st := range questions.Statuses {
					out.Questions[string(st)] = qCounts.Of(st)
				}
				for _, t := range timeline {
					row := slideTimeRow{Slide: t.Slide + 1, Views: t.Views, Seconds: t.Spent.Seconds()}
					if t.Slide < len(titles) {
						row.Title = titles[t.Slide]
					}
					out.Timeline = append(out.Timeline, row)
				}
				if asJSON {
					return printJSON(out)
				}
				l := e.lang
				tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
				ended := l.T("session.state.open")
				if s.EndedAt != nil {
					ended = s.EndedAt.Local().Format("2006-01-02 15:04:05")
				}
				for _, kv := range [][2]string{
					{l.T("session.field.id"), s.ID},
					{l.T("cli.session.field.title"), s.Info.Title},
					{l.T("form.unit"), s.Info.Unit},
					{l.T("form.venue"), s.Info.Venue},
					{l.T("form.form"), s.Info.Form},
					{l.T("form.rapporteur"), s.Info.Rapporteur},
					{l.T("form.deck"), fmt.Sprintf("%s (%s, %s)", s.Deck.Title, s.Deck.ID, s.Deck.Version)},
					{l.T("session.field.start"), s.StartedAt.Local().Format("2006-01-02 15:04:05")},
					{l.T("session.field.end"), ended},
					{l.T("session.field.slide"), fmt.Sprintf("%d/%d", s.Slide+1, s.Deck.Slides)},
				} {
					fmt.Fprintf(tw, "%s:\t%s\n", kv[0], kv[1])
				}
				tw.Flush()
				fmt.Println()
				writeCounts(os.Stdout, l, counts)
				fmt.Println(l.T("cli.session.questions", qCounts.Total(), qCounts.Open, qCounts.Answered,
					qCounts.Forwarded, qCounts.AnsweredLater))
				fmt.Println()
				fmt.Fprintln(tw, l.T("session.timeline.header"))
				for _, r := range out.Timeline {
					fmt.Fprintf(tw, "%d\t%s\t%d\t%s\n", r.Slide, r.Title, r.Views, (time.Duration(r.Seconds) * time.Second).Round(time.Second))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	return cmd
}

// writeCounts writes the attendance counters of a session: the number present, then
// by group and by unit, each under its heading, "label: n" with the numbers in one
// column. A unit the catalog does not know is marked, with a note on what to do.
func writeCounts(w io.Writer, l i18n.Lang, c attendance.Counts) {
	fmt.Fprintln(w, l.T("desk.present", c.Present))
	type row struct {
		label string
		n     int
	}
	var groups, units []row
	width, unknown := 0, false
	add := func(rows *[]row, label string, n int) {
		*rows = append(*rows, row{label, n})
		width = max(width, ansi.StringWidth(label))
	}
	for _, g := range c.ByGroup {
		add(&groups, g.GroupLabel(l), g.Count)
	}
	for _, u := range c.ByUnit {
		name := u.UnitLabel(l)
		if u.Unknown {
			name, unknown = name+" *", true
		}
		add(&units, name, u.Count)
	}
	for _, block := range []struct {
		heading string
		rows    []row
	}{{l.T("cli.session.bygroup"), groups}, {l.T("cli.session.byunit"), units}} {
		if len(block.rows) == 0 {
			continue
		}
		fmt.Fprintln(w, block.heading)
		for _, r := range block.rows {
			fmt.Fprintf(w, "  %s:%s %d\n", r.label, strings.Repeat(" ", width-ansi.StringWidth(r.label)), r.n)
		}
	}
	if unknown {
		fmt.Fprintln(w, l.T("cli.session.unknownunits"))
	}
}

// getSession finds a session by id or id prefix, with a clear message when it cannot.
func (e *env) getSession(id string) (session.Session, error) {
	s, err := e.svc.Get(context.Background(), id)
	switch {
	case errors.Is(err, session.ErrNotFound):
		return s, exitError{1, e.lang.T("cli.session.notfound", id)}
	case errors.Is(err, session.ErrAmbiguous):
		return s, exitError{1, e.lang.T("cli.session.ambiguous", id)}
	case errors.Is(err, session.ErrInvalid):
		return s, exitError{2, e.lang.T("cli.session.short", id, session.MinPrefix)}
	}
	return s, err
}

// slideTitles are the titles of the deck a session presented: none when that version is
// not found (a session older than kept decks), which the show and the minutes can do
// without; another version's titles could name the wrong slides.
func (e *env) slideTitles(s session.Session) []string {
	d, err := e.svc.Deck(context.Background(), s.ID)
	if err != nil || d.Version != s.Deck.Version {
		return nil
	}
	titles := make([]string, len(d.Slides))
	for i, sl := range d.Slides {
		titles[i] = sl.Title
	}
	return titles
}

func newSessionEndCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "end [ID]",
		Short: g.helpLang.T("cli.help.cmd.session.end"),
		Args:  argsMax(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(g, func(e *env) error {
				ctx := context.Background()
				var id string
				if len(args) == 1 {
					id = args[0]
				}
				s, err := e.sessionOrOpen(id, "cli.end.none")
				if err != nil {
					return err
				}
				id = s.ID
				if err := e.svc.End(ctx, id); err != nil {
					return err
				}
				fmt.Println(e.lang.T("session.ended", id))
				return nil
			})
		},
	}
}
