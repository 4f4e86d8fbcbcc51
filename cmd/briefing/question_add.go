package main

// briefing question add and question edit.

import (
	"fmt"
	"strings"

	"briefing/internal/questions"
	"github.com/spf13/cobra"
)

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
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				s, err := e.targetSession(ctx, sessionID)
				if err != nil {
					return err
				}
				d := questions.Draft{Slide: questions.FromScreen, AskerName: who.name, AskerUnit: who.unit, Press: press}
				if fl.Changed("slide") {
					if d.Slide, err = e.slideFlag(slide, s.Deck.Slides); err != nil {
						return err
					}
				}
				if d.Text, err = e.textFlag(text); err != nil {
					return err
				}
				q, err := e.qs.Add(ctx, s.ID, d)
				if err != nil {
					return e.questionError(err)
				}
				fmt.Fprintln(e.out, e.lang.T("cli.question.added", q.Number, q.Slide+1))
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
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				q, err := e.findQuestion(ctx, cmd, sessionID, args[0])
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
					s, err := e.getSession(ctx, q.SessionID)
					if err != nil {
						return err
					}
					if d.Slide, err = e.slideFlag(slide, s.Deck.Slides); err != nil {
						return err
					}
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
				edited, err := e.qs.Edit(ctx, q.ID, d)
				if err != nil {
					return e.questionError(err)
				}
				fmt.Fprintln(e.out, e.lang.T("cli.question.edited", edited.Number, edited.Version))
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
