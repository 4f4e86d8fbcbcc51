package roster

import (
	"bytes"
	"errors"
	"hash/maphash"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Reader reads the rows of a roster file one at a time. Next and Close
// belong to one goroutine; Progress may be called from another (a progress
// bar) at any time.
type Reader struct {
	path     string
	src      source
	cols     columns
	width    int    // the header's columns: a row filled beyond them is shifted
	extraKey string // the problem of such a row, which says why for this kind of file
	// A workbook's cells cannot shift: a filled cell beyond the header is a
	// note in a column without a title, ignored with one warning (extraKey
	// is empty for workbooks).
	extraWarned bool
	warnings    []Problem
	err         error // sticky: io.EOF or the *FileError that ended the file

	// Warnings given once.
	nfcWarned, zeroWarned     bool
	zeroCSVWarned, capsWarned bool
	aliasWarned               map[string]bool // group spellings read as a plan's group
	quietNFC                  bool            // the file was converted from another encoding: NFC is expected, not news

	groups map[string]groupResult // ParseGroup cache

	// rows maps a hash of each row's cells (rowKey) to its line, to find a
	// row pasted twice (of the first maxSameRows rows).
	rows map[uint64]int32
	seed maphash.Seed
}

// source is where the cells come from: a CSV stream or a sheet.
type source interface {
	// next returns the next record's cells and the line it starts on. A
	// record that cannot be parsed gives a *rowError; the end gives io.EOF.
	next() (line int, cells []string, err error)
	// numeric reports whether the cell at column col of line is a number in
	// the file (an Excel number cell); always false for CSV.
	numeric(col, line int) bool
	progress() (done, total int64)
	close() error
}

// rowError is a record the source could not split into cells; the reader
// turns it into a row with one problem, and goes on.
type rowError struct {
	line int
	key  string
}

func (e *rowError) Error() string { return e.key }

// Open opens a roster file: .csv or .txt as CSV text, .xlsx as an Excel
// workbook. The first bytes are checked against the extension, so a
// workbook saved with a .csv name, an old .xls, a PDF or a binary file gives
// a *FileError saying what the file really is and how to save it instead.
// The header row is found before Open returns: a file without one is a
// *FileError too.
func Open(path string) (*Reader, error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".csv", ".txt", ".xlsx":
	case ".xls":
		return nil, &FileError{Path: path, Key: "roster.file.xls"}
	case ".ods":
		return nil, &FileError{Path: path, Key: "roster.file.ods"}
	default:
		return nil, &FileError{Path: path, Key: "roster.file.ext", Args: []any{ext}}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &FileError{Path: path, Key: "roster.file.open", Args: []any{openReason(err)}}
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &FileError{Path: path, Key: "roster.file.open", Args: []any{openReason(err)}}
	}
	if st.IsDir() {
		f.Close()
		return nil, &FileError{Path: path, Key: "roster.file.dir"}
	}
	r, err := open(path, ext, f, st.Size())
	if err != nil {
		f.Close()
		return nil, err
	}
	return r, nil
}

// openReason is err without the path, which FileError already shows.
func openReason(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// open reads the roster in f; the reader owns f from then on (Close closes
// it) if open succeeds.
func open(path, ext string, f readSeekCloser, size int64) (*Reader, error) {
	head := make([]byte, sampleSize)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, &FileError{Path: path, Key: "roster.file.open", Args: []any{err.Error()}}
	}
	head = head[:n]
	if len(bytes.TrimSpace(bytes.TrimPrefix(head, utf8BOM))) == 0 {
		return nil, &FileError{Path: path, Key: "roster.file.empty"}
	}
	kind := sniff(head)
	r := &Reader{path: path}
	if ext == ".xlsx" {
		switch kind {
		case kindZip:
			return r, r.openXLSX(f)
		case kindText:
			return nil, &FileError{Path: path, Key: "roster.file.textasxlsx"}
		}
		return nil, kindError(path, kind, head)
	}
	if kind != kindText {
		e := kindError(path, kind, head)
		if e.Key == "roster.file.zipascsv" {
			e.Args = []any{ext}
		}
		return nil, e
	}
	return r, r.openCSV(f, head, size)
}

type readSeekCloser interface {
	io.ReadSeeker
	io.Closer
}

// fileKind is what the first bytes say a file is.
type fileKind int

const (
	kindText fileKind = iota
	kindZip           // .xlsx, .ods, .docx, .zip
	kindOLE           // .xls (Excel 97-2003), .doc, or a password-protected .xlsx
	kindPDF
	kindMarkup // HTML or XML "Excel" exports
	kindBinary
)

var utf8BOM = []byte("\xEF\xBB\xBF")

// sniff tells the kind of a file from its first bytes.
func sniff(b []byte) fileKind {
	switch {
	case bytes.HasPrefix(b, []byte("PK\x03\x04")), bytes.HasPrefix(b, []byte("PK\x05\x06")):
		return kindZip
	case bytes.HasPrefix(b, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")):
		return kindOLE
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return kindPDF
	}
	if bytes.HasPrefix(b, []byte("\xFF\xFE")) || bytes.HasPrefix(b, []byte("\xFE\xFF")) {
		return kindText // UTF-16 with a byte order mark: Excel's "Unicode Text"
	}
	t := bytes.TrimLeft(bytes.TrimPrefix(b, utf8BOM), " \t\r\n")
	if len(t) > 0 && t[0] == '<' {
		lower := bytes.ToLower(t[:min(len(t), 1024)])
		for _, tag := range []string{"<html", "<!doctype html", "<table", "<?xml", "<workbook"} {
			if bytes.HasPrefix(lower, []byte(tag)) || bytes.Contains(lower, []byte(tag)) {
				return kindMarkup
			}
		}
	}
	if looksBinary(b) {
		return kindBinary
	}
	return kindText
}

// looksBinary reports a NUL byte, or more than 1% control bytes other than
// tab, line breaks, form feed and the DOS end-of-file mark.
func looksBinary(b []byte) bool {
	n := 0
	for _, c := range b {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1A:
			n++
		}
	}
	return n*100 > len(b)
}

// kindError is the FileError for a file of the wrong kind.
func kindError(path string, kind fileKind, head []byte) *FileError {
	key := "roster.file.binary"
	switch kind {
	case kindZip:
		key = "roster.file.zipascsv"
		if bytes.Contains(head[:min(len(head), 200)], []byte("opendocument.spreadsheet")) {
			key = "roster.file.ods"
		}
	case kindOLE:
		key = "roster.file.xls"
	case kindPDF:
		key = "roster.file.pdf"
	case kindMarkup:
		key = "roster.file.markup"
	}
	return &FileError{Path: path, Key: key}
}

// Next returns the next row, or io.EOF after the last one. Blank rows are
// skipped. A row with problems is returned like any other, with its
// Problems set; an error is a *FileError that ends the file.
func (r *Reader) Next() (Row, error) {
	if r.err != nil {
		return Row{}, r.err
	}
	for {
		line, cells, err := r.src.next()
		if err != nil {
			var re *rowError
			if errors.As(err, &re) {
				return Row{Line: re.line, Problems: []Problem{{Line: re.line, Key: re.key}}}, nil
			}
			var fe *FileError
			switch {
			case err == io.EOF:
				r.err = io.EOF
			case errors.As(err, &fe):
				if fe.Path == "" {
					fe.Path = r.path
				}
				r.err = fe
			default:
				r.err = &FileError{Path: r.path, Line: line, Key: "roster.file.read", Args: []any{err.Error()}}
			}
			return Row{}, r.err
		}
		if blank(cells, r.cols[fieldSTT]) {
			continue
		}
		if r.isFooter(cells) {
			r.warn(line, "roster.footer", footerText(cells))
			continue
		}
		if first, dup := r.seenRow(line, cells); dup {
			r.warn(line, "roster.row.same", first)
			continue
		}
		return r.makeRow(line, cells), nil
	}
}

// Progress reports how far the reader is: bytes read of the file's size for
// CSV, rows read of the sheet's rows for XLSX (total is 0 when unknown). It
// never goes backwards and is safe to call while another goroutine reads.
func (r *Reader) Progress() (done, total int64) { return r.src.progress() }

// Warnings lists what the reader changed or ignored so far: unknown columns,
// text normalised to NFC, a file converted from another encoding, ID
// numbers whose leading zero was put back. Complete once Next returned
// io.EOF.
func (r *Reader) Warnings() []Problem { return r.warnings }

// Close releases the file.
func (r *Reader) Close() error { return r.src.close() }

func (r *Reader) warn(line int, key string, args ...any) {
	r.warnings = append(r.warnings, Problem{Line: line, Key: key, Args: args})
}

// useHeader takes h, found on line, as the file's header.
func (r *Reader) useHeader(line int, h header) error {
	if h.hasDup {
		return &FileError{Path: r.path, Line: line, Key: "roster.file.duplicate", Args: []any{h.dup[0], h.dup[1]}}
	}
	r.cols = h.cols
	r.width = h.width
	for _, u := range h.unknown {
		r.warn(line, "roster.column.ignored", u)
	}
	return nil
}

// noHeader is the FileError when no header was found; near is the first row
// that looked like a header without a name column, if any.
func (r *Reader) noHeader(nearLine int) *FileError {
	if nearLine > 0 {
		return &FileError{Path: r.path, Line: nearLine, Key: "roster.file.noname"}
	}
	return &FileError{Path: r.path, Key: "roster.file.noheader"}
}
