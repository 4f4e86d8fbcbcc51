package main

// briefing question list: a table of a session's questions, or --json.

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/textvi"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

func newQuestionListCmd(g *globals) *cobra.Command {
	var sessionID, status, query string
	var slide int
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: g.helpLang.T("cli.help.cmd.question.list"),
		Args:  noArgs(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := g.language()
			filter := questions.Filter{Slide: questions.AnySlide, Query: strings.TrimSpace(query)}
			if status != "" {
				st, ok := questions.ParseStatus(strings.TrimSpace(status))
				if !ok {
					return exitError{2, l.T("cli.question.status.bad", status)}
				}
				filter.Status = st
			}
			if cmd.Flags().Changed("slide") {
				if slide < 1 {
					return exitError{2, l.T("cli.question.slide.bad", slide)}
				}
				filter.Slide = slide - 1
			}
			ctx := cmd.Context()
			return withReadEnv(cmd, g, func(e *env) error {
				s, err := e.targetSession(ctx, sessionID)
				if err != nil {
					return err
				}
				// One read of the session's questions serves the list and, under a
				// filter, the count of all of them.
				all, err := e.qs.List(ctx, s.ID, questions.Filter{Slide: questions.AnySlide})
				if err != nil {
					return err
				}
				var list []questions.Question
				for _, q := range all {
					if filter.Match(q) {
						list = append(list, q)
					}
				}
				pinned, err := e.qs.Pinned(ctx, s.ID)
				if err != nil {
					return err
				}
				if asJSON {
					out := make([]questionJSON, 0, len(list))
					for _, q := range list {
						out = append(out, toQuestionJSON(q, pinned))
					}
					return writeJSON(e.out, out)
				}
				filtered := filter.Active()
				switch {
				case len(list) == 0 && filtered:
					fmt.Fprintln(e.out, e.lang.T("cli.question.list.nomatch", len(all)))
					return nil
				case len(list) == 0:
					fmt.Fprintln(e.out, e.lang.T("cli.question.list.none"))
					return nil
				}
				e.printQuestionTable(e.out, list, pinned, terminalWidth(e.out, 100))
				c := questions.CountOf(list)
				line := e.lang.T("cli.question.list.counts", c.Total(), c.Open, c.Answered, c.Forwarded, c.AnsweredLater)
				if filtered {
					line += e.lang.T("cli.question.list.filtered", len(all))
				}
				fmt.Fprintln(e.out, line)
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	f.StringVar(&status, "status", "", g.helpLang.T("cli.help.flag.question.status"))
	f.IntVar(&slide, "slide", 0, g.helpLang.T("cli.help.flag.question.onslide"))
	f.StringVar(&query, "query", "", g.helpLang.T("cli.help.flag.question.query"))
	f.BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.question.listjson"))
	return cmd
}

// askerLabel is who asked as lists show it: name and unit, or Ẩn danh; the press marked.
func askerLabel(l i18n.Lang, name, unit string, press bool) string {
	s := l.T("question.anonymous")
	if name != "" {
		s = name
		if unit != "" {
			s += ", " + unit
		}
	}
	if press {
		s += " · " + l.T("cli.question.press")
	}
	return textvi.Printable(s)
}

// oneLine is a text on a single line, for a table cell.
func oneLine(s string) string { return strings.Join(strings.Fields(textvi.Printable(s)), " ") }

// askerColumn is the widest the asker column gets, so that the text keeps most of the line.
const askerColumn = 32

// printQuestionTable writes a header and one line per question. The text column gets what the
// others leave of width and is cut with "…", so a long question never wraps the table.
func (e *env) printQuestionTable(w io.Writer, list []questions.Question, pinned string, width int) {
	l := e.lang
	rows := [][]string{strings.Split(l.T("cli.question.list.header"), "|")}
	for _, q := range list {
		status := l.QuestionStatus(q.Status)
		if q.ID == pinned {
			status += " · " + l.T("cli.question.pinned.mark")
		}
		rows = append(rows, []string{strconv.Itoa(q.Number), strconv.Itoa(q.Slide + 1), status,
			ansi.Truncate(askerLabel(l, q.AskerName, q.AskerUnit, q.Press), askerColumn, "…"), oneLine(q.Text)})
	}
	var widths [4]int
	used := 0
	for i := range widths {
		for _, r := range rows {
			widths[i] = max(widths[i], ansi.StringWidth(r[i]))
		}
		used += widths[i] + 2
	}
	textWidth := max(width-used, 20)
	for _, r := range rows {
		var b strings.Builder
		for i, cell := range r[:4] {
			b.WriteString(cell + strings.Repeat(" ", widths[i]+2-ansi.StringWidth(cell)))
		}
		b.WriteString(ansi.Truncate(r[4], textWidth, "…"))
		fmt.Fprintln(w, b.String())
	}
}
