package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"briefing/internal/report"
	"briefing/internal/session"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

func newSessionExportCmd(g *globals) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export ID",
		Short: "write a session's attendance sheet as csv or xlsx",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(g, func(e *env) error {
				if format != "csv" && format != "xlsx" {
					return exitError{2, e.lang.T("cli.export.format", format)}
				}
				s, err := e.getSession(args[0])
				if err != nil {
					return err
				}
				data, err := e.attendanceReport(s)
				if err != nil {
					return err
				}
				var buf bytes.Buffer
				if format == "csv" {
					err = report.WriteAttendanceCSV(&buf, data, e.lang, time.Local)
				} else {
					err = report.WriteAttendanceXLSX(&buf, data, e.lang, time.Local)
				}
				if err != nil {
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
				fmt.Fprintln(os.Stderr, e.lang.T("cli.export.done", out, len(data.Attendees)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "xlsx", "csv or xlsx")
	cmd.Flags().StringVarP(&out, "output", "o", "", "file to write (default: standard output)")
	return cmd
}

func (e *env) attendanceReport(s session.Session) (report.Attendance, error) {
	list, err := e.att.Attendees(context.Background(), s.ID)
	if err != nil {
		return report.Attendance{}, err
	}
	data := report.Attendance{Session: report.Session{
		ID: s.ID, Title: s.Info.Title, Unit: s.Info.Unit, Venue: s.Info.Venue, Form: s.Info.Form,
		Rapporteur: s.Info.Rapporteur, DeckTitle: s.Deck.Title, DeckVersion: s.Deck.Version,
		StartedAt: s.StartedAt, EndedAt: s.EndedAt,
	}}
	for _, c := range list {
		data.Attendees = append(data.Attendees, report.Attendee{
			Name: c.Person.Name, Unit: c.Person.Unit, Position: c.Person.Position,
			Group: string(c.Person.Group), Method: string(c.Method), CheckedInAt: c.At,
		})
	}
	return data, nil
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
