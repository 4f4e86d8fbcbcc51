package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

// A burst of messages draws a frame for the first few, then gives that
// frame again until the frameMsg the gate asked for arrives; messages a
// frame apart draw each; once stopped, every View draws.
func TestFrameGate(t *testing.T) {
	var g frameGate
	draws := 0
	draw := func() tea.View { draws++; return tea.NewView("frame") }
	now := time.Now()
	var holds int
	for range 1000 {
		if cmd := g.seen(now); cmd != nil {
			holds++
		}
		g.view(now, draw)
	}
	if holds != 1 || draws != burstAfter {
		t.Fatalf("1,000 messages at once: %d holds, %d frames drawn; want 1 and %d", holds, draws, burstAfter)
	}
	g.release() // the frameMsg
	g.view(now, draw)
	if draws != burstAfter+1 {
		t.Fatalf("after the frameMsg: %d frames", draws)
	}
	draws = 0
	for i := range 50 { // typed by hand: a frame each
		at := now.Add(time.Duration(i+1) * 100 * time.Millisecond)
		if g.seen(at) != nil {
			t.Fatal("a hold while typing by hand")
		}
		g.view(at, draw)
	}
	if draws != 50 {
		t.Fatalf("50 keys typed by hand drew %d frames", draws)
	}
	for range 100 {
		g.seen(now)
	}
	g.stop()
	draws = 0
	g.view(now, draw)
	if draws != 1 {
		t.Fatal("a stopped gate held the frame")
	}
}
