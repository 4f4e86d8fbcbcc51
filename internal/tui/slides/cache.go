package slides

import (
	"strings"

	"briefing/internal/deck"
	tea "charm.land/bubbletea/v2"
)

// Cache keeps a deck's slides rendered at one width and style. Rendering happens only in
// Cmds, off the UI goroutine (the slide needed now, or the whole deck in the background), so
// that a slow slide never holds back a key: Update merges what they bring; View only reads.
type Cache struct {
	deck    *deck.Deck
	width   int
	style   deck.Style
	steps   [][]string   // [slide][step], nil until rendered
	pending map[int]bool // slides whose render Ensure started
}

// NewCache makes an empty cache for a deck.
func NewCache(d *deck.Deck) *Cache { return &Cache{deck: d} }

// Resize sets the width and style; a change throws the rendered slides away.
func (c *Cache) Resize(width int, style deck.Style) {
	if width == c.width && style == c.style && c.steps != nil {
		return
	}
	c.width, c.style = width, style
	c.steps = make([][]string, len(c.deck.Slides))
	c.pending = map[int]bool{}
}

// Width is the text width slides are rendered at.
func (c *Cache) Width() int { return c.width }

// Ready reports whether a step is rendered.
func (c *Cache) Ready(p Pos) bool {
	return c.steps != nil && c.steps[p.Slide] != nil && c.steps[p.Slide][p.Step] != ""
}

// Ensure asks for slide p: nil when it is rendered or on its way, else a Cmd that renders
// it off the UI goroutine. Called from Update only.
func (c *Cache) Ensure(p Pos) tea.Cmd {
	if c.steps == nil || c.Ready(p) || c.pending[p.Slide] {
		return nil
	}
	c.pending[p.Slide] = true
	d, width, style, i := c.deck, c.width, c.style, p.Slide
	return func() tea.Msg {
		r, err := deck.NewRenderer(width, style)
		if err != nil {
			return nil
		}
		steps := make([][]string, len(d.Slides))
		steps[i] = renderSlide(r, d.Slides[i])
		return RenderedMsg{Deck: d, Width: width, Style: style, Steps: steps}
	}
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
	if c.steps == nil || m.Deck != c.deck || m.Width != c.width || m.Style != c.style {
		return false
	}
	for i, s := range m.Steps {
		if c.steps[i] == nil && s != nil {
			c.steps[i] = s
			delete(c.pending, i)
		}
	}
	return true
}

func renderSlide(r *deck.Renderer, s deck.Slide) []string {
	out := make([]string, len(s.Steps))
	for i, md := range s.Steps {
		text, err := r.Render(md)
		if err != nil { // past a slide's limits (a deck parsed with errors): its text as written
			text = md[:min(len(md), deck.MaxSlideBytes)]
		}
		if text == "" {
			text = " "
		}
		out[i] = strings.TrimRight(text, "\n")
	}
	return out
}
