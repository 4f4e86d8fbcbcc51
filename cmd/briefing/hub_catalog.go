package main

import (
	"briefing/internal/textvi"
	"errors"
	"fmt"
	"strings"
	"time"

	"briefing/internal/deck"
	"briefing/internal/hub"
	"briefing/internal/i18n"
	"briefing/internal/sync"
	"briefing/internal/unit"

	"github.com/spf13/cobra"
)

func newHubDeckPublishCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "publish FILE",
		Short: h.g.helpLang.T("cli.help.cmd.hub.deck.pub"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			l := h.g.language()
			data, err := deck.ReadFile(args[0])
			if err != nil {
				return exitError{1, fmt.Sprintf("%s: %v", args[0], err)}
			}
			d, problems := deck.Check(args[0], data)
			for _, p := range problems {
				fmt.Fprintln(cmd.ErrOrStderr(), p.Format(args[0], l))
			}
			if d == nil || deck.HasErrors(problems) {
				return exitError{1, l.T("hub.deck.errors", args[0])}
			}
			return h.open(func(st hub.Store, l i18n.Lang) error {
				fd := sync.FeedDeck{ID: d.ID(), Version: deck.VersionOf(data), Title: d.Meta.Title, Source: string(data),
					PublishedAt: time.Now().UTC().Truncate(time.Millisecond)}
				fresh, err := st.PublishDeck(cmd.Context(), fd)
				if err != nil {
					return err
				}
				key := "hub.deck.published"
				if !fresh {
					key = "hub.deck.again"
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T(key, fd.ID, fd.Version))
				return nil
			})
		},
	}
}

// hubUnitError words the catalog's refusals.
func hubUnitError(l i18n.Lang, err error, other string) error {
	var fe *unit.FieldError
	var ne *unit.NameError
	switch {
	case errors.As(err, &fe):
		return exitError{1, l.T("hub.unit.field", fe.Field, textvi.Shown(fe.Value), fe.Problem)}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrUnknown):
		return exitError{1, l.T("hub.unit.unknown", shownUnit(ne.Spelling))}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrExists):
		return exitError{1, l.T("hub.unit.exists", shownUnit(ne.Unit.Name))}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrIsUnit):
		return exitError{1, l.T("hub.unit.isunit", shownUnit(ne.Spelling))}
	case errors.As(err, &ne) && errors.Is(err, unit.ErrSame):
		return exitError{1, l.T("hub.unit.same", shownUnit(ne.Spelling), shownUnit(other))}
	}
	return err
}

func newHubUnitListCmd(h *hubFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.list"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				cat, err := st.Catalog(cmd.Context())
				if err != nil {
					return err
				}
				type row struct {
					ID       string   `json:"id"`
					Name     string   `json:"name"`
					Kind     string   `json:"kind"`
					ParentID string   `json:"parent_id"`
					Aliases  []string `json:"aliases"`
				}
				var rows []row
				for _, u := range cat.Units() {
					rows = append(rows, row{u.ID, u.Name, u.Kind, u.ParentID, append([]string{}, cat.Aliases(u.ID)...)})
				}
				out := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(out, rows)
				}
				tw := newTable(out).fitTerminal()
				for _, r := range rows {
					cells := []string{r.Name, l.UnitKind(r.Kind)}
					if len(r.Aliases) > 0 { // no trailing padding on a unit without aliases
						cells = append(cells, strings.Join(r.Aliases, ", "))
					}
					tw.row(cells...)
				}
				return tw.flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, h.g.helpLang.T("cli.help.flag.hub.json"))
	return cmd
}

func newHubUnitAddCmd(h *hubFlags) *cobra.Command {
	var kind, parent string
	cmd := &cobra.Command{
		Use:   "add NAME",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.add"),
		Args:  argsExact(h.g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				u, err := hub.AddUnit(cmd.Context(), st, args[0], kind, parent, time.Now())
				if err != nil {
					return hubUnitError(l, err, "")
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.unit.added", shownUnit(u.Name)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&kind, "kind", unit.Ward, h.g.helpLang.T("cli.help.flag.hub.kind"))
	cmd.Flags().StringVar(&parent, "parent", "", h.g.helpLang.T("cli.help.flag.hub.parent"))
	return cmd
}

func newHubUnitAliasCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "alias SPELLING UNIT",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.alias"),
		Args:  argsExact(h.g, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				u, already, err := hub.AliasUnit(cmd.Context(), st, args[0], args[1], time.Now())
				if err != nil {
					return hubUnitError(l, err, args[1])
				}
				key := "hub.unit.aliased"
				if already {
					key = "hub.unit.already"
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T(key, shownUnit(args[0]), shownUnit(u.Name)))
				return nil
			})
		},
	}
}

func newHubUnitMergeCmd(h *hubFlags) *cobra.Command {
	return &cobra.Command{
		Use:   "merge FROM INTO",
		Short: h.g.helpLang.T("cli.help.cmd.hub.unit.merge"),
		Args:  argsExact(h.g, 2),
		RunE: func(cmd *cobra.Command, args []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				from, into, err := hub.MergeUnits(cmd.Context(), st, args[0], args[1], time.Now())
				if err != nil {
					return hubUnitError(l, err, args[1])
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.unit.merged", shownUnit(from.Name), shownUnit(into.Name)))
				return nil
			})
		},
	}
}
