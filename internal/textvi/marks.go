package textvi

import (
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A word's diacritics taken apart: its letters with their marks (â, ă, ê,
// ô, ơ, ư, đ) and its tone, which belongs to the word wherever it is
// written. Marks keys a whole name by them (the import and the walk-in
// duplicate check); AccentsAgree compares a query's words with them.

// Marks is a name's spelling with its diacritics, in a form that is equal
// for equal spellings: lower case, each letter with its marks but the tone,
// precomposed, and each word followed by its tone mark, so that old and new
// tone placement ("Hoà", "Hòa") are equal. It is "" for a name without
// diacritics.
func Marks(name string) string {
	m, ok := AppendMarks(nil, name)
	if !ok {
		return ""
	}
	return string(m)
}

// AppendMarks appends Marks(name) to dst, and reports false, with dst as it
// may be left, for a name without diacritics.
func AppendMarks(dst []byte, name string) ([]byte, bool) {
	ascii := true
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return dst, false
	}
	// A name of ASCII and the tables' letters is NFC: the tables hold only
	// runes that are, and none combines with another. Others are put in NFC
	// first, as IsNFC would cost more than the rest.
	out, marked, tabled := appendMarksNFC(dst, name)
	if !tabled && !IsNFC(name) {
		out, marked, _ = appendMarksNFC(dst, NFC(name))
	}
	return out, marked
}

// appendMarksNFC is AppendMarks for a name in NFC; tabled reports that every
// rune was ASCII or in the tables, which makes the name NFC.
func appendMarksNFC(dst []byte, name string) (out []byte, marked, tabled bool) {
	var tone rune
	inWord, space := false, false
	tabled = true
	for i := 0; i < len(name); {
		var m letterMarks
		if c := name[i]; c < utf8.RuneSelf {
			i++
			if c == ' ' || '\t' <= c && c <= '\r' {
				space = inWord
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			m.letter = rune(c)
		} else {
			r, size := utf8.DecodeRuneInString(name[i:])
			i += size
			if unicode.IsSpace(r) {
				space = inWord
				continue
			}
			var ok bool
			m, ok = markOf(r)
			tabled = tabled && ok
		}
		if space {
			if tone != 0 {
				dst = utf8.AppendRune(dst, tone)
				tone = 0
			}
			dst = append(dst, ' ')
			space = false
		}
		inWord = true
		if m.tone != 0 {
			tone = m.tone
		}
		if m.letter != 0 {
			dst = utf8.AppendRune(dst, m.letter)
		}
		marked = marked || m.marked
	}
	if tone != 0 {
		dst = utf8.AppendRune(dst, tone)
	}
	return dst, marked, tabled
}

// letterMarks is a rune of a name taken apart: the letter in lower case
// without its tone (0 for a lone tone mark), the tone mark (a combining
// rune, 0 for the level tone), and whether it carries a diacritic at all.
type letterMarks struct {
	letter, tone rune
	marked       bool
}

// Tables of letterMarks for the blocks that hold every Vietnamese letter,
// as the fold tables: U+00C0..U+024F and U+1E00..U+1EFF. A zero entry
// means the rune is worked out by markOf's general path.
var (
	marksLatin [0x250 - 0xC0]letterMarks
	marksExtra [0x100]letterMarks
)

// marksOnce fills the tables on first use, not at init (see foldOnce).
var marksOnce sync.Once

func fillMarks() {
	fill := func(tab []letterMarks, first rune) {
		for i := range tab {
			tab[i] = splitMarks(first + rune(i))
		}
	}
	fill(marksLatin[:], 0xC0)
	fill(marksExtra[:], 0x1E00)
	// Ð/ð (eth) look like Đ/đ and turn up in Vietnamese data typed or
	// converted with the wrong character; Fold takes them for d too.
	for _, r := range "ĐđÐð" {
		marksLatin[r-0xC0] = letterMarks{letter: 'đ', marked: true}
	}
}

// markOf takes r apart; ok reports an ASCII rune or one from the tables.
func markOf(r rune) (m letterMarks, ok bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return letterMarks{letter: r}, true
	}
	marksOnce.Do(fillMarks)
	switch {
	case 0xC0 <= r && r < 0x250 && marksLatin[r-0xC0].letter != 0:
		return marksLatin[r-0xC0], true
	case 0x1E00 <= r && r < 0x1F00 && marksExtra[r-0x1E00].letter != 0:
		return marksExtra[r-0x1E00], true
	case isTone(r):
		return letterMarks{tone: r, marked: true}, false
	}
	return letterMarks{letter: unicode.ToLower(r), marked: unicode.Is(unicode.Mn, r)}, false
}

// splitMarks takes r apart through its decomposition; a rune that NFC
// changes, or whose letter without the tone is not one rune, gets the zero
// letterMarks.
func splitMarks(r rune) letterMarks {
	if norm.NFC.String(string(r)) != string(r) {
		return letterMarks{}
	}
	var m letterMarks
	var rest []rune
	for _, x := range norm.NFD.String(string(r)) {
		switch {
		case isTone(x):
			m.tone, m.marked = x, true
		case unicode.Is(unicode.Mn, x):
			m.marked = true
			rest = append(rest, x)
		default:
			rest = append(rest, unicode.ToLower(x))
		}
	}
	letter := []rune(norm.NFC.String(string(rest)))
	if len(letter) != 1 {
		return letterMarks{}
	}
	m.letter = letter[0]
	return m
}

// isTone reports the combining marks of the five tones other than the level
// one: huyền, sắc, ngã, hỏi, nặng.
func isTone(r rune) bool {
	switch r {
	case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323':
		return true
	}
	return false
}
