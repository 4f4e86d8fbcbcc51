package desk

import (
	"errors"
	"strings"
	"testing"

	"briefing/internal/i18n"
)

// A check-in that SQLite could not write is told in the clerk's words, not as
// SQLite's English text (the desk showed "database is locked (5) (SQLITE_BUSY)").
func TestWriteErrorInTheClerksWords(t *testing.T) {
	for _, tc := range []struct{ err, want string }{
		{"check in: store: begin: database is locked (5) (SQLITE_BUSY)", "đang ghi"},
		{"check in: database or disk is full (13)", "ổ đĩa đã đầy"},
		{"check in: attempt to write a readonly database (8)", "không cho ghi"},
		{"check in: database disk image is malformed (11)", "bị hỏng"},
	} {
		got := Model{lang: i18n.VI}.writeError(errors.New(tc.err))
		if !strings.Contains(got, tc.want) || strings.Contains(got, "(") {
			t.Errorf("%q told as %q, want it to say %q in words", tc.err, got, tc.want)
		}
	}
}
