// Command briefing presents decks on Resolution 57-NQ/TW and records the sessions offline.
// This file only wires commands to the internal packages.
package main

import (
	"errors"
	"fmt"
	"os"

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
}

func (g *globals) language() i18n.Lang {
	if g.lang != "" {
		return i18n.Parse(g.lang)
	}
	return i18n.FromEnv()
}

// newRoot builds the commands with their help in helpLang (helpLanguage of the arguments).
func newRoot(helpLang i18n.Lang) *cobra.Command {
	g := &globals{helpLang: helpLang}
	root := &cobra.Command{
		Use:           "briefing",
		Short:         g.helpLang.T("cli.help.cmd.briefing"),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          argsNone(g),
		RunE:          func(cmd *cobra.Command, _ []string) error { return runHome(g) },
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.data, "data", "", g.helpLang.T("cli.help.flag.data"))
	pf.StringVar(&g.lang, "lang", "", g.helpLang.T("cli.help.flag.lang"))
	pf.StringVar(&g.theme, "theme", "auto", g.helpLang.T("cli.help.flag.theme"))
	root.AddCommand(newPresentCmd(g), newFollowCmd(g), newDeskCmd(g), newDeckCmd(g), newSessionCmd(g),
		newRosterCmd(g), newCheckinCmd(g), newAttendanceCmd(g), newQuestionCmd(g))
	localizeHelp(root, helpLang)
	return root
}
