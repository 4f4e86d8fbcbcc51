package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"briefing/internal/hub"
	"briefing/internal/i18n"
	"briefing/internal/record"
	"briefing/internal/textvi"

	"github.com/spf13/cobra"
)

func newHubQuestionsCmd(h *hubFlags) *cobra.Command {
	var status string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "questions",
		Short: h.g.helpLang.T("cli.help.cmd.hub.questions"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			l := h.g.language()
			if status != "" {
				st, ok := record.ParseQuestionStatus(status)
				if !ok {
					return exitError{2, l.T("hub.questions.bad", status)}
				}
				status = string(st)
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				qs, err := st.Questions(cmd.Context(), status)
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(out, append([]hub.Question{}, qs...))
				}
				if len(qs) == 0 {
					fmt.Fprintln(out, l.T("hub.questions.none"))
					return nil
				}
				cat, err := st.Catalog(cmd.Context())
				if err != nil {
					return err
				}
				tw := newTable(out).fitTerminal()
				tw.line(l.T("hub.questions.head"))
				now := time.Now()
				for _, q := range qs {
					wait := ""
					if q.Status == string(record.Forwarded) && q.ForwardedAt != nil {
						wait = fmt.Sprint(int(now.Sub(*q.ForwardedAt).Hours() / 24))
					}
					tw.rowf("%s\t%s\t%d\t%s\t%s\t%s\t%s\n", q.ID, cat.Name(q.Unit), q.Number, l.QuestionStatus(record.QuestionStatus(q.Status)),
						textvi.FieldText(l.Destination(record.Destination(q.ForwardedTo))), wait, textvi.FieldText(q.Text))
				}
				return tw.flush()
			})
		},
	}
	cmd.Flags().StringVar(&status, "status", "", h.g.helpLang.T("cli.help.flag.hub.status"))
	cmd.Flags().BoolVar(&asJSON, "json", false, h.g.helpLang.T("cli.help.flag.hub.json"))
	return cmd
}

func newHubAnswerCmd(h *hubFlags) *cobra.Command {
	var text, by string
	var replace bool
	cmd := &cobra.Command{
		Use:   "answer ID --text T",
		Short: h.g.helpLang.T("cli.help.cmd.hub.answer"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := h.g.language()
			if strings.TrimSpace(text) == "" {
				return exitError{2, l.T("hub.answer.empty")}
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				q, err := st.Answer(cmd.Context(), args[0], strings.TrimSpace(text), strings.TrimSpace(by), replace, time.Now())
				switch {
				case errors.Is(err, hub.ErrAnswered):
					return exitError{1, l.T("hub.answer.answered", q.ID, textvi.FieldText(firstNonEmpty(q.AnsweredBy, "?")), textvi.FieldText(q.Answer))}
				case errors.Is(err, hub.ErrNotFound):
					return exitError{1, l.T("hub.answer.unknown", args[0])}
				case errors.Is(err, hub.ErrNotForwarded):
					return exitError{1, l.T("hub.answer.notforwarded", args[0])}
				case errors.Is(err, hub.ErrSameAnswer):
					fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.answer.same", q.ID))
					return nil
				}
				if err != nil {
					return err
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.answer.done", q.ID))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&text, "text", "", h.g.helpLang.T("cli.help.flag.hub.text"))
	cmd.Flags().StringVar(&by, "by", "", h.g.helpLang.T("cli.help.flag.hub.by"))
	cmd.Flags().BoolVar(&replace, "replace", false, h.g.helpLang.T("cli.help.flag.hub.replace"))
	return cmd
}
