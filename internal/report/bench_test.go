package report

import (
	"io"
	"testing"

	"briefing/internal/i18n"
)

func BenchmarkAttendanceXLSX500(b *testing.B) {
	a := many(500)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAttendanceXLSX(io.Discard, a, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAttendanceCSV500(b *testing.B) {
	a := many(500)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAttendanceCSV(io.Discard, a, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}
