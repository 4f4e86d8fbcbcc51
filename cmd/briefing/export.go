package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/report"
	"briefing/internal/session"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

func newSessionExportCmd(g *globals) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export ID",
		Short: g.helpLang.T("cli.help.cmd.session.export"),
		Long:  g.helpLang.T("cli.help.cmd.session.export.long"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(g, func(e *env) error {
				write, ok := minutesWriters[format]
				if !ok {
					return exitError{2, e.lang.T("cli.export.format", format)}
				}
				s, err := e.getSession(args[0])
				if err != nil {
					return err
				}
				m, err := e.minutes(s)
				if err != nil {
					return err
				}
				var buf bytes.Buffer
				if err := write(&buf, m, e.lang, time.Local); err != nil {
					return err
				}
				if out == "" || out == "-" {
					if format == "xlsx" && term.IsTerminal(os.Stdout.Fd()) {
						return exitError{2, e.lang.T("cli.export.tty")}
					}
					_, err = os.Stdout.Write(buf.Bytes())
					return err
				}
				if err := writeFileAtomic(out, buf.Bytes()); err != nil {
					return exitError{1, e.lang.T("cli.export.write", out, err)}
				}
				fmt.Fprintln(os.Stderr, e.lang.T("cli.export.done", out, len(m.Attendees), len(m.Questions)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "md", g.helpLang.T("cli.help.flag.export.format"))
	cmd.Flags().StringVarP(&out, "output", "o", "", g.helpLang.T("cli.help.flag.export.output"))
	return cmd
}

var minutesWriters = map[string]func(io.Writer, report.Minutes, i18n.Lang, *time.Location) error{
	"md":   report.WriteMinutesMarkdown,
	"csv":  report.WriteMinutesCSV,
	"xlsx": report.WriteMinutesXLSX,
}

// minutes gathers everything the minutes of session s show.
func (e *env) minutes(s session.Session) (report.Minutes, error) {
	ctx := context.Background()
	checkIns, err := e.att.Attendees(ctx, s.ID)
	if err != nil {
		return report.Minutes{}, err
	}
	timeline, err := e.svc.Timeline(ctx, s.ID)
	if err != nil {
		return report.Minutes{}, err
	}
	qs, err := e.qs.List(ctx, s.ID, questions.Filter{Slide: questions.AnySlide})
	if err != nil {
		return report.Minutes{}, err
	}
	titles := e.slideTitles(s)
	title := func(slide int) string {
		if slide >= 0 && slide < len(titles) {
			return titles[slide]
		}
		return ""
	}
	m := report.Minutes{
		Session: report.Session{
			ID: s.ID, Title: s.Info.Title, Unit: s.Info.Unit, Venue: s.Info.Venue, Form: s.Info.Form,
			Rapporteur: s.Info.Rapporteur, DeckTitle: s.Deck.Title, DeckVersion: s.Deck.Version,
			StartedAt: s.StartedAt, EndedAt: s.EndedAt,
		},
		DeckID: s.Deck.ID, Slides: s.Deck.Slides, PlannedMin: s.Deck.DurationMin,
	}
	for _, c := range checkIns {
		m.Attendees = append(m.Attendees, report.Attendee{
			Name: c.Person.Name, Unit: c.Person.Unit, Position: c.Person.Position,
			Group: string(c.Person.Group), Method: string(c.Method), CheckedInAt: c.At,
		})
	}
	for _, st := range timeline {
		m.Timeline = append(m.Timeline, report.SlideTime{
			Number: st.Slide + 1, Title: title(st.Slide), Views: st.Views, Spent: st.Spent,
		})
	}
	for _, q := range qs {
		m.Questions = append(m.Questions, report.Question{
			Number: q.Number, Slide: q.Slide + 1, SlideTitle: title(q.Slide), Text: q.Text,
			AskerName: q.AskerName, AskerUnit: q.AskerUnit, Press: q.Press, Status: string(q.Status),
			Answer: q.Answer, AnsweredBy: q.AnsweredBy, AnsweredAt: q.AnsweredAt,
			ForwardedTo: string(q.ForwardedTo), ForwardedAt: q.ForwardedAt, AskedAt: q.CreatedAt,
		})
	}
	return m, nil
}

// writeFileAtomic writes a whole file or nothing: a temporary file beside
// it, synced, then renamed over it.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
