package main

import (
	"briefing/internal/tui/theme"
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"briefing/internal/attendance"
	"briefing/internal/cccd"
	"briefing/internal/roster"
	"briefing/internal/search"
	"briefing/internal/session"
	"briefing/internal/textvi"
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
			return withEnv(g, func(e *env) error {
				opts, err := e.tuiOptions(g)
				if err != nil {
					return err
				}
				if sessionID != "" {
					s, err := e.openSession(sessionID)
					if err != nil {
						return err
					}
					return tui.Run(tui.NewDesk(opts, s))
				}
				open, err := e.svc.Current(context.Background())
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
				e.fillUnit(&info)
				return tui.Run(tui.NewDeskStart(opts, decks, info))
			})
		},
	}
	cmd.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	return cmd
}

// openSession finds a session that still takes check-ins.
func (e *env) openSession(id string) (session.Session, error) {
	s, err := e.getSession(id)
	if err != nil {
		return s, err
	}
	if s.EndedAt != nil {
		return s, exitError{1, e.lang.T("cli.session.ended", s.ID, s.Info.Title)}
	}
	return s, nil
}

// targetSession is --session, else this device's open session.
func (e *env) targetSession(id string) (session.Session, error) {
	return e.sessionOrOpen(id, "cli.checkin.nosession")
}

// sessionOrOpen is session id, or with none given this device's open
// session; noneKey is the message when there is no open session.
func (e *env) sessionOrOpen(id, noneKey string) (session.Session, error) {
	if id != "" {
		return e.getSession(id)
	}
	open, err := e.svc.Current(context.Background())
	if err != nil {
		return session.Session{}, err
	}
	if open == nil {
		return session.Session{}, exitError{1, e.lang.T(noneKey)}
	}
	return *open, nil
}

func newCheckinCmd(g *globals) *cobra.Command {
	var sessionID, query, personID, qr string
	var walkIn bool
	var np attendance.NewPerson
	cmd := &cobra.Command{
		Use:   "checkin",
		Short: g.helpLang.T("cli.help.cmd.checkin"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			chosen := 0
			for _, set := range []bool{query != "", personID != "", qr != "", walkIn} {
				if set {
					chosen++
				}
			}
			if chosen != 1 {
				return exitError{2, g.language().T("cli.checkin.usage")}
			}
			return withEnv(g, func(e *env) error {
				s, err := e.targetSession(sessionID)
				if err != nil {
					return err
				}
				ctx := context.Background()
				var c attendance.CheckIn
				switch {
				case query != "" || personID != "":
					var p attendance.Person
					if query != "" {
						p, err = e.findOne(ctx, query)
					} else if p, err = e.att.Person(ctx, personID); errors.Is(err, attendance.ErrNotFound) {
						return exitError{1, e.lang.T("cli.person.notfound", personID)}
					}
					if err != nil {
						return err
					}
					c, err = e.att.CheckIn(ctx, s.ID, p.ID, attendance.ByRoster, false)
					if err != nil {
						return e.checkInError(err)
					}
				case qr != "":
					c, err = e.checkInCard(ctx, s.ID, qr)
					if err != nil {
						return err
					}
				default:
					if same, err := e.att.SamePerson(ctx, np.Name, np.Unit); err == nil && len(same) > 0 {
						warn("%s", e.lang.T("cli.walkin.same", same[0].Name, same[0].Unit, same[0].ID))
					}
					c, err = e.att.RegisterWalkIn(ctx, s.ID, np)
					if err != nil {
						return e.checkInError(err)
					}
				}
				printCheckIn(e, c)
				return nil
			})
		},
	}
	f := cmd.Flags()
	f.StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	f.StringVar(&query, "query", "", g.helpLang.T("cli.help.flag.checkin.query"))
	f.StringVar(&personID, "person", "", g.helpLang.T("cli.help.flag.checkin.person"))
	f.StringVar(&qr, "qr", "", g.helpLang.T("cli.help.flag.checkin.qr"))
	f.BoolVar(&walkIn, "walk-in", false, g.helpLang.T("cli.help.flag.checkin.walkin"))
	f.StringVar(&np.Name, "name", "", g.helpLang.T("cli.help.flag.checkin.name"))
	f.StringVar(&np.Unit, "unit", "", g.helpLang.T("cli.help.flag.checkin.unit"))
	f.StringVar(&np.Group, "group", "", g.helpLang.T("cli.help.flag.checkin.group"))
	f.StringVar(&np.Phone, "phone", "", g.helpLang.T("cli.help.flag.checkin.phone"))
	return cmd
}

// findOne resolves a --query: one match, or the one whose whole name is the query.
func (e *env) findOne(ctx context.Context, query string) (attendance.Person, error) {
	var people []attendance.Person
	index := search.New(0)
	err := e.att.EachPerson(ctx, 0, func(p attendance.Person) error {
		people = append(people, p)
		index.Add(search.Entry{Name: p.Name, Unit: p.Unit, Phone: p.Phone})
		return nil
	})
	if err != nil {
		return attendance.Person{}, err
	}
	hits := index.Search(query, 20)
	if len(hits) == 0 {
		return attendance.Person{}, exitError{1, e.lang.T("cli.checkin.nomatch", query)}
	}
	if len(hits) == 1 {
		return people[hits[0].Index], nil
	}
	var exact []attendance.Person
	for _, h := range hits {
		if p := people[h.Index]; textvi.Fold(p.Name) == textvi.Fold(query) {
			exact = append(exact, p)
		}
	}
	if len(exact) == 1 {
		return exact[0], nil
	}
	var b strings.Builder
	b.WriteString(e.lang.T("cli.checkin.several", query) + "\n")
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	for _, h := range hits {
		p := people[h.Index]
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", p.ID, p.Name, p.Unit, p.Group.Label(e.lang))
	}
	tw.Flush()
	b.WriteString(e.lang.T("cli.checkin.several.hint"))
	return attendance.Person{}, exitError{1, b.String()}
}

// checkInCard checks in the holder of a scanned card, registering them from
// the card when they are not on the roster and their name reads cleanly.
func (e *env) checkInCard(ctx context.Context, sessionID, payload string) (attendance.CheckIn, error) {
	card, err := cccd.Parse(payload)
	if err != nil {
		return attendance.CheckIn{}, exitError{1, e.lang.T("desk.qr.unreadable")}
	}
	fmt.Println(e.lang.T("desk.notice"))
	people, err := e.att.ByCitizenID(ctx, card.Number)
	if err != nil {
		return attendance.CheckIn{}, err
	}
	if len(people) > 0 {
		c, err := e.att.CheckIn(ctx, sessionID, people[0].ID, attendance.ByQR, true)
		if err != nil {
			return c, e.checkInError(err)
		}
		return c, nil
	}
	if !card.NameTrusted {
		return attendance.CheckIn{}, exitError{1, e.lang.T("cli.qr.name", card.Name)}
	}
	c, err := e.att.RegisterWalkIn(ctx, sessionID, attendance.NewPerson{Name: card.Name, CitizenID: card.Number, NoticeShown: true})
	if err != nil {
		return c, e.checkInError(err)
	}
	return c, nil
}

func (e *env) checkInError(err error) error {
	var fe *attendance.FieldError
	switch {
	case errors.Is(err, attendance.ErrEnded):
		return exitError{1, e.lang.T("desk.ended")}
	case errors.As(err, &fe):
		return exitError{2, e.lang.T("walkin.field."+fe.Field, fe.Value)}
	}
	return err
}

func printCheckIn(e *env, c attendance.CheckIn) {
	at := c.At.Local().Format("15:04:05")
	if c.Already {
		fmt.Println(e.lang.T("desk.already", c.Person.Name, theme.UnitSuffix(c.Person.Unit), at))
		return
	}
	fmt.Println(e.lang.T("desk.checkedin", c.Person.Name, theme.UnitSuffix(c.Person.Unit), at))
}

func newAttendanceCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{Use: "attendance", Short: g.helpLang.T("cli.help.cmd.attendance")}
	var sessionID string
	var asJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: g.helpLang.T("cli.help.cmd.attendance.list"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withEnv(g, func(e *env) error {
				s, err := e.targetSession(sessionID)
				if err != nil {
					return err
				}
				list, err := e.att.Attendees(context.Background(), s.ID)
				if err != nil {
					return err
				}
				if asJSON {
					out := make([]attendeeJSON, 0, len(list))
					for _, c := range list {
						out = append(out, attendeeJSON{
							PersonID: c.Person.ID, Name: c.Person.Name, Unit: c.Person.Unit, Position: c.Person.Position,
							Group: string(c.Person.Group), Method: string(c.Method), CheckedInAt: c.At,
						})
					}
					return printJSON(out)
				}
				tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintln(tw, e.lang.T("attendance.list.header"))
				for i, c := range list {
					fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\n", i+1, c.Person.Name, c.Person.Unit,
						c.Person.Group.Label(e.lang), c.At.Local().Format("15:04:05"), e.lang.T("method."+string(c.Method)))
				}
				return tw.Flush()
			})
		},
	}
	list.Flags().StringVar(&sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	list.Flags().BoolVar(&asJSON, "json", false, g.helpLang.T("cli.help.flag.json"))
	cmd.AddCommand(list)
	return cmd
}

type attendeeJSON struct {
	PersonID    string    `json:"person_id"`
	Name        string    `json:"name"`
	Unit        string    `json:"unit"`
	Position    string    `json:"position"`
	Group       string    `json:"group"`
	Method      string    `json:"method"`
	CheckedInAt time.Time `json:"checked_in_at"`
}

// printCounts writes the attendance counters of a session.
func printCounts(e *env, c attendance.Counts) {
	l := e.lang
	fmt.Println(l.T("desk.present", c.Present))
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', 0)
	for _, g := range c.ByGroup {
		fmt.Fprintf(tw, "  %s\t%d\n", roster.Group(g.Key).Label(l), g.Count)
	}
	tw.Flush()
	for _, u := range c.ByUnit {
		name := u.Key
		if name == "" {
			name = l.T("desk.unit.none")
		}
		fmt.Fprintf(tw, "  %s\t%d\n", name, u.Count)
	}
	tw.Flush()
}
