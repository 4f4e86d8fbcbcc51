package unit

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// FromAddress is the unit an address names, as a citizen-ID card writes it
// ("Tổ 5, Khu phố 3, Phường 4, Quận 10, TP. Hồ Chí Minh"): its first part,
// from the most precise, that the catalog resolves. A part that starts with
// a digit ("12 Lý Thường Kiệt", "12") is a house, not a unit: the key of
// "12" would be Phường 12's.
func (c *Catalog) FromAddress(address string) (Unit, bool) {
	for part := range strings.SplitSeq(address, ",") {
		part = strings.TrimSpace(part)
		if r, _ := utf8.DecodeRuneInString(part); !unicode.IsLetter(r) {
			continue
		}
		if u, ok := c.Resolve(part); ok { // a merged unit resolves to its successor
			return u, true
		}
	}
	return Unit{}, false
}
