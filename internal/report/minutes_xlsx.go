package report

import (
	"io"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/internal/i18n"
)

// maxCellChars is the most characters (UTF-16 units) an Excel cell holds.
const maxCellChars = 32767

// Column widths of the minutes' sheets, in Excel character units.
var (
	infoWidths     = []float64{30, 60}
	slideWidths    = []float64{8, 50, 10, 12}
	questionWidths = []float64{6, 7, 30, 18, 24, 24, 9, 60, 22, 60, 22, 18, 24, 18}
)

// slideKeys are the i18n keys of the columns of the time per slide.
var slideKeys = []string{"minutes.col.slide", "minutes.col.title", "minutes.col.views", "minutes.col.spent"}

// questionKeys are the i18n keys of the questions table's columns, in the
// order questionValues gives them.
var questionKeys = []string{
	"report.col.no", "minutes.col.slide", "minutes.col.slidetitle", "minutes.q.asked",
	"minutes.q.asker", "report.col.unit", "minutes.col.press", "minutes.q.text",
	"minutes.col.status", "minutes.q.answer", "minutes.q.answered.by", "minutes.q.answered.at",
	"minutes.q.forward", "minutes.q.forwarded.at",
}

// WriteMinutesXLSX writes the minutes as a workbook with one sheet per part:
// the session (label and value rows), the time per slide, the attendance
// sheet and the totals exactly as WriteAttendanceXLSX writes them, and the
// questions, one row each. Times are Excel dates in loc (the machine's time
// zone when nil); durations are Excel durations, so that they add up.
func WriteMinutesXLSX(w io.Writer, m Minutes, l i18n.Lang, loc *time.Location) error {
	loc = location(loc)
	f := excelize.NewFile()
	defer f.Close()

	info, slides := l.T("minutes.sheet.info"), l.T("minutes.sheet.slides")
	attendance, totals := l.T("report.sheet.attendance"), l.T("report.sheet.totals")
	questions := l.T("minutes.sheet.questions")
	if err := f.SetSheetName(f.GetSheetName(0), info); err != nil {
		return err
	}
	for _, name := range []string{slides, attendance, totals, questions} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "briefing", Title: cleanText(m.Session.Title)}); err != nil {
		return err
	}
	st, err := newMinutesStyles(f)
	if err != nil {
		return err
	}
	if err := writeInfoSheet(f, info, st, m, l, loc); err != nil {
		return err
	}
	if err := writeSlidesSheet(f, slides, st, m.Timeline, l); err != nil {
		return err
	}
	if err := writeAttendanceSheet(f, attendance, st.styles, Attendance{Session: m.Session, Attendees: m.Attendees, Units: m.Units}, l, loc); err != nil {
		return err
	}
	if err := writeTotalsSheet(f, totals, st.styles, m.Attendees, m.Units, l); err != nil {
		return err
	}
	if err := writeQuestionsSheet(f, questions, st, m.Questions, l, loc); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// minutesStyles are the attendance workbook's styles and those only the
// minutes use (kept apart so that the attendance workbook stays as it is).
type minutesStyles struct {
	styles
	infoTime, infoDuration, duration, totalDuration int
}

func newMinutesStyles(f *excelize.File) (minutesStyles, error) {
	base, err := newStyles(f)
	if err != nil {
		return minutesStyles{}, err
	}
	st := minutesStyles{styles: base}
	timeFormat, hms, ms := excelTimeFormat, "[h]:mm:ss", "[mm]:ss"
	left := &excelize.Alignment{Horizontal: "left"}
	err = makeStyles(f, []styleDef{
		{&st.infoTime, &excelize.Style{Alignment: left, CustomNumFmt: &timeFormat}},
		{&st.infoDuration, &excelize.Style{Alignment: left, CustomNumFmt: &hms}},
		{&st.duration, &excelize.Style{Border: thinBorder, Alignment: &excelize.Alignment{Vertical: "top"}, CustomNumFmt: &ms}},
		{&st.totalDuration, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: thinBorder, CustomNumFmt: &ms}},
	})
	if err != nil {
		return minutesStyles{}, err
	}
	return st, nil
}

// infoRow is a line of the session part: a label and a value that is a
// string, an int, a time.Time or a time.Duration.
type infoRow struct {
	label string
	value any
}

// sessionInfo is the session part of the XLSX and CSV minutes.
func sessionInfo(m Minutes, l i18n.Lang) []infoRow {
	s := m.Session
	var end, actual any = l.T("minutes.end.open"), l.T("minutes.end.open")
	if s.EndedAt != nil {
		end, actual = timeOr(*s.EndedAt, l), l.T("minutes.unknown")
		if d, ok := actualDuration(s); ok {
			actual = d
		}
	}
	var slides, planned any = l.T("minutes.unknown"), l.T("minutes.notset")
	if m.Slides > 0 {
		slides = m.Slides
	}
	if m.PlannedMin > 0 {
		planned = time.Duration(m.PlannedMin) * time.Minute
	}
	_, spent := timelineSums(m.Timeline)
	rows := []infoRow{
		{l.T("minutes.info.title"), s.Title},
		{l.T("report.info.unit"), s.Unit},
		{l.T("report.info.venue"), s.Venue},
		{l.T("minutes.form"), s.Form},
		{l.T("minutes.start"), timeOr(s.StartedAt, l)},
		{l.T("minutes.end"), end},
		{l.T("minutes.actual"), actual},
		{l.T("minutes.rapporteur"), s.Rapporteur},
		{l.T("report.info.present"), len(m.Attendees)},
		{l.T("minutes.deck"), s.DeckTitle},
		{l.T("minutes.deck.id"), m.DeckID},
		{l.T("minutes.deck.version"), s.DeckVersion},
		{l.T("minutes.slides"), slides},
		{l.T("minutes.slides.shown"), len(m.Timeline)},
		{l.T("minutes.planned"), planned},
		{l.T("minutes.presented"), spent},
		{l.T("minutes.info.questions"), len(m.Questions)},
	}
	for _, c := range statusCounts(m.Questions, l) {
		rows = append(rows, infoRow{c.Label, c.Count})
	}
	return append(rows, infoRow{l.T("minutes.info.id"), s.ID})
}

// timeOr is t, or "unknown" for a zero time.
func timeOr(t time.Time, l i18n.Lang) any {
	if t.IsZero() {
		return l.T("minutes.unknown")
	}
	return t
}

// questionValues is a question's row of the XLSX and CSV minutes, in the
// order of questionKeys: ints, strings, and time.Time or nil for the times.
func questionValues(i int, q Question, l i18n.Lang) []any {
	n := q.Number
	if n <= 0 {
		n = i + 1
	}
	var slide, asked, answered, forwarded any
	if q.Slide >= 0 {
		slide = q.Slide + 1
	}
	if !q.CreatedAt.IsZero() {
		asked = q.CreatedAt
	}
	if q.AnsweredAt != nil && !q.AnsweredAt.IsZero() {
		answered = *q.AnsweredAt
	}
	if q.ForwardedAt != nil && !q.ForwardedAt.IsZero() {
		forwarded = *q.ForwardedAt
	}
	press := ""
	if q.Press {
		press = l.T("minutes.yes")
	}
	return []any{
		n, slide, q.SlideTitle, asked, askerName(q, l), q.AskerUnit, press, q.Text,
		statusLabel(string(q.Status), l), q.Answer, q.AnsweredBy, answered, forwardLabel(string(q.ForwardedTo), l), forwarded,
	}
}

func writeInfoSheet(f *excelize.File, sheet string, st minutesStyles, m Minutes, l i18n.Lang, loc *time.Location) error {
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := setColWidths(sw, infoWidths); err != nil {
		return err
	}
	title := l.T("minutes.title")
	if t := strings.TrimSpace(cleanText(m.Session.Title)); t != "" {
		title += " — " + t
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: cellText(title)}}); err != nil {
		return err
	}
	for i, r := range sessionInfo(m, l) {
		value := excelize.Cell{StyleID: st.value, Value: r.value}
		switch v := r.value.(type) {
		case string:
			value.Value = cellText(v)
		case time.Time:
			value = dateCell(v, loc, st.infoTime, st.value)
		case time.Duration:
			value.StyleID = st.infoDuration
		}
		row := []any{excelize.Cell{StyleID: st.label, Value: r.label}, value}
		if err := sw.SetRow(cellName(1, i+3), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

func writeSlidesSheet(f *excelize.File, sheet string, st minutesStyles, tl []SlideTime, l i18n.Lang) error {
	if err := setPrintLayout(f, sheet, 1); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := setColWidths(sw, slideWidths); err != nil {
		return err
	}
	if err := freezeRows(sw, 1); err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerCells(slideKeys, st.header, l)); err != nil {
		return err
	}
	row := make([]any, len(slideKeys))
	for i, s := range tl {
		var n any
		if s.Number > 0 {
			n = s.Number
		}
		row[0] = excelize.Cell{StyleID: st.cell, Value: n}
		row[1] = excelize.Cell{StyleID: st.cell, Value: cellText(s.Title)}
		row[2] = excelize.Cell{StyleID: st.cell, Value: s.Views}
		row[3] = excelize.Cell{StyleID: st.duration, Value: max(s.Spent, 0)}
		if err := sw.SetRow(cellName(1, i+2), row); err != nil {
			return err
		}
	}
	views, spent := timelineSums(tl)
	foot := []any{
		excelize.Cell{StyleID: st.total, Value: l.T("report.totals.total")},
		excelize.Cell{StyleID: st.total},
		excelize.Cell{StyleID: st.total, Value: views},
		excelize.Cell{StyleID: st.totalDuration, Value: spent},
	}
	if err := sw.SetRow(cellName(1, len(tl)+2), foot); err != nil {
		return err
	}
	return sw.Flush()
}

func writeQuestionsSheet(f *excelize.File, sheet string, st minutesStyles, qs []Question, l i18n.Lang, loc *time.Location) error {
	if err := setPrintLayout(f, sheet, 1); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := setColWidths(sw, questionWidths); err != nil {
		return err
	}
	if err := freezeRows(sw, 1); err != nil {
		return err
	}
	if err := sw.SetRow("A1", headerCells(questionKeys, st.header, l)); err != nil {
		return err
	}
	row := make([]any, len(questionKeys))
	for i, q := range qs {
		for j, v := range questionValues(i, q, l) {
			c := excelize.Cell{StyleID: st.cell, Value: v}
			switch v := v.(type) {
			case string:
				c.Value = cellText(v)
			case time.Time:
				c = dateCell(v, loc, st.time, st.cell)
			}
			row[j] = c
		}
		if err := sw.SetRow(cellName(1, i+2), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// dateCell is t as an Excel date in the given style, its wall clock in loc;
// or, for a time Excel cannot show as a date (before 1900), as text.
func dateCell(t time.Time, loc *time.Location, style, textStyle int) excelize.Cell {
	wall := wallClock(t, loc)
	if y := wall.Year(); y < 1900 || y > 9999 {
		return excelize.Cell{StyleID: textStyle, Value: t.In(loc).Format(timeLayout)}
	}
	return excelize.Cell{StyleID: style, Value: wall}
}

// cellText is s cleaned for a cell. Excel holds at most 32,767 characters
// in a cell; a longer text is cut with an ellipsis, so the cut shows,
// rather than silently by the library.
func cellText(s string) string {
	s = cleanText(s)
	if len(s) <= maxCellChars {
		return s // a character never takes more UTF-16 units than UTF-8 bytes
	}
	units := 0
	for i, r := range s {
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > maxCellChars-1 {
			return s[:i] + "…"
		}
		units += n
	}
	return s
}
