package main

// The "briefing question" commands: the desk's question actions without the TUI, for scripts
// and tests. The rules (numbering, statuses, history, limits) are the questions package's;
// this file reads flags, resolves a REF and prints one line of what happened.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/textvi"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
)

func newQuestionCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "question", Short: g.helpLang.T("cli.help.cmd.question")}
	// A mistyped flag is a usage error like the commands' own: exit 2, not 1.
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return exitError{2, g.helpLang.T("cli.question.flag", flagErrorText(g.helpLang, err), c.CommandPath())}
	})
	cmd.AddCommand(newQuestionAddCmd(g), newQuestionListCmd(g), newQuestionShowCmd(g), newQuestionEditCmd(g),
		newQuestionAnswerCmd(g), newQuestionForwardCmd(g), newQuestionPinCmd(g), newQuestionUnpinCmd(g))
	return cmd
}

// oneRef takes exactly one REF; anything else is a usage error.
func oneRef(g *globals) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != 1 {
			return exitError{2, g.language().T("cli.question.ref.usage", cmd.CommandPath())}
		}
		return nil
	}
}

// noArgs refuses arguments with a usage error: a question text given without --text
// would otherwise be lost.
func noArgs(g *globals) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return exitError{2, g.language().T("cli.question.noargs", cmd.CommandPath(), args[0])}
		}
		return nil
	}
}

// askerFlags are who asked, as add and edit take them.
type askerFlags struct {
	name, unit string
	anonymous  bool
}

func (a *askerFlags) register(g *globals, cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringVar(&a.name, "asker", "", g.helpLang.T("cli.help.flag.question.asker"))
	f.StringVar(&a.unit, "asker-unit", "", g.helpLang.T("cli.help.flag.question.askerunit"))
	f.BoolVar(&a.anonymous, "anonymous", false, g.helpLang.T("cli.help.flag.question.anonymous"))
}

// conflict is the usage error of a name given together with --anonymous.
func (a askerFlags) conflict(l i18n.Lang) error {
	if a.anonymous && strings.TrimSpace(a.name) != "" {
		return exitError{2, l.T("cli.question.asker.both")}
	}
	return nil
}

func newQuestionAddCmd(g *globals) *cobra.Command {
	var sessionID, text string
	var slide int
	var press bool
	var who askerFlags
	cmd := &cobra.Command{
		Use:   "add --text TEXT",
		Short: g.helpLang.T("cli.help.cmd.question.add"),
		Args:  noArgs(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := g.language()
			fl := cmd.Flags()
			if !fl.Changed("text") {
				return exitError{2, l.T("cli.question.text.missing")}
			}
			if err := who.conflict(l); err != nil {
				return err
			}
			if fl.Changed("asker-unit") && strings.TrimSpace(who.name) == "" {
				return exitError{2, l.T("cli.question.unit.noname")}
			}
			return withEnv(g, func(e *env) error {
				s, err := e.targetSession(sessionID)
				if err != nil {
					return err
				}
				d := questions.Draft{Slide: questions.FromScreen, AskerName: who.name, AskerUnit: who.unit, Press: press}
				if fl.Changed("slide") {
					// Checked here: slide 0 would read as "the slide on screen".
					if slide < 1 || slide > s.Deck.Slides {
						return exitError{1, "--slide: " + e.lang.T("questions.err.slide", slide, s.Deck.Slides)}
					}
					d.Slide = slide - 1
				}
				if d.Text, err = e.textFlag(text); err != nil {
					return err
				}
				q, err := e.qs.Add(context.Background(), s.ID, d)
				if err != nil {
					return e.questionError(err)
				}
				fmt.Println(e.lang.T("cli.question.added", q.Number, q.Slide+1))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	f.StringVar(&text, "text", "", g.helpLang.T("cli.help.flag.question.text"))
	f.IntVar(&slide, "slide", 0, g.helpLang.T("cli.help.flag.question.slide"))
	f.BoolVar(&press, "press", false, g.helpLang.T("cli.help.flag.question.press"))
	who.register(g, cmd)
	return cmd
}

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
			return withEnv(g, func(e *env) error {
				ctx := context.Background()
				s, err := e.targetSession(sessionID)
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
					return printJSON(out)
				}
				filtered := filter.Status != "" || filter.Slide != questions.AnySlide || filter.Query != ""
				switch {
				case len(list) == 0 && filtered:
					fmt.Println(e.lang.T("cli.question.list.nomatch", len(all)))
					return nil
				case len(list) == 0:
					fmt.Println(e.lang.T("cli.question.list.none"))
					return nil
				}
				e.printQuestionTable(os.Stdout, list, pinned, outputWidth())
				c := questions.CountOf(list)
				line := e.lang.T("cli.question.list.counts", c.Total(), c.Open, c.Answered, c.Forwarded, c.AnsweredLater)
				if filtered {
					line += e.lang.T("cli.question.list.filtered", len(all))
				}
				fmt.Println(line)
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

func newQuestionShowCmd(g *globals) *cobra.Command {
	var sessionID string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show REF",
		Short: g.helpLang.T("cli.help.cmd.question.show"),
		Args:  oneRef(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(g, func(e *env) error {
				ctx := context.Background()
				q, err := e.findQuestion(cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				history, err := e.qs.History(ctx, q.ID)
				if err != nil {
					return err
				}
				pinned, err := e.qs.Pinned(ctx, q.SessionID)
				if err != nil {
					return err
				}
				if asJSON {
					out := toQuestionJSON(q, pinned)
					out.Versions = make([]questionVersionJSON, 0, len(history))
					for _, v := range history {
						out.Versions = append(out.Versions, questionVersionJSON{
							Version: v.Version, Slide: v.Slide + 1, Text: v.Text, AskerName: v.AskerName,
							AskerUnit: v.AskerUnit, Press: v.Press, Status: string(v.Status), Answer: v.Answer,
							AnsweredBy: v.AnsweredBy, ForwardedTo: string(v.ForwardedTo), SavedAt: v.SavedAt.UTC(),
						})
					}
					return printJSON(out)
				}
				e.printQuestion(os.Stdout, q, pinned == q.ID, history)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session.ref"))
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.question.showjson"))
	return cmd
}

func newQuestionEditCmd(g *globals) *cobra.Command {
	var sessionID, text string
	var slide int
	var press bool
	var who askerFlags
	cmd := &cobra.Command{
		Use:   "edit REF [--text T] [--slide K] [--asker NAME --asker-unit U | --anonymous] [--press=false]",
		Short: g.helpLang.T("cli.help.cmd.question.edit"),
		Args:  oneRef(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := g.language()
			fl := cmd.Flags()
			changed := false
			for _, name := range []string{"text", "slide", "asker", "asker-unit", "anonymous", "press"} {
				changed = changed || fl.Changed(name)
			}
			if !changed {
				return exitError{2, l.T("cli.question.edit.nothing")}
			}
			if err := who.conflict(l); err != nil {
				return err
			}
			return withEnv(g, func(e *env) error {
				q, err := e.findQuestion(cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				d := questions.Draft{Text: q.Text, Slide: q.Slide, AskerName: q.AskerName, AskerUnit: q.AskerUnit,
					AskerPersonID: q.AskerPersonID, Press: q.Press}
				if fl.Changed("text") {
					if d.Text, err = e.textFlag(text); err != nil {
						return err
					}
				}
				if fl.Changed("slide") {
					s, err := e.getSession(q.SessionID)
					if err != nil {
						return err
					}
					if slide < 1 || slide > s.Deck.Slides {
						return exitError{1, "--slide: " + e.lang.T("questions.err.slide", slide, s.Deck.Slides)}
					}
					d.Slide = slide - 1
				}
				if fl.Changed("asker") && strings.TrimSpace(who.name) != q.AskerName {
					// A name typed here is not the person the desk picked from those checked in.
					d.AskerName, d.AskerPersonID = who.name, ""
				}
				if fl.Changed("asker-unit") {
					d.AskerUnit = who.unit
				}
				if who.anonymous {
					d.AskerName, d.AskerUnit, d.AskerPersonID = "", "", ""
				}
				if fl.Changed("asker-unit") && strings.TrimSpace(d.AskerName) == "" {
					return exitError{2, e.lang.T("cli.question.unit.noname")}
				}
				if fl.Changed("press") {
					d.Press = press
				}
				edited, err := e.qs.Edit(context.Background(), q.ID, d)
				if err != nil {
					return e.questionError(err)
				}
				fmt.Println(e.lang.T("cli.question.edited", edited.Number, edited.Version))
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session.ref"))
	f.StringVar(&text, "text", "", g.helpLang.T("cli.help.flag.question.edittext"))
	f.IntVar(&slide, "slide", 0, g.helpLang.T("cli.help.flag.question.editslide"))
	f.BoolVar(&press, "press", false, g.helpLang.T("cli.help.flag.question.editpress"))
	who.register(g, cmd)
	return cmd
}

func newQuestionAnswerCmd(g *globals) *cobra.Command {
	var sessionID, text, by string
	cmd := &cobra.Command{
		Use:   "answer REF --text T [--by NAME]",
		Short: g.helpLang.T("cli.help.cmd.question.answer"),
		Args:  oneRef(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("text") {
				return exitError{2, g.language().T("cli.question.text.missing")}
			}
			return withEnv(g, func(e *env) error {
				q, err := e.findQuestion(cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				answer, err := e.textFlag(text)
				if err != nil {
					return err
				}
				q, err = e.qs.Answer(context.Background(), q.ID, answer, by)
				if err != nil {
					return e.questionError(err)
				}
				status := e.lang.QuestionStatus(q.Status)
				if q.AnsweredBy == "" {
					fmt.Println(e.lang.T("cli.question.answered.noby", q.Number, status))
				} else {
					fmt.Println(e.lang.T("cli.question.answered", q.Number, status, textvi.Printable(q.AnsweredBy)))
				}
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session.ref"))
	f.StringVar(&text, "text", "", g.helpLang.T("cli.help.flag.question.answer"))
	f.StringVar(&by, "by", "", g.helpLang.T("cli.help.flag.question.by"))
	return cmd
}

func newQuestionForwardCmd(g *globals) *cobra.Command {
	var sessionID, to string
	cmd := &cobra.Command{
		Use:   "forward REF [--to district|spokesperson]",
		Short: g.helpLang.T("cli.help.cmd.question.forward"),
		Args:  oneRef(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			// No --to: the service's default (the spokesperson for a press question).
			dest, ok := questions.ParseDestination(to)
			if !ok && cmd.Flags().Changed("to") {
				return exitError{2, g.language().T("cli.question.to.bad", to)}
			}
			return withEnv(g, func(e *env) error {
				q, err := e.findQuestion(cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				q, err = e.qs.Forward(context.Background(), q.ID, dest)
				if err != nil {
					return e.questionError(err)
				}
				fmt.Println(e.lang.T("cli.question.forwarded", q.Number, e.lang.Destination(q.ForwardedTo), q.Number))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session.ref"))
	cmd.Flags().StringVar(&to, "to", "", g.helpLang.T("cli.help.flag.question.to"))
	return cmd
}

func newQuestionPinCmd(g *globals) *cobra.Command {
	var sessionID string
	cmd := &cobra.Command{
		Use:   "pin REF",
		Short: g.helpLang.T("cli.help.cmd.question.pin"),
		Args:  oneRef(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(g, func(e *env) error {
				q, err := e.findQuestion(cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				if _, err := e.qs.Pin(context.Background(), q.ID); err != nil {
					return e.questionError(err)
				}
				fmt.Println(e.lang.T("cli.question.pinned", q.Number))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session.ref"))
	return cmd
}

func newQuestionUnpinCmd(g *globals) *cobra.Command {
	var sessionID string
	cmd := &cobra.Command{
		Use:   "unpin",
		Short: g.helpLang.T("cli.help.cmd.question.unpin"),
		Args:  noArgs(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(g, func(e *env) error {
				s, err := e.targetSession(sessionID)
				if err != nil {
					return err
				}
				unpinned, err := e.qs.Unpin(context.Background(), s.ID)
				if err != nil {
					return err
				}
				if unpinned {
					fmt.Println(e.lang.T("cli.question.unpinned"))
				} else {
					fmt.Println(e.lang.T("cli.question.unpinned.none"))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	return cmd
}

// findQuestion resolves a REF: a number counted within the session (--session, else this
// device's open session), or the first characters of the question's id.
func (e *env) findQuestion(cmd *cobra.Command, sessionID, ref string) (questions.Question, error) {
	ctx := context.Background()
	ref, n, isNumber := questions.ParseRef(ref)
	if !isNumber && len(ref) < questions.MinIDPrefix {
		return questions.Question{}, exitError{2, e.lang.T("cli.question.ref.usage", cmd.CommandPath())}
	}
	var sid string
	if isNumber {
		s, err := e.sessionOrOpen(sessionID, "cli.question.ref.nosession")
		if err != nil {
			return questions.Question{}, err
		}
		sid = s.ID
	}
	q, err := e.qs.Find(ctx, sid, ref)
	switch {
	case errors.Is(err, questions.ErrAmbiguous):
		return q, exitError{1, e.lang.T("cli.question.ambiguous", ref)}
	case errors.Is(err, questions.ErrNotFound) && isNumber:
		return q, exitError{1, e.lang.T("cli.question.notfound", n)}
	case errors.Is(err, questions.ErrNotFound):
		return q, exitError{1, e.lang.T("cli.question.notfound.id", ref)}
	}
	return q, err
}

// maxStdin bounds what --text - reads: far above anything the limit lets through (10,000
// characters are at most 40,000 bytes), so a wrong file piped in fails at once.
const maxStdin = 1 << 20

// textFlag reads a --text value: "-" is the whole of stdin, for a long question kept in a
// file. Text that is not UTF-8 is refused here, with a hint, rather than stored garbled.
func (e *env) textFlag(v string) (string, error) {
	if v == "-" {
		b, err := io.ReadAll(io.LimitReader(os.Stdin, maxStdin+1))
		if err != nil {
			return "", exitError{1, e.lang.T("cli.question.stdin.read", err)}
		}
		if len(b) > maxStdin {
			return "", exitError{1, e.lang.T("cli.question.stdin.huge", e.lang.Number(maxStdin), e.lang.Number(questions.MaxTextRunes))}
		}
		v = string(b)
	}
	if !utf8.ValidString(v) {
		if name, ok := textvi.DetectLegacy([]byte(v)); ok {
			return "", exitError{1, e.lang.T("cli.question.notutf8.legacy", name)}
		}
		return "", exitError{1, e.lang.T("cli.question.notutf8")}
	}
	return strings.TrimPrefix(v, "\ufeff"), nil // a BOM from Notepad is not part of the text
}

// questionError turns the questions service's refusals into its message, led by the flag
// the value came from (exit 1); any other error stays as it is.
func (e *env) questionError(err error) error {
	msg, ok := questions.Message(e.lang, err)
	if !ok {
		return err
	}
	var fe *questions.FieldError
	if errors.As(err, &fe) {
		flag := map[string]string{"text": "--text", "answer": "--text", "slide": "--slide", "to": "--to"}[fe.Field]
		if flag != "" {
			msg = flag + ": " + msg
		}
	}
	return exitError{1, msg}
}

// outputWidth is the terminal's width, or 100 columns when stdout is a pipe or a file.
func outputWidth() int {
	if term.IsTerminal(os.Stdout.Fd()) {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 100
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

// printQuestion writes one question in full, then every saved version of it.
func (e *env) printQuestion(w io.Writer, q questions.Question, pinned bool, history []questions.Version) {
	l := e.lang
	at := func(t time.Time) string { return t.Local().Format("2006-01-02 15:04:05") }
	indent := func(s string) string { return "    " + strings.ReplaceAll(textvi.Printable(s), "\n", "\n    ") }
	fmt.Fprintln(w, l.T("cli.question.show.title", q.Number, q.Slide+1, l.QuestionStatus(q.Status)))
	fields := [][2]string{
		{l.T("cli.question.show.id"), q.ID},
		{l.T("cli.question.show.session"), q.SessionID},
		{l.T("cli.question.show.asker"), askerLabel(l, q.AskerName, q.AskerUnit, q.Press)},
		{l.T("cli.question.show.asked"), at(q.CreatedAt)},
	}
	if q.ForwardedTo != "" {
		dest := i18n.Sentence(l.Destination(q.ForwardedTo))
		if q.ForwardedAt != nil {
			dest += ", " + at(*q.ForwardedAt)
		}
		fields = append(fields, [2]string{l.T("cli.question.show.forwarded"), dest})
	}
	if q.Answer != "" {
		if q.AnsweredBy != "" {
			fields = append(fields, [2]string{l.T("cli.question.show.answeredby"), textvi.Printable(q.AnsweredBy)})
		}
		if q.AnsweredAt != nil {
			fields = append(fields, [2]string{l.T("cli.question.show.answeredat"), at(*q.AnsweredAt)})
		}
	}
	labelWidth := 0
	for _, f := range fields {
		labelWidth = max(labelWidth, ansi.StringWidth(f[0]))
	}
	for _, f := range fields {
		fmt.Fprintf(w, "  %s:%s %s\n", f[0], strings.Repeat(" ", labelWidth-ansi.StringWidth(f[0])), f[1])
	}
	if pinned {
		fmt.Fprintln(w, "  "+l.T("cli.question.show.pinned"))
	}
	fmt.Fprintln(w, l.T("cli.question.show.text")+":")
	fmt.Fprintln(w, indent(q.Text))
	if q.Answer != "" {
		fmt.Fprintln(w, l.T("cli.question.show.answer")+":")
		fmt.Fprintln(w, indent(q.Answer))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, l.T("cli.question.show.history", len(history)))
	for _, v := range history {
		fmt.Fprintln(w, "  "+l.T("cli.question.show.version", v.Version, at(v.SavedAt), v.Slide+1,
			l.QuestionStatus(v.Status), askerLabel(l, v.AskerName, v.AskerUnit, v.Press)))
		fmt.Fprintln(w, indent(v.Text))
		if v.Answer != "" {
			fmt.Fprintln(w, indent(l.T("cli.question.show.answer")+": "+v.Answer))
		}
	}
}

// questionJSON is a question as --json prints it: slides 1-based, times in UTC (RFC 3339).
type questionJSON struct {
	ID            string                `json:"id"`
	SessionID     string                `json:"session_id"`
	Number        int                   `json:"number"`
	Slide         int                   `json:"slide"`
	Text          string                `json:"text"`
	Anonymous     bool                  `json:"anonymous"`
	AskerName     string                `json:"asker_name"`
	AskerUnit     string                `json:"asker_unit"`
	AskerPersonID string                `json:"asker_person_id"`
	Press         bool                  `json:"press"`
	Status        string                `json:"status"`
	Answer        string                `json:"answer"`
	AnsweredBy    string                `json:"answered_by"`
	AnsweredAt    *time.Time            `json:"answered_at"`
	ForwardedTo   string                `json:"forwarded_to"`
	ForwardedAt   *time.Time            `json:"forwarded_at"`
	Pinned        bool                  `json:"pinned"`
	Version       int                   `json:"version"`
	CreatedAt     time.Time             `json:"created_at"`
	UpdatedAt     time.Time             `json:"updated_at"`
	Versions      []questionVersionJSON `json:"versions,omitempty"`
}

// questionVersionJSON is one saved state, as show --json prints it.
type questionVersionJSON struct {
	Version     int       `json:"version"`
	Slide       int       `json:"slide"`
	Text        string    `json:"text"`
	AskerName   string    `json:"asker_name"`
	AskerUnit   string    `json:"asker_unit"`
	Press       bool      `json:"press"`
	Status      string    `json:"status"`
	Answer      string    `json:"answer"`
	AnsweredBy  string    `json:"answered_by"`
	ForwardedTo string    `json:"forwarded_to"`
	SavedAt     time.Time `json:"saved_at"`
}

func toQuestionJSON(q questions.Question, pinned string) questionJSON {
	utc := func(t *time.Time) *time.Time {
		if t == nil {
			return nil
		}
		u := t.UTC()
		return &u
	}
	return questionJSON{
		ID: q.ID, SessionID: q.SessionID, Number: q.Number, Slide: q.Slide + 1, Text: q.Text,
		Anonymous: q.Anonymous(), AskerName: q.AskerName, AskerUnit: q.AskerUnit, AskerPersonID: q.AskerPersonID,
		Press: q.Press, Status: string(q.Status), Answer: q.Answer, AnsweredBy: q.AnsweredBy,
		AnsweredAt: utc(q.AnsweredAt), ForwardedTo: string(q.ForwardedTo), ForwardedAt: utc(q.ForwardedAt),
		Pinned: pinned != "" && pinned == q.ID, Version: q.Version, CreatedAt: q.CreatedAt.UTC(), UpdatedAt: q.UpdatedAt.UTC(),
	}
}
