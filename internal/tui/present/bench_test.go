package present

import (
	"context"
	"os"
	"strings"
	"testing"

	"briefing/internal/deck"
	"briefing/internal/i18n"
	"briefing/internal/session"
	"briefing/internal/store"
	"briefing/internal/tui/common"
	"briefing/internal/tui/slides"
	"briefing/internal/tui/theme"
	tea "charm.land/bubbletea/v2"
)

// deck200 is the parser benchmarks' 200-slide Vietnamese deck.
func deck200(b *testing.B) []byte {
	data, err := os.ReadFile("../../deck/testdata/deck200.md")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func startSession(b *testing.B, dir string, d *deck.Deck) {
	st, err := store.Open(dir)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ref := session.DeckRef{ID: d.Meta.ID, Version: d.Version, Title: d.Meta.Title, Slides: len(d.Slides), DurationMin: d.Meta.Duration}
	if _, err := session.New(st, nil).Start(context.Background(), ref, session.Info{Title: "Thử"}); err != nil {
		b.Fatal(err)
	}
}

// benchPresenter is the presenter on the 200-slide deck at 120x40, its first slides rendered.
func benchPresenter(b *testing.B) (Model, *session.Service, session.Session) {
	dir := b.TempDir()
	d, _ := deck.Parse("lon.md", deck200(b))
	startSession(b, dir, d)
	st, _ := store.Open(dir)
	b.Cleanup(func() { st.Close() })
	svc := session.New(st, nil)
	s, _ := svc.Current(context.Background())
	m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, *s, d)
	m, _ = m.step(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m.rendered(), svc, *s
}

// BenchmarkNextSlide: one slide change (Update and View) at 120x40, the slides already
// rendered (the first slides.Keep of them). The database write it asks for runs in a Cmd, off the frame path.
func BenchmarkNextSlide(b *testing.B) {
	m, svc, s := benchPresenter(b)
	next := tea.KeyPressMsg{Code: tea.KeyRight}
	prev := tea.KeyPressMsg{Code: tea.KeyLeft}
	i := 0
	for b.Loop() {
		k := next
		if i%80 >= 39 { // back and forth within the slides a Cache keeps (slides.Keep)
			k = prev
		}
		i++
		m, _ = m.step(k)
		m.link = slides.NewLink(svc, s) // drop the pending-write flag the Cmd would clear
		if m.View() == "" {
			b.Fatal("empty frame")
		}
	}
}

// BenchmarkFirstFrame: open the database, find the open session, load a 200-slide deck and
// draw the first frame at 120x40.
func BenchmarkFirstFrame(b *testing.B) {
	dir := b.TempDir()
	data := deck200(b)
	d, _ := deck.Parse("lon.md", data)
	startSession(b, dir, d)
	for b.Loop() {
		st, err := store.Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		svc := session.New(st, nil)
		s, err := svc.Current(context.Background())
		if err != nil || s == nil {
			b.Fatal(err)
		}
		d, _ := deck.Parse("lon.md", data)
		m := New(common.Common{Lang: i18n.VI, Styles: theme.New(theme.Dark, true)}, svc, *s, d)
		m, _ = m.step(tea.WindowSizeMsg{Width: 120, Height: 40})
		if !strings.Contains(m.View(), "1/200") {
			b.Fatal("no status line")
		}
		st.Close()
	}
}

// BenchmarkFrameUnchanged: a frame after a message that left the slide as it was (a neighbour
// rendered in the background, a position saved, a poll, the clock), most of the frames drawn.
func BenchmarkFrameUnchanged(b *testing.B) {
	m, _, _ := benchPresenter(b)
	for b.Loop() {
		if m.View() == "" {
			b.Fatal("empty frame")
		}
	}
}
