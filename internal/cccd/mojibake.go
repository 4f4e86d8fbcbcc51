package cccd

import (
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/unicode/norm"
)

// repairMojibake undoes what a scanner set to a Western or Vietnamese
// Windows keyboard layout does to UTF-8 text: each byte typed as the
// Windows-1252 (or Windows-1258) character it is, "Nguyễn" as "Nguyá»…n".
// It turns each character back into its byte (Latin-1 for the bytes
// Windows-1252 leaves undefined); the result is the repair when every
// character maps and the bytes are valid UTF-8 with a letter beyond ASCII.
// Real Vietnamese text does not survive that test: its letters (ễ, ị, ư…)
// are not one byte of either code page, or their bytes are not UTF-8.
func repairMojibake(s string) (string, bool) {
	for _, cm := range []*charmap.Charmap{charmap.Windows1252, charmap.Windows1258} {
		// Windows-1258 decodes some bytes to combining marks, which NFC
		// (the card's text is NFC) composes with the letter before them.
		for _, form := range []string{s, norm.NFD.String(s)} {
			if b, ok := bytesOf(form, cm); ok && utf8.Valid(b) {
				return norm.NFC.String(string(b)), true
			}
		}
	}
	return s, false
}

// bytesOf is s with each character as its byte in cm, if each has one and
// at least one is not ASCII.
func bytesOf(s string, cm *charmap.Charmap) ([]byte, bool) {
	out := make([]byte, 0, len(s))
	high := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			out = append(out, byte(r))
			continue
		}
		high = true
		if c, ok := cm.EncodeRune(r); ok {
			out = append(out, c)
			continue
		}
		if r < 0x100 && cm == charmap.Windows1252 {
			out = append(out, byte(r)) // 0x81, 0x8D, 0x8F, 0x90, 0x9D: Latin-1's
			continue
		}
		return nil, false
	}
	return out, high
}
