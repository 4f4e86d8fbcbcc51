package slides

import (
	"strings"

	"briefing/internal/deck"
	tea "charm.land/bubbletea/v2"
)

// Keep is how many rendered slides a Cache holds: the slides farthest from the one on
// screen are dropped past it, so a 2,000-slide deck costs what a 50-slide one does.
const Keep = 48

// Ahead and Behind are how many slides after and before the one on screen are rendered in
// the background, nearest first, so that → and ← find the next slide ready.
const (
	Ahead  = 6
	Behind = 2
)

// Cache keeps a deck's slides rendered at one width and style, around the slide on screen.
// Rendering happens only in Cmds, off the UI goroutine (the slide needed now, then its
// neighbours nearest first), so that a slow slide never holds back a key: Update merges what
// they bring; View only reads.
type Cache struct {
	deck    *deck.Deck
	width   int
	style   deck.Style
	steps   [][]string   // [slide][step], nil until rendered or once dropped
	kept    int          // slides rendered and kept
	at      int          // the slide on screen: what is kept is kept around it
	pending map[int]bool // slides whose render is on its way
	pool    *renderers   // renderers for this width and style, shared by the Cmds
}

// renderers lends a renderer to one Cmd at a time: making one parses the style, and the
// Cmds rendering a slide and its neighbours run one after another.
type renderers struct {
	width int
	style deck.Style
	free  chan *deck.Renderer
}

func (p *renderers) get() (*deck.Renderer, error) {
	select {
	case r := <-p.free:
		return r, nil
	default:
		return deck.NewRenderer(p.width, p.style)
	}
}

func (p *renderers) put(r *deck.Renderer) {
	select {
	case p.free <- r:
	default:
	}
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
	c.kept = 0
	c.pending = map[int]bool{}
	c.pool = &renderers{width: width, style: style, free: make(chan *deck.Renderer, 1)}
}

// Width is the text width slides are rendered at.
func (c *Cache) Width() int { return c.width }

// Ready reports whether a step is rendered.
func (c *Cache) Ready(p Pos) bool {
	return c.steps != nil && c.steps[p.Slide] != nil && c.steps[p.Slide][p.Step] != ""
}

// Ensure asks for slide p, now on screen, and for its neighbours (Ahead after, Behind
// before), nearest first: nil when all are rendered or on their way, else a Cmd that renders
// them off the UI goroutine, one RenderedMsg a slide, p's first. Called from Update only.
func (c *Cache) Ensure(p Pos) tea.Cmd {
	if c.steps == nil {
		return nil
	}
	c.at = p.Slide
	var cmds []tea.Cmd
	want := func(i int) {
		if i < 0 || i >= len(c.steps) || c.steps[i] != nil || c.pending[i] {
			return
		}
		c.pending[i] = true
		cmds = append(cmds, c.renderCmd(i))
	}
	want(p.Slide)
	for k := 1; k <= Ahead; k++ {
		want(p.Slide + k)
		if k <= Behind {
			want(p.Slide - k)
		}
	}
	switch len(cmds) {
	case 0:
		return nil
	case 1:
		return cmds[0]
	}
	return tea.Sequence(cmds...)
}

// renderCmd renders slide i.
func (c *Cache) renderCmd(i int) tea.Cmd {
	d, width, style, pool := c.deck, c.width, c.style, c.pool
	return func() tea.Msg {
		r, err := pool.get()
		if err != nil {
			return nil
		}
		defer pool.put(r)
		return RenderedMsg{Deck: d, Width: width, Style: style, Steps: map[int][]string{i: renderSlide(r, d.Slides[i])}}
	}
}

// RenderNow renders slide p on the calling goroutine, if it is not rendered: for the first
// frame of a window whose size is known before its program starts, so that the first frame
// drawn is the slide (issue 16: start to first slide). Call it after Resize and Ensure.
func (c *Cache) RenderNow(p Pos) {
	if c.steps == nil || p.Slide < 0 || p.Slide >= len(c.steps) || c.steps[p.Slide] != nil {
		return
	}
	if msg, ok := c.renderCmd(p.Slide)().(RenderedMsg); ok {
		c.Merge(msg)
	}
}

// Get returns a rendered step, "" when not rendered yet.
func (c *Cache) Get(p Pos) string {
	if !c.Ready(p) {
		return ""
	}
	return c.steps[p.Slide][p.Step]
}

// RenderedMsg carries slides rendered in the background, by index.
type RenderedMsg struct {
	Deck  *deck.Deck
	Width int
	Style deck.Style
	Steps map[int][]string
}

// RenderAllCmd renders every slide off the UI goroutine, with its own renderer; a Cache
// keeps Keep of them, around the slide on screen. (Tests use it to have a small deck whole.)
func (c *Cache) RenderAllCmd() tea.Cmd {
	d, width, style := c.deck, c.width, c.style
	return func() tea.Msg {
		r, err := deck.NewRenderer(width, style)
		if err != nil {
			return nil
		}
		steps := make(map[int][]string, len(d.Slides))
		for i, s := range d.Slides {
			steps[i] = renderSlide(r, s)
		}
		return RenderedMsg{Deck: d, Width: width, Style: style, Steps: steps}
	}
}

// Merge takes a background render if it is for this cache's deck, width and style, and drops
// the slides farthest from the one on screen past Keep.
func (c *Cache) Merge(m RenderedMsg) bool {
	if c.steps == nil || m.Deck != c.deck || m.Width != c.width || m.Style != c.style {
		return false
	}
	for i, s := range m.Steps {
		delete(c.pending, i)
		if c.steps[i] == nil && s != nil {
			c.steps[i] = s
			c.kept++
		}
	}
	for c.kept > Keep {
		far := -1
		for i, s := range c.steps {
			if s != nil && (far < 0 || dist(i, c.at) > dist(far, c.at)) {
				far = i
			}
		}
		c.steps[far] = nil
		c.kept--
	}
	return true
}

func dist(i, j int) int { return max(i-j, j-i) }

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
