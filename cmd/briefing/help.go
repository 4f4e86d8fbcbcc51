package main

// The command-line help and cobra's own messages in the interface language. Cobra prints
// help (and rejects a mistyped flag) before the flags are parsed, so the language is read
// from the command line first: helpLanguage.

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"

	"briefing/internal/i18n"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpLanguage is the language --lang and $BRIEFING_LANG give, read from args before cobra
// parses them: the last --lang X or --lang=X before "--", like the flag itself, then
// chooseLang as for every command. An unknown language gives Vietnamese here; the commands
// refuse it (globals.check), the help says so (localizeHelp).
func helpLanguage(args []string, getenv func(string) string) i18n.Lang {
	var lang string
	given := false
	for i := 0; i < len(args) && args[i] != "--"; i++ {
		if v, ok := strings.CutPrefix(args[i], "--lang="); ok {
			lang, given = v, true
		} else if args[i] == "--lang" && i+1 < len(args) {
			i++
			lang, given = args[i], true
		}
	}
	l, _, _ := chooseLang(lang, given, getenv("BRIEFING_LANG"))
	return l
}

// writeUsage is cobra's usage (defaultUsageFunc, cobra v1.10) with its words in l. It is Go
// code, not a usage template: text/template calls methods by name, and a program that links
// such a call keeps every exported method of every type in it. Without one the binary is
// 8.5 MB smaller, and the presenter peaks 2.7 MB lower (issue 16, third_party/README.md).
func writeUsage(w io.Writer, l i18n.Lang, c *cobra.Command) error {
	var b strings.Builder
	b.WriteString(l.T("cli.help.tmpl.usage"))
	if c.Runnable() && c.Annotations[groupOnly] == "" {
		b.WriteString("\n  " + strings.ReplaceAll(c.UseLine(), " [flags]", " "+l.T("cli.help.tmpl.flagsword")))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n  " + c.CommandPath() + " " + l.T("cli.help.tmpl.command"))
	}
	if len(c.Aliases) > 0 {
		b.WriteString("\n\n" + l.T("cli.help.tmpl.aliases") + "\n  " + c.NameAndAliases())
	}
	if c.HasExample() {
		b.WriteString("\n\n" + l.T("cli.help.tmpl.examples") + "\n" + c.Example)
	}
	if c.HasAvailableSubCommands() {
		// briefing puts no command in a group (cobra's AddGroup): one list.
		b.WriteString("\n\n" + l.T("cli.help.tmpl.commands"))
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.NamePadding(), sub.Name(), sub.Short)
			}
		}
	}
	flagList := func(fs *pflag.FlagSet) string {
		return strings.ReplaceAll(strings.TrimRightFunc(fs.FlagUsages(), unicode.IsSpace), "(default ", l.T("cli.help.tmpl.default"))
	}
	if c.HasAvailableLocalFlags() {
		b.WriteString("\n\n" + l.T("cli.help.tmpl.flags") + "\n" + flagList(c.LocalFlags()))
	}
	if c.HasAvailableInheritedFlags() {
		b.WriteString("\n\n" + l.T("cli.help.tmpl.global") + "\n" + flagList(c.InheritedFlags()))
	}
	if c.HasHelpSubCommands() {
		b.WriteString("\n\n" + l.T("cli.help.tmpl.topics"))
		for _, sub := range c.Commands() {
			if sub.IsAdditionalHelpTopicCommand() {
				fmt.Fprintf(&b, "\n  %-*s %s", sub.CommandPathPadding(), sub.CommandPath(), sub.Short)
			}
		}
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\n\n" + l.T("cli.help.tmpl.more", c.CommandPath()))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// localizeHelp puts the rest of cobra's help in l, once every command is added: the usage
// template, the help command, every -h/--help, and the errors of a mistyped command line.
// The completion command stays, hidden: it is for shell set-up, not for the clerks, and its
// long per-shell instructions would be a second manual to translate.
//
// A command's -h/--help line is put in l when its help or usage is shown (helpFlagIn), not
// for every command at each start: that walk set up the flags of all of them, which the
// presenter's start paid for nothing (BenchmarkNewRootCmd: 0.45 -> 0.2 ms, 269 -> 137 KB;
// issue 16).
func localizeHelp(root *cobra.Command, g *globals) {
	l := g.helpLang
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SuggestionsMinimumDistance = 2
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return exitError{1, l.T("cli.help.err.see", flagErrorText(l, err), c.CommandPath())}
	})
	// The help runs before the global flags are checked: it still says (on stderr) that
	// --lang or $BRIEFING_LANG names a language the interface does not have.
	help := root.HelpFunc()
	root.SetHelpFunc(func(c *cobra.Command, args []string) {
		if l := g.language(); g.badLang() {
			fmt.Fprintln(c.ErrOrStderr(), l.T("cli.lang.bad", g.lang))
		}
		helpFlagIn(l, c)
		help(c, args)
	})
	root.SetUsageFunc(func(c *cobra.Command) error {
		helpFlagIn(l, c)
		return writeUsage(c.OutOrStderr(), l, c)
	})
	root.InitDefaultHelpCmd()
	for _, c := range root.Commands() {
		if c.Name() != "help" {
			continue
		}
		c.Use, c.Short, c.Long = l.T("cli.help.help.use"), l.T("cli.help.help.short"), l.T("cli.help.help.long")
		// help TOPIC on no such command is a mistake (exit 1), as the
		// command itself would be; cobra printed a line and exited 0.
		c.Run = nil
		c.RunE = func(c *cobra.Command, args []string) error {
			cmd, rest, err := root.Find(args)
			if cmd == nil || err != nil || len(rest) > 0 {
				return exitError{1, l.T("cli.help.err.topic", strings.Join(args, " "))}
			}
			return cmd.Help()
		}
	}
}

// helpFlagIn gives c its -h/--help flag, if cobra has not yet, and says in l what it does.
func helpFlagIn(l i18n.Lang, c *cobra.Command) {
	c.InitDefaultHelpFlag()
	if f := c.Flags().Lookup("help"); f != nil {
		f.Usage = l.T("cli.help.flag.help", c.Name())
	}
}

// flagErrorText says in l what pflag found wrong with a flag.
func flagErrorText(l i18n.Lang, err error) string {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		name, group := notExist.GetSpecifiedName(), notExist.GetSpecifiedShortnames()
		switch {
		case group == "":
			return l.T("cli.help.err.flag", "--"+name)
		case group == name:
			return l.T("cli.help.err.flag", "-"+name)
		}
		return l.T("cli.help.err.shorthand", name, group)
	case errors.As(err, &noValue):
		name := "--" + noValue.GetSpecifiedName()
		if noValue.GetSpecifiedShortnames() != "" {
			name = "-" + noValue.GetSpecifiedName()
		}
		return l.T("cli.help.err.value", name)
	case errors.As(err, &invalid) && errors.Is(err, errRepeated):
		return l.T("cli.help.err.repeated", "--"+invalid.GetFlag().Name)
	case errors.As(err, &invalid):
		want := invalid.GetFlag().Value.Type()
		if want == "int" || want == "bool" {
			want = l.T("cli.help.err.type." + want)
		}
		return l.T("cli.help.err.invalid", invalid.GetValue(), "--"+invalid.GetFlag().Name, want)
	case errors.As(err, &syntax):
		return l.T("cli.help.err.syntax", syntax.GetSpecifiedFlag())
	}
	return err.Error()
}

// The positional-argument checks of cobra (NoArgs, ExactArgs, ...) with their errors in the
// interface language; a mistake on the command line exits 1, as cobra's own did.

// groupOnly marks a command that only groups others (session, deck, hub...): its usage has
// no line of its own.
const groupOnly = "briefing/group"

// groupsRefuseUnknown makes each command under c that only groups others refuse an argument
// that names none of them, as briefing itself does (argsNone), and show its help without
// one. cobra showed the help and exited 0, so a script never saw `briefing session lst` fail.
func groupsRefuseUnknown(c *cobra.Command, g *globals) {
	for _, sub := range c.Commands() {
		groupsRefuseUnknown(sub, g)
	}
	if !c.HasSubCommands() || c.Runnable() {
		return
	}
	c.Args = argsNone(g)
	c.SuggestionsMinimumDistance = 2 // as the root's: "lst" suggests list
	c.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	if c.Annotations == nil {
		c.Annotations = map[string]string{}
	}
	c.Annotations[groupOnly] = "yes"
}

// argsNone: no arguments; on a command with subcommands an argument is a mistyped command.
func argsNone(g *globals) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		l := g.language()
		if !c.HasSubCommands() {
			return exitError{1, l.T("cli.help.err.see", l.T("cli.help.err.args.none", c.CommandPath(), args[0]), c.CommandPath())}
		}
		msg := l.T("cli.help.err.see", l.T("cli.help.err.command", args[0], c.CommandPath()), c.CommandPath())
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg += "\n" + l.T("cli.help.err.suggest", strings.Join(s, ", "))
		}
		return exitError{1, msg}
	}
}

func argsExact(g *globals, n int) cobra.PositionalArgs {
	return argsCount(g, "cli.help.err.args.exact", n, func(got int) bool { return got == n })
}

func argsMax(g *globals, n int) cobra.PositionalArgs {
	return argsCount(g, "cli.help.err.args.max", n, func(got int) bool { return got <= n })
}

func argsMin(g *globals, n int) cobra.PositionalArgs {
	return argsCount(g, "cli.help.err.args.min", n, func(got int) bool { return got >= n })
}

// argsCount refuses a number of arguments ok says no to, naming the ones the command takes
// (its use line after the name, such as FILE or [DECK]).
func argsCount(g *globals, key string, n int, ok func(int) bool) cobra.PositionalArgs {
	return func(c *cobra.Command, args []string) error {
		if ok(len(args)) {
			return nil
		}
		l := g.language()
		_, want, _ := strings.Cut(c.Use, " ")
		return exitError{1, l.T("cli.help.err.see", l.T(key, c.CommandPath(), n, want, len(args)), c.CommandPath())}
	}
}
