package main

import (
	"briefing/internal/textvi"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"briefing/internal/i18n"
	"briefing/internal/unit"
	"github.com/spf13/cobra"
)

func newUnitCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "unit", Short: g.helpLang.T("cli.help.cmd.unit")}
	cmd.AddCommand(newUnitListCmd(g), newUnitAddCmd(g), newUnitAliasCmd(g), newUnitMergeCmd(g))
	return cmd
}

// unitJSON is a catalog unit as --json prints it.
type unitJSON struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Kind       string   `json:"kind"`
	ParentID   string   `json:"parent_id"`
	Parent     string   `json:"parent"`
	Aliases    []string `json:"aliases"`
	MergedInto string   `json:"merged_into"`
}

func newUnitListCmd(g *globals) *cobra.Command {
	var asJSON, unknown bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: g.helpLang.T("cli.help.cmd.unit.list"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withReadEnv(cmd, g, func(e *env) error {
				out := cmd.OutOrStdout()
				units := unit.New(e.store, nil)
				if unknown {
					list, err := units.Unknown(cmd.Context())
					if err != nil {
						return err
					}
					if asJSON {
						return writeJSON(out, append([]unit.Spelling{}, list...))
					}
					return writeUnknownUnits(out, e.lang, list)
				}
				cat, err := units.Catalog(cmd.Context())
				if err != nil {
					return err
				}
				list := unitsToJSON(cat)
				if asJSON {
					return writeJSON(out, list)
				}
				t := newTable(out)
				t.line(e.lang.T("cli.unit.list.header"))
				for _, u := range list {
					name := u.Name
					if u.MergedInto != "" {
						to, _ := cat.Unit(u.MergedInto)
						name += " " + e.lang.T("cli.unit.merged", to.Name)
					}
					t.row(name, e.lang.UnitKind(u.Kind), u.Parent, strings.Join(u.Aliases, "; "))
				}
				return t.flush()
			})
		},
	}
	cmd.Flags().BoolVar(&unknown, "unknown", false, g.helpLang.T("cli.help.flag.unit.unknown"))
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	return cmd
}

func unitsToJSON(cat *unit.Catalog) []unitJSON {
	list := []unitJSON{}
	for _, u := range cat.Units() {
		j := unitJSON{ID: u.ID, Name: u.Name, Kind: u.Kind, ParentID: u.ParentID, Aliases: cat.Aliases(u.ID)}
		if j.Aliases == nil {
			j.Aliases = []string{}
		}
		if p, ok := cat.Unit(u.ParentID); ok {
			j.Parent = p.Name
		}
		if to, ok := cat.MergedInto(u.ID); ok {
			j.MergedInto = to.ID
		}
		list = append(list, j)
	}
	return list
}

func writeUnknownUnits(w io.Writer, l i18n.Lang, list []unit.Spelling) error {
	if len(list) == 0 {
		fmt.Fprintln(w, l.T("cli.unit.unknown.none"))
		return nil
	}
	t := newTable(w)
	t.line(l.T("cli.unit.unknown.header"))
	for _, s := range list {
		t.row(s.Unit, strconv.Itoa(s.Count))
	}
	if err := t.flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, l.T("cli.unit.unknown.hint"))
	return nil
}

func newUnitAddCmd(g *globals) *cobra.Command {
	var kind, parent string
	cmd := &cobra.Command{
		Use:   "add NAME --kind K [--parent P]",
		Short: g.helpLang.T("cli.help.cmd.unit.add"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error {
				u, err := unit.New(e.store, nil).Add(cmd.Context(), args[0], kind, parent)
				if err != nil {
					return unitError(e.lang, err)
				}
				fmt.Fprintln(cmd.OutOrStdout(), e.lang.T("cli.unit.added", shownUnit(u.Name), e.lang.UnitKind(u.Kind)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", "", g.helpLang.T("cli.help.flag.unit.kind"))
	cmd.Flags().StringVar(&parent, "parent", "", g.helpLang.T("cli.help.flag.unit.parent"))
	return cmd
}

func newUnitAliasCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "alias SPELLING UNIT",
		Short: g.helpLang.T("cli.help.cmd.unit.alias"),
		Args:  argsExact(g, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error {
				res, err := unit.New(e.store, nil).Alias(cmd.Context(), args[0], args[1])
				if err != nil {
					return unitError(e.lang, err)
				}
				key := "cli.unit.aliased"
				if res.Already {
					key = "cli.unit.alias.already"
				}
				fmt.Fprintln(cmd.OutOrStdout(), e.lang.T(key, shownUnit(res.Spelling), shownUnit(res.Unit.Name)))
				return nil
			})
		},
	}
}

// shownUnit is a unit's name or spelling as every command prints it: the
// cleaning unit list's table gives its cells (textvi.Shown), so that an echo,
// a note and the list show a name holding control characters the same way.
func shownUnit(s string) string { return textvi.Shown(s) }

func newUnitMergeCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "merge FROM INTO",
		Short: g.helpLang.T("cli.help.cmd.unit.merge"),
		Args:  argsExact(g, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error {
				res, err := unit.New(e.store, nil).Merge(cmd.Context(), args[0], args[1])
				if err != nil {
					return unitError(e.lang, err)
				}
				into := shownUnit(res.Into.Name)
				fmt.Fprintln(cmd.OutOrStdout(), e.lang.T("cli.unit.mergedinto", shownUnit(res.From.Name), into, into,
					res.People, res.Sessions, res.Questions))
				return nil
			})
		},
	}
}

// unitError says what a refused catalog change means and what to do.
func unitError(l i18n.Lang, err error) error {
	var ne *unit.NameError
	if errors.As(err, &ne) {
		switch {
		case errors.Is(err, unit.ErrUnknown):
			return exitError{1, l.T("cli.unit.err.unknown", shownUnit(ne.Spelling))}
		case errors.Is(err, unit.ErrExists):
			return exitError{1, l.T("cli.unit.err.exists", shownUnit(ne.Spelling), shownUnit(ne.Unit.Name))}
		case errors.Is(err, unit.ErrIsUnit):
			return exitError{1, l.T("cli.unit.err.isunit", shownUnit(ne.Spelling), shownUnit(ne.Unit.Name))}
		case errors.Is(err, unit.ErrSame):
			return exitError{1, l.T("cli.unit.err.same", shownUnit(ne.Spelling), shownUnit(ne.Unit.Name))}
		}
	}
	var fe *unit.FieldError
	if errors.As(err, &fe) {
		switch fe.Problem {
		case unit.UnknownKind:
			return exitError{2, l.T("cli.unit.err.kind", textvi.Shown(fe.Value), strings.Join(unit.Kinds, ", "))}
		case unit.TooLong:
			return exitError{2, l.T("cli.unit.err.long", unit.MaxName)}
		}
		return exitError{2, l.T("cli.unit.err.empty", textvi.Shown(fe.Value))}
	}
	return err
}
