package main

import (
	"briefing/internal/field"
	"errors"
	"fmt"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/session"
	"github.com/spf13/cobra"
)

func newSessionCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "session", Short: g.helpLang.T("cli.help.cmd.session")}
	cmd.AddCommand(newSessionStartCmd(g), newSessionListCmd(g), newSessionShowCmd(g), newSessionEndCmd(g), newSessionExportCmd(g),
		newSessionEditCmd(g))
	return cmd
}

func newSessionStartCmd(g *globals) *cobra.Command {
	var info session.Info
	cmd := &cobra.Command{
		Use:   "start [DECK]",
		Short: g.helpLang.T("cli.help.cmd.session.start"),
		Args:  argsMax(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
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
				s, err := e.svc.Start(ctx, session.RefOf(d), info)
				var open *session.OpenSessionError
				if errors.As(err, &open) {
					return exitError{1, e.openSessionMessage(open.Session)}
				}
				var scope *session.OutsideScopeError
				if errors.As(err, &scope) {
					return exitError{1, e.lang.T("start.scope", scope.Unit, scope.Enrolled)}
				}
				if msg, ok := field.Message(e.lang, err); ok {
					return exitError{1, msg}
				}
				if err != nil {
					return err
				}
				e.noteUnit(ctx, s.Info.Unit)
				fmt.Fprintln(e.out, s.ID)
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
	Chair      string         `json:"chair"`
	Secretary  string         `json:"secretary"`
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
		Rapporteur: s.Info.Rapporteur, Chair: s.Info.Chair, Secretary: s.Info.Secretary, DeckID: s.Deck.ID, DeckTitle: s.Deck.Title, DeckVer: s.Deck.Version,
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
			return withReadEnv(cmd, g, func(e *env) error {
				list, err := e.svc.List(cmd.Context(), 0)
				if err != nil {
					return err
				}
				if asJSON {
					out := make([]sessionJSON, 0, len(list))
					for _, s := range list {
						out = append(out, toJSON(s))
					}
					return writeJSON(e.out, out)
				}
				t := newTable(e.out)
				t.line(e.lang.T("cli.session.list.header"))
				for _, s := range list {
					t.rowf("%s\t%s\t%s\t%s\t%s\t%d/%d", s.ID, s.StartedAt.Local().Format("2006-01-02 15:04"),
						e.lang.SessionState(s.EndedAt != nil), s.Info.Title, s.Deck.ID, s.Slide+1, s.Deck.Slides)
				}
				return t.flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	return cmd
}

func newSessionEndCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "end [ID]",
		Short: g.helpLang.T("cli.help.cmd.session.end"),
		Args:  argsMax(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				var id string
				if len(args) == 1 {
					id = args[0]
				}
				s, err := e.sessionOrOpen(ctx, id, "cli.end.none")
				if err != nil {
					return err
				}
				id = s.ID
				if err := e.svc.End(ctx, id); err != nil {
					return err
				}
				fmt.Fprintln(e.out, e.lang.T("session.ended", id))
				return nil
			})
		},
	}
}

// newSessionEditCmd sets who chaired a session and who took its minutes, the
// two names the minutes are signed under, during or after the meeting.
func newSessionEditCmd(g *globals) *cobra.Command {
	var chair, secretary string
	cmd := &cobra.Command{
		Use:   "edit [ID]",
		Short: g.helpLang.T("cli.help.cmd.session.edit"),
		Args:  argsMax(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				var c, sec *string
				if cmd.Flags().Changed("chair") {
					c = &chair
				}
				if cmd.Flags().Changed("secretary") {
					sec = &secretary
				}
				if c == nil && sec == nil {
					return exitError{2, e.lang.T("cli.session.edit.none")}
				}
				var id string
				if len(args) == 1 {
					id = args[0]
				}
				s, err := e.sessionOrOpen(ctx, id, "cli.end.none")
				if err != nil {
					return err
				}
				s, err = e.svc.SetSigners(ctx, s.ID, c, sec)
				if msg, ok := field.Message(e.lang, err); ok {
					return exitError{1, msg}
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(e.out, e.lang.T("cli.session.edit.done", s.ID, orDash(s.Info.Chair), orDash(s.Info.Secretary)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&chair, "chair", "", g.helpLang.T("cli.help.flag.chair"))
	cmd.Flags().StringVar(&secretary, "secretary", "", g.helpLang.T("cli.help.flag.secretary"))
	return cmd
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
