package slides

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"briefing/internal/deck"
	tea "charm.land/bubbletea/v2"
)

func bigDeck(t *testing.T, n int) *deck.Deck {
	var b strings.Builder
	b.WriteString("---\nid: big\ntitle: Lớn\n---\n")
	for i := range n {
		fmt.Fprintf(&b, "\n---\n# Trang %d\nNội dung %d\n", i+1, i+1)
	}
	d, _ := deck.Parse("big.md", []byte(b.String()))
	if len(d.Slides) < n {
		t.Fatalf("%d slides", len(d.Slides))
	}
	return d
}

// run runs what Ensure asks for as Bubble Tea would, merging each slide as it comes, and
// returns the slides in the order they came.
func run(t *testing.T, c *Cache, cmd tea.Cmd) []int {
	t.Helper()
	var order []int
	var do func(tea.Cmd)
	do = func(cmd tea.Cmd) {
		if cmd == nil {
			return
		}
		switch msg := cmd().(type) {
		case RenderedMsg:
			for i := range msg.Steps {
				order = append(order, i)
			}
			c.Merge(msg)
		case tea.BatchMsg:
			for _, c := range msg {
				do(c)
			}
		default: // tea.Sequence's message, unexported: a slice of Cmds
			v := reflect.ValueOf(msg)
			if v.Kind() != reflect.Slice {
				t.Fatalf("unexpected %T", msg)
			}
			for k := range v.Len() {
				do(v.Index(k).Interface().(tea.Cmd))
			}
		}
	}
	do(cmd)
	return order
}

// The slide on screen comes first, then its neighbours nearest first; what is kept stays
// within Keep slides around the one on screen however far the deck goes.
func TestCacheNearFirstAndBounded(t *testing.T) {
	d := bigDeck(t, 300)
	c := NewCache(d)
	c.Resize(60, deck.Dark)
	order := run(t, c, c.Ensure(Pos{Slide: 100}))
	want := []int{100, 101, 99, 102, 98, 103, 104, 105, 106}
	if fmt.Sprint(order) != fmt.Sprint(want) {
		t.Fatalf("render order %v, want %v", order, want)
	}
	if c.Get(Pos{Slide: 101}) == "" || c.Get(Pos{Slide: 98}) == "" || c.Ready(Pos{Slide: 107}) {
		t.Fatal("neighbours not rendered as asked")
	}
	if run(t, c, c.Ensure(Pos{Slide: 100})) != nil {
		t.Fatal("asked again for slides rendered")
	}
	for s := 101; s < 300; s++ {
		run(t, c, c.Ensure(Pos{Slide: s}))
		if c.kept > Keep {
			t.Fatalf("at slide %d: %d slides kept, want at most %d", s, c.kept, Keep)
		}
		if !c.Ready(Pos{Slide: s}) {
			t.Fatalf("slide %d not rendered", s)
		}
	}
	if c.Ready(Pos{Slide: 100}) {
		t.Fatal("slide 100, 199 slides back, still kept")
	}
}
