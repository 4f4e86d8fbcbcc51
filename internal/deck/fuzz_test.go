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
	// At and past the limits: nesting, steps, a slide's size, control characters, front matter.
	f.Add([]byte(limitsHead + "# S\n" + nestedList(MaxNesting+1)))
	f.Add([]byte(limitsHead + strings.Repeat("- > ", MaxNesting) + "a\n"))
	f.Add([]byte(limitsHead + "# S\n" + pauses(MaxSteps)))
	f.Add([]byte(limitsHead + strings.Repeat("x", MaxSlideBytes+1)))
	f.Add([]byte("---\nid: x\ntitle: \"\\e]0;t\\a\"\ntitle: y\nlang: fr\n---\n# \x1b[31m\u202e\t\u200b\n???\n\x9b2J\n"))
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
			if len(s.Steps) == 0 || len(s.Steps) > MaxSteps {
				t.Fatalf("slide %d has no steps", i)
			}
			if !utf8.ValidString(s.Body()) {
				t.Fatalf("slide %d body not UTF-8", i)
			}
			if len(s.Body()) <= MaxSlideBytes && shallow(s.Body()) && deepAt(s.Body()) >= 0 {
				t.Fatalf("slide %d: the quick bound missed a nesting deeper than %d", i, MaxNesting)
			}
			if strings.ContainsAny(s.Body()+s.Notes+s.Title+d.Meta.Title, "\x1b\u009b\u202e\u200b") {
				t.Fatalf("slide %d keeps a control character", i)
			}
		}
	})
}
