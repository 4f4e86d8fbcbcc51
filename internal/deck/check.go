package deck

import "strings"

// The smallest screen a deck must fit: 80x24 less the status line and a blank line above it.
const (
	CheckWidth  = 80
	CheckHeight = 24 - 2
)

// Check parses a deck and adds the warnings that need rendering: a slide step taller than
// fits an 80x24 terminal.
func Check(source string, data []byte) (*Deck, []Problem) {
	d, problems := Parse(source, data)
	if d == nil || HasErrors(problems) {
		return d, problems
	}
	r, err := NewRenderer(SlideWidth(CheckWidth), Plain)
	if err != nil {
		return d, problems
	}
	for i, s := range d.Slides {
		out, err := r.Render(s.Body())
		if err != nil {
			problems = append(problems, Problem{Line: s.Line, Severity: Error, Key: "deck.render", Args: []any{i + 1, err.Error()}})
			continue
		}
		if h := strings.Count(out, "\n") + 1; h > CheckHeight {
			problems = append(problems, Problem{Line: s.Line, Severity: Warning, Key: "deck.overflow", Args: []any{i + 1, h, CheckHeight}})
		}
	}
	return d, problems
}

// SlideWidth is the text width a slide gets on a screen of the given width: a margin on each
// side, and no wider than reads well from the back of a hall.
func SlideWidth(screen int) int {
	const maxWidth = 100
	return min(max(screen-4, 10), maxWidth)
}
