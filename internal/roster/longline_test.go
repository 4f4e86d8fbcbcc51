package roster

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"briefing/internal/i18n"
)

// TestLongLineNoQuote: a cell of 2 MB without any quote is a line too
// long, with the limit and the line, not an unclosed quote.
func TestLongLineNoQuote(t *testing.T) {
	for _, tt := range []struct {
		name, head string
		line       int
	}{
		{"first row", "Họ và tên,Đơn vị\n", 2},
		// Quoted cells earlier, one with a line break: the long line's
		// number counts it, and its quotes are not the long line's.
		{"after quoted rows", "Họ và tên,Đơn vị\n\"An\",\"Khu phố 1\"\n\"Bình\",\"Khu phố 2,\nPhường 4\"\n", 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			b.WriteString(tt.head)
			b.WriteString("Nguyễn Văn An,")
			b.WriteString(strings.Repeat("x", 2<<20))
			b.WriteString("\nTrần Bình,Khu phố 3\n")
			_, _, err := readAll(t, writeTemp(t, "long.csv", b.Bytes()))
			var fe *FileError
			if !errors.As(err, &fe) || fe.Key != "roster.file.linelong" || fe.Line != tt.line {
				t.Fatalf("err = %#v", err)
			}
			vi, en := i18n.VI.T(fe.Key, fe.Args...), i18n.EN.T(fe.Key, fe.Args...)
			for _, s := range []string{vi, en} {
				if strings.Contains(s, "ngoặc kép") || strings.Contains(s, "quote") || !strings.Contains(s, "1048576") {
					t.Errorf("message %q", s)
				}
			}
			if !strings.Contains(en, "too long") || !strings.Contains(vi, "quá dài") {
				t.Errorf("messages:\n%s\n%s", vi, en)
			}
		})
	}
}

// TestUnclosedQuoteAfterMultilineCell: the unclosed quote is reported on
// the line its record starts, after a record spanning two lines.
func TestUnclosedQuoteAfterMultilineCell(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("Họ tên;Đơn vị\nAn;\"Khu phố 1\nPhường 4\"\nBình;\"Khu phố 2\n")
	for b.Len() < 3*maxRecordBytes {
		b.WriteString("Nguyễn Văn Bình;Khu phố 2\n")
	}
	_, _, err := readAll(t, writeTemp(t, "open-quote.csv", b.Bytes()))
	var fe *FileError
	if !errors.As(err, &fe) || fe.Key != "roster.file.toolong" || fe.Line != 4 {
		t.Fatalf("err = %#v", err)
	}
}
