package main

// briefing session show: a session's fields, its counters and its timeline.

import (
	"fmt"
	"io"
	"strings"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/textvi"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

func newSessionShowCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID",
		Short: g.helpLang.T("cli.help.cmd.session.show"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return withReadEnv(cmd, g, func(e *env) error {
				s, err := e.getSession(ctx, args[0])
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
				titles := e.svc.SlideTitles(ctx, s)
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
					return writeJSON(e.out, out)
				}
				l := e.lang
				t := newTable(e.out)
				ended := l.SessionState(false)
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
					{l.T("form.chair"), s.Info.Chair},
					{l.T("form.secretary"), s.Info.Secretary},
					{l.T("form.deck"), fmt.Sprintf("%s (%s, %s)", s.Deck.Title, s.Deck.ID, s.Deck.Version)},
					{l.T("session.field.start"), s.StartedAt.Local().Format("2006-01-02 15:04:05")},
					{l.T("session.field.end"), ended},
					{l.T("session.field.slide"), fmt.Sprintf("%d/%d", s.Slide+1, s.Deck.Slides)},
				} {
					t.row(kv[0]+":", kv[1])
				}
				if err := t.flush(); err != nil {
					return err
				}
				fmt.Fprintln(e.out)
				writeCounts(e.out, l, counts)
				fmt.Fprintln(e.out, l.T("cli.session.questions", qCounts.Total(), qCounts.Open, qCounts.Answered,
					qCounts.Forwarded, qCounts.AnsweredLater))
				fmt.Fprintln(e.out)
				t.line(l.T("session.timeline.header"))
				for _, r := range out.Timeline {
					t.rowf("%d\t%s\t%d\t%s", r.Slide, r.Title, r.Views, (time.Duration(r.Seconds) * time.Second).Round(time.Second))
				}
				return t.flush()
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
		label = textvi.FieldText(label) // a stored unit may carry escapes
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
