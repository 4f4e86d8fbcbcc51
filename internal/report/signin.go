package report

import (
	"cmp"
	"io"
	"slices"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/internal/i18n"
	"briefing/internal/paper"
	"briefing/internal/textvi"
	"briefing/internal/unit"
)

// SignInSheet is the list people sign as they arrive, printed before the
// session: the roster's people (of one unit, or all) under the session's
// title.
type SignInSheet struct {
	// Session is the open session (its title, unit, venue, start); a zero
	// Session leaves the lines for them to be written by hand.
	Session Session
	// Unit is the one unit the sheet lists, as the catalog names it; ""
	// lists everyone.
	Unit   string
	People []Attendee // the roster, in the order it was added
	Units  *unit.Catalog
}

// sorted is the sheet's people by unit (in the catalog's order, then by
// name) and, within a unit, in roster order, so that a unit's people sign
// one after another.
func (s SignInSheet) sorted() []Attendee {
	type keyed struct {
		Attendee
		order  int
		folded string
	}
	people := make([]keyed, len(s.People))
	for i, p := range s.People {
		b := s.Units.Bucket(p.Unit)
		order := b.Order
		if b.ID == "" {
			order = 1 << 30 // no unit: last
		}
		people[i] = keyed{p, order, textvi.Fold(b.Label)}
	}
	slices.SortStableFunc(people, func(x, y keyed) int {
		if c := cmp.Compare(x.order, y.order); c != 0 {
			return c
		}
		return compareNatural(x.folded, y.folded)
	})
	out := make([]Attendee, len(people))
	for i, p := range people {
		out[i] = p.Attendee
	}
	return out
}

// signInHeading is the sheet's heading lines: its title, the session's
// title, when and where, and the unit it lists.
func signInHeading(s SignInSheet, l i18n.Lang, loc *time.Location) (title string, lines []string) {
	ses := s.Session
	lines = append(lines, orText(oneLine(ses.Title), l.T("paper.dots")))
	when := l.T("paper.dots")
	if !ses.StartedAt.IsZero() {
		when = dateTime(ses.StartedAt, l, loc)
	}
	lines = append(lines, l.T("paper.sheet.when", when, orText(oneLine(ses.Venue), l.T("paper.dots"))))
	if s.Unit != "" {
		lines = append(lines, l.T("paper.sheet.unit", oneLine(s.Unit)))
	}
	return l.T("paper.sheet.title"), lines
}

// signInColumns are the sheet's columns: STT, name, unit, position and a
// column to sign in.
func signInColumns(l i18n.Lang) []string {
	return []string{l.T("report.col.no"), l.T("report.col.name"), l.T("report.col.unit"), l.T("report.col.position"), l.T("paper.col.sign")}
}

// SignInSheetDoc lays the sheet out for print: the heading, then a table
// whose rows leave room to sign, the header row repeated on every page.
func SignInSheetDoc(s SignInSheet, l i18n.Lang, loc *time.Location) paper.Doc {
	loc = location(loc)
	title, lines := signInHeading(s, l, loc)
	d := paper.Doc{Title: title + " " + lines[0], Created: s.Session.StartedAt}
	d.Blocks = append(d.Blocks, paper.Para{Runs: paper.Bold(title), Align: paper.Center, Size: 14})
	for i, line := range lines {
		p := paper.Para{Runs: paper.Text(line), Align: paper.Center}
		if i == 0 {
			p.Runs = paper.Bold(line)
		}
		d.Blocks = append(d.Blocks, p)
	}
	people := s.sorted()
	rows := make([][]string, len(people))
	for i, p := range people {
		rows[i] = []string{strconv.Itoa(i + 1), oneLine(p.Name), oneLine(s.Units.Name(p.Unit)), oneLine(p.Position), ""}
	}
	if len(rows) == 0 {
		d.Blocks = append(d.Blocks, paper.Para{Runs: paper.Text(l.T("paper.sheet.empty")), Before: 6})
	}
	// Blank rows at the end for people not on the roster.
	for i := 0; i < 5; i++ {
		rows = append(rows, []string{strconv.Itoa(len(people) + i + 1), "", "", "", ""})
	}
	d.Blocks = append(d.Blocks, paper.Para{Before: 4}, paper.Table{
		Widths: []float64{1.3, 5, 4.4, 3.5, 3.2},
		Align:  []paper.Align{paper.Center, paper.Left, paper.Left, paper.Left, paper.Left},
		Head:   signInColumns(l), Rows: rows, MinRow: 10,
	})
	return d
}

// WriteSignInSheetPDF writes the sign-in sheet as a PDF to print.
func WriteSignInSheetPDF(w io.Writer, s SignInSheet, l i18n.Lang, loc *time.Location) error {
	return paper.WritePDF(w, SignInSheetDoc(s, l, loc))
}

// WriteSignInSheetXLSX writes the sign-in sheet as a workbook to adjust
// and print: the heading, then the table, rows tall enough to sign, on A4
// portrait one page wide with the header row on every page.
func WriteSignInSheetXLSX(w io.Writer, s SignInSheet, l i18n.Lang, loc *time.Location) error {
	loc = location(loc)
	f := excelize.NewFile()
	defer f.Close()
	sheet := l.T("paper.sheet.name")
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return err
	}
	title, lines := signInHeading(s, l, loc)
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "briefing", Title: title}); err != nil {
		return err
	}
	var titleStyle, lineStyle, headStyle, cellStyle int
	err := makeStyles(f, []styleDef{
		{&titleStyle, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Alignment: &excelize.Alignment{Horizontal: "center"}}},
		{&lineStyle, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}}},
		{&headStyle, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: thinBorder,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&cellStyle, &excelize.Style{Border: thinBorder, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
	})
	if err != nil {
		return err
	}
	headerRow := len(lines) + 3
	size, orientation, wide, tall, fit := 9, "portrait", 1, 0, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	n := strconv.Itoa(headerRow)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$" + n + ":$" + n, Scope: sheet}); err != nil {
		return err
	}
	for i, width := range []float64{6, 28, 26, 20, 18} {
		col := string(rune('A' + i))
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	set := func(row int, cells []string, style int) error {
		for i, c := range cells {
			ref := cellName(i+1, row)
			if err := f.SetCellValue(sheet, ref, cellText(c)); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
				return err
			}
		}
		return nil
	}
	heading := append([]string{title}, lines...)
	for i, line := range heading {
		row := i + 1
		style := lineStyle
		if i == 0 {
			style = titleStyle
		}
		if err := f.MergeCell(sheet, cellName(1, row), cellName(5, row)); err != nil {
			return err
		}
		if err := set(row, []string{line}, style); err != nil {
			return err
		}
	}
	if err := set(headerRow, signInColumns(l), headStyle); err != nil {
		return err
	}
	people := s.sorted()
	for i := 0; i < len(people)+5; i++ {
		row := headerRow + 1 + i
		cells := []string{strconv.Itoa(i + 1), "", "", "", ""}
		if i < len(people) {
			p := people[i]
			cells = []string{strconv.Itoa(i + 1), oneLine(p.Name), oneLine(s.Units.Name(p.Unit)), oneLine(p.Position), ""}
		}
		if err := set(row, cells, cellStyle); err != nil {
			return err
		}
		// Room to sign: about 1 cm.
		if err := f.SetRowHeight(sheet, row, 28); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}
