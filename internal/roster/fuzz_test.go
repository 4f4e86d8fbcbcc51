package roster

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"briefing/internal/i18n"
)

// nopCloser lets the fuzz target read from memory through the same code
// path as a file.
type nopCloser struct{ *bytes.Reader }

func (nopCloser) Close() error { return nil }

// known reports whether key is in the i18n catalog (T returns an unknown
// key as itself).
func known(key string) bool { return i18n.EN.T(key) != key && i18n.VI.T(key) != key }

// FuzzReadCSV: any bytes read as a .csv file never panic; every row has a
// line >= 1 within the file, text in UTF-8, and every problem, warning and
// file error has a catalog key.
func FuzzReadCSV(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.csv")
	txt, _ := filepath.Glob("testdata/*.txt")
	for _, name := range append(files, txt...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("Họ tên;SĐT;CCCD\n;;\nAn;912345678;79203001234\n\"B\nC\";x;7.9E+10\n"))
	f.Add([]byte("\xEF\xBB\xBFSTT,Họ và tên,Thành phần\r\n1,\"An\"\"\",Học sinh\r\n2,\"unclosed\r\n"))
	f.Add([]byte("name\tgroup\tid\tid\n"))
	f.Add([]byte("\xFF\xFEH\x00o\x00 \x00t\x00\xEA\x00n\x00\n\x00"))
	f.Add([]byte("Ho ten\nNguy\xEA\xDEn V\xE3n An\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
		r, err := open("f.csv", ".csv", nopCloser{bytes.NewReader(data)}, int64(len(data)))
		if err != nil {
			var fe *FileError
			if !errors.As(err, &fe) || !known(fe.Key) {
				t.Fatalf("Open: %#v", err)
			}
			return
		}
		defer r.Close()
		for n := 0; ; n++ {
			row, err := r.Next()
			if err == io.EOF {
				break
			}
			if err != nil {
				var fe *FileError
				if !errors.As(err, &fe) || !known(fe.Key) {
					t.Fatalf("Next: %#v", err)
				}
				break
			}
			if row.Line < 1 || row.Line > lines {
				t.Fatalf("row at line %d of %d: %v", row.Line, lines, row)
			}
			for _, s := range []string{row.Name, row.Unit, row.Position, row.Phone, row.CitizenID} {
				if !utf8.ValidString(s) {
					t.Fatalf("not UTF-8: %q", s)
				}
			}
			for _, p := range row.Problems {
				if !known(p.Key) || p.Line != row.Line {
					t.Fatalf("problem %+v on row %d", p, row.Line)
				}
			}
			if n > len(data) {
				t.Fatalf("more rows than bytes")
			}
		}
		for _, w := range r.Warnings() {
			if !known(w.Key) || w.Line < 1 {
				t.Fatalf("warning %+v", w)
			}
		}
	})
}
