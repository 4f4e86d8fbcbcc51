package report

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/internal/i18n"
	"briefing/internal/unit"
)

// excelTimeFormat is the number format of the check-in time cells.
const excelTimeFormat = "hh:mm:ss dd/mm/yyyy"

// Column widths of the attendance sheet, in Excel character units, sized for
// Vietnamese full names, unit names and positions.
var columnWidths = []float64{6, 30, 30, 24, 20, 20, 18}

// titleRows is the number of rows above the attendance table's header: the
// title, host unit, venue, time, number present, and a blank row.
const titleRows = 6

// WriteAttendanceXLSX writes a workbook with two sheets. The first, the
// attendance sheet, has a title block (session title, host unit, venue,
// start and end time, number present) above the attendance table, whose header
// row stays frozen while scrolling and repeats on every printed page; check-in
// times are Excel dates in loc (the machine's time zone when nil). The second holds the totals by group and by
// unit, each with a total row.
func WriteAttendanceXLSX(w io.Writer, a Attendance, l i18n.Lang, loc *time.Location) error {
	loc = location(loc)
	f := excelize.NewFile()
	defer f.Close()

	attendance, totals := l.T("report.sheet.attendance"), l.T("report.sheet.totals")
	if err := f.SetSheetName(f.GetSheetName(0), attendance); err != nil {
		return err
	}
	if _, err := f.NewSheet(totals); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "briefing", Title: a.Session.Title}); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := writeAttendanceSheet(f, attendance, st, a, l, loc); err != nil {
		return err
	}
	if err := writeTotalsSheet(f, totals, st, a.Attendees, a.Units, l); err != nil {
		return err
	}
	// The first sheet is the active one already. (SetActiveSheet here would
	// parse the streamed sheets back, a third of the time for 500 rows.)
	_, err = f.WriteTo(w)
	return err
}

// styles are the workbook's cell style ids.
type styles struct {
	title, label, value, header, cell, time, total int
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	bold := &excelize.Font{Bold: true}
	timeFormat := excelTimeFormat
	err := makeStyles(f, []styleDef{
		{&st.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&st.label, &excelize.Style{Font: bold}},
		{&st.value, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left"}}},
		{&st.header, &excelize.Style{
			Font: bold, Border: thinBorder,
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true},
		}},
		{&st.cell, &excelize.Style{Border: thinBorder, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.time, &excelize.Style{Border: thinBorder, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &timeFormat}},
		{&st.total, &excelize.Style{Font: bold, Border: thinBorder}},
	})
	if err != nil {
		return styles{}, err
	}
	return st, nil
}

// thinBorder is the grey hairline around every table cell.
var thinBorder = []excelize.Border{
	{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
	{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
}

// styleDef is a cell style to add to a workbook and where to keep its id.
type styleDef struct {
	id  *int
	def *excelize.Style
}

// makeStyles adds the styles to f, in order, and stores their ids.
func makeStyles(f *excelize.File, defs []styleDef) error {
	for _, s := range defs {
		var err error
		if *s.id, err = f.NewStyle(s.def); err != nil {
			return err
		}
	}
	return nil
}

func writeAttendanceSheet(f *excelize.File, sheet string, st styles, a Attendance, l i18n.Lang, loc *time.Location) error {
	headerRow := titleRows + 1
	if err := setPrintLayout(f, sheet, headerRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := setColWidths(sw, columnWidths); err != nil {
		return err
	}
	if err := freezeRows(sw, headerRow); err != nil {
		return err
	}

	s := a.Session
	title := s.Title
	if title == "" {
		title = l.T("report.title.none")
	}
	rows := [][]any{
		{excelize.Cell{StyleID: st.title, Value: cellText(title)}},
		titleLine(st, l.T("report.info.unit"), s.Unit),
		titleLine(st, l.T("report.info.venue"), s.Venue),
		titleLine(st, l.T("report.info.time"), period(s, l, loc)),
		titleLine(st, l.T("report.info.present"), len(a.Attendees)),
	}
	for i, r := range rows {
		if err := sw.SetRow(cellName(1, i+1), r); err != nil {
			return err
		}
	}
	for i := 2; i <= len(rows); i++ {
		if err := sw.MergeCell(cellName(1, i), cellName(2, i)); err != nil {
			return err
		}
	}

	if err := sw.SetRow(cellName(1, headerRow), headerCells(columnKeys, st.header, l)); err != nil {
		return err
	}
	row := make([]any, len(columnKeys))
	for i, p := range a.Attendees {
		row[0] = excelize.Cell{StyleID: st.cell, Value: i + 1}
		row[1] = excelize.Cell{StyleID: st.cell, Value: cellText(p.Name)}
		row[2] = excelize.Cell{StyleID: st.cell, Value: cellText(p.Unit)}
		row[3] = excelize.Cell{StyleID: st.cell, Value: cellText(p.Position)}
		row[4] = excelize.Cell{StyleID: st.cell, Value: groupLabel(p.Group, l)}
		row[5] = excelize.Cell{StyleID: st.time, Value: wallClock(p.CheckedInAt, loc)}
		row[6] = excelize.Cell{StyleID: st.cell, Value: l.Method(p.Method)}
		if err := sw.SetRow(cellName(1, headerRow+1+i), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// setColWidths sets the widths of the first columns. It goes from the last
// column to the first because the stream writer puts each new column first,
// and Excel wants the columns in ascending order.
func setColWidths(sw *excelize.StreamWriter, widths []float64) error {
	for col := len(widths); col >= 1; col-- {
		if err := sw.SetColWidth(col, col, widths[col-1]); err != nil {
			return err
		}
	}
	return nil
}

// freezeRows keeps the first rows of the sheet (a table's header, and what
// is above it) in view while scrolling.
func freezeRows(sw *excelize.StreamWriter, rows int) error {
	top := cellName(1, rows+1)
	return sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: rows, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	})
}

// headerCells is a table's header row: the labels of keys in style.
func headerCells(keys []string, style int, l i18n.Lang) []any {
	head := make([]any, len(keys))
	for i, h := range labels(keys, l) {
		head[i] = excelize.Cell{StyleID: style, Value: h}
	}
	return head
}

// titleLine is a row of the title block: a bold label over columns A-B and
// its value in C.
func titleLine(st styles, label string, value any) []any {
	if s, ok := value.(string); ok {
		value = cellText(s)
	}
	return []any{
		excelize.Cell{StyleID: st.label, Value: label}, nil,
		excelize.Cell{StyleID: st.value, Value: value},
	}
}

// setPrintLayout prints the sheet on A4 landscape, one page wide, with the
// table's header row repeated on every page.
func setPrintLayout(f *excelize.File, sheet string, headerRow int) error {
	size, orientation, wide, tall, fit := 9, "landscape", 1, 0, true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &orientation, FitToWidth: &wide, FitToHeight: &tall,
	}); err != nil {
		return err
	}
	n := strconv.Itoa(headerRow)
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: "'" + strings.ReplaceAll(sheet, "'", "''") + "'!$" + n + ":$" + n,
		Scope:    sheet,
	})
}

// writeTotalsSheet writes the totals by group and by unit (units through cat).
func writeTotalsSheet(f *excelize.File, sheet string, st styles, a []Attendee, cat *unit.Catalog, l i18n.Lang) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := setColWidths(sw, []float64{36, 14}); err != nil {
		return err
	}
	row := 1
	table := func(heading string, totals []Total) error {
		head := []any{
			excelize.Cell{StyleID: st.header, Value: heading},
			excelize.Cell{StyleID: st.header, Value: l.T("report.totals.count")},
		}
		if err := sw.SetRow(cellName(1, row), head); err != nil {
			return err
		}
		row++
		sum := 0
		for _, t := range totals {
			line := []any{excelize.Cell{StyleID: st.cell, Value: cellText(t.Label)}, excelize.Cell{StyleID: st.cell, Value: t.Count}}
			if err := sw.SetRow(cellName(1, row), line); err != nil {
				return err
			}
			sum += t.Count
			row++
		}
		foot := []any{
			excelize.Cell{StyleID: st.total, Value: l.T("report.totals.total")},
			excelize.Cell{StyleID: st.total, Value: sum},
		}
		if err := sw.SetRow(cellName(1, row), foot); err != nil {
			return err
		}
		row += 2 // a blank row between the tables
		return nil
	}
	if err := table(l.T("report.col.group"), TotalsByGroup(a, l)); err != nil {
		return err
	}
	if err := table(l.T("report.col.unit"), TotalsByUnit(a, cat, l)); err != nil {
		return err
	}
	return sw.Flush()
}

// period is the session's time span for the title block: "08:00 – 10:30,
// ngày 15/03/2025" on one day, both dates otherwise, and only the start while
// the session is open.
func period(s Session, l i18n.Lang, loc *time.Location) string {
	const clock, day = "15:04", "02/01/2006"
	start := s.StartedAt.In(loc)
	if s.EndedAt == nil {
		return l.T("report.period.open", start.Format(clock+" "+day))
	}
	end := s.EndedAt.In(loc)
	if start.Format(day) == end.Format(day) {
		return l.T("report.period.day", start.Format(clock), end.Format(clock), start.Format(day))
	}
	return l.T("report.period.span", start.Format(clock+" "+day), end.Format(clock+" "+day))
}

// wallClock is t's wall-clock time in loc to the second (as the CSV shows
// it), as a UTC time: an Excel date has no time zone, so the cell holds what
// a clock in loc showed.
func wallClock(t time.Time, loc *time.Location) time.Time {
	t = t.In(loc)
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, time.UTC)
}

func cellName(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row) // col and row are small and positive
	return name
}
