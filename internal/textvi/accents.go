package textvi

import (
	"strings"
	"unicode/utf8"
)

// AccentsAgree reports whether the diacritics typed in query agree with text.
// Search ignores diacritics, so "Lê Văn Tám" also finds "Lê Văn Tâm"; this
// tells the two apart, so that what the clerk typed in full ranks first and a
// command-line query is not taken for someone else.
//
// Every query word that carries diacritics must be the start of some word of
// text, comparing letters with their marks (â, ă, ê, ô, ơ, ư, đ) and the
// word's tone. A query word with no tone mark agrees with any tone, because
// it may still be being typed ("tâ" on the way to "tấm"); words without
// diacritics always agree. The tone belongs to the word, so "Hoà" and "Hòa",
// "Thuỷ" and "Thủy" agree: old and new tone placement are both common.
func AccentsAgree(query, text string) bool {
	if isASCII(query) {
		return true
	}
	var words []accentWord
	for qw := range strings.FieldsSeq(query) {
		q := splitTone(qw)
		if q.tone == 0 && Fold(q.letters) == q.letters {
			continue // no diacritics
		}
		if words == nil {
			for tw := range strings.FieldsSeq(text) {
				words = append(words, splitTone(tw))
			}
		}
		found := false
		for _, w := range words {
			if strings.HasPrefix(w.letters, q.letters) && (q.tone == 0 || q.tone == w.tone) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// accentWord is a word in lower case without its tone mark (NFC), and the tone
// mark (a combining rune; 0 for the level tone).
type accentWord struct {
	letters string
	tone    rune
}

func splitTone(word string) accentWord {
	if !IsNFC(word) {
		word = NFC(word)
	}
	var w accentWord
	var b strings.Builder
	for _, r := range word {
		m, _ := markOf(r)
		if m.tone != 0 {
			w.tone = m.tone
		}
		if m.letter != 0 {
			b.WriteRune(m.letter)
		}
	}
	w.letters = b.String()
	return w
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
