package report

import (
	"encoding/csv"
	"io"
	"strconv"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/sheetcsv"
)

// WriteAttendanceCSV writes the attendance table as CSV: UTF-8 with a BOM,
// comma separated, CRLF line ends, a header row, then one row per attendee in
// check-in order. Times are "HH:MM:SS DD/MM/YYYY" in loc (the machine's time
// zone when nil); groups and methods are labels in l. A cell that Excel would read as a formula is escaped.
func WriteAttendanceCSV(w io.Writer, a Attendance, l i18n.Lang, loc *time.Location) error {
	loc = location(loc)
	if _, err := io.WriteString(w, sheetcsv.BOM); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := writeAttendanceRows(cw, a.Attendees, l, loc); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// writeAttendanceRows writes the attendance table, header included; the
// attendance file and the minutes share it.
func writeAttendanceRows(cw *csv.Writer, attendees []Attendee, l i18n.Lang, loc *time.Location) error {
	if err := cw.Write(labels(columnKeys, l)); err != nil {
		return err
	}
	row := make([]string, len(columnKeys))
	for i, p := range attendees {
		row[0] = strconv.Itoa(i + 1)
		row[1] = csvText(p.Name)
		row[2] = csvText(p.Unit)
		row[3] = csvText(p.Position)
		row[4] = sheetcsv.Escape(groupLabel(p.Group, l))
		row[5] = p.CheckedInAt.In(loc).Format(timeLayout)
		row[6] = sheetcsv.Escape(l.Method(p.Method))
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	return nil
}
