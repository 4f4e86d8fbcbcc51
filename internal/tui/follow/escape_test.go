package follow

import (
	"strings"
	"testing"

	"briefing/internal/deck"
	"briefing/internal/i18n"
)

// Escape sequences written in a deck's notes or slide titles (a window
// title, a clipboard write, a screen clear, colours) reach the follow
// screen as text, never as commands to the terminal.
func TestFollowViewDropsEscapesFromNotesAndTitles(t *testing.T) {
	f := newQuestionsFixture(t)
	src := "---\ntitle: Thử\nid: thu\nversion: 1\nlang: vi\nduration: 10\n---\n" +
		"# Mở đầu\x1b]0;pwn\a\n\nNội dung\n\n???\nGhi chú \x1b[2J\x1b]52;c;ZXZpbA==\a đỏ \x1b[5;31mnháy\u202e\n" +
		"---\n# Trang hai \x1b[2J\n\nHết\n"
	d, problems := deck.Parse("thu.md", []byte(src))
	if d == nil {
		t.Fatalf("parse: %v", problems)
	}
	f.deck = d
	f.sess.Deck.Slides = len(d.Slides)
	view := f.model(t, i18n.VI, 100, 30).View()
	for _, bad := range []string{"\x1b]0;pwn", "\x1b]52", "\x1b[2J", "\x1b[5;31m", "\a", "\u202e"} {
		if strings.Contains(view, bad) {
			t.Errorf("the follow screen holds %q:\n%q", bad, view)
		}
	}
	if !strings.Contains(view, "Ghi chú") {
		t.Errorf("the notes are gone:\n%s", view)
	}
}
