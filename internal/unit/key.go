package unit

import (
	"strings"
	"unicode"

	"briefing/internal/textvi"
)

// Key is what the spellings of one unit have in common: folded (case and
// diacritics gone, đ as d), punctuation as spaces, without a leading "UBND"
// or "Ủy ban nhân dân" and a ward's "P."/"P"/"Phường", numbers without
// leading zeros. "UBND Phường 04", "P.4", "P4" and "phuong 4" all give "4";
// "Phường Tân Sơn Hòa" gives "tan son hoa". An empty key names nothing.
//
// This is the one place unit names are normalised: aliases cover the
// spellings it does not, such as "Phường 2 (cũ)".
func Key(spelling string) string {
	words := strings.FieldsFunc(textvi.Fold(textvi.FieldText(spelling)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	// Repeated, so that a key is its own key ("UBND P. Phường 4" is rare but
	// must not give "4" here and "phuong 4" there).
	for n := -1; n != len(words); {
		n = len(words)
		words = dropPrefix(words, "ubnd")
		words = dropPrefix(words, "uy", "ban", "nhan", "dan")
		if len(words) > 0 {
			// "P4", "P04", "phuong4": the prefix glued to the number.
			for _, p := range []string{"phuong", "p"} {
				if rest, ok := strings.CutPrefix(words[0], p); ok && allDigits(rest) {
					words = append([]string{p, rest}, words[1:]...)
					break
				}
			}
		}
		words = dropPrefix(words, "phuong")
		words = dropPrefix(words, "p")
	}
	for i, w := range words {
		if allDigits(w) {
			if t := strings.TrimLeft(w, "0"); t != "" {
				words[i] = t
			} else {
				words[i] = "0"
			}
		}
	}
	return strings.Join(words, " ")
}

// dropPrefix removes prefix from the start of words when something follows it.
func dropPrefix(words []string, prefix ...string) []string {
	if len(words) <= len(prefix) {
		return words
	}
	for i, p := range prefix {
		if words[i] != p {
			return words
		}
	}
	return words[len(prefix):]
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
