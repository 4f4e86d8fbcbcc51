package main

import (
	"time"

	"github.com/spf13/cobra"
)

func newAttendanceCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "attendance", Short: g.helpLang.T("cli.help.cmd.attendance")}
	cmd.AddCommand(newAttendanceListCmd(g), newAttendanceSheetCmd(g))
	return cmd
}

// attendeeJSON is a check-in as attendance list --json prints it: the unit as typed,
// and as the catalog names it.
type attendeeJSON struct {
	PersonID    string    `json:"person_id"`
	Name        string    `json:"name"`
	Unit        string    `json:"unit"`
	UnitName    string    `json:"unit_name"`
	Position    string    `json:"position"`
	Group       string    `json:"group"`
	Method      string    `json:"method"`
	CheckedInAt time.Time `json:"checked_in_at"`
}

func newAttendanceListCmd(g *globals) *cobra.Command {
	var sessionID string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: g.helpLang.T("cli.help.cmd.attendance.list"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			return withReadEnv(cmd, g, func(e *env) error {
				s, err := e.targetSession(ctx, sessionID)
				if err != nil {
					return err
				}
				list, err := e.att.Attendees(ctx, s.ID)
				if err != nil {
					return err
				}
				if asJSON {
					out := make([]attendeeJSON, 0, len(list))
					for _, c := range list {
						out = append(out, attendeeJSON{
							PersonID: c.Person.ID, Name: c.Person.Name, Unit: c.Person.Unit, UnitName: e.unitLabel(ctx, c.Person.Unit),
							Position: c.Person.Position, Group: string(c.Person.Group), Method: string(c.Method), CheckedInAt: c.At,
						})
					}
					return writeJSON(e.out, out)
				}
				t := newTable(e.out)
				t.line(e.lang.T("attendance.list.header"))
				for i, c := range list {
					t.rowf("%d\t%s\t%s\t%s\t%s\t%s", i+1, c.Person.Name, e.unitLabel(ctx, c.Person.Unit),
						c.Person.Group.Label(e.lang), c.At.Local().Format("15:04:05"), e.lang.Method(string(c.Method)))
				}
				return t.flush()
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	cmd.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	return cmd
}
