// Package textvi holds Vietnamese text helpers: Unicode normalisation, search
// folding ("Nguyễn" -> "nguyen"), and detection/decoding of the pre-Unicode
// encodings TCVN3 (ABC) and VNI-Windows that old Vietnamese files still use.
package textvi

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// NFC returns s in Unicode NFC (precomposed). Fast path when already NFC:
// norm returns s itself, without allocating, after a quick check.
func NFC(s string) string { return norm.NFC.String(s) }

// IsNFC reports whether s is already NFC. It does not allocate when the
// answer is yes: ASCII is NFC, and so is text whose quick check spans it all
// (norm's IsNormalString allocates on every call).
func IsNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return norm.NFC.QuickSpanString(s) == len(s) || norm.NFC.IsNormalString(s)
		}
	}
	return true
}

// Fold turns s into a search key: NFC, lower case, Vietnamese diacritics
// removed, đ/Đ -> d, runs of whitespace collapsed to one space, trimmed.
// "Nguyễn Văn Ấn" -> "nguyen van an", "Đặng" -> "dang".
//
// Other marks (Mn) are dropped too, from any script, so that text and query
// fold the same way whether they arrived precomposed or decomposed. Invalid
// UTF-8 bytes become U+FFFD.
func Fold(s string) string {
	if isFoldedASCII(s) {
		return s
	}
	var b strings.Builder
	// Vietnamese letters shrink from 2-3 bytes to 1, so len(s) is nearly
	// always enough: one allocation, for the result.
	b.Grow(len(s))
	space := false // a space is owed before the next non-space
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if isASCIISpace(c) {
				space = b.Len() > 0
				continue
			}
			if space {
				b.WriteByte(' ')
				space = false
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if f := foldTable(r); f != 0 {
			if space {
				b.WriteByte(' ')
				space = false
			}
			b.WriteByte(f)
			continue
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		foldRune(&b, r, 0)
	}
	return b.String()
}

// ContainsFold reports whether the folded query occurs in the folded text.
func ContainsFold(text, query string) bool {
	return FoldedContains(text, Fold(query))
}

// FoldedContains is ContainsFold for a query already folded with Fold, so
// that one query tried against many texts is folded once.
func FoldedContains(text, foldedQuery string) bool {
	return strings.Contains(Fold(text), foldedQuery)
}

// isFoldedASCII reports whether s is ASCII that Fold would return unchanged,
// so the common already-clean case costs one scan and no allocation.
func isFoldedASCII(s string) bool {
	prevSpace := true // a leading space is not folded
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf || ('A' <= c && c <= 'Z'):
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case isASCIISpace(c):
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// isASCIISpace matches unicode.IsSpace for ASCII.
func isASCIISpace(c byte) bool {
	return c == ' ' || ('\t' <= c && c <= '\r')
}

// Fold tables for the two blocks that hold every Vietnamese letter (Latin-1
// Supplement through Latin Extended-B, and Latin Extended Additional). An
// entry is the ASCII letter the rune folds to, or 0 for "use foldRune".
var (
	foldLatin [0x250 - 0xC0]byte // U+00C0..U+024F
	foldExtra [0x100]byte        // U+1E00..U+1EFF
)

// foldOnce fills the tables on first use, not at init: they take a few
// milliseconds of normalising, which every start of the program (the
// presenter's too) paid whether it folded text or not.
var foldOnce sync.Once

func fillFoldTables() {
	fill := func(tab []byte, first rune) {
		for i := range tab {
			r := first + rune(i)
			var b strings.Builder
			foldRune(&b, r, 0)
			if s := b.String(); len(s) == 1 && s[0] < utf8.RuneSelf {
				tab[i] = s[0]
			}
		}
	}
	fill(foldLatin[:], 0xC0)
	fill(foldExtra[:], 0x1E00)
	// Đ/đ have no decomposition. Ð/ð (eth) look the same and turn up in
	// Vietnamese data typed or converted with the wrong character.
	for _, r := range "ĐđÐð" {
		foldLatin[r-0xC0] = 'd'
	}
}

// foldTable is the ASCII letter r folds to, 0 for "use foldRune".
func foldTable(r rune) byte {
	foldOnce.Do(fillFoldTables)
	return foldTableRaw(r)
}

// foldTableRaw reads the tables as they stand: while they are filled,
// foldRune finds the entries not filled yet zero and works them out.
func foldTableRaw(r rune) byte {
	switch {
	case 0xC0 <= r && r < 0x250:
		return foldLatin[r-0xC0]
	case 0x1E00 <= r && r < 0x1F00:
		return foldExtra[r-0x1E00]
	}
	return 0
}

// foldRune is the general path: decompose (NFD), drop the marks, lower the
// rest. A rune whose decomposition has no mark is kept whole (lowered), so
// e.g. Hangul syllables are not split into jamo.
func foldRune(b *strings.Builder, r rune, depth int) {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		b.WriteByte(byte(r))
		return
	}
	if unicode.Is(unicode.Mn, r) {
		return
	}
	if f := foldTableRaw(r); f != 0 {
		b.WriteByte(f)
		return
	}
	var in [utf8.UTFMax]byte
	var buf [64]byte
	d := norm.NFD.Append(buf[:0], in[:utf8.EncodeRune(in[:], r)]...)
	if depth < 4 && hasMark(d) {
		for _, x := range string(d) {
			foldRune(b, x, depth+1)
		}
		return
	}
	l := unicode.ToLower(r)
	if l != r && depth < 4 {
		// The lower-case form may itself decompose; fold it again so that
		// Fold(Fold(s)) == Fold(s).
		foldRune(b, l, depth+1)
		return
	}
	b.WriteRune(l)
}

func hasMark(d []byte) bool {
	for _, x := range string(d) {
		if unicode.Is(unicode.Mn, x) {
			return true
		}
	}
	return false
}

// CleanSpaces returns s in NFC, trimmed, with each run of inner whitespace
// (line breaks included) turned into one space. Text that is already so
// comes back as it is, without allocating.
func CleanSpaces(s string) string {
	if !oddSpaces(s) && IsNFC(s) {
		return s
	}
	return strings.Join(strings.Fields(NFC(s)), " ")
}

// CleanSpacesNFC is CleanSpaces(s) for a caller that has already asked
// whether s is NFC: nfc must be IsNFC(s).
func CleanSpacesNFC(s string, nfc bool) string {
	if !nfc {
		s = NFC(s)
	} else if !oddSpaces(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// oddSpaces reports space around s, or inner whitespace that is not one
// plain space.
func oddSpaces(s string) bool {
	if s == "" {
		return false
	}
	prevSpace := true
	for _, r := range s {
		if unicode.IsSpace(r) {
			if prevSpace || r != ' ' {
				return true
			}
			prevSpace = true
			continue
		}
		prevSpace = false
	}
	return prevSpace
}

// OneLine puts s on one line: control characters (line breaks, tabs,
// escapes) become spaces, then whitespace is trimmed and each inner run
// becomes one space. Unlike CleanSpaces it leaves the normalisation alone.
func OneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// Printable drops control characters, which text pasted from a terminal or
// typed by a scanner may carry and which would move the cursor or recolour
// the screen when shown, and format characters (bidi overrides such as
// U+202E that reverse what follows, zero-width spaces); line breaks stay and
// tabs become spaces.
func Printable(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r == '\t':
			return ' '
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
}

// FieldText is one line of typed or imported text as a record keeps it:
// control characters (C0, C1: escapes, line breaks, tabs) become spaces,
// format characters (zero-width spaces, bidi overrides, a BOM) are dropped,
// spaces are cleaned and the text is NFC. Text that is already so comes
// back as it is, without allocating.
func FieldText(s string) string {
	if !HasInvisible(s) {
		return CleanSpaces(s)
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case unicode.IsControl(r):
			return ' '
		case unicode.Is(unicode.Cf, r):
			return -1
		}
		return r
	}, s)
	return CleanSpaces(s)
}

// DropFormat returns s without its format characters (Unicode Cf: bidi
// overrides, zero-width spaces, the soft hyphen), which show as nothing and
// would make a name differ from the same name typed.
func DropFormat(s string) string {
	if !HasInvisible(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1
		}
		return r
	}, s)
}

// HasLetterOrDigit reports whether s has a letter or a digit: something a
// search or a name can go by.
func HasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// invisible is a character FieldText changes: a control or format
// character, or an invalid byte (read as utf8.RuneError), which becomes
// U+FFFD rather than reach a terminal (a lone 0x9B is CSI to some).
func invisible(r rune) bool {
	switch {
	case r < 0x80:
		return r < 0x20 || r == 0x7f
	case r < 0x600: // Latin, with its marks: C1 and the soft hyphen only
		return r < 0xa0 || r == 0xad
	case 0x1e00 <= r && r < 0x2000: // Vietnamese letters, Greek
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
}

// HasInvisible reports whether s holds a control or format character, or
// an invalid byte, that FieldText would change (tab and line break included).
func HasInvisible(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if invisible(r) {
			return true
		}
		i += size
	}
	return false
}

// Shown is one line of stored text as a screen or a command prints it: s
// itself when it holds no control or format character (one scan, no
// allocation: text cleaned by FieldText when it was written), else
// FieldText(s), so that a record stored with an escape sequence by an old
// version or synced in is harmless wherever it is shown.
func Shown(s string) string {
	if HasInvisible(s) {
		return FieldText(s)
	}
	return s
}
