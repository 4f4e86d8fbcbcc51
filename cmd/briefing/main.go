// Command briefing presents decks on Resolution 57-NQ/TW and records the sessions offline.
// This file only wires commands to the internal packages.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"briefing/internal/i18n"
	"github.com/spf13/cobra"
)

// exitError carries a message already printed (or to print) and the exit code.
type exitError struct {
	code int
	msg  string
}

func (e exitError) Error() string { return e.msg }

func main() {
	root := newRoot(helpLanguage(os.Args[1:]))
	if err := root.Execute(); err != nil {
		var ee exitError
		if errors.As(err, &ee) {
			if ee.msg != "" {
				fmt.Fprintln(os.Stderr, ee.msg)
			}
			os.Exit(ee.code)
		}
		fmt.Fprintln(os.Stderr, "briefing:", err)
		os.Exit(1)
	}
}

// globals are the flags every command takes, and the language of the help.
type globals struct {
	data  string
	lang  string
	theme string

	helpLang i18n.Lang // of descriptions and flag usages, set before the flags are parsed

	root      *cobra.Command // whose flags say whether --lang and --data were given
	envWarned bool           // the warning about an unknown $BRIEFING_LANG is printed
}

// given: the global flag name was on the command line (even with an empty value).
func (g *globals) given(name string) bool {
	if g.root == nil {
		return false
	}
	f := g.root.PersistentFlags().Lookup(name)
	return f != nil && f.Changed
}

// language is the interface language (chooseLang). An unknown $BRIEFING_LANG is said
// once on stderr; an unknown --lang is refused by check, before any command runs.
func (g *globals) language() i18n.Lang {
	env := os.Getenv("BRIEFING_LANG")
	l, _, badEnv := chooseLang(g.lang, g.given("lang"), env)
	if badEnv && !g.envWarned && g.root != nil {
		g.envWarned = true
		fmt.Fprintln(g.root.ErrOrStderr(), l.T("cli.lang.env", env))
	}
	return l
}

// check refuses the global flags no command can work with: an unknown --lang, and an
// empty --data (which would otherwise mean the user's own data directory: a script's
// --data "$DIR" with DIR unset must not write there). Exit 2.
func (g *globals) check() error {
	l := g.language()
	if g.badLang() {
		return exitError{2, l.T("cli.lang.bad", g.lang)}
	}
	if g.given("data") && strings.TrimSpace(g.data) == "" {
		return exitError{2, l.T("cli.data.empty")}
	}
	return nil
}

// badLang: --lang was given a language the interface does not have.
func (g *globals) badLang() bool {
	_, bad, _ := chooseLang(g.lang, g.given("lang"), "")
	return bad
}

// chooseLang is the one place the interface language is decided, for the help (from the
// arguments before cobra parses them: helpLanguage) and for the commands (from the parsed
// flag): flag when --lang was given, else env ($BRIEFING_LANG), else Vietnamese. badFlag:
// the --lang given is unknown (the commands refuse it); badEnv: env is set, used and
// unknown (Vietnamese then, with a warning: a variable set long ago must not break a
// script).
func chooseLang(flag string, flagGiven bool, env string) (l i18n.Lang, badFlag, badEnv bool) {
	if flagGiven {
		if l, ok := i18n.Parse(flag); ok {
			return l, false, false
		}
		badFlag = true
	}
	if strings.TrimSpace(env) == "" {
		return i18n.VI, badFlag, false
	}
	l, ok := i18n.Parse(env)
	return l, badFlag, !ok && !badFlag
}

// newRoot builds the commands with their help in helpLang (helpLanguage of the arguments).
func newRoot(helpLang i18n.Lang) *cobra.Command {
	g := &globals{helpLang: helpLang}
	root := &cobra.Command{
		Use:               "briefing",
		Short:             g.helpLang.T("cli.help.cmd.briefing"),
		SilenceUsage:      true,
		SilenceErrors:     true,
		Args:              argsNone(g),
		PersistentPreRunE: func(*cobra.Command, []string) error { return g.check() },
		RunE:              func(cmd *cobra.Command, _ []string) error { return runHome(g) },
	}
	g.root = root
	pf := root.PersistentFlags()
	pf.StringVar(&g.data, "data", "", g.helpLang.T("cli.help.flag.data"))
	pf.StringVar(&g.lang, "lang", "", g.helpLang.T("cli.help.flag.lang"))
	pf.StringVar(&g.theme, "theme", "auto", g.helpLang.T("cli.help.flag.theme"))
	root.AddCommand(newPresentCmd(g), newFollowCmd(g), newDeskCmd(g), newDeckCmd(g), newSessionCmd(g),
		newRosterCmd(g), newCheckinCmd(g), newAttendanceCmd(g), newQuestionCmd(g), newUnitCmd(g))
	root.AddCommand(newEnrollCmd(g), newSyncCmd(g))
	localizeHelp(root, g)
	return root
}
