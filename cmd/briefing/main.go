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
	root := newRoot()
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

// globals are the flags every command takes.
type globals struct {
	data  string
	lang  string
	theme string
}

func (g *globals) language() i18n.Lang {
	if g.lang != "" {
		return i18n.Parse(g.lang)
	}
	return i18n.FromEnv()
}

func newRoot() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:           "briefing",
		Short:         "Trình chiếu và ghi nhận buổi tuyên truyền Nghị quyết 57-NQ/TW / Present and record Resolution 57 briefings",
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.NoArgs,
		RunE:          func(cmd *cobra.Command, _ []string) error { return runHome(g) },
	}
	pf := root.PersistentFlags()
	pf.StringVar(&g.data, "data", "", "data directory (default $BRIEFING_DATA or the user's data directory)")
	pf.StringVar(&g.lang, "lang", "", "interface language: vi (default) or en; also $BRIEFING_LANG")
	pf.StringVar(&g.theme, "theme", "auto", "auto, dark, light or high-contrast")
	root.AddCommand(newPresentCmd(g), newFollowCmd(g), newDeskCmd(g), newDeckCmd(g), newSessionCmd(g),
		newRosterCmd(g), newCheckinCmd(g), newAttendanceCmd(g), newQuestionCmd(g))
	return root
}
