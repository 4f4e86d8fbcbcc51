package main

import (
	"briefing/internal/session"
	"briefing/internal/tui"
	"github.com/spf13/cobra"
)

func newDeskCmd(g *globals) *cobra.Command {
	var sessionID string
	cmd := &cobra.Command{
		Use:   "desk",
		Short: g.helpLang.T("cli.help.cmd.desk"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				opts, err := e.tuiOptions(g)
				if err != nil {
					return err
				}
				if sessionID != "" {
					s, err := e.openSession(ctx, sessionID)
					if err != nil {
						return err
					}
					return tui.Run(tui.NewDesk(opts, s))
				}
				open, err := e.svc.Current(ctx)
				if err != nil {
					return err
				}
				if open != nil {
					return tui.Run(tui.NewDesk(opts, *open))
				}
				// No session yet: the clerk starts one (the form), then the desk opens.
				decks, err := e.usableDecks()
				if err != nil {
					return err
				}
				info := session.Info{}
				e.fillUnit(ctx, &info)
				return tui.Run(tui.NewDeskStart(opts, decks, info))
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	return cmd
}
