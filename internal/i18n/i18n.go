// Package i18n holds the interface strings in Vietnamese (the default) and English.
//
// Every string the user reads goes through Lang.T with a key from the catalog, so a
// translation is never missing silently: a test checks both languages for every key.
package i18n

import (
	"fmt"
	"strings"
	"sync"
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
	pair, ok := catalogMap()[key]
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

// message is one catalog entry: a key with its Vietnamese and English text.
// The parts are slices of these rather than map literals so that they are
// data in the binary: a map literal is built by code at every start of the
// program, whatever command runs (issue 16: 1 ms and 300 KB before the
// presenter's first frame).
type message struct{ key, vi, en string }

// parts are the catalog's parts, registered by each file's init.
var parts = [][]message{baseMessages}

// register adds a part of the catalog kept in its own file (one file per
// area, so areas can grow without touching each other).
func register(part []message) { parts = append(parts, part) }

// catalogMap is the catalog by key, built on first use. A key defined twice
// is a programming error.
var catalogMap = sync.OnceValue(func() map[string][2]string {
	n := 0
	for _, p := range parts {
		n += len(p)
	}
	m := make(map[string][2]string, n)
	for _, p := range parts {
		for _, e := range p {
			if _, dup := m[e.key]; dup {
				panic("i18n: key defined twice: " + e.key)
			}
			m[e.key] = [2]string{e.vi, e.en}
		}
	}
	return m
})
