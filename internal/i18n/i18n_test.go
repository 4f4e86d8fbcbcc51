package i18n

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestCatalog: every string exists in both languages, is NFC, and takes the same arguments.
func TestCatalog(t *testing.T) {
	for key, pair := range catalogMap() {
		if pair[0] == "" || pair[1] == "" {
			t.Errorf("%s: missing a language: %q", key, pair)
		}
		for _, s := range pair {
			if !norm.NFC.IsNormalString(s) {
				t.Errorf("%s: not NFC: %q", key, s)
			}
		}
		if v, e := strings.Count(pair[0], "%"), strings.Count(pair[1], "%"); v != e {
			t.Errorf("%s: %d verbs in Vietnamese, %d in English", key, v, e)
		}
	}
}

func TestParse(t *testing.T) {
	for in, want := range map[string]Lang{"en": EN, "EN": EN, "en_US.UTF-8": EN, "vi": VI, "": VI, "fr": VI} {
		if got, _ := Parse(in); got != want {
			t.Errorf("Parse(%q) = %q", in, got)
		}
	}
	if got := EN.T("form.title"); got != "Title" {
		t.Errorf("EN title = %q", got)
	}
	if got := VI.T("no.such.key"); got != "no.such.key" {
		t.Errorf("unknown key = %q", got)
	}
}
