package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"

	"briefing/internal/i18n"
)

// hostile is an attendance whose session and attendees carry escape
// sequences, a bidi override and a zero-width space, as a record stored by
// an old version or synced in may.
func hostile() Attendance {
	a := sample()
	a.Session.Title = "\x1b]0;pwn\aHội nghị\u202e"
	a.Session.Venue = "\x1b[31mHội trường\u200b"
	a.Session.Unit = "\u009b2JPhường 1"
	a.Attendees[0].Name = "Nguyễn\x1b[31m Văn A\u202e"
	a.Attendees[0].Unit = "\x1b]52;c;ZXZpbA==\aPhường 2"
	a.Attendees[0].Position = "\x1b[5mCán bộ\u200b"
	return a
}

// unsafeRune is a character that must not reach a terminal or a sheet.
func unsafeRune(s string) (rune, bool) {
	for i, r := range s {
		if i == 0 && r == '\ufeff' || r == '\n' || r == '\r' || r == '\t' {
			continue
		}
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
			return r, true
		}
	}
	return 0, false
}

// The attendance rows of the attendance file and of the minutes (CSV,
// Markdown) and the cells of the XLSX carry no control or format character.
func TestReportsEscapeStoredText(t *testing.T) {
	a := hostile()
	m := Minutes{Session: a.Session, Attendees: a.Attendees, Slides: 1}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"attendance csv": func(b *bytes.Buffer) error { return WriteAttendanceCSV(b, a, i18n.VI, ict) },
		"minutes csv":    func(b *bytes.Buffer) error { return WriteMinutesCSV(b, m, i18n.VI, ict) },
		"minutes md":     func(b *bytes.Buffer) error { return WriteMinutesMarkdown(b, m, i18n.VI, ict) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		if r, bad := unsafeRune(buf.String()); bad {
			t.Errorf("%s holds %U:\n%s", name, r, buf.String())
		}
		if strings.HasSuffix(name, "csv") && !strings.Contains(buf.String(), "Nguyễn") {
			t.Errorf("%s lost the attendee", name)
		}
	}
	for name, write := range map[string]func(*bytes.Buffer) error{
		"attendance xlsx": func(b *bytes.Buffer) error { return WriteAttendanceXLSX(b, a, i18n.VI, ict) },
		"minutes xlsx":    func(b *bytes.Buffer) error { return WriteMinutesXLSX(b, m, i18n.VI, ict) },
	} {
		var buf bytes.Buffer
		if err := write(&buf); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				for _, cell := range row {
					if r, bad := unsafeRune(cell); bad {
						t.Errorf("%s sheet %s: cell %q holds %U", name, sheet, cell, r)
					}
				}
			}
		}
		f.Close()
	}
}
