package main

// The root command and the flags every command takes. Everything a run reads from
// outside (flags, environment, streams, context) hangs off the command tree newRootCmd
// builds, so that two runs in one process (the tests) share nothing.

import (
	"errors"
	"slices"
	"strings"

	"briefing/internal/i18n"

	"github.com/spf13/cobra"
)

// globals are the flags every command takes, the language of the help, and the
// environment the run reads.
type globals struct {
	data  string
	lang  string
	theme string

	helpLang i18n.Lang               // of descriptions and flag usages, set before the flags are parsed
	getenv   func(key string) string // os.Getenv in main; the tests give their own

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
	env := g.getenv("BRIEFING_LANG")
	l, _, badEnv := chooseLang(g.lang, g.given("lang"), env)
	if badEnv && !g.envWarned && g.root != nil {
		g.envWarned = true
		g.root.PrintErrln(l.T("cli.lang.env", env))
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
	if d := g.getenv("BRIEFING_DATA"); !g.given("data") && d != "" && strings.TrimSpace(d) == "" {
		return exitError{2, l.T("cli.data.env.empty")}
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

// topCommands are briefing's commands by name, in the order of its help. A run whose
// arguments name one builds only that one (newRunCmd): the presenter's start built all
// fourteen, with their flags and help, for nothing (issue 16). TestTopCommands keeps the
// names those of the commands.
var topCommands = []struct {
	name  string
	build func(*globals) *cobra.Command
}{
	{"present", newPresentCmd}, {"follow", newFollowCmd}, {"desk", newDeskCmd}, {"deck", newDeckCmd},
	{"session", newSessionCmd}, {"roster", newRosterCmd}, {"checkin", newCheckinCmd},
	{"attendance", newAttendanceCmd}, {"question", newQuestionCmd}, {"unit", newUnitCmd},
	{"hub", newHubCmd}, {"enroll", newEnrollCmd}, {"sync", newSyncCmd}, {"bundle", newBundleCmd},
}

// newRunCmd is newRootCmd for a run with args: only the command args name, when they
// plainly name one (namedCommand); every command otherwise, so that help, suggestions
// for a mistyped name and completion see them all.
func newRunCmd(args []string, helpLang i18n.Lang, getenv func(string) string) *cobra.Command {
	return buildRoot(namedCommand(args), helpLang, getenv)
}

// namedCommand is the command args name before anything but the global flags, or ""
// when they name none that way (no command, "help", -h, another flag first, "--").
func namedCommand(args []string) string {
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, _, withValue := strings.Cut(strings.TrimPrefix(a, "--"), "=")
		switch {
		case strings.HasPrefix(a, "--") && slices.Contains(globalFlags, name):
			if !withValue {
				i++ // its value
			}
		case strings.HasPrefix(a, "-"):
			return ""
		default:
			for _, c := range topCommands {
				if c.name == a {
					return a
				}
			}
			return ""
		}
	}
	return ""
}

// globalFlags are the flags every command takes, each with a value (buildRoot).
// TestTopCommands keeps them those of the root.
var globalFlags = []string{"data", "lang", "theme"}

// newRootCmd builds the commands for one run, with their help in helpLang (helpLanguage
// of the arguments), reading the environment through getenv.
func newRootCmd(helpLang i18n.Lang, getenv func(string) string) *cobra.Command {
	return buildRoot("", helpLang, getenv)
}

// buildRoot is the root with command only ("": all of them).
func buildRoot(only string, helpLang i18n.Lang, getenv func(string) string) *cobra.Command {
	g := &globals{helpLang: helpLang, getenv: getenv}
	root := &cobra.Command{
		Use:               "briefing",
		Short:             g.helpLang.T("cli.help.cmd.briefing"),
		SilenceUsage:      true,
		SilenceErrors:     true,
		Args:              argsNone(g),
		PersistentPreRunE: func(*cobra.Command, []string) error { return g.check() },
		RunE:              func(cmd *cobra.Command, _ []string) error { return runHome(cmd, g) },
	}
	g.root = root
	pf := root.PersistentFlags()
	// Each global flag once: with --data A --data B, which directory a
	// script meant is anyone's guess.
	pf.Var(&onceString{p: &g.data}, "data", g.helpLang.T("cli.help.flag.data"))
	pf.Var(&onceString{p: &g.lang}, "lang", g.helpLang.T("cli.help.flag.lang"))
	g.theme = "auto"
	pf.Var(&onceString{p: &g.theme}, "theme", g.helpLang.T("cli.help.flag.theme"))
	for _, c := range topCommands {
		if only == "" || c.name == only {
			root.AddCommand(c.build(g))
		}
	}
	onceFlags(root)
	groupsRefuseUnknown(root, g)
	localizeHelp(root, g)
	return root
}

// onceString is a string flag that may be given once.
type onceString struct {
	p   *string
	set bool
}

// errRepeated: a flag given twice.
var errRepeated = errors.New("given twice")

func (o *onceString) String() string {
	if o == nil || o.p == nil {
		return ""
	}
	return *o.p
}

func (o *onceString) Set(v string) error {
	if o.set {
		return errRepeated
	}
	*o.p, o.set = v, true
	return nil
}

func (o *onceString) Type() string { return "string" }
