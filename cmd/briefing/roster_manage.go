package main

// briefing roster list, show, edit, remove, imports, and import --undo: the
// roster as the clerk manages it. The rules are attendance's.

import (
	"briefing/internal/textvi"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"briefing/internal/attendance"
	"github.com/spf13/cobra"
)

func newRosterManageCmds(g *globals) []*cobra.Command {
	var unitName string
	var listJSON, importsJSON bool
	list := &cobra.Command{
		Use:   "list",
		Short: g.helpLang.T("cli.help.cmd.roster.list"),
		Args:  argsExact(g, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error { return e.rosterList(cmd.Context(), unitName, listJSON) })
		},
	}
	list.Flags().StringVar(&unitName, "unit", "", g.helpLang.T("cli.help.flag.roster.list.unit"))
	list.Flags().BoolVar(&listJSON, "json", false, g.helpLang.T("cli.help.flag.roster.list.json"))

	show := &cobra.Command{
		Use:   "show ID",
		Short: g.helpLang.T("cli.help.cmd.roster.show"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error { return e.rosterShow(cmd.Context(), args[0]) })
		},
	}

	var ed struct{ name, unit, group, phone, position string }
	edit := &cobra.Command{
		Use:   "edit ID",
		Short: g.helpLang.T("cli.help.cmd.roster.edit"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			// A flag given empty clears the field; one not given keeps it.
			var change attendance.Edit
			for _, f := range []struct {
				name string
				v    *string
				dst  **string
			}{{"name", &ed.name, &change.Name}, {"unit", &ed.unit, &change.Unit}, {"group", &ed.group, &change.Group},
				{"phone", &ed.phone, &change.Phone}, {"position", &ed.position, &change.Position}} {
				if cmd.Flags().Changed(f.name) {
					*f.dst = f.v
				}
			}
			return withEnv(cmd, g, func(e *env) error { return e.rosterEdit(cmd.Context(), args[0], change) })
		},
	}
	ef := edit.Flags()
	ef.StringVar(&ed.name, "name", "", g.helpLang.T("cli.help.flag.roster.edit.name"))
	ef.StringVar(&ed.unit, "unit", "", g.helpLang.T("cli.help.flag.roster.edit.unit"))
	ef.StringVar(&ed.group, "group", "", g.helpLang.T("cli.help.flag.roster.edit.group"))
	ef.StringVar(&ed.phone, "phone", "", g.helpLang.T("cli.help.flag.roster.edit.phone"))
	ef.StringVar(&ed.position, "position", "", g.helpLang.T("cli.help.flag.roster.edit.position"))

	remove := &cobra.Command{
		Use:   "remove ID",
		Short: g.helpLang.T("cli.help.cmd.roster.remove"),
		Args:  argsExact(g, 1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error { return e.rosterRemove(cmd.Context(), args[0]) })
		},
	}

	imports := &cobra.Command{
		Use:   "imports",
		Short: g.helpLang.T("cli.help.cmd.roster.imports"),
		Args:  argsExact(g, 0),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withEnv(cmd, g, func(e *env) error { return e.rosterImports(cmd.Context(), importsJSON) })
		},
	}
	imports.Flags().BoolVar(&importsJSON, "json", false, g.helpLang.T("cli.help.flag.roster.imports.json"))
	return []*cobra.Command{list, show, edit, remove, imports}
}

// personError says why a person given by id was not found, or the error.
func (e *env) personError(id string, err error) error {
	l := e.lang
	switch {
	case errors.Is(err, attendance.ErrAmbiguous):
		return exitError{1, l.T("cli.person.ambiguous", id)}
	case errors.Is(err, attendance.ErrNotFound):
		return exitError{1, l.T("cli.person.notfound", id)}
	case errors.Is(err, attendance.ErrOtherDevice):
		return exitError{1, l.T("cli.roster.otherdevice", id)}
	case errors.Is(err, attendance.ErrNoChange):
		return exitError{2, l.T("cli.roster.edit.nothing")}
	case errors.Is(err, attendance.ErrInvalid):
		var fe *attendance.FieldError
		if errors.As(err, &fe) {
			return e.checkInError(err)
		}
		return exitError{2, l.T("cli.person.short", id, attendance.MinIDPrefix)}
	}
	return err
}

type rosterPersonJSON struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Unit     string `json:"unit"`
	Position string `json:"position"`
	Group    string `json:"group"`
	Phone    string `json:"phone"`
	IDLast4  string `json:"id_last4"`
}

func (e *env) rosterList(ctx context.Context, unitName string, asJSON bool) error {
	people, err := e.att.List(ctx, unitName)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]rosterPersonJSON, 0, len(people))
		for _, p := range people {
			out = append(out, rosterPersonJSON{p.ID, p.Name, p.Unit, p.Position, string(p.Group), p.Phone, p.IDLast4})
		}
		return writeJSON(e.out, out)
	}
	l := e.lang
	if len(people) == 0 {
		if unitName != "" {
			fmt.Fprintln(e.out, l.T("cli.roster.list.none.unit", unitName))
		} else {
			fmt.Fprintln(e.out, l.T("cli.roster.list.none"))
		}
		return nil
	}
	t := newTable(e.out).fitTerminal()
	t.line(l.T("cli.roster.list.header"))
	for _, p := range people {
		t.row(p.ID, p.Name, e.unitLabel(ctx, p.Unit), p.Group.Label(l), p.Position, p.Phone)
	}
	if err := t.flush(); err != nil {
		return err
	}
	fmt.Fprintln(e.out, l.T("cli.roster.list.count", len(people)))
	return nil
}

func (e *env) rosterShow(ctx context.Context, id string) error {
	p, err := e.att.Show(ctx, id)
	if err != nil {
		return e.personError(id, err)
	}
	l := e.lang
	t := newTable(e.out)
	card := ""
	if p.IDLast4 != "" {
		card = l.T("cli.person.idlast4", p.IDLast4)
	}
	source := l.T("cli.roster.source." + p.Source)
	if !p.Own {
		source += " · " + l.T("cli.roster.show.otherdevice")
	}
	for _, f := range [][2]string{
		{l.T("cli.roster.show.id"), p.ID},
		{l.T("cli.roster.show.name"), p.Name},
		{l.T("cli.roster.show.unit"), e.unitLabel(ctx, p.Unit)},
		{l.T("cli.roster.show.position"), p.Position},
		{l.T("cli.roster.show.group"), p.Group.Label(l)},
		{l.T("cli.roster.show.phone"), p.Phone},
		{l.T("cli.roster.show.card"), card},
		{l.T("cli.roster.show.source"), source + ", " + p.Added.Local().Format("2006-01-02 15:04")},
		{l.T("cli.roster.show.sessions"), strconv.Itoa(p.Sessions)},
	} {
		t.row(f[0], f[1])
	}
	return t.flush()
}

func (e *env) rosterEdit(ctx context.Context, id string, change attendance.Edit) error {
	p, err := e.att.EditPerson(ctx, id, change)
	if err != nil {
		return e.personError(id, err)
	}
	e.noteUnit(ctx, p.Unit)
	fmt.Fprintln(e.out, e.lang.T("cli.roster.edited", p.Name))
	return e.rosterShow(ctx, p.ID)
}

func (e *env) rosterRemove(ctx context.Context, id string) error {
	p, sessions, err := e.att.RemovePerson(ctx, id)
	if err != nil {
		return e.personError(id, err)
	}
	fmt.Fprintln(e.out, e.lang.T("cli.roster.removed", p.Name, p.ID))
	if sessions > 0 {
		fmt.Fprintln(e.out, e.lang.T("cli.roster.removed.kept", sessions))
	}
	return nil
}

type rosterImportJSON struct {
	ID        int64      `json:"id"`
	File      string     `json:"file"`
	At        time.Time  `json:"imported_at"`
	Added     int        `json:"added"`
	Updated   int        `json:"updated"`
	Unchanged int        `json:"unchanged"`
	Rejected  int        `json:"rejected"`
	UndoneAt  *time.Time `json:"undone_at"`
}

func (e *env) rosterImports(ctx context.Context, asJSON bool) error {
	list, err := e.att.Imports(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]rosterImportJSON, 0, len(list))
		for _, im := range list {
			out = append(out, rosterImportJSON{im.ID, im.File, im.At, im.Added, im.Updated, im.Unchanged, im.Reject, im.UndoneAt})
		}
		return writeJSON(e.out, out)
	}
	l := e.lang
	if len(list) == 0 {
		fmt.Fprintln(e.out, l.T("cli.roster.imports.none"))
		return nil
	}
	t := newTable(e.out).fitTerminal()
	t.line(l.T("cli.roster.imports.header"))
	for _, im := range list {
		cells := []string{strconv.FormatInt(im.ID, 10), im.At.Local().Format("2006-01-02 15:04"), im.File,
			strconv.Itoa(im.Added), strconv.Itoa(im.Updated), strconv.Itoa(im.Unchanged), strconv.Itoa(im.Reject)}
		if im.UndoneAt != nil {
			cells = append(cells, l.T("cli.roster.imports.undone", im.UndoneAt.Local().Format("2006-01-02 15:04")))
		}
		t.row(cells...)
	}
	return t.flush()
}

func (e *env) undoImport(ctx context.Context, n int64) error {
	l := e.lang
	res, err := e.att.UndoImport(ctx, n)
	var touched *attendance.TouchedError
	switch {
	case errors.Is(err, attendance.ErrNotFound):
		return exitError{1, l.T("cli.roster.undo.notfound", n)}
	case errors.Is(err, attendance.ErrUndone):
		return exitError{1, l.T("cli.roster.undo.already", n)}
	case errors.As(err, &touched):
		var b strings.Builder
		b.WriteString(l.T("cli.roster.undo.touched", n, touched.Count) + "\n")
		e.writePeople(ctx, &b, touched.People)
		if more := touched.Count - len(touched.People); more > 0 {
			b.WriteString(l.T("cli.checkin.several.more", more) + "\n")
		}
		b.WriteString(l.T("cli.roster.undo.touched.hint"))
		return exitError{1, b.String()}
	case err != nil:
		return err
	}
	fmt.Fprintln(e.out, l.T("cli.roster.undone", n, textvi.Shown(res.Import.File), res.Removed, res.Restored))
	return nil
}
