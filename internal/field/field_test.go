package field

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"briefing/internal/i18n"
)

func TestLineCleansAndLimits(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"\x1b]0;pwn\a Hội nghị\u202e", "]0;pwn Hội nghị"},
		{"\u200b\ufeff", ""}, // invisible only: empty
		{"  a\tb\nc ", "a b c"},
		{"\x9bX", "\ufffdX"},
	} {
		if got, err := Line(Title, tc.in); got != tc.want || err != nil {
			t.Errorf("Line(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
	if _, err := Line(Venue, strings.Repeat("ệ", MaxTitle)+"\u200b"); err != nil {
		t.Errorf("a venue at its limit: %v", err)
	}
	_, err := Line(Unit, strings.Repeat("ệ", MaxName+1))
	var tl *TooLongError
	if !errors.As(err, &tl) || tl.Field != Unit || tl.Runes != MaxName+1 || tl.Max != MaxName || !errors.Is(err, ErrTooLong) {
		t.Fatalf("a unit over its limit: %v", err)
	}
	for l, want := range map[i18n.Lang]string{i18n.VI: "Đơn vị dài 201 ký tự, quá giới hạn 200 ký tự", i18n.EN: "The unit is 201 characters long, over the limit of 200"} {
		if msg, ok := Message(l, err); !ok || !strings.Contains(msg, want) {
			t.Errorf("%s: %q", l, msg)
		}
	}
	if got, err := Text(Answer, "Dòng một\r\n\x1b[31mdòng hai\u202e  "); got != "Dòng một\n[31mdòng hai" || err != nil {
		t.Errorf("Text = %q, %v", got, err)
	}
}

// Every field has a label in both languages.
func TestEveryFieldHasALabel(t *testing.T) {
	for n := range limits {
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			if key := "field.label." + string(n); l.T(key) == key {
				t.Errorf("%s has no %s label", n, l)
			}
		}
	}
}

// Line gives one line without control or format characters, valid UTF-8,
// within its limit or refused, and the same text cleaned twice.
func FuzzLine(f *testing.F) {
	for _, s := range []string{"Phường 4", "\x1b]0;x\a", "\u202e\u200b", "\x9b", "a\r\nb"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Line(Asker, s)
		if !utf8.ValidString(got) {
			t.Fatalf("Line(%q) = %q: invalid UTF-8", s, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("Line(%q) = %q holds %U", s, got, r)
			}
		}
		if n := utf8.RuneCountInString(got); (err != nil) != (n > MaxName) {
			t.Fatalf("Line(%q): %d characters, error %v", s, n, err)
		}
		if again, _ := Line(Asker, got); again != got {
			t.Fatalf("Line(Line(%q)) = %q, not %q", s, again, got)
		}
	})
}
