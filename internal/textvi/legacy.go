package textvi

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// Names of the legacy encodings, as returned by DetectLegacy and accepted by
// DecodeLegacy.
const (
	TCVN3      = "TCVN3 (ABC)"
	VNIWindows = "VNI-Windows"
)

// DecodeLegacy converts bytes in the named legacy encoding (TCVN3 or
// VNIWindows) to NFC UTF-8 text, to show the user what their file would look
// like converted.
//
// If b is valid UTF-8 whose characters all fit in Windows-1252, it is taken to
// be legacy text that was already read as Windows-1252 and saved as UTF-8
// (an Excel sheet typed in a VNI or .Vn font, exported as UTF-8 CSV), and is
// first turned back into the original bytes. A leading UTF-8 byte order mark
// is dropped.
func DecodeLegacy(b []byte, name string) (string, error) {
	var decode func([]byte) string
	switch name {
	case TCVN3:
		decode = decodeTCVN3
	case VNIWindows:
		decode = decodeVNI
	default:
		return "", fmt.Errorf("textvi: unknown legacy encoding %q", name)
	}
	b = bytes.TrimPrefix(b, utf8BOM)
	if utf8.Valid(b) {
		if raw, ok := unwrapMojibake(b); ok {
			b = raw
		}
	}
	return NFC(decode(b)), nil
}

// DetectLegacy looks at bytes that are not valid UTF-8 (or are valid UTF-8
// that reads like legacy text seen through Windows-1252, "Vieät Nam") and
// reports whether they look like Vietnamese in TCVN3 (ABC) or VNI-Windows.
//
// It decodes the bytes both ways and counts the words that carry decoded
// non-ASCII letters, and how many of those are well-formed Vietnamese
// syllables. An encoding is reported only if at least 3 such words are well
// formed, at least 3 in 4 of them are, and the bytes read worse in
// the obvious alternative (Windows-1258 for non-UTF-8 input, the UTF-8 text
// itself otherwise). Random bytes, Western Latin-1 text, real UTF-8
// Vietnamese (even with a few bad bytes) and Windows-1258 files all come out
// ok=false. Only the first 64 KiB are examined.
func DetectLegacy(b []byte) (name string, ok bool) {
	b = sample(bytes.TrimPrefix(b, utf8BOM), 64<<10)
	var other string // the alternative reading to beat
	if utf8.Valid(b) {
		raw, fits := unwrapMojibake(b)
		if !fits {
			return "", false
		}
		other, b = string(b), raw
	} else {
		if MostlyUTF8(b) {
			return "", false
		}
		other = decodeCharmap(b, charmap.Windows1258)
	}
	if looksBinary(b) {
		return "", false
	}

	tGood, tAll := score(NFC(decodeTCVN3(b)))
	vGood, vAll := score(NFC(decodeVNI(b)))
	oGood, _ := score(NFC(other))

	best, good, all := TCVN3, tGood, tAll
	if vGood > tGood || (vGood == tGood && vGood*tAll > tGood*vAll) {
		best, good, all = VNIWindows, vGood, vAll
	}
	if good < minSyllables || good*4 < all*3 || good <= oGood {
		return "", false
	}
	return best, true
}

// utf8BOM starts Excel's "CSV UTF-8" files, the usual carrier of legacy
// text already read as Windows-1252.
var utf8BOM = []byte("\xEF\xBB\xBF")

// minSyllables is the least number of well-formed syllables with legacy
// letters before DetectLegacy answers yes; fewer is too easy to hit by chance.
const minSyllables = 3

// score counts the words of s that contain a non-ASCII letter (all), and how
// many of those are Vietnamese syllables (good). Pure-ASCII words say nothing
// about the encoding and are skipped.
func score(s string) (good, all int) {
	start, nonASCII := -1, false
	flush := func(end int) {
		if start >= 0 && nonASCII {
			all++
			if isSyllable(s[start:end]) {
				good++
			}
		}
		start, nonASCII = -1, false
	}
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			if r >= utf8.RuneSelf {
				nonASCII = true
			}
			continue
		}
		flush(i)
	}
	flush(len(s))
	return good, all
}

// sample cuts b to at most limit bytes, at a space or line break if there
// is one, so a multi-byte character or a word is not split at the end.
func sample(b []byte, limit int) []byte {
	if len(b) <= limit {
		return b
	}
	b = b[:limit]
	if i := bytes.LastIndexAny(b, " \n"); i > 0 {
		b = b[:i]
	}
	return b
}

// MostlyUTF8 reports whether b, which is not valid UTF-8, has at least as
// many well-formed multi-byte UTF-8 sequences as stray bytes: damaged UTF-8,
// not legacy text. Legacy Vietnamese (TCVN3, VNI, Windows-1258) almost never
// forms a valid sequence, because its high bytes are rarely adjacent and a
// lead byte is rarely followed by a continuation byte.
func MostlyUTF8(b []byte) bool {
	seqs, stray := countUTF8(b)
	return seqs >= stray
}

// countUTF8 counts b's well-formed multi-byte UTF-8 sequences and its stray
// bytes (those that start no valid sequence).
func countUTF8(b []byte) (seqs, stray int) {
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		switch {
		case r == utf8.RuneError && size == 1:
			stray++
		case size > 1:
			seqs++
		}
		b = b[size:]
	}
	return seqs, stray
}

// looksBinary reports whether b has more than 1% control bytes other than
// the usual text ones (tab, line breaks, form feed, DOS end-of-file).
func looksBinary(b []byte) bool {
	n := 0
	for _, c := range b {
		if c < 0x20 && !isASCIISpace(c) && c != 0x1A {
			n++
		}
	}
	return n*100 > len(b)
}

// unwrapMojibake turns UTF-8 text back into the single bytes it was read
// from, if every character is one Windows-1252 (or Latin-1) could have
// produced and at least one is not ASCII.
func unwrapMojibake(b []byte) ([]byte, bool) {
	out := make([]byte, 0, len(b))
	high := false
	for _, r := range string(b) {
		switch {
		case r < 0x100:
			out = append(out, byte(r))
		default:
			c, ok := charmap.Windows1252.EncodeRune(r)
			if !ok {
				return nil, false
			}
			out = append(out, c)
		}
		if r >= utf8.RuneSelf {
			high = true
		}
	}
	return out, high
}

func decodeCharmap(b []byte, cm *charmap.Charmap) string {
	var s strings.Builder
	s.Grow(len(b))
	for _, c := range b {
		if c < utf8.RuneSelf {
			s.WriteByte(c)
		} else {
			s.WriteRune(cm.DecodeByte(c))
		}
	}
	return s.String()
}

// TCVN3 (TCVN 5712:1993, the "ABC" .Vn fonts).
//
// 0xA0-0xFF follow the standard (the same table as glibc's TCVN5712-1):
// lower-case letters with tones, Ă Â Ê Ô Ơ Ư Đ at 0xA1-0xA7, combining tone
// marks at 0xB0-0xB4, and a few capitals with tones in slots the ABC fonts
// leave unused. The standard's other capitals, in 0x80-0x9F and in control
// codes (its VN1 table), are not decoded: ABC text writes capitals with the
// same codes in an upper-case font (.VnTimeH), so those bytes in real files
// are Windows punctuation (“ ” – …) and controls.
var tcvn3High = [0x60]rune{
	0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110, // 0xA0
	0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0, // 0xA8
	0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3, // 0xB0
	0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4, // 0xB8
	0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7, // 0xC0
	0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD, // 0xC8
	0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC, // 0xD0
	0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2, // 0xD8
	0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7, // 0xE0
	0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9, // 0xE8
	0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF, // 0xF0
	0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0, // 0xF8
}

// decodeTCVN3 returns the text of b, not yet NFC (0xB0-0xB4 are combining).
func decodeTCVN3(b []byte) string {
	var s strings.Builder
	s.Grow(len(b) * 2)
	for _, c := range b {
		switch {
		case c < utf8.RuneSelf:
			s.WriteByte(c)
		case c < 0xA0:
			s.WriteRune(charmap.Windows1252.DecodeByte(c))
		default:
			s.WriteRune(tcvn3High[c-0xA0])
		}
	}
	return s.String()
}

// VNI-Windows (the VNI fonts): a vowel is written as its ASCII letter followed
// by one byte carrying the tone, or the circumflex/breve with or without a
// tone ("Vieät" = Việt). ơ ư đ and the toned i/ỵ forms are single bytes.
// Byte values are Windows-1252 letters; upper case is lower case minus 0x20.
// Keys are the lower-case bytes.
var (
	vniMarks = map[byte]string{
		0xF9: "\u0301", // ù: sắc
		0xF8: "\u0300", // ø: huyền
		0xFB: "\u0309", // û: hỏi
		0xF5: "\u0303", // õ: ngã
		0xEF: "\u0323", // ï: nặng
		0xE2: "\u0302", // â: circumflex (â ê ô)
		0xE1: "\u0302\u0301",
		0xE0: "\u0302\u0300",
		0xE5: "\u0302\u0309",
		0xE3: "\u0302\u0303",
		0xE4: "\u0302\u0323",
		0xEA: "\u0306", // ê: breve (ă)
		0xE9: "\u0306\u0301",
		0xE8: "\u0306\u0300",
		0xFA: "\u0306\u0309",
		0xFC: "\u0306\u0303",
		0xEB: "\u0306\u0323",
	}
	vniLetters = map[byte]rune{
		0xF4: 'ơ', 0xF6: 'ư', 0xF1: 'đ',
		0xED: 'í', 0xEC: 'ì', 0xE6: 'ỉ', 0xF3: 'ĩ', 0xF2: 'ị', 0xEE: 'ỵ',
	}
)

// decodeVNI returns the text of b, not yet NFC. A mark byte is applied only
// after a letter it can go on (the breve only on a, the circumflex on a e o,
// a tone on any untoned vowel); elsewhere it stays the Windows-1252 letter it
// is, so stray Western text ("café") is not mangled further.
func decodeVNI(b []byte) string {
	var s strings.Builder
	s.Grow(len(b) * 2)
	var prev rune // last letter written, 0 once a mark was put on it
	for _, c := range b {
		if c < utf8.RuneSelf {
			s.WriteByte(c)
			prev = rune(c)
			continue
		}
		lower, upper := c, false
		if 0xC0 <= c && c < 0xE0 {
			lower, upper = c+0x20, true
		}
		if r, ok := vniLetters[lower]; ok {
			if upper {
				r = unicode.ToUpper(r)
			}
			s.WriteRune(r)
			prev = r
			continue
		}
		if m, ok := vniMarks[lower]; ok && vniTakes(prev, m) {
			s.WriteString(m)
			prev = 0
			continue
		}
		r := charmap.Windows1252.DecodeByte(c)
		s.WriteRune(r)
		prev = r
	}
	return s.String()
}

// vniTakes reports whether the combining sequence m can go on letter prev.
func vniTakes(prev rune, m string) bool {
	switch m[:2] { // first mark, each is two bytes in UTF-8
	case "\u0306":
		return prev == 'a' || prev == 'A'
	case "\u0302":
		return strings.ContainsRune("aeoAEO", prev)
	}
	v, ok := vowels[unicode.ToLower(prev)]
	return ok && v.tone == toneNone
}
