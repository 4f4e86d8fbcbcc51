package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/sheetcsv"
)

// WriteMinutesCSV writes the minutes as one CSV file (UTF-8 with a BOM, CRLF
// line ends, like WriteAttendanceCSV) holding the parts one after another:
// the session (label, value), the time per slide, the totals by group and by
// unit, the attendance, and the questions. Each part starts with a row of
// one cell, its title, and a blank row separates the parts. Times are
// "HH:MM:SS DD/MM/YYYY" in loc (the machine's time zone when nil); a cell
// that a spreadsheet would read as a formula is escaped.
func WriteMinutesCSV(w io.Writer, m Minutes, l i18n.Lang, loc *time.Location) error {
	loc = location(loc)
	if _, err := io.WriteString(w, sheetcsv.BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	// csv.Writer keeps the first write error and reports it from Error,
	// so the rows are written without checking each one.
	part := func(titleKey string, first bool) {
		if !first {
			cw.Write(nil)
		}
		cw.Write([]string{l.T(titleKey)})
	}

	part("minutes.sheet.info", true)
	for _, r := range sessionInfo(m, l) {
		cw.Write([]string{csvText(r.label), csvValue(r.value, loc)})
	}

	part("minutes.sheet.slides", false)
	cw.Write(labels(slideKeys, l))
	for _, s := range m.Timeline {
		n := ""
		if s.Number > 0 {
			n = strconv.Itoa(s.Number)
		}
		cw.Write([]string{n, csvText(s.Title), strconv.Itoa(s.Views), hms(s.Spent)})
	}
	views, spent := timelineSums(m.Timeline)
	cw.Write([]string{l.T("report.totals.total"), "", strconv.Itoa(views), hms(spent)})

	part("minutes.part.bygroup", false)
	csvTotals(cw, l.T("report.col.group"), TotalsByGroup(m.Attendees, l), l)
	part("minutes.part.byunit", false)
	csvTotals(cw, l.T("report.col.unit"), TotalsByUnit(m.Attendees, m.Units, l), l)

	part("report.sheet.attendance", false)
	if err := writeAttendanceRows(cw, m.Attendees, l, loc); err != nil {
		return err
	}

	part("minutes.sheet.questions", false)
	cw.Write(labels(questionKeys, l))
	row := make([]string, len(questionKeys))
	for i, q := range m.Questions {
		for j, v := range questionValues(i, q, l) {
			row[j] = csvValue(v, loc)
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// csvTotals writes a totals table: its header, a row per line, the total.
func csvTotals(cw *csv.Writer, heading string, totals []Total, l i18n.Lang) {
	cw.Write([]string{heading, l.T("report.totals.count")})
	sum := 0
	for _, t := range totals {
		cw.Write([]string{csvText(t.Label), strconv.Itoa(t.Count)})
		sum += t.Count
	}
	cw.Write([]string{l.T("report.totals.total"), strconv.Itoa(sum)})
}

// csvValue is a value of sessionInfo or questionValues as a CSV cell.
func csvValue(v any, loc *time.Location) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return csvText(v)
	case int:
		return strconv.Itoa(v)
	case time.Time:
		return v.In(loc).Format(timeLayout)
	case time.Duration:
		return hms(v)
	}
	return csvText(fmt.Sprint(v))
}

// csvText is text from the session as a CSV cell: cleaned, and escaped
// when a spreadsheet would read it as a formula.
func csvText(s string) string {
	return sheetcsv.Escape(cleanText(s))
}

// hms is d as "2:30:00", to the second; a negative d is zero. Durations in
// the CSV are written so, not as "mm:ss", because Excel reads "02:10" as
// two hours and ten minutes.
func hms(d time.Duration) string {
	sec := seconds(d)
	return fmt.Sprintf("%d:%02d:%02d", sec/3600, sec/60%60, sec%60)
}
