package session

import (
	"context"
	"fmt"
	"testing"
	"time"
)

// TestCrashGapIsNoSlideTime: the presenter crashed on slide 2 and came back 53 s later; those
// seconds count toward no slide, in the timeline nor in the time on the slide.
func TestCrashGapIsNoSlideTime(t *testing.T) {
	ctx := context.Background()
	s, _, clk := newService(t)
	id := start(t, s).ID
	beat := func() {
		t.Helper()
		if err := s.Beat(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	beat()
	clk.advance(10 * time.Second)
	goTo(t, s, id, 1, 0)
	beat()
	clk.advance(4 * time.Second)
	beat() // the last beat before the crash: 14 s in, 4 s on slide 2
	clk.advance(53 * time.Second)
	beat() // the presenter runs again
	clk.advance(6 * time.Second)
	goTo(t, s, id, 1, 1) // a step does not restart the slide's clock
	clk.advance(2 * time.Second)
	beat()

	c, err := s.OnSlide(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Slide != 1 || c.Spent != 12*time.Second {
		t.Errorf("on slide = slide %d, %v; want slide 1, 12s (4 s before the crash, 8 s after)", c.Slide, c.Spent)
	}
	tl, err := s.Timeline(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := []SlideTime{{0, 1, 10 * time.Second}, {1, 1, 12 * time.Second}}
	if fmt.Sprint(tl) != fmt.Sprint(want) {
		t.Errorf("timeline = %v, want %v", tl, want)
	}

	// The presenter closed, the session left open: after GapAfter the clock stops.
	clk.advance(GapAfter + time.Minute)
	if c, _ := s.OnSlide(ctx, id); c.Spent != 12*time.Second {
		t.Errorf("on slide with no presenter = %v, want 12s", c.Spent)
	}
}

// TestOnSlideSteps: revealing steps keeps the time since the slide was entered.
func TestOnSlideSteps(t *testing.T) {
	ctx := context.Background()
	s, _, clk := newService(t)
	id := start(t, s).ID
	clk.advance(5 * time.Second)
	goTo(t, s, id, 1, 0)
	clk.advance(20 * time.Second)
	goTo(t, s, id, 1, 1)
	clk.advance(3 * time.Second)
	c, err := s.OnSlide(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if c.Slide != 1 || c.Spent != 23*time.Second {
		t.Errorf("on slide = slide %d, %v; want slide 1, 23s", c.Slide, c.Spent)
	}
}

// TestBlackIsShared: the black screen is read with the position, by every window.
func TestBlackIsShared(t *testing.T) {
	ctx := context.Background()
	s, _, _ := newService(t)
	id := start(t, s).ID
	if p, _ := s.Position(ctx, id); p.Black {
		t.Fatal("black at start")
	}
	if err := s.SetBlack(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Position(ctx, id); !p.Black {
		t.Fatal("not black after SetBlack")
	}
	if err := s.SetBlack(ctx, id, false); err != nil {
		t.Fatal(err)
	}
	if p, _ := s.Position(ctx, id); p.Black {
		t.Fatal("still black")
	}
}
