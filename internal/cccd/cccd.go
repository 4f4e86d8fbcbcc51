// Package cccd reads the QR code on a Vietnamese chip citizen-ID card (căn
// cước công dân, CCCD) as a USB barcode scanner types it, and turns the
// card number into the keyed hash that is all the program stores of it.
//
// # The QR payload
//
// The code holds fields separated by "|": the 12-digit number, the old
// 9-digit ID number (possibly empty), the full name, the date of birth
// DDMMYYYY, the gender (Nam/Nữ), the address and the issue date DDMMYYYY;
// newer cards add fields at the end, some cards have no old-number field
// at all. A scanner types the payload as keystrokes, so one set to a
// non-US keyboard layout garbles the separator and the Vietnamese letters.
// Parse trusts the digits, finds the fields around them (the two dates
// anchor the name and the address even when the separator also occurs
// inside them), and says when the name must be confirmed by the clerk.
//
// # The hash
//
// A citizen-ID number is personal data (Decree 13/2023/NĐ-CP): the program
// never stores or logs it. It keeps Hasher.Hash of it, an HMAC-SHA256 under
// a secret key, and the last four digits to show. The HMAC key is the same
// on every device of a district, so the district can tell that two devices
// registered the same person by comparing hashes, while someone holding a
// copy of the data cannot recover the numbers by hashing all possible ones
// (there are only about 10^11) without the key. No key is built into the
// program: each installation makes its own (NewKey) until the district's
// reaches it, and keeps it outside the database. Each hash is prefixed with
// the identifier of the key that made it, so when the district moves to a
// new key the old hashes are recognised as such rather than silently
// failing to match. The full number lives only in memory, between the scan
// and the hash.
package cccd

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
)

// Card is what was read from a card's QR code.
type Card struct {
	Number    string // 12 digits, ValidNumber
	OldNumber string // the old 9-digit ID number, or ""
	Name      string // NFC, spaces collapsed, as read
	// NameTrusted is false when the name looks garbled (characters that are
	// not Vietnamese letters, '?', U+FFFD, mojibake such as "Ã", separator
	// noise, or diacritics lost on the way): the clerk must confirm it.
	NameTrusted bool
	BirthDate   string // "DDMMYYYY" if a valid date, else ""
	Gender      string // "Nam" or "Nữ" when recognisable, else as read
	Address     string
	IssueDate   string // "DDMMYYYY" if a valid date, else ""
}

// String shows the card with the number masked, so that printing a card
// does not log the number.
func (c Card) String() string {
	return fmt.Sprintf("cccd.Card{Number:…%s Name:%q NameTrusted:%v}", Last4(c.Number), c.Name, c.NameTrusted)
}

// GoString masks the number in %#v too.
func (c Card) GoString() string { return c.String() }

// LogValue masks the number in structured logs.
func (c Card) LogValue() slog.Value { return slog.StringValue(c.String()) }

// Error is a payload that holds no usable number. Key is an i18n key.
type Error struct{ Key string }

// Error is the message in English.
func (e *Error) Error() string { return i18n.EN.T(e.Key) }

// Message is the message in l.
func (e *Error) Message(l i18n.Lang) string { return l.T(e.Key) }

// The errors Parse returns.
var (
	ErrNoNumber = &Error{Key: "cccd.nonumber"} // no 12-digit number
	ErrInvalid  = &Error{Key: "cccd.invalid"}  // 12 digits, but no province code
)

// ValidNumber reports whether s is a citizen-ID number: 12 ASCII digits,
// the first three a province code from 001 to 096.
func ValidNumber(s string) bool {
	if !digits(s, 12) {
		return false
	}
	p := int(s[0]-'0')*100 + int(s[1]-'0')*10 + int(s[2]-'0')
	return 1 <= p && p <= 96
}

// ParseNumber reads a number typed or scanned alone: 12 digits, possibly
// in groups separated by spaces, dots or dashes. It is what a search box
// should try when LooksLikeQR is false.
func ParseNumber(s string) (string, bool) {
	n := strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' || r == '-' {
			return -1
		}
		return r
	}, s)
	if !ValidNumber(n) {
		return "", false
	}
	return n, true
}

// Last4 is the last four characters of number, what may be shown and kept.
// It counts characters, not bytes, so a mistyped number is not cut inside
// one.
func Last4(number string) string {
	if n := utf8.RuneCountInString(number); n > 4 {
		return string([]rune(number)[n-4:])
	}
	return number
}

// LooksLikeQR reports whether s is plausibly a scanned payload rather than
// what a clerk types into a search box: 12 digits, then a separator that is
// neither a digit nor a space, then at least three more fields. A name, a
// phone number or a 12-digit number alone are not QR payloads.
func LooksLikeQR(s string) bool {
	s = trim(s)
	if len(s) < 13 || !digits(s[:12], 12) {
		return false
	}
	sep, _ := utf8.DecodeRuneInString(s[12:])
	if isDigit(sep) || unicode.IsSpace(sep) || sep == utf8.RuneError {
		return false
	}
	return strings.Count(s[12:], string(sep)) >= 3
}

// Parse reads a QR payload as a scanner typed it. Surrounding whitespace
// and control characters (the scanner's Enter) are dropped. The error is
// ErrNoNumber when no 12-digit number is found, ErrInvalid when the number
// found is not a valid one; otherwise every field that could be read is
// set. A bare number parses too, with no name (NameTrusted false).
func Parse(s string) (Card, error) {
	s = trim(strings.ToValidUTF8(s, "\uFFFD"))
	// A scanner set to a Windows layout types UTF-8 as Windows-1252 or
	// -1258 text: when the whole payload reverses, it is read repaired
	// (before the fields are cut and cleaned, which would drop a garbled
	// "à" ending in a no-break space); else each field is tried below.
	if fixed, ok := repairMojibake(s); ok {
		s = fixed
	}
	start, end := findNumber(s)
	if start < 0 {
		return Card{}, ErrNoNumber
	}
	c := Card{Number: s[start : start+12]}
	if !ValidNumber(c.Number) {
		return Card{}, ErrInvalid
	}
	var fields []string
	if end-start == 21 { // the separator between the two numbers was lost
		fields = append(fields, s[start+12:end])
	}
	sep := ""
	if rest := s[end:]; rest != "" {
		r, size := utf8.DecodeRuneInString(rest)
		sep = string(r)
		fields = append(fields, strings.Split(rest[size:], sep)...)
	}
	c.fill(fields, sep)
	// A payload garbled in part (a name typed in one layout, an address
	// in another) is repaired field by field where that reverses.
	if fixed, ok := repairMojibake(c.Name); ok && nameLooksRight(fixed) {
		c.Name = textvi.CleanSpaces(fixed)
	}
	if fixed, ok := repairMojibake(c.Address); ok {
		c.Address = textvi.CleanSpaces(fixed)
	}
	c.NameTrusted = c.Name != "" && nameLooksRight(c.Name) && !diacriticsLost(s, sep)
	return c, nil
}

// trim drops surrounding whitespace, control characters and byte order
// marks.
func trim(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\ufeff'
	})
}

// findNumber finds the first run of ASCII digits that is 12 long (the
// number) or 21 long (the number and the old number, their separator lost).
func findNumber(s string) (start, end int) {
	for i := 0; i < len(s); {
		if !isDigit(rune(s[i])) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(rune(s[j])) {
			j++
		}
		if n := j - i; n == 12 || n == 21 {
			return i, j
		}
		i = j
	}
	return -1, -1
}

// fill sets the fields after the number. The dates are the anchors: the
// name is everything up to the date of birth, the address everything from
// the gender to the issue date, joined again with the separator, which may
// be a garbled letter that belongs in them.
func (c *Card) fill(f []string, sep string) {
	i := 0
	if len(f) > 0 && (f[0] == "" || digits(f[0], len(f[0]))) {
		if digits(f[0], 9) {
			c.OldNumber = f[0]
		}
		i = 1
	}
	birth := nextDate(f, i)
	if birth < 0 {
		if i < len(f) {
			c.Name = textvi.CleanSpaces(f[i])
		}
		return
	}
	c.Name = textvi.CleanSpaces(strings.Join(f[i:birth], sep))
	c.BirthDate = validDate(f[birth])
	addr := birth + 2
	if birth+1 < len(f) {
		c.Gender = gender(f[birth+1])
		if g := strings.TrimSpace(f[birth+1]); (g == "N" || g == "n") && addr < len(f) && f[addr] == "" {
			// "Nữ" whose ữ came out as the separator: "N", "".
			c.Gender = "Nữ"
			addr++
		}
	}
	if addr >= len(f) {
		return
	}
	issue := nextDate(f, addr)
	if issue < 0 {
		c.Address = textvi.CleanSpaces(f[addr])
		return
	}
	c.Address = textvi.CleanSpaces(strings.Join(f[addr:issue], sep))
	c.IssueDate = validDate(f[issue])
}

// nextDate is the index of the first field from i that is 8 digits, or -1.
func nextDate(f []string, i int) int {
	for ; i < len(f); i++ {
		if digits(strings.TrimSpace(f[i]), 8) {
			return i
		}
	}
	return -1
}

// validDate is s if it is a real date DDMMYYYY between 1900 and 2100.
func validDate(s string) string {
	s = strings.TrimSpace(s)
	t, err := time.Parse("02012006", s)
	if err != nil || t.Year() < 1900 || t.Year() > 2100 {
		return ""
	}
	return s
}

// gender normalises "Nam" and "Nữ", including a "Nữ" whose ữ was garbled
// ("Nu", "N?", "Ná»¯"): Nam is plain ASCII and survives any scanner.
func gender(s string) string {
	s = textvi.CleanSpaces(s)
	f := textvi.Fold(s)
	switch {
	case f == "nam":
		return "Nam"
	case f == "nu":
		return "Nữ"
	}
	if n := utf8.RuneCountInString(s); n >= 2 && n <= 4 && (s[0] == 'N' || s[0] == 'n') && !strings.HasPrefix(f, "na") {
		return "Nữ"
	}
	return s
}

// vietnameseLetters are the lower-case letters a Vietnamese name is written
// with: the Latin alphabet (f, j, w, z occur in names of ethnic minorities)
// and the Vietnamese letters with their diacritics.
const vietnameseLetters = "abcdefghijklmnopqrstuvwxyz" +
	"àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

// nameLooksRight reports whether name is made of words of Vietnamese
// letters, each word written lower, Capitalised or UPPER. A '?', U+FFFD,
// a separator, mojibake ("Nguyá»…n", "VÄƒn", "NguyÃªn") all fail.
func nameLooksRight(name string) bool {
	for _, w := range strings.Fields(name) {
		upper, lower := 0, 0
		for k, r := range w {
			l := unicode.ToLower(r)
			if !strings.ContainsRune(vietnameseLetters, l) {
				return false
			}
			if k == 0 {
				continue
			}
			if l == r {
				lower++
			} else {
				upper++
			}
		}
		if upper > 0 && lower > 0 {
			return false
		}
	}
	return true
}

// diacriticsLost reports a payload with no letter beyond ASCII anywhere but
// in its separators (not even in the address, which always has some): the
// scanner dropped the diacritics, and "Nguyen Van An" may be Nguyễn Văn Ân.
func diacriticsLost(payload, sep string) bool {
	for _, r := range payload {
		if r >= utf8.RuneSelf && string(r) != sep {
			return false
		}
	}
	return true
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// digits reports whether s is exactly n ASCII digits.
func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(rune(s[i])) {
			return false
		}
	}
	return true
}

// Hasher turns citizen-ID numbers into keyed hashes. The zero Hasher is not
// usable; make one with NewHasher.
type Hasher struct {
	keyID string
	key   []byte
}

// NewHasher makes a Hasher for the district key identified by keyID. The key
// is secret and must be at least 16 random bytes; keyID names it in every
// hash and must be non-empty without ':'. It panics otherwise: a weak or
// unnamed key is a configuration error, not something to run with.
func NewHasher(keyID string, key []byte) Hasher {
	if keyID == "" || strings.Contains(keyID, ":") {
		panic("cccd: key id must be non-empty and without ':'")
	}
	if len(key) < 16 {
		panic("cccd: hash key shorter than 16 bytes")
	}
	return Hasher{keyID: keyID, key: append([]byte(nil), key...)}
}

// KeyID is the identifier of the hasher's key.
func (h Hasher) KeyID() string { return h.keyID }

// Hash is keyID + ":" + the hex HMAC-SHA256 of number under the key. number
// is used as given: pass the 12 digits of Card.Number or ParseNumber.
func (h Hasher) Hash(number string) string {
	if h.key == nil {
		panic("cccd: zero Hasher; use NewHasher")
	}
	mac := hmac.New(sha256.New, h.key)
	mac.Write([]byte(number))
	return h.keyID + ":" + hex.EncodeToString(mac.Sum(nil))
}

// String names the key without showing it.
func (h Hasher) String() string { return "cccd.Hasher{" + h.keyID + "}" }

// GoString hides the key in %#v too.
func (h Hasher) GoString() string { return h.String() }

// KeySize is the size of the keys NewKey makes.
const KeySize = 32

// NewKey makes a random hash key of KeySize bytes.
func NewKey() []byte {
	key := make([]byte, KeySize)
	rand.Read(key) // never fails (crypto/rand since Go 1.24)
	return key
}

// KeyID names key in the hashes made with it: "k" and 16 hex digits of a
// SHA-256 of the key. Every device holding the same key names it the same,
// so their hashes compare; the name gives nothing away about the key.
func KeyID(key []byte) string {
	sum := sha256.Sum256(append([]byte("briefing citizen-id key id\x00"), key...))
	return "k" + hex.EncodeToString(sum[:8])
}

// KeyIDOf is the key id a hash was made under ("" when hash has none).
func KeyIDOf(hash string) string {
	id, _, ok := strings.Cut(hash, ":")
	if !ok {
		return ""
	}
	return id
}
