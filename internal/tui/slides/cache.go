package slides

import (
	"strings"

	"briefing/internal/deck"
	tea "charm.land/bubbletea/v2"
)

// Cache keeps a deck's slides rendered at one width and style. Rendering happens in Update
// (one slide at a time when needed) or in a background Cmd (the whole deck); View only reads.
type Cache struct {
	deck  *deck.Deck
	width int
	style deck.Style
	steps [][]string // [slide][step], "" until rendered
	r     *deck.Renderer
}

// NewCache makes an empty cache for a deck.
func NewCache(d *deck.Deck) *Cache { return &Cache{deck: d} }

// Resize sets the width and style; a change throws the rendered slides away.
func (c *Cache) Resize(width int, style deck.Style) {
	if width == c.width && style == c.style && c.steps != nil {
		return
	}
	c.width, c.style, c.r = width, style, nil
	c.steps = make([][]string, len(c.deck.Slides))
}

// Width is the text width slides are rendered at.
func (c *Cache) Width() int { return c.width }

// Ready reports whether a step is rendered.
func (c *Cache) Ready(p Pos) bool {
	return c.steps != nil && c.steps[p.Slide] != nil && c.steps[p.Slide][p.Step] != ""
}

// Ensure renders one slide now if it is missing. Called from Update only.
func (c *Cache) Ensure(p Pos) {
	if c.steps == nil || c.Ready(p) {
		return
	}
	if c.r == nil {
		r, err := deck.NewRenderer(c.width, c.style)
		if err != nil {
			return
		}
		c.r = r
	}
	c.steps[p.Slide] = renderSlide(c.r, c.deck.Slides[p.Slide])
}

// Get returns a rendered step, "" when not rendered yet.
func (c *Cache) Get(p Pos) string {
	if !c.Ready(p) {
		return ""
	}
	return c.steps[p.Slide][p.Step]
}

// RenderedMsg carries a whole deck rendered in the background.
type RenderedMsg struct {
	Deck  *deck.Deck
	Width int
	Style deck.Style
	Steps [][]string
}

// RenderAllCmd renders every slide off the UI goroutine, with its own renderer.
func (c *Cache) RenderAllCmd() tea.Cmd {
	d, width, style := c.deck, c.width, c.style
	return func() tea.Msg {
		r, err := deck.NewRenderer(width, style)
		if err != nil {
			return nil
		}
		steps := make([][]string, len(d.Slides))
		for i, s := range d.Slides {
			steps[i] = renderSlide(r, s)
		}
		return RenderedMsg{Deck: d, Width: width, Style: style, Steps: steps}
	}
}

// Merge takes a background render if it is for this cache's deck, width and style.
func (c *Cache) Merge(m RenderedMsg) bool {
	if m.Deck != c.deck || m.Width != c.width || m.Style != c.style {
		return false
	}
	for i, s := range m.Steps {
		if c.steps[i] == nil {
			c.steps[i] = s
		}
	}
	return true
}

func renderSlide(r *deck.Renderer, s deck.Slide) []string {
	out := make([]string, len(s.Steps))
	for i, md := range s.Steps {
		text, err := r.Render(md)
		if err != nil {
			text = md
		}
		if text == "" {
			text = " "
		}
		out[i] = strings.TrimRight(text, "\n")
	}
	return out
}
