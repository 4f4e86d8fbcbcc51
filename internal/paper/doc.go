// Package paper lays documents out for print: a Doc (a header as Decree
// 30/2020/NĐ-CP sets it out for an administrative document, paragraphs,
// tables and signature blocks) written as PDF, with Liberation Serif
// embedded, or as DOCX for Word and LibreOffice.
//
// It knows layout only: what a document says is built by the domain that
// owns it (the minutes in internal/report, a deck's handout in
// internal/deck), so both formats always say the same.
package paper

import (
	"strings"
	"time"
)

// Align is how a paragraph or a table column is aligned.
type Align int

const (
	Left Align = iota
	Center
	Right
	Justify
)

// Run is a piece of a paragraph's text in one style.
type Run struct {
	Text         string
	Bold, Italic bool
}

// Para is a paragraph. A paragraph of several runs flows left-aligned (a
// bold label, then its value); one run takes Align.
type Para struct {
	Runs  []Run
	Align Align
	// Size is the font size in points; 0 is the body's.
	Size float64
	// Indent indents the first line, as the decree asks of body text.
	Indent bool
	// Before is extra space above, in points.
	Before float64
	// Bullet, when set, is a list item's mark ("•", "2."), hung in the
	// margin before the text, whose lines all start Left in.
	Bullet string
	// Left indents every line, in millimetres.
	Left float64
	// KeepNext keeps the paragraph on the page of what follows (a heading,
	// a table's caption).
	KeepNext bool
	// Keep is room in millimetres the paragraph keeps below itself on its
	// page, so that it is not parted from what follows (the closing
	// sentence from the signatures).
	Keep float64
}

// Table is a table with a header row, rows and an optional footer row in
// bold.
type Table struct {
	Widths []float64 // relative widths of the columns
	Align  []Align   // per column; missing: Left
	Head   []string
	Rows   [][]string
	Foot   []string // nil: none
	// Size is the font size in points; 0: a point below the body's.
	Size float64
	// MinRow is a row's least height in millimetres (a sign-in sheet's
	// room to sign); 0: as high as its text.
	MinRow float64
}

// Header is the top of an administrative document (Decree 30/2020/NĐ-CP,
// Appendix I): on the left the body above, the issuing body and the
// document's number; on the right the national name, the motto and the
// place and date.
type Header struct {
	Above, Body, Number     string
	Nation, Motto, Dateline string
}

// Signature is one signature block: the signer's role, a hint ("Ký, ghi rõ
// họ tên"), room to sign and the name.
type Signature struct {
	Title, Hint, Name string
}

// Signatures are signature blocks side by side.
type Signatures []Signature

// PageBreak starts a new page.
type PageBreak struct{}

// Block is a Para, a Table, Signatures or a PageBreak.
type Block any

// Doc is a document to print.
type Doc struct {
	Title     string // the file's title (PDF metadata, DOCX core properties)
	Landscape bool
	Header    *Header // nil: none
	Blocks    []Block
	// Created is the time the file records as made (zero: none), so that
	// the same minutes give the same file.
	Created time.Time
}

// Text is one run of plain text.
func Text(s string) []Run { return []Run{{Text: s}} }

// Bold is one run of bold text.
func Bold(s string) []Run { return []Run{{Text: s, Bold: true}} }

// Item is "label: value" with the label in bold.
func Item(label, value string) Para {
	return Para{Runs: []Run{{Text: label + ": ", Bold: true}, {Text: value}}}
}

// clean is s as printable text: no control characters (the callers clean
// their text; this keeps a stray one from reaching a PDF stream or XML).
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xfffe || r == 0xffff:
			return -1
		}
		return r
	}, s)
}
