package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"briefing/internal/i18n"
)

// TestAttendanceCSV compares the CSV of the sample with testdata/TestAttendanceCSV/{vi,en}.golden
// (go test -update rewrites them). The golden files hold the exact bytes but
// for the line ends, which are checked here, so that a Git checkout with CRLF
// line ends on Windows does not break the test.
func TestAttendanceCSV(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
		t.Run(string(l), func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteAttendanceCSV(&buf, sample(), l, ict); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			if !strings.HasPrefix(got, "\uFEFF") {
				t.Errorf("no BOM: %q", got[:min(len(got), 8)])
			}
			lines := strings.SplitAfter(got, "\n")
			if last := lines[len(lines)-1]; last != "" {
				t.Errorf("no line end after the last row: %q", last)
			}
			for _, line := range lines[:len(lines)-1] {
				if !strings.HasSuffix(line, "\r\n") {
					t.Errorf("line does not end in CRLF: %q", line)
				}
			}
			if n := len(lines) - 1; n != 1+len(sample().Attendees) {
				t.Errorf("%d lines, want a header and %d rows", n, len(sample().Attendees))
			}
			golden.RequireEqual(t, strings.ReplaceAll(got, "\r\n", "\n"))
		})
	}
}

func TestAttendanceCSVEmpty(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteAttendanceCSV(&buf, Attendance{}, i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	want := "\uFEFFSTT,Họ và tên,Đơn vị,Chức vụ,Thành phần,Thời gian,Hình thức\r\n"
	if got := buf.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestAttendanceCSVFormulaInjection: a cell a spreadsheet would run as a
// formula starts with an apostrophe; everything else is written as it is.
func TestAttendanceCSVFormulaInjection(t *testing.T) {
	a := Attendance{Attendees: []Attendee{{
		Name: "=cmd|' /C calc'!A0", Unit: "@Phường 4", Position: "-", Group: "+x", Method: "=y",
		CheckedInAt: sample().Session.StartedAt,
	}}}
	var buf bytes.Buffer
	if err := WriteAttendanceCSV(&buf, a, i18n.EN, ict); err != nil {
		t.Fatal(err)
	}
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"1", "'=cmd|' /C calc'!A0", "'@Phường 4", "'-", "'+x", "08:00:00 15/03/2025", "'=y"}
	if got := records[1]; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("row = %q\nwant  %q", got, want)
	}
}
