package paper

import (
	"strings"
	"sync"

	"golang.org/x/image/font/sfnt"
)

// The PDF's font draws what it has glyphs for. A character it lacks (CJK,
// Arabic, an emoji) would print as a blank, and one past U+FFFF made fpdf
// panic; pdfText shows each as the replacement character instead, so the
// paper shows that something was there (the DOCX keeps the text whole).
var (
	glyphMu    sync.Mutex
	glyphFont  *sfnt.Font
	glyphBuf   sfnt.Buffer
	glyphKnown = map[rune]bool{}
)

// hasGlyph reports whether the PDF's font draws r.
func hasGlyph(r rune) bool {
	if r < 0x250 { // Latin, its supplements and extensions: all there
		return true
	}
	if r > 0xffff {
		return false
	}
	glyphMu.Lock()
	defer glyphMu.Unlock()
	if ok, seen := glyphKnown[r]; seen {
		return ok
	}
	if glyphFont == nil {
		f, err := sfnt.Parse(fontRegular)
		if err != nil {
			return false
		}
		glyphFont = f
	}
	i, err := glyphFont.GlyphIndex(&glyphBuf, r)
	ok := err == nil && i != 0
	if len(glyphKnown) < 1<<16 {
		glyphKnown[r] = ok
	}
	return ok
}

// pdfText is s as the PDF prints it: clean, with what the font cannot draw
// shown as U+FFFD (or ? if the font lacked that too).
func pdfText(s string) string {
	s = clean(s)
	missing := '\ufffd'
	if !hasGlyph(missing) {
		missing = '?'
	}
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' || hasGlyph(r) {
			return r
		}
		return missing
	}, s)
}
