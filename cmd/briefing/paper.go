package main

import (
	"briefing/internal/textvi"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/attendance"
	"briefing/internal/report"

	"github.com/spf13/cobra"
)

// paperFormat is the format of a printable file: --format (given: on the
// command line), else the one out's extension names, else fallback. An
// extension none of formats has is refused, as one naming another format
// than --format. badFormat and badExt are the messages' i18n keys.
func paperFormat(e *env, format string, given bool, out string, formats []string, badFormat, badExt string) (string, error) {
	format = strings.ToLower(strings.TrimSpace(format))
	has := func(f string) bool {
		for _, g := range formats {
			if g == f {
				return true
			}
		}
		return false
	}
	if given && !has(format) {
		return "", exitError{2, e.lang.T(badFormat, format)}
	}
	if out == "" || out == "-" {
		if !given {
			return formats[0], nil
		}
		return format, nil
	}
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(out), "."))
	switch {
	case ext == "" && given:
		return format, nil
	case ext == "":
		return formats[0], nil
	case !has(ext):
		return "", exitError{2, e.lang.T(badExt, out, "."+ext)}
	case given && ext != format:
		return "", exitError{2, e.lang.T("cli.export.ext", out, ext, format)}
	}
	return ext, nil
}

// checkPaperOut refuses, before anything is built, a file the program
// cannot or must not write, and a binary format for the terminal.
func checkPaperOut(e *env, out, format, example string) error {
	if out != "" && out != "-" {
		if st, err := os.Stat(out); err == nil && st.IsDir() {
			return exitError{2, e.lang.T("cli.export.isdir", out, filepath.Join(out, example+"."+format))}
		}
		return checkOutput(e.lang, out, format, example, ownFiles(e.dir)...)
	}
	if format != "md" && format != "txt" && isTerminal(e.out) {
		return exitError{2, e.lang.T("paper.export.tty", format)}
	}
	return nil
}

// writePaperOut writes data to out (standard output for "" or "-"), a file
// whole or not at all; it reports whether a file was written.
func writePaperOut(e *env, out string, data []byte) (bool, error) {
	if out == "" || out == "-" {
		_, err := e.out.Write(data)
		return false, err
	}
	if err := atomicfile.Write(out, data, 0o600); err != nil {
		return false, exitError{1, writeProblem(e.lang, out, err)}
	}
	return true, nil
}

// newAttendanceSheetCmd prints the sign-in sheet for the session about to
// be held: the roster's people (of --unit), under the open session's title.
func newAttendanceSheetCmd(g *globals) *cobra.Command {
	var unitName, format, out string
	cmd := &cobra.Command{
		Use:   "sheet",
		Short: g.helpLang.T("cli.help.cmd.attendance.sheet"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				format, err := paperFormat(e, format, cmd.Flags().Changed("format"), out, []string{"pdf", "xlsx"}, "cli.sheet.format", "cli.sheet.badext")
				if err != nil {
					return err
				}
				if err := checkPaperOut(e, out, format, "danh-sach-ky-ten"); err != nil {
					return err
				}
				units, err := e.att.Catalog(ctx)
				if err != nil {
					return err
				}
				sheet := report.SignInSheet{Units: units}
				if unitName = strings.TrimSpace(unitName); unitName != "" {
					sheet.Unit = units.Name(unitName)
				}
				err = e.att.EachPerson(ctx, 0, func(p attendance.Person) error {
					if unitName == "" || units.Same(p.Unit, unitName) {
						sheet.People = append(sheet.People, report.Attendee{PersonID: p.ID, Name: p.Name, Unit: p.Unit, Position: p.Position})
					}
					return nil
				})
				if err != nil {
					return err
				}
				if unitName != "" && len(sheet.People) == 0 {
					return exitError{1, e.lang.T("cli.sheet.nounit", unitName)}
				}
				open, err := e.svc.Current(ctx)
				if err != nil {
					return err
				}
				if open != nil {
					sheet.Session = report.Session{ID: open.ID, Title: open.Info.Title, Unit: open.Info.Unit, Venue: open.Info.Venue, StartedAt: open.StartedAt}
				}
				write := report.WriteSignInSheetPDF
				if format == "xlsx" {
					write = report.WriteSignInSheetXLSX
				}
				var buf bytes.Buffer
				if err := write(&buf, sheet, e.lang, time.Local); err != nil {
					return err
				}
				if wrote, err := writePaperOut(e, out, buf.Bytes()); err != nil || !wrote {
					return err
				}
				fmt.Fprintln(e.errOut, e.lang.T("cli.sheet.done", textvi.Shown(out), len(sheet.People)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&unitName, "unit", "", g.helpLang.T("cli.help.flag.sheet.unit"))
	cmd.Flags().StringVar(&format, "format", "", g.helpLang.T("cli.help.flag.sheet.format"))
	cmd.Flags().StringVarP(&out, "output", "o", "", g.helpLang.T("cli.help.flag.paper.output"))
	return cmd
}
