// Package i18n holds the interface strings in Vietnamese (the default) and English.
//
// Every string the user reads goes through Lang.T with a key from the catalog, so a
// translation is never missing silently: a test checks both languages for every key.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is an interface language.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Parse reads a language name, in any case, also as a locale (en_US.UTF-8,
// vi-VN); ok is false for a language the interface does not have, which
// then reads as Vietnamese, the default.
func Parse(s string) (l Lang, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, l := range []Lang{VI, EN} {
		code := string(l)
		if s == code || strings.HasPrefix(s, code+"_") || strings.HasPrefix(s, code+"-") || strings.HasPrefix(s, code+".") {
			return l, true
		}
	}
	return VI, false
}

// T returns the string for key in l, formatted with args like fmt.Sprintf.
// An unknown key comes back as itself so that a typo shows on screen and in tests.
func (l Lang) T(key string, args ...any) string {
	pair, ok := catalog[key]
	if !ok {
		return key
	}
	s := pair[0]
	if l == EN {
		s = pair[1]
	}
	if len(args) == 0 {
		return s
	}
	return fmt.Sprintf(s, args...)
}

// register adds a part of the catalog kept in its own file (one file per
// area, so areas can grow without touching each other). A key defined twice
// is a programming error.
func register(part map[string][2]string) {
	for k, v := range part {
		if _, dup := catalog[k]; dup {
			panic("i18n: key defined twice: " + k)
		}
		catalog[k] = v
	}
}
