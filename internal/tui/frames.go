package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// Bubble Tea draws the model after every message. A terminal that pastes
// 20,000 characters key by key, or a scanner, sends thousands of messages
// in a row, and drawing the desk after each (a quarter of a millisecond)
// froze it for ten seconds. frameGate lets a burst draw at most a few
// frames per frameGap: past burstAfter messages within frameGap of the
// last frame drawn, View gives that frame again until a frameMsg, sent
// frameGap later, has the model drawn anew. Typing by hand never comes
// near that pace.
type frameGate struct {
	last    time.Time // when the last frame was drawn
	frame   tea.View
	drawn   bool
	quick   int  // messages in a row that came within frameGap of it
	holding bool // View gives the last frame; a frameMsg is on its way
	stopped bool // the program is quitting: every View draws
}

const (
	frameGap   = 16 * time.Millisecond
	burstAfter = 8
)

// frameMsg ends a hold: the next View draws.
type frameMsg struct{}

// seen counts a message handled; it returns the command that ends a hold
// it starts.
func (g *frameGate) seen(now time.Time) tea.Cmd {
	if g.stopped || !g.drawn || now.Sub(g.last) >= frameGap {
		g.quick = 0
		return nil
	}
	g.quick++
	if g.quick < burstAfter || g.holding {
		return nil
	}
	g.holding = true
	return tea.Tick(frameGap, func(time.Time) tea.Msg { return frameMsg{} })
}

// release ends a hold.
func (g *frameGate) release() { g.holding, g.quick = false, 0 }

// stop ends holds for good: the frame left when the program quits is the
// model's last.
func (g *frameGate) stop() { g.release(); g.stopped = true }

// view returns the last frame while holding, else draws one.
func (g *frameGate) view(now time.Time, draw func() tea.View) tea.View {
	if g.holding && g.drawn {
		return g.frame
	}
	g.frame, g.drawn, g.last = draw(), true, now
	return g.frame
}
