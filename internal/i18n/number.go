package i18n

import "strconv"

// Number writes n with the language's thousands separator: 10.000 in
// Vietnamese, 10,000 in English, so a length in a message reads at a glance.
func (l Lang) Number(n int) string {
	sep := "."
	if l == EN {
		sep = ","
	}
	digits := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, digits = "-", digits[1:]
	}
	var b []byte
	for i := range len(digits) {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, sep...)
		}
		b = append(b, digits[i])
	}
	return sign + string(b)
}
