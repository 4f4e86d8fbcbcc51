package deck

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// The warm-up deck must read without problems and render what slides use, or Warm
// warms nothing (and says nothing about it).
func TestWarmDeckReadsAndRenders(t *testing.T) {
	d, ps := Parse("warm", []byte(warmDeck))
	if d == nil || len(ps) > 0 || len(d.Slides) != 1 {
		t.Fatalf("warm deck: %v, problems %v", d, ps)
	}
	r, err := NewRenderer(80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(d.Slides[0].Body())
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(ansi.Strip(out)), " ")
	for _, want := range []string{"Nghị quyết 57", "công nghệ", "Trích dẫn", "30% GDP", "mã"} {
		if !strings.Contains(text, want) {
			t.Errorf("warm slide lacks %q:\n%s", want, text)
		}
	}
	Warm(Dark) // and it runs
}

// Warm runs on its own goroutine while the presenter renders its first slide: the two
// must share nothing unguarded (run under -race).
func TestWarmBesideARender(t *testing.T) {
	d, _ := Parse("warm", []byte(warmDeck))
	done := make(chan struct{})
	go func() { Warm(Dark); close(done) }()
	r, err := NewRenderer(100, Light)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Render(d.Slides[0].Body()); err != nil {
		t.Fatal(err)
	}
	<-done
}
