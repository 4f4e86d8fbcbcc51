// Package sheetcsv holds the rules for a CSV file that people open in a
// spreadsheet (Excel, LibreOffice): the byte order mark without which Excel
// garbles Vietnamese, and the escaping of a cell it would run as a formula.
package sheetcsv

import (
	"encoding/csv"
	"io"
	"strings"
)

// BOM is the UTF-8 byte order mark. Excel reads a CSV file as UTF-8 only
// when it starts with one.
const BOM = "\uFEFF"

// Escape guards a cell against formula injection (OWASP): a cell that
// starts with = + - @, a tab or a carriage return gets a leading apostrophe,
// so that a spreadsheet shows it as text instead of running it. Numbers
// given to a Writer are never negative, so no number is touched.
func Escape(s string) string {
	if s != "" && strings.IndexByte("=+-@\t\r", s[0]) >= 0 {
		return "'" + s
	}
	return s
}

// Writer writes rows for a spreadsheet: the BOM first, CRLF line ends, and
// every cell escaped.
type Writer struct {
	w       io.Writer
	cw      *csv.Writer
	started bool
	err     error
}

// NewWriter writes to w.
func NewWriter(w io.Writer) *Writer {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	return &Writer{w: w, cw: cw}
}

// Write writes one row; the first write is preceded by the BOM. Errors are
// kept and reported by Flush.
func (w *Writer) Write(cells []string) {
	if w.err != nil {
		return
	}
	if !w.started {
		w.started = true
		if _, err := io.WriteString(w.w, BOM); err != nil {
			w.err = err
			return
		}
	}
	row := make([]string, len(cells))
	for i, c := range cells {
		row[i] = Escape(c)
	}
	w.err = w.cw.Write(row)
}

// Flush writes what is buffered and returns the first error.
func (w *Writer) Flush() error {
	w.cw.Flush()
	if w.err != nil {
		return w.err
	}
	return w.cw.Error()
}
