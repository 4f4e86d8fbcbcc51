package main

// The "briefing question" commands: the desk's question actions without the TUI, for scripts
// and tests. The rules (numbering, statuses, history, limits) are the questions package's;
// these files read flags, resolve a REF and print what happened. This one: the command
// group and what its subcommands share.

import (
	"briefing/internal/field"
	"context"
	"errors"
	"io"
	"strings"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/textvi"
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

// findQuestion resolves a REF: a number counted within the session (--session, else this
// device's open session), or the first characters of the question's id.
func (e *env) findQuestion(ctx context.Context, cmd *cobra.Command, sessionID, ref string) (questions.Question, error) {
	ref, n, isNumber := questions.ParseRef(ref)
	if !isNumber && len(ref) < questions.MinIDPrefix {
		return questions.Question{}, exitError{2, e.lang.T("cli.question.ref.usage", cmd.CommandPath())}
	}
	var sid string
	if isNumber {
		s, err := e.sessionOrOpen(ctx, sessionID, "cli.question.ref.nosession")
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
		b, err := io.ReadAll(io.LimitReader(e.in, maxStdin+1))
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
	var tl *field.TooLongError
	if errors.As(err, &tl) {
		if flag := map[field.Name]string{field.Asker: "--asker", field.AskerUnit: "--asker-unit", field.AnsweredBy: "--by"}[tl.Field]; flag != "" {
			msg = flag + ": " + msg
		}
	}
	return exitError{1, msg}
}

// slideFlag is the 0-based slide of a --slide K (1-based) in a deck of n slides. Checked
// here: slide 0 would read as "the slide on screen" (questions.FromScreen).
func (e *env) slideFlag(k, n int) (int, error) {
	if k < 1 || k > n {
		return 0, exitError{1, "--slide: " + e.lang.T("questions.err.slide", k, n)}
	}
	return k - 1, nil
}
