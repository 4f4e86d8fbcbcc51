package main

import (
	"briefing/internal/textvi"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/roster"
	"charm.land/bubbles/v2/progress"
	"github.com/spf13/cobra"
)

func newRosterCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "roster", Short: g.helpLang.T("cli.help.cmd.roster")}
	var opt attendance.ImportOptions
	var asJSON bool
	var undo int64
	imp := &cobra.Command{
		Use:   "import FILE",
		Short: g.helpLang.T("cli.help.cmd.roster.import"),
		Args: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("undo") {
				if len(args) > 0 {
					return exitError{2, g.language().T("cli.roster.undo.args", args[0])}
				}
				return nil
			}
			return argsExact(g, 1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("undo") {
				return withEnv(cmd, g, func(e *env) error { return e.undoImport(cmd.Context(), undo) })
			}
			opt.File = args[0]
			open := withEnv
			if opt.DryRun {
				open = withDryRunEnv
			}
			return open(cmd, g, func(e *env) error { return e.importRoster(cmd.Context(), args[0], opt, asJSON) })
		},
	}
	f := imp.Flags()
	f.StringVar(&opt.Unit, "unit", "", g.helpLang.T("cli.help.flag.roster.unit"))
	f.BoolVar(&opt.DryRun, "dry-run", false, g.helpLang.T("cli.help.flag.roster.dryrun"))
	f.BoolVar(&opt.SkipInvalid, "skip-invalid", false, g.helpLang.T("cli.help.flag.roster.skip"))
	f.BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.roster.json"))
	f.Int64Var(&undo, "undo", 0, g.helpLang.T("cli.help.flag.roster.undo"))
	cmd.AddCommand(imp)
	cmd.AddCommand(newRosterManageCmds(g)...)
	return cmd
}

type importJSON struct {
	File      string        `json:"file"`
	DryRun    bool          `json:"dry_run"`
	Applied   bool          `json:"applied"`
	Imported  int           `json:"imported"`
	Updated   int           `json:"updated"`
	Unchanged int           `json:"unchanged"`
	Rejected  int           `json:"rejected"`
	ImportID  int64         `json:"import_id,omitempty"`
	Problems  []problemJSON `json:"problems"`
	Warnings  []problemJSON `json:"warnings"`
}

type problemJSON struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func (e *env) importRoster(ctx context.Context, path string, opt attendance.ImportOptions, asJSON bool) error {
	l := e.lang
	if err := checkReadable(l, path); err != nil {
		return err
	}
	r, err := roster.Open(path)
	if err != nil {
		var fe *roster.FileError
		if errors.As(err, &fe) {
			return exitError{1, fe.Format(l)}
		}
		return exitError{1, l.T("cli.roster.open", path, err)}
	}
	defer r.Close()

	bar := newProgressBar(e.errOut, l.T("cli.roster.progress"))
	opt.Progress = bar.update
	res, err := e.att.Import(ctx, r, opt)
	bar.done()
	if err != nil && ctx.Err() != nil {
		return ctx.Err() // ctrl+c: main says so; the transaction wrote nothing
	}
	if err != nil && !errors.Is(err, attendance.ErrRejected) {
		var fe *roster.FileError
		if errors.As(err, &fe) {
			return exitError{1, fe.Format(l)}
		}
		return exitError{1, l.T("cli.roster.failed", path, err)}
	}
	// What the file did, or would have done (attendance's Outcome): a failure (exit 1)
	// names the file, says nothing was imported and what to do; otherwise the counts,
	// as done or as a dry run's.
	var failure, summary string
	switch res.Outcome() {
	case attendance.ImportEmpty:
		failure = l.T("cli.roster.empty", path)
	case attendance.ImportNoValid:
		failure = l.T("cli.roster.novalid", path, res.Rejected)
	case attendance.ImportRefused:
		failure = l.T("cli.roster.would.rejected", path, res.Imported, res.Updated, res.Unchanged, res.Rejected)
	case attendance.ImportDryRun:
		summary = l.T("cli.roster.would", path, res.Imported, res.Updated, res.Unchanged, res.Rejected)
	case attendance.ImportDoneSkipped:
		summary = l.T("cli.roster.done.skipped", path, res.Imported, res.Updated, res.Unchanged, res.Rejected)
	default:
		summary = l.T("cli.roster.done", textvi.Shown(path), res.Imported, res.Updated, res.Unchanged)
	}

	if asJSON {
		out := importJSON{
			File: path, DryRun: opt.DryRun, Applied: res.Applied && !res.Outcome().Failed(), Imported: res.Imported, Updated: res.Updated,
			Unchanged: res.Unchanged, Rejected: res.Rejected, ImportID: res.ImportID, Problems: []problemJSON{}, Warnings: []problemJSON{},
		}
		for _, p := range res.Problems {
			out.Problems = append(out.Problems, problemJSON{Line: p.Line, Message: p.Format(path, l)})
		}
		for _, p := range r.Warnings() {
			out.Warnings = append(out.Warnings, problemJSON{Line: p.Line, Message: p.Format(path, l)})
		}
		if err := writeJSON(e.out, out); err != nil {
			return err
		}
		if failure != "" {
			return exitError{1, failure}
		}
		return nil
	}

	for _, p := range r.Warnings() {
		e.warn(p.Format(path, l))
	}
	for _, p := range res.Problems {
		e.warn(p.Format(path, l))
	}
	if res.Rejected > len(res.Problems) {
		e.warn(l.T("cli.roster.moreproblems", res.Rejected-len(res.Problems)))
	}
	if failure != "" {
		return exitError{1, failure}
	}
	for _, u := range res.UnknownUnits {
		e.warn(l.T("cli.roster.unknownunit", u.Unit, u.Count, u.Unit))
	}
	fmt.Fprintln(e.out, summary)
	if res.ImportID > 0 && res.Imported+res.Updated > 0 {
		fmt.Fprintln(e.out, l.T("cli.roster.import.number", res.ImportID))
	}
	return nil
}

// progressBar draws an import's progress on stderr, only when stderr is a
// terminal and only once the work has lasted longer than a moment.
type progressBar struct {
	w       io.Writer
	label   string
	bar     progress.Model
	started time.Time
	last    time.Time
	shown   bool
	on      bool
}

func newProgressBar(w io.Writer, label string) *progressBar {
	return &progressBar{
		w: w, label: label, bar: progress.New(progress.WithWidth(40)), started: time.Now(),
		on: isTerminal(w),
	}
}

func (p *progressBar) update(done, total int64) {
	if !p.on || total <= 0 {
		return
	}
	now := time.Now()
	if now.Sub(p.started) < 300*time.Millisecond || now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last, p.shown = now, true
	fmt.Fprintf(p.w, "\r%s %s", p.label, p.bar.ViewAs(min(float64(done)/float64(total), 1)))
}

func (p *progressBar) done() {
	if p.shown {
		fmt.Fprintf(p.w, "\r%s %s\n", p.label, p.bar.ViewAs(1))
	}
}
