package main

// briefing question show: one question in full with its history, or --json.

import (
	"fmt"
	"io"
	"strings"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/record"
	"briefing/internal/textvi"
	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
)

func newQuestionShowCmd(g *globals) *cobra.Command {
	var sessionID string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show REF",
		Short: g.helpLang.T("cli.help.cmd.question.show"),
		Args:  oneRef(g),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return withReadEnv(cmd, g, func(e *env) error {
				q, err := e.findQuestion(ctx, cmd, sessionID, args[0])
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
					out.Versions = make([]record.QuestionVersion, 0, len(history))
					for _, v := range history {
						out.Versions = append(out.Versions, versionForJSON(v))
					}
					return writeJSON(e.out, out)
				}
				e.printQuestion(e.out, q, pinned == q.ID, history)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session.ref"))
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.question.showjson"))
	return cmd
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

// questionJSON is a question as --json prints it: the record with its change-log names,
// but slides 1-based (as the user counts them) and times in UTC (RFC 3339), and what the
// record does not say: anonymous, pinned, and for show the versions.
type questionJSON struct {
	record.Question
	Anonymous bool                     `json:"anonymous"`
	Pinned    bool                     `json:"pinned"`
	Versions  []record.QuestionVersion `json:"versions,omitempty"`
}

func toQuestionJSON(q questions.Question, pinned string) questionJSON {
	q.Slide++
	q.AnsweredAt, q.ForwardedAt = utcPtr(q.AnsweredAt), utcPtr(q.ForwardedAt)
	q.CreatedAt, q.UpdatedAt = q.CreatedAt.UTC(), q.UpdatedAt.UTC()
	return questionJSON{Question: q, Anonymous: q.Anonymous(), Pinned: pinned != "" && pinned == q.ID}
}

// versionForJSON is one saved state as show --json prints it: slide 1-based, times in UTC.
func versionForJSON(v questions.Version) record.QuestionVersion {
	v.Slide++
	v.AnsweredAt, v.ForwardedAt = utcPtr(v.AnsweredAt), utcPtr(v.ForwardedAt)
	v.SavedAt = v.SavedAt.UTC()
	return v
}

func utcPtr(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
