package main

import (
	"briefing/internal/textvi"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/paper"

	"github.com/spf13/cobra"
)

func newDeckCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "deck", Short: g.helpLang.T("cli.help.cmd.deck")}
	cmd.AddCommand(newDeckCheckCmd(g), newDeckListCmd(g), newDeckRenderCmd(g))
	return cmd
}

func newDeckCheckCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "check PATH...",
		Short: g.helpLang.T("cli.help.cmd.deck.check"),
		Args:  argsMin(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, out := g.language(), cmd.OutOrStdout()
			failed := false
			var lib []deck.Entry
			for _, path := range expandDecks(args) {
				data, err := deck.ReadFile(path)
				// Not a file: a deck id, as deck list shows it and deck render takes it.
				if errors.Is(err, fs.ErrNotExist) {
					if lib == nil {
						lib = library(dataDir(g), nil)
					}
					if entry, ferr := deck.Find(lib, path); ferr == nil {
						path, data, err = entry.Deck.Source, []byte(entry.Deck.Text), nil
					}
				}
				shown := deck.ShownPath(path)
				if err != nil {
					fmt.Fprintf(out, "%s:1: %s\n", shown, lang.T("cli.deck.read", shown, deckReadReason(lang, err)))
					failed = true
					continue
				}
				d, problems := deck.Check(path, data)
				for _, p := range problems {
					fmt.Fprintln(out, p.Format(path, lang))
				}
				if deck.HasErrors(problems) {
					failed = true
				} else if d != nil {
					fmt.Fprintln(out, lang.T("deck.check.ok", shown, len(d.Slides)))
				}
			}
			if failed {
				return exitError{code: 1}
			}
			return nil
		},
	}
}

// expandDecks turns directories into the .md files they hold.
func expandDecks(args []string) []string {
	var out []string
	for _, a := range args {
		if st, err := os.Stat(a); err == nil && st.IsDir() {
			files, _ := filepath.Glob(filepath.Join(a, "*.md"))
			out = append(out, files...)
			continue
		}
		out = append(out, a)
	}
	return out
}

// deckInfo is a deck as deck list --json prints it.
type deckInfo struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Label    string `json:"version_label,omitempty"`
	Version  string `json:"version"`
	Slides   int    `json:"slides"`
	Duration int    `json:"duration_min,omitempty"`
	Source   string `json:"source"`
	Errors   int    `json:"errors"`
}

func newDeckListCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: g.helpLang.T("cli.help.cmd.deck.list"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			lang := g.language()
			lib := library(dataDir(g), nil)
			infos := make([]deckInfo, 0, len(lib))
			for _, e := range lib {
				errs := 0
				for _, p := range e.Problems {
					if p.Severity == deck.Error {
						errs++
					}
				}
				infos = append(infos, deckInfo{
					ID: e.Deck.Meta.ID, Title: e.Deck.Meta.Title, Label: e.Deck.Meta.Version,
					Version: e.Deck.Version, Slides: len(e.Deck.Slides), Duration: e.Deck.Meta.Duration,
					Source: deck.ShownPath(e.Deck.Source), Errors: errs,
				})
			}
			if asJSON {
				return writeJSON(cmd.OutOrStdout(), infos)
			}
			t := newTable(cmd.OutOrStdout())
			t.line(lang.T("deck.list.header"))
			for _, d := range infos {
				version := d.Version
				if d.Label != "" {
					version = d.Label + " (" + d.Version + ")"
				}
				t.rowf("%s\t%s\t%s\t%d\t%s", d.ID, d.Title, version, d.Slides, d.Source)
			}
			return t.flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	return cmd
}

func newDeckRenderCmd(g *globals) *cobra.Command {
	var width, slide int
	var notes bool
	var format, outFile string
	cmd := &cobra.Command{
		Use:   "render DECK",
		Short: g.helpLang.T("cli.help.cmd.deck.render"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, out := g.language(), cmd.OutOrStdout()
			if width != 0 && !deck.ValidWidth(width) {
				return exitError{1, lang.T("cli.deck.width", width, deck.MinRenderWidth, deck.MaxRenderWidth)}
			}
			e := newEnv(cmd, lang, dataDir(g))
			if strings.EqualFold(strings.TrimSpace(format), "text") {
				format = "txt"
			}
			format, err := paperFormat(e, format, cmd.Flags().Changed("format"), outFile, []string{"txt", "pdf"}, "cli.deck.format", "cli.deck.badext")
			if err != nil {
				return err
			}
			if err := checkPaperOut(e, outFile, format, "tai-lieu"); err != nil {
				return err
			}
			d, err := e.presentable(args[0])
			if err != nil {
				return err
			}
			first, last := 0, len(d.Slides)-1
			if slide != 0 {
				if slide < 1 || slide > len(d.Slides) {
					return exitError{1, lang.T("deck.slide.outofrange", slide, len(d.Slides))}
				}
				first, last = slide-1, slide-1
			}
			var buf bytes.Buffer
			if format == "pdf" {
				picked := *d
				picked.Slides = d.Slides[first : last+1]
				if err := paper.WritePDF(&buf, deck.HandoutDoc(&picked, notes, lang)); err != nil {
					return err
				}
			} else if err := renderText(&buf, g, d, first, last, width, notes, lang, outFile == "" && isTerminal(out), out); err != nil {
				return err
			}
			wrote, err := writePaperOut(e, outFile, buf.Bytes())
			if err != nil || !wrote {
				return err
			}
			fmt.Fprintln(e.errOut, lang.T("cli.deck.done", textvi.Shown(outFile), last-first+1))
			return nil
		},
	}
	cmd.Flags().IntVar(&width, "width", 0, g.helpLang.T("cli.help.flag.deck.render.width"))
	cmd.Flags().IntVar(&slide, "slide", 0, g.helpLang.T("cli.help.flag.deck.render.slide"))
	cmd.Flags().BoolVar(&notes, "notes", false, g.helpLang.T("cli.help.flag.deck.render.notes"))
	cmd.Flags().StringVar(&format, "format", "", g.helpLang.T("cli.help.flag.deck.render.format"))
	cmd.Flags().StringVarP(&outFile, "output", "o", "", g.helpLang.T("cli.help.flag.paper.output"))
	return cmd
}

// renderText writes slides first to last as the terminal shows them (in
// colour on a terminal tty), each followed by its notes when notes is set.
func renderText(w io.Writer, g *globals, d *deck.Deck, first, last, width int, notes bool, lang i18n.Lang, tty bool, out io.Writer) error {
	if width <= 0 {
		width = 80
		if tty {
			width = min(terminalWidth(out, 80), deck.MaxRenderWidth)
		}
	}
	style := deck.Dark
	switch {
	case !tty || g.getenv("NO_COLOR") != "":
		style = deck.Plain
	case g.theme == "light":
		style = deck.Light
	case g.theme == "high-contrast":
		style = deck.HighContrast
	}
	r, err := deck.NewRenderer(width, style)
	if err != nil {
		return err
	}
	for i := first; i <= last; i++ {
		text, err := r.Render(d.Slides[i].Body())
		if err != nil {
			return err
		}
		if first != last {
			fmt.Fprintln(w, separator(i+1, len(d.Slides), r.Width))
		}
		fmt.Fprintln(w, text)
		if notes {
			if n := deck.HandoutNotes(d.Slides[i], r.Width, lang); n != "" {
				fmt.Fprintln(w, n)
			}
		}
	}
	return nil
}

// separator is the line between slides in a handout: "── 3/25 ────…", width columns.
func separator(n, total, width int) string {
	label := fmt.Sprintf("── %d/%d ", n, total)
	return label + strings.Repeat("─", max(width-len([]rune(label)), 0))
}

// deckReadReason says in l why a deck file could not be read.
func deckReadReason(l i18n.Lang, err error) any {
	switch {
	case errors.Is(err, deck.ErrNotAFile):
		return l.T("cli.deck.notfile")
	case errors.Is(err, deck.ErrTooLarge):
		return l.T("cli.deck.toolarge", deck.MaxFileBytes>>20)
	case errors.Is(err, fs.ErrNotExist):
		return l.T("cli.deck.missing")
	}
	return pathErrorReason(err)
}
