package main

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"briefing/internal/hub"
	"briefing/internal/i18n"
	"briefing/internal/textvi"

	"github.com/spf13/cobra"
)

// briefing hub held [--all] [--json], hub held retry, hub held accept ID... : the
// records the hub took from a laptop but held instead of applying.
func newHubHeldCmd(h *hubFlags) *cobra.Command {
	var all, asJSON bool
	cmd := &cobra.Command{
		Use:   "held",
		Short: h.g.helpLang.T("cli.help.cmd.hub.held"),
		Args:  argsNone(h.g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				held, err := st.Held(cmd.Context(), all)
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				if asJSON {
					return writeJSON(out, append([]hub.Held{}, held...))
				}
				if len(held) == 0 {
					fmt.Fprintln(out, l.T("hub.held.none"))
					return nil
				}
				return printHeldTable(cmd, l, held)
			})
		},
	}
	cmd.Flags().BoolVar(&all, "all", false, h.g.helpLang.T("cli.help.flag.hub.held.all"))
	cmd.Flags().BoolVar(&asJSON, "json", false, h.g.helpLang.T("cli.help.flag.hub.json"))
	cmd.AddCommand(newHubHeldReleaseCmd(h, false), newHubHeldReleaseCmd(h, true), newHubHeldDropCmd(h))
	return cmd
}

func printHeldTable(cmd *cobra.Command, l i18n.Lang, held []hub.Held) error {
	tw := newTable(cmd.OutOrStdout()).fitTerminal()
	tw.line(l.T("hub.held.head"))
	for _, x := range held {
		detail := textvi.FieldText(strings.TrimSpace(x.Unit + " " + x.Title))
		if detail == "" && x.SessionID != "" {
			detail = l.T("hub.held.under", x.SessionID)
		}
		if x.ReleasedAt != nil {
			when := x.ReleasedAt.In(hub.VN).Format("02/01/2006")
			if x.ReleasedBy != "" {
				when += ", " + textvi.FieldText(x.ReleasedBy)
			}
			if x.Dropped {
				detail = l.T("hub.held.dropped", when) + " " + detail
			} else {
				detail = l.T("hub.held.released", when) + " " + detail
			}
		}
		tw.rowf("%s\t%s\t%d\t%s\t%s\t%s\n", x.ID, textvi.FieldText(x.DeviceName), x.Seq, textvi.FieldText(l.Entity(x.Entity)),
			l.HeldReason(x.Reason), detail)
	}
	return tw.flush()
}

// newHubHeldReleaseCmd is hub held retry (apply again what passes now) or,
// with accept, hub held accept ID... (the district accepts records held for
// their unit, and what was held under an accepted session).
func newHubHeldReleaseCmd(h *hubFlags, accept bool) *cobra.Command {
	var by string
	cmd := &cobra.Command{
		Use:   "retry",
		Short: h.g.helpLang.T("cli.help.cmd.hub.held.retry"),
		Args:  argsNone(h.g),
	}
	if accept {
		cmd.Use, cmd.Short, cmd.Args = "accept ID...", h.g.helpLang.T("cli.help.cmd.hub.held.accept"), argsMin(h.g, 1)
	}
	cmd.RunE = func(cmd *cobra.Command, ids []string) error {
		return h.open(func(st hub.Store, l i18n.Lang) error {
			released, still, err := st.Release(cmd.Context(), ids, accept, strings.TrimSpace(by), time.Now())
			if err != nil {
				return heldRefError(l, err, ids)
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, l.T("hub.held.released.count", len(released), len(still)))
			if len(still) > 0 {
				if err := printHeldTable(cmd, l, still); err != nil {
					return err
				}
			}
			if left, err := st.Held(cmd.Context(), false); err == nil && len(left) > len(still) {
				fmt.Fprintln(out, l.T("hub.held.left", len(left)))
			}
			return nil
		})
	}
	cmd.Flags().StringVar(&by, "by", "", h.g.helpLang.T("cli.help.flag.hub.held.by"))
	return cmd
}

// newHubHeldDropCmd is hub held drop ID...: the district sets held records
// aside for good (nothing applied), so that they no longer count against the
// laptop's limit.
func newHubHeldDropCmd(h *hubFlags) *cobra.Command {
	var by, deviceRef string
	cmd := &cobra.Command{
		Use:   "drop ID... | --device DEVICE",
		Short: h.g.helpLang.T("cli.help.cmd.hub.held.drop"),
		Args: func(cmd *cobra.Command, args []string) error {
			if deviceRef != "" {
				return argsNone(h.g)(cmd, args)
			}
			return argsMin(h.g, 1)(cmd, args)
		},
		RunE: func(cmd *cobra.Command, ids []string) error {
			return h.open(func(st hub.Store, l i18n.Lang) error {
				if deviceRef != "" {
					dev, err := findDevice(cmd.Context(), st, l, deviceRef)
					if err != nil {
						return err
					}
					n, err := st.DropDevice(cmd.Context(), dev.ID, strings.TrimSpace(by), time.Now())
					if err != nil {
						return err
					}
					fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.held.dropped.count", n))
					return nil
				}
				dropped, err := st.Drop(cmd.Context(), ids, strings.TrimSpace(by), time.Now())
				if err != nil {
					return heldRefError(l, err, ids)
				}
				fmt.Fprintln(cmd.OutOrStdout(), l.T("hub.held.dropped.count", len(dropped)))
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&by, "by", "", h.g.helpLang.T("cli.help.flag.hub.held.by"))
	cmd.Flags().StringVar(&deviceRef, "device", "", h.g.helpLang.T("cli.help.flag.hub.held.device"))
	return cmd
}

// heldRefError says in l that ids name no held record, or more than one.
func heldRefError(l i18n.Lang, err error, ids []string) error {
	switch {
	case errors.Is(err, hub.ErrNotFound):
		return exitError{1, l.T("hub.held.unknown", strings.Join(ids, ", "))}
	case errors.Is(err, hub.ErrAmbiguous):
		return exitError{1, l.T("hub.held.ambiguous", strings.Join(ids, ", "))}
	}
	return err
}
