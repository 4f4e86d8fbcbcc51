package main

// briefing checkin: the desk's check-in without the TUI. The rules (which person a query
// or a card means, walk-in duplicates, the refusals' wording) are attendance's; this file
// reads flags and prints what happened.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"briefing/internal/attendance"
	"briefing/internal/cccd"
	"briefing/internal/field"
	"briefing/internal/i18n"
	"briefing/internal/textvi"
	"briefing/internal/tui/theme"
	"github.com/spf13/cobra"
)

// checkinFlags are the flags of briefing checkin.
type checkinFlags struct {
	sessionID, query, personID, qr string
	walkIn, isNew                  bool
	np                             attendance.NewPerson
}

func newCheckinCmd(g *globals) *cobra.Command {
	var f checkinFlags
	cmd := &cobra.Command{
		Use:   "checkin",
		Short: g.helpLang.T("cli.help.cmd.checkin"),
		Args:  argsNone(g),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := f.check(cmd, g.language()); err != nil {
				return err
			}
			ctx := cmd.Context()
			return withEnv(cmd, g, func(e *env) error {
				s, err := e.targetSession(ctx, f.sessionID)
				if err != nil {
					return err
				}
				c, err := f.run(ctx, e, s.ID)
				if err != nil {
					return err
				}
				e.printCheckIn(ctx, c)
				return nil
			})
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.sessionID, "session", "", g.helpLang.T("cli.help.flag.session"))
	fl.StringVar(&f.query, "query", "", g.helpLang.T("cli.help.flag.checkin.query"))
	fl.StringVar(&f.personID, "person", "", g.helpLang.T("cli.help.flag.checkin.person"))
	fl.StringVar(&f.qr, "qr", "", g.helpLang.T("cli.help.flag.checkin.qr"))
	fl.BoolVar(&f.walkIn, "walk-in", false, g.helpLang.T("cli.help.flag.checkin.walkin"))
	fl.BoolVar(&f.isNew, "new", false, g.helpLang.T("cli.help.flag.checkin.new"))
	fl.StringVar(&f.np.Name, "name", "", g.helpLang.T("cli.help.flag.checkin.name"))
	fl.StringVar(&f.np.Unit, "unit", "", g.helpLang.T("cli.help.flag.checkin.unit"))
	fl.StringVar(&f.np.Group, "group", "", g.helpLang.T("cli.help.flag.checkin.group"))
	fl.StringVar(&f.np.Phone, "phone", "", g.helpLang.T("cli.help.flag.checkin.phone"))
	return cmd
}

// check refuses (exit 2) flags that do not go together: one way to find
// the person (--person may come with --qr: the card's holder), --new only
// when registering, the walk-in's fields only with --walk-in, and --unit
// with --walk-in or to narrow a --query.
func (f *checkinFlags) check(cmd *cobra.Command, l i18n.Lang) error {
	ways := 0
	for _, set := range []bool{f.query != "", f.personID != "", f.qr != "", f.walkIn} {
		if set {
			ways++
		}
	}
	if ways != 1 && !(ways == 2 && f.personID != "" && f.qr != "") {
		return exitError{2, l.T("cli.checkin.usage")}
	}
	changed := cmd.Flags().Changed
	if !f.walkIn {
		for _, name := range []string{"name", "group", "phone"} {
			if changed(name) {
				return exitError{2, l.T("cli.checkin.walkinonly", name)}
			}
		}
		if changed("unit") && f.query == "" {
			return exitError{2, l.T("cli.checkin.unitonly")}
		}
	}
	// Nothing to search by: spaces, invisible characters or punctuation only.
	if f.query != "" && !textvi.HasLetterOrDigit(f.query) {
		return exitError{2, l.T("cli.checkin.query.nothing", "--query")}
	}
	if changed("unit") && !f.walkIn && !textvi.HasLetterOrDigit(f.np.Unit) {
		return exitError{2, l.T("cli.checkin.query.nothing", "--unit")}
	}
	if f.isNew && !(f.walkIn || f.qr != "" && f.personID == "") {
		return exitError{2, l.T("cli.checkin.newonly")}
	}
	return nil
}

// run finds or registers the person and checks them in.
func (f *checkinFlags) run(ctx context.Context, e *env, sessionID string) (attendance.CheckIn, error) {
	var p attendance.Person
	var err error
	switch {
	case f.qr != "":
		return e.checkInCard(ctx, sessionID, f.qr, f.personID, f.isNew)
	case f.walkIn:
		return e.checkInWalkIn(ctx, sessionID, f.np, f.isNew)
	case f.query != "":
		p, err = e.findOne(ctx, f.query, f.np.Unit)
	default:
		p, err = e.person(ctx, f.personID)
	}
	if err != nil {
		return attendance.CheckIn{}, err
	}
	c, err := e.att.CheckIn(ctx, sessionID, p.ID, attendance.ByRoster, false)
	return c, e.checkInError(err)
}

// person resolves a --person id or prefix, saying what to do when it cannot.
func (e *env) person(ctx context.Context, id string) (attendance.Person, error) {
	p, err := e.att.Person(ctx, id)
	switch {
	case errors.Is(err, attendance.ErrNotFound):
		return p, exitError{1, e.lang.T("cli.person.notfound", id)}
	case errors.Is(err, attendance.ErrAmbiguous):
		return p, exitError{1, e.lang.T("cli.person.ambiguous", id)}
	case errors.Is(err, attendance.ErrInvalid):
		return p, exitError{2, e.lang.T("cli.person.short", id, attendance.MinIDPrefix)}
	}
	return p, err
}

// findOne resolves a --query with attendance.Resolve (the desk's rule):
// the one person meant, or a list of the candidates to choose from.
func (e *env) findOne(ctx context.Context, query, unit string) (attendance.Person, error) {
	res, err := e.att.Resolve(ctx, query, unit)
	switch {
	case err != nil:
		if msg, ok := field.Message(e.lang, err); ok {
			return attendance.Person{}, exitError{2, msg}
		}
		return attendance.Person{}, err
	case res.One != nil:
		return *res.One, nil
	case res.ByCitizenID:
		number, _ := cccd.ParseNumber(query)
		return attendance.Person{}, e.severalError(ctx, "…"+cccd.Last4(number), attendance.Resolution{Candidates: res.Candidates})
	case len(res.Candidates) > 0:
		return attendance.Person{}, e.severalError(ctx, query, res)
	}
	if number, ok := cccd.ParseNumber(query); ok {
		return attendance.Person{}, exitError{1, e.lang.T("cli.checkin.nomatch.id", "…"+cccd.Last4(number))}
	}
	if unit != "" {
		return attendance.Person{}, exitError{1, e.lang.T("cli.checkin.nomatch.unit", query, unit)}
	}
	return attendance.Person{}, exitError{1, e.lang.T("cli.checkin.nomatch", query)}
}

// severalError lists the people a query matches, with more not shown.
func (e *env) severalError(ctx context.Context, query string, res attendance.Resolution) error {
	var b strings.Builder
	b.WriteString(e.lang.T("cli.checkin.several", query) + "\n")
	e.writePeople(ctx, &b, res.Candidates)
	switch {
	case res.Broad:
		b.WriteString(e.lang.T("cli.checkin.several.broad", res.More) + "\n")
	case res.More > 0:
		b.WriteString(e.lang.T("cli.checkin.several.more", res.More) + "\n")
	}
	b.WriteString(e.lang.T("cli.checkin.several.hint"))
	return exitError{1, b.String()}
}

// writePeople lists people one per line, with what tells people of the same name
// apart (attendance.Person.Tells): id, name, unit (the catalog's name for it), group,
// the phone's last 3 digits and the citizen ID's last 4 when on file.
func (e *env) writePeople(ctx context.Context, w io.Writer, people []attendance.Person) {
	t := newTable(w)
	for _, p := range people {
		unit := e.unitLabel(ctx, p.Unit)
		if unit == "" {
			unit = e.lang.T("desk.unit.none")
		}
		phone, id := "", ""
		if last3 := p.PhoneLast3(); last3 != "" {
			phone = e.lang.T("cli.person.phone", last3)
		}
		if p.IDLast4 != "" {
			id = e.lang.T("cli.person.idlast4", p.IDLast4)
		}
		t.line("  " + strings.TrimRight(strings.Join([]string{p.ID, p.Name, unit, p.Group.Label(e.lang), phone, id}, "\t"), "\t"))
	}
	t.flush()
}

// checkInWalkIn registers a walk-in and checks them in, unless someone of
// the same name and unit is on the roster already and --new was not given:
// then nobody is registered and they are listed.
func (e *env) checkInWalkIn(ctx context.Context, sessionID string, np attendance.NewPerson, isNew bool) (attendance.CheckIn, error) {
	if err := np.Check(); err != nil {
		return attendance.CheckIn{}, e.checkInError(err)
	}
	if !isNew {
		same, err := e.att.SamePerson(ctx, np.Name, np.Unit)
		if err != nil {
			return attendance.CheckIn{}, err
		}
		if len(same) > 0 {
			var b strings.Builder
			b.WriteString(e.lang.T("cli.walkin.same") + "\n")
			e.writePeople(ctx, &b, same)
			b.WriteString(e.lang.T("cli.walkin.same.hint"))
			return attendance.CheckIn{}, exitError{1, b.String()}
		}
	}
	c, err := e.att.RegisterWalkIn(ctx, sessionID, np)
	if err == nil {
		e.noteUnit(ctx, c.Person.Unit)
	}
	return c, e.checkInError(err)
}

// checkInCard checks in the holder of a scanned card by the rule of
// attendance.ScanCard; the CLI registers someone new from the card at once
// (Register) where the desk opens its form, and lists the people of the
// card's name with no card on file rather than choosing among them.
func (e *env) checkInCard(ctx context.Context, sessionID, payload, personID string, isNew bool) (attendance.CheckIn, error) {
	var none attendance.CheckIn
	opt := attendance.ScanOptions{New: isNew, Register: true}
	if personID != "" {
		p, err := e.person(ctx, personID)
		if err != nil {
			return none, err
		}
		opt.Holder = p.ID
	}
	res, err := e.att.Scan(ctx, sessionID, payload, opt)
	var ce *attendance.CardError
	if !errors.As(err, &ce) {
		fmt.Fprintln(e.out, e.lang.T("desk.notice")) // the card was read
	}
	if err != nil {
		return none, e.checkInError(err)
	}
	last4 := cccd.Last4(res.Card.Number)
	switch res.Outcome {
	case attendance.Choose:
		var b strings.Builder
		b.WriteString(e.lang.T("cli.qr.named", last4, res.Card.Name) + "\n")
		e.writePeople(ctx, &b, res.Candidates)
		b.WriteString(e.lang.T("cli.qr.named.hint"))
		return none, exitError{1, b.String()}
	case attendance.NameUnclear:
		if res.Card.Name == "" {
			return none, exitError{1, e.lang.T("cli.qr.noname", last4)}
		}
		return none, exitError{1, e.lang.T("cli.qr.name", res.Card.Name)}
	}
	return res.CheckIn, nil
}

// checkInError says why a check-in failed, in the clerk's words
// (attendance.Message): exit 2 for a field to fix, 1 for the rest; nil
// stays nil.
func (e *env) checkInError(err error) error {
	msg, ok := attendance.Message(e.lang, err, attendance.AtCLI)
	switch {
	case !ok:
		return err
	case errors.Is(err, attendance.ErrInvalid):
		return exitError{2, msg}
	}
	return exitError{1, msg}
}

// printCheckIn confirms a check-in as the desk does, with the person's unit as the
// catalog names it.
func (e *env) printCheckIn(ctx context.Context, c attendance.CheckIn) {
	key := "desk.checkedin"
	if c.Already {
		key = "desk.already"
	}
	unit := theme.UnitSuffix(e.unitLabel(ctx, c.Person.Unit))
	fmt.Fprintln(e.out, textvi.Printable(e.lang.T(key, c.Person.Name, unit, c.At.Local().Format("15:04:05"))))
}
