package main

import (
	"briefing/internal/textvi"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"briefing/internal/atomicfile"
	"briefing/internal/i18n"
	"briefing/internal/minutes"
	"briefing/internal/report"
	"briefing/internal/session"
	"briefing/internal/store"
	bsync "briefing/internal/sync"

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
			ctx := cmd.Context()
			return withReadEnv(cmd, g, func(e *env) error {
				format, err := exportFormat(e.lang, format, cmd.Flags().Changed("format"), out)
				if err != nil {
					return err
				}
				s, err := e.getSession(ctx, args[0])
				if err != nil {
					return err
				}
				toFile := out != "" && out != "-"
				if toFile {
					if err := checkOutput(e.lang, out, format, s.ID, ownFiles(e.dir)...); err != nil {
						return err
					}
				} else if format == "xlsx" && isTerminal(e.out) {
					return exitError{2, e.lang.T("cli.export.tty")}
				} else if (format == "pdf" || format == "docx") && isTerminal(e.out) {
					return exitError{2, e.lang.T("paper.export.tty", format)}
				}
				m, err := e.minutes(ctx, s, format == "pdf" || format == "docx" || format == "md")
				if err != nil {
					return err
				}
				var buf bytes.Buffer
				if err := minutesWriters[format](&buf, m, e.lang, time.Local); err != nil {
					return err
				}
				if !toFile {
					_, err = e.out.Write(buf.Bytes())
					return err
				}
				if err := atomicfile.Write(out, buf.Bytes(), 0o600); err != nil {
					return exitError{1, writeProblem(e.lang, out, err)}
				}
				fmt.Fprintln(e.errOut, e.lang.T("cli.export.done", textvi.Shown(out), len(m.Attendees), len(m.Questions)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&format, "format", "", g.helpLang.T("cli.help.flag.export.format"))
	cmd.Flags().StringVarP(&out, "output", "o", "", g.helpLang.T("cli.help.flag.export.output"))
	return cmd
}

// exportFormat is the format of the minutes: --format in any case (given: on the command
// line), else the one out's extension names, else md. An extension no format has (.odt,
// .txt) is refused: the minutes would open as garbage under that name.
func exportFormat(l i18n.Lang, format string, given bool, out string) (string, error) {
	format = strings.ToLower(strings.TrimSpace(format))
	if given {
		if _, ok := minutesWriters[format]; !ok {
			return "", exitError{2, l.T("paper.export.format", format)}
		}
	}
	if out != "" && out != "-" {
		if ext := strings.ToLower(filepath.Ext(out)); ext != "" {
			if _, ok := minutesOfExt[ext]; !ok {
				return "", exitError{2, l.T("paper.export.badext", out, ext)}
			}
		}
	}
	return formatOf(l, format, given, out, "md", minutesOfExt)
}

// minutesOfExt: the formats of the minutes a file's extension names (.txt:
// Markdown is plain text).
var minutesOfExt = map[string]string{".md": "md", ".markdown": "md", ".txt": "md", ".csv": "csv", ".xlsx": "xlsx", ".pdf": "pdf", ".docx": "docx"}

// formatFor is the format of a file written to out: format when given on the command line,
// else the one out's extension names, else fallback. A file whose extension names another
// format than the one given is refused: Markdown in a .xlsx file opens as garbage.
func formatFor(l i18n.Lang, format string, given bool, out, fallback string) (string, error) {
	return formatOf(l, format, given, out, fallback, formatOfExt)
}

// formatOf is formatFor with the extensions of exts.
func formatOf(l i18n.Lang, format string, given bool, out, fallback string, exts map[string]string) (string, error) {
	ext := ""
	if out != "" && out != "-" {
		ext = exts[strings.ToLower(filepath.Ext(out))]
	}
	switch {
	case !given && ext != "":
		return ext, nil
	case !given:
		return fallback, nil
	case ext != "" && ext != format:
		return "", exitError{2, l.T("cli.export.ext", out, ext, format)}
	}
	return format, nil
}

// formatOfExt: the formats a file's extension names.
var formatOfExt = map[string]string{".md": "md", ".markdown": "md", ".csv": "csv", ".xlsx": "xlsx"}

// checkOutput says in l, before anything is built, why the minutes cannot be written to
// out: a folder, in a folder that does not exist or is a file, not a regular file (a
// device, a pipe), or one of own, the program's own files (its database, its keys).
func checkOutput(l i18n.Lang, out, format, sessionID string, own ...string) error {
	if st, err := os.Stat(out); err == nil && st.IsDir() {
		example := filepath.Join(out, "bien-ban-"+sessionID[:min(8, len(sessionID))]+"."+format)
		return exitError{2, l.T("cli.export.isdir", out, example)}
	}
	if err := checkNotOwn(l, out, own...); err != nil {
		return err
	}
	dir := filepath.Dir(out)
	st, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, syscall.ENOTDIR):
		return exitError{1, l.T("cli.export.nodir", out, dir)}
	case err == nil && !st.IsDir():
		return exitError{1, l.T("cli.export.parentfile", out, dir)}
	}
	return nil
}

// ownFiles are the data directory's files no output may replace.
func ownFiles(dir string) []string {
	db := filepath.Join(dir, store.FileName)
	return []string{db, db + "-wal", db + "-shm", db + "-journal", filepath.Join(dir, bsync.KeysFile), filepath.Join(dir, bsync.OwnIDKeyFile)}
}

// checkNotOwn refuses to write out over something that is not a regular file (a
// device node, a pipe: writing "replaced" /dev/full as root) or over one of own
// (the live database, overwritten with Markdown, said it had written the minutes).
func checkNotOwn(l i18n.Lang, out string, own ...string) error {
	st, err := os.Stat(out)
	if err != nil {
		return nil // a new file
	}
	if !st.Mode().IsRegular() {
		return exitError{2, l.T("cli.file.notregular", out)}
	}
	for _, f := range own {
		if o, err := os.Stat(f); err == nil && os.SameFile(st, o) {
			return exitError{2, l.T("cli.export.own", out)}
		}
	}
	return nil
}

// writeProblem is why out could not be written, in l, without the temporary file's name.
func writeProblem(l i18n.Lang, out string, err error) string {
	dir := filepath.Dir(out)
	switch {
	case errors.Is(err, fs.ErrPermission):
		return l.T("cli.export.denied", out, dir)
	case errors.Is(err, fs.ErrNotExist):
		return l.T("cli.export.nodir", out, dir)
	}
	return l.T("cli.export.failed", out, pathErrorReason(err))
}

var minutesWriters = map[string]func(io.Writer, report.Minutes, i18n.Lang, *time.Location) error{
	"md":   report.WriteMinutesMarkdown,
	"csv":  report.WriteMinutesCSV,
	"xlsx": report.WriteMinutesXLSX,
	"pdf":  report.WriteMinutesPDF,
	"docx": report.WriteMinutesDOCX,
}

// minutes gathers everything the minutes of session s show
// (minutes.Gather); with invited, those the session expected too (only the
// paper and Markdown minutes count the invited and the absent, and a large roster takes
// a while to read).
func (e *env) minutes(ctx context.Context, s session.Session, invited bool) (report.Minutes, error) {
	src := minutes.Sources{Sessions: e.svc, Attendance: e.att, Questions: e.qs}
	if invited {
		return src.GatherWithInvited(ctx, s)
	}
	return src.Gather(ctx, s)
}
