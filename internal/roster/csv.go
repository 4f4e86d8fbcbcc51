package roster

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"briefing/internal/textvi"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// sampleSize is how much of a CSV file is read to tell its kind, encoding,
// separator and header.
const sampleSize = 64 << 10

// maxRecordBytes bounds one CSV record. A quote that is opened and never
// closed would otherwise make encoding/csv read the rest of the file into
// one field.
const maxRecordBytes = 1 << 20

// encoding is how a CSV file's text is stored.
type encoding int

const (
	encUTF8 encoding = iota
	encUTF16
	enc1258
)

// utf16 decodes UTF-16 in the byte order its byte order mark says (Excel's
// "Unicode Text" is little-endian).
var utf16 = unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)

// separators, in the order preferred when the header does not decide.
var separators = []rune{';', ',', '\t'}

// extraKeys is the problem of a row with more cells than the header, by
// separator: the message names the character that split a cell.
var extraKeys = map[rune]string{
	',':  "roster.row.cells",
	';':  "roster.row.cells.semicolon",
	'\t': "roster.row.cells.tab",
}

// csvSource streams records from a CSV file.
type csvSource struct {
	closer io.Closer
	size   int64
	read   atomic.Int64 // bytes of the file read so far
	guard  *guardReader
	csv    *csv.Reader
	line   int // line of the last record, for errors without one
	end    int // the line the last record ends on
}

// openCSV detects the encoding, separator and header from the first bytes
// (head), then positions the reader on the first row after the header.
func (r *Reader) openCSV(f readSeekCloser, head []byte, size int64) error {
	enc, err := r.detectEncoding(head)
	if err != nil {
		return err
	}
	// Old Mac Excel ("CSV (Macintosh)") ends lines with CR alone.
	crOnly := enc != encUTF16 && bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0
	if crOnly {
		head = bytes.ReplaceAll(head, []byte("\r"), []byte("\n"))
	}
	text := decodeSample(head, enc, len(head) < sampleSize)

	sep, h, skip, headerLine, nearLine := findCSVHeader(text)
	if skip < 0 {
		return r.noHeader(nearLine)
	}
	if err := r.useHeader(headerLine, h); err != nil {
		return err
	}
	r.extraKey = extraKeys[sep]

	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return &FileError{Path: r.path, Key: "roster.file.open", Args: []any{err.Error()}}
	}
	src := &csvSource{closer: f, size: size}
	var in io.Reader = &countingReader{r: f, n: &src.read}
	if crOnly {
		in = crToLF{in}
	}
	switch enc {
	case encUTF8:
		in = skipBOM(in)
	case encUTF16:
		in = transform.NewReader(in, utf16.NewDecoder())
	case enc1258:
		in = transform.NewReader(in, charmap.Windows1258.NewDecoder())
	}
	src.guard = &guardReader{r: in, limit: maxRecordBytes, lastQuote: -1}
	src.csv = newCSV(src.guard, sep)
	for i := 0; i <= skip; i++ { // the rows above the header, and the header
		if _, _, err := src.next(); err == io.EOF {
			break
		}
	}
	r.src = src
	return nil
}

func newCSV(in io.Reader, sep rune) *csv.Reader {
	c := csv.NewReader(in)
	c.Comma = sep
	c.FieldsPerRecord = -1
	c.ReuseRecord = true
	return c
}

// detectEncoding decides how the file's text is stored from its first
// bytes. A legacy Vietnamese encoding (TCVN3, VNI) or undecodable bytes are
// a *FileError; Windows-1258, as Excel's "CSV (Comma delimited)" writes on
// Vietnamese Windows, is converted with a warning.
func (r *Reader) detectEncoding(head []byte) (encoding, error) {
	if bytes.HasPrefix(head, []byte("\xFF\xFE")) || bytes.HasPrefix(head, []byte("\xFE\xFF")) {
		r.warn(1, "roster.encoding.utf16")
		return encUTF16, nil
	}
	body := bytes.TrimPrefix(head, utf8BOM)
	full := len(head) < sampleSize
	if !full {
		body = trimPartialRune(body)
	}
	valid := utf8.Valid(body)
	// DetectLegacy turns damaged UTF-8 down after this same count (body is
	// within the 64 KiB it looks at), so it is asked only when the count says
	// no, or when a second byte order mark, which it drops, may change it.
	mostly := !valid && textvi.MostlyUTF8(body)
	if !mostly || bytes.HasPrefix(body, utf8BOM) {
		if name, ok := textvi.DetectLegacy(body); ok {
			key := "roster.file.legacy"
			if valid {
				key = "roster.file.legacyfont" // legacy-font text saved as UTF-8
			}
			return 0, &FileError{Path: r.path, Line: firstHighLine(body), Key: key, Args: []any{name}}
		}
	}
	if valid || mostly {
		// Damaged UTF-8 (a few bad bytes) is read as UTF-8; the rows with
		// bad bytes get a problem.
		return encUTF8, nil
	}
	if decodesCleanly(body) {
		r.warn(firstHighLine(body), "roster.encoding.1258")
		r.quietNFC = true
		return enc1258, nil
	}
	return 0, &FileError{Path: r.path, Line: firstInvalidLine(body), Key: "roster.file.notutf8"}
}

// trimPartialRune drops an incomplete UTF-8 sequence cut at the end of a
// sample.
func trimPartialRune(b []byte) []byte {
	for i := 1; i <= utf8.UTFMax && i <= len(b); i++ {
		c := b[len(b)-i]
		if utf8.RuneStart(c) {
			if !utf8.FullRune(b[len(b)-i:]) {
				return b[:len(b)-i]
			}
			break
		}
	}
	return b
}

// decodesCleanly reports whether b reads as Windows-1258: no byte the code
// page leaves undefined.
func decodesCleanly(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 && charmap.Windows1258.DecodeByte(c) == utf8.RuneError {
			return false
		}
	}
	return true
}

func firstHighLine(b []byte) int {
	i := bytes.IndexFunc(b, func(r rune) bool { return r >= utf8.RuneSelf })
	if i < 0 {
		return 1
	}
	return 1 + bytes.Count(b[:i], []byte("\n"))
}

func firstInvalidLine(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return 1 + bytes.Count(b[:i], []byte("\n"))
		}
		i += size
	}
	return 1
}

// decodeSample is the text of the first bytes. A sample cut short loses its
// last (partial) line.
func decodeSample(head []byte, enc encoding, whole bool) string {
	var s string
	switch enc {
	case encUTF16:
		if !whole {
			head = head[:len(head)&^1]
		}
		b, _ := utf16.NewDecoder().Bytes(head)
		s = string(b)
	case enc1258:
		b, _ := charmap.Windows1258.NewDecoder().Bytes(head)
		s = string(b)
	default:
		s = string(bytes.TrimPrefix(head, utf8BOM))
	}
	if !whole {
		if i := strings.LastIndexByte(s, '\n'); i >= 0 {
			s = s[:i+1]
		}
	}
	return s
}

// findCSVHeader tries each separator on the sample and keeps the one whose
// header (the first row among the first non-blank ones with a name column)
// has the most known columns. skip is the number of records before the
// header, -1 when none has one; nearLine is then the line of a row that
// looked like a header without a name column (0 if none).
func findCSVHeader(text string) (sep rune, h header, skip, line, nearLine int) {
	skip = -1
	for _, s := range separators {
		c := newCSV(strings.NewReader(text), s)
		c.ReuseRecord = false
		nonBlank := 0
		for i := 0; nonBlank < headerSearchRows; i++ {
			rec, err := c.Read()
			if err == io.EOF {
				break
			}
			var pe *csv.ParseError
			if err != nil && !errors.As(err, &pe) {
				break
			}
			nonBlank++ // encoding/csv skips empty lines itself
			if err != nil {
				continue
			}
			if blank(rec, -1) {
				nonBlank--
				continue
			}
			cand := readHeader(rec)
			l, _ := c.FieldPos(0)
			if !cand.hasName() {
				if nearLine == 0 && cand.looksLikeHeader() {
					nearLine = l
				}
				continue
			}
			if skip < 0 || cand.known > h.known {
				sep, h, skip, line = s, cand, i, l
			}
			break
		}
	}
	return sep, h, skip, line, nearLine
}

// next reads one record. Cells are valid until the next call.
func (s *csvSource) next() (int, []string, error) {
	rec, err := s.csv.Read()
	if err == nil {
		s.line, _ = s.csv.FieldPos(0)
		s.end, _ = s.csv.FieldPos(len(rec) - 1)
		if last := rec[len(rec)-1]; strings.IndexByte(last, '\n') >= 0 {
			s.end += strings.Count(last, "\n") // a quoted cell with line breaks
		}
		s.guard.limit = s.csv.InputOffset() + maxRecordBytes
		return s.line, rec, nil
	}
	var pe *csv.ParseError
	switch {
	case err == io.EOF:
		return 0, nil, io.EOF
	case errors.Is(err, errRecordTooLong):
		// The record that starts after the last one is over the limit: a
		// quote opened and never closed ran on, or, with no quote in it,
		// a line is simply that long.
		line := s.end + 1
		if s.guard.lastQuote >= s.guard.limit-maxRecordBytes {
			return line, nil, &FileError{Line: line, Key: "roster.file.toolong"}
		}
		return line, nil, &FileError{Line: line, Key: "roster.file.linelong", Args: []any{maxRecordBytes}}
	case errors.As(err, &pe):
		s.line, s.end = pe.StartLine, pe.Line
		s.guard.limit = s.csv.InputOffset() + maxRecordBytes
		return pe.StartLine, nil, &rowError{line: pe.StartLine, key: "roster.row.quote"}
	}
	return s.line, nil, err
}

func (s *csvSource) numeric(col, line int) bool { return false }

func (s *csvSource) progress() (int64, int64) {
	done := s.read.Load()
	return done, max(done, s.size)
}

func (s *csvSource) close() error { return s.closer.Close() }

// countingReader counts the bytes read, for Progress.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

var errRecordTooLong = errors.New("roster: CSV record too long")

// guardReader fails once more than limit bytes were read: the CSV source
// moves the limit past each record it returns. It notes where the last
// double quote was, to tell an unclosed quote from a long line.
type guardReader struct {
	r         io.Reader
	read      int64
	limit     int64
	lastQuote int64 // offset of the last '"' read, -1 before one
}

func (g *guardReader) Read(p []byte) (int, error) {
	if g.read >= g.limit {
		return 0, errRecordTooLong
	}
	if room := g.limit - g.read; int64(len(p)) > room {
		p = p[:room]
	}
	n, err := g.r.Read(p)
	if bytes.IndexByte(p[:n], '"') >= 0 { // IndexByte first: fast where quotes are few
		g.lastQuote = g.read + int64(bytes.LastIndexByte(p[:n], '"'))
	}
	g.read += int64(n)
	return n, err
}

// crToLF turns every CR into LF, for files whose lines end with CR alone.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}

// skipBOM drops a leading UTF-8 byte order mark.
func skipBOM(r io.Reader) io.Reader {
	return &bomSkipper{r: r}
}

type bomSkipper struct {
	r    io.Reader
	done bool
	buf  []byte
}

func (b *bomSkipper) Read(p []byte) (int, error) {
	if !b.done {
		b.done = true
		head := make([]byte, len(utf8BOM))
		n, err := io.ReadFull(b.r, head)
		head = head[:n]
		if !bytes.Equal(head, utf8BOM) {
			b.buf = head
		}
		if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
			return 0, err
		}
	}
	if len(b.buf) > 0 {
		n := copy(p, b.buf)
		b.buf = b.buf[n:]
		return n, nil
	}
	return b.r.Read(p)
}
