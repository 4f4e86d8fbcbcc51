// Package i18n holds the interface strings in Vietnamese (the default) and English.
//
// Every string the user reads goes through Lang.T with a key from the catalog, so a
// translation is never missing silently: a test checks both languages for every key.
package i18n

import (
	"fmt"
	"os"
	"strings"
)

// Lang is an interface language.
type Lang string

const (
	VI Lang = "vi"
	EN Lang = "en"
)

// Parse reads a language name; anything but English means Vietnamese, the default.
func Parse(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") {
		return EN
	}
	return VI
}

// FromEnv gives the language from BRIEFING_LANG, Vietnamese when unset.
func FromEnv() Lang { return Parse(os.Getenv("BRIEFING_LANG")) }

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
