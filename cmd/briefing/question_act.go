package main

// briefing question answer, forward, pin and unpin: what happens to a question once asked.

import (
	"fmt"

	"briefing/internal/questions"
	"briefing/internal/textvi"
	"github.com/spf13/cobra"
)

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
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				q, err := e.findQuestion(ctx, cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				answer, err := e.textFlag(text)
				if err != nil {
					return err
				}
				q, err = e.qs.Answer(ctx, q.ID, answer, by)
				if err != nil {
					return e.questionError(err)
				}
				status := e.lang.QuestionStatus(q.Status)
				if q.AnsweredBy == "" {
					fmt.Fprintln(e.out, e.lang.T("cli.question.answered.noby", q.Number, status))
				} else {
					fmt.Fprintln(e.out, e.lang.T("cli.question.answered", q.Number, status, textvi.Printable(q.AnsweredBy)))
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
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				q, err := e.findQuestion(ctx, cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				q, err = e.qs.Forward(ctx, q.ID, dest)
				if err != nil {
					return e.questionError(err)
				}
				if _, err := e.store.SyncState(ctx); err == nil {
					// Enrolled: the answer comes back by sync, not typed in.
					fmt.Fprintln(e.out, e.lang.T("cli.question.forwarded.sync", q.Number, e.lang.Destination(q.ForwardedTo)))
					return nil
				}
				fmt.Fprintln(e.out, e.lang.T("cli.question.forwarded", q.Number, e.lang.Destination(q.ForwardedTo), q.Number))
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
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				q, err := e.findQuestion(ctx, cmd, sessionID, args[0])
				if err != nil {
					return err
				}
				if _, err := e.qs.Pin(ctx, q.ID); err != nil {
					return e.questionError(err)
				}
				fmt.Fprintln(e.out, e.lang.T("cli.question.pinned", q.Number))
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
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				s, err := e.targetSession(ctx, sessionID)
				if err != nil {
					return err
				}
				unpinned, err := e.qs.Unpin(ctx, s.ID)
				if err != nil {
					return err
				}
				if unpinned {
					fmt.Fprintln(e.out, e.lang.T("cli.question.unpinned"))
				} else {
					fmt.Fprintln(e.out, e.lang.T("cli.question.unpinned.none"))
				}
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	return cmd
}
