package deck

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseDeck: any input parses without a panic, problems point at real lines, and every
// slide has at least one step.
func FuzzParseDeck(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.md")
	decks, _ := filepath.Glob("../../decks/*.md")
	for _, name := range append(files, decks...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("---\n---\n---\n???\n<!-- pause -->\n```\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, ps := Parse("f.md", data)
		lines := strings.Count(string(data), "\n") + strings.Count(string(data), "\r") + 2
		for _, p := range ps {
			if p.Line < 1 || p.Line > lines {
				t.Fatalf("problem at line %d of a %d-line input: %+v", p.Line, lines, p)
			}
		}
		if d == nil {
			return
		}
		for i, s := range d.Slides {
			if len(s.Steps) == 0 {
				t.Fatalf("slide %d has no steps", i)
			}
			if !utf8.ValidString(s.Body()) {
				t.Fatalf("slide %d body not UTF-8", i)
			}
		}
	})
}
