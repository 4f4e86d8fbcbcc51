package textvi

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tones, in the order of the columns of vowelRows.
const (
	toneNone = iota
	toneGrave
	toneAcute
	toneHook
	toneTilde
	toneDot
)

// vowelRows lists the twelve Vietnamese vowels, each with its five tones in
// the order none, huyền (grave), sắc (acute), hỏi (hook), ngã (tilde), nặng
// (dot below). All NFC.
var vowelRows = [...]string{
	"aàáảãạ",
	"ăằắẳẵặ",
	"âầấẩẫậ",
	"eèéẻẽẹ",
	"êềếểễệ",
	"iìíỉĩị",
	"oòóỏõọ",
	"ôồốổỗộ",
	"ơờớởỡợ",
	"uùúủũụ",
	"ưừứửữự",
	"yỳýỷỹỵ",
}

type tonedVowel struct {
	base rune // the vowel without tone, e.g. 'â' for 'ấ'
	tone int
}

// vowels maps every lower-case Vietnamese vowel, toned or not, to its parts.
var vowels = func() map[rune]tonedVowel {
	m := make(map[rune]tonedVowel, 72)
	for _, row := range vowelRows {
		base, _ := utf8.DecodeRuneInString(row)
		tone := 0
		for _, r := range row {
			m[r] = tonedVowel{base, tone}
			tone++
		}
	}
	return m
}()

func isConsonant(r rune) bool {
	return strings.ContainsRune("bcdđghklmnpqrstvx", r)
}

// initials are the Vietnamese onset spellings, longest first so that the
// first prefix match is the right one.
var initials = [...]string{
	"ngh",
	"ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr",
	"b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
}

// Vowel clusters (tone removed) and whether a final consonant may, must or
// must not follow.
const (
	open   = iota + 1 // no final consonant: "ai", "ươi"
	closed            // needs one: "ăn", "iên", "uông"
	either            // "a", "an"
)

var clusters = map[string]int{
	"a": either, "ă": closed, "â": closed, "e": either, "ê": either,
	"i": either, "o": either, "ô": either, "ơ": either, "u": either,
	"ư": either, "y": either,

	"ai": open, "ao": open, "au": open, "ay": open, "âu": open, "ây": open,
	"eo": open, "êu": open, "ia": open, "iu": open, "oi": open, "ôi": open,
	"ơi": open, "ui": open, "ưi": open, "ưu": open, "ua": open, "ưa": open,
	"uơ": open,
	"oa": either, "oe": either, "uê": either, "uy": either,
	"oă": closed, "uâ": closed, "iê": closed, "yê": closed, "uô": closed,
	"ươ": closed, "oo": closed,

	"iêu": open, "yêu": open, "oai": open, "oay": open, "oao": open,
	"oeo": open, "uây": open, "uôi": open, "ươi": open, "ươu": open,
	"uyu": open, "uya": open,
	"uyê": closed,
}

// isSyllable reports whether word (letters only, any case, NFC) is a
// well-formed Vietnamese syllable: a known onset, a known vowel cluster, an
// allowed final, at most one tone, stop finals (c, ch, p, t) only with sắc or
// nặng, and the c/k, g/gh, ng/ngh spelling rules. It is the core of the
// legacy-encoding detector: bytes decoded with the wrong table rarely form
// such syllables.
func isSyllable(word string) bool {
	var buf [8]rune
	n, tone := 0, toneNone
	for _, r := range word {
		if n == len(buf) {
			return false // "nghiêng" is the longest, at 7 letters
		}
		r = unicode.ToLower(r)
		if v, ok := vowels[r]; ok {
			if v.tone != toneNone {
				if tone != toneNone {
					return false
				}
				tone = v.tone
			}
			r = v.base
		} else if !isConsonant(r) {
			return false
		}
		buf[n] = r
		n++
	}
	letters := buf[:n]

	onset := ""
	for _, in := range initials {
		if hasPrefix(letters, in) {
			onset = in
			break
		}
	}
	rest := letters[utf8.RuneCountInString(onset):]
	// "gì", "gìn": the i is the vowel, not part of a "gi" onset.
	if onset == "gi" && (len(rest) == 0 || !isVowel(rest[0])) {
		onset, rest = "g", letters[1:]
	}

	nv := 0
	for nv < len(rest) && isVowel(rest[nv]) {
		nv++
	}
	kind, ok := clusters[string(rest[:nv])]
	if !ok {
		return false
	}
	switch final := string(rest[nv:]); final {
	case "":
		if kind == closed {
			return false
		}
	case "c", "ch", "p", "t":
		if kind == open || (tone != toneAcute && tone != toneDot) {
			return false
		}
	case "m", "n", "ng", "nh":
		if kind == open {
			return false
		}
	default:
		return false
	}

	front := strings.ContainsRune("eêiy", rest[0])
	switch onset {
	case "c", "ng":
		return !front
	case "k", "gh", "ngh":
		return front
	case "g":
		return rest[0] != 'e' && rest[0] != 'ê'
	}
	return true
}

func isVowel(r rune) bool {
	_, ok := vowels[r]
	return ok
}

func hasPrefix(rs []rune, prefix string) bool {
	i := 0
	for _, p := range prefix {
		if i >= len(rs) || rs[i] != p {
			return false
		}
		i++
	}
	return true
}
