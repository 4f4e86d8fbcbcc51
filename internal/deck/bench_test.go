package deck

import (
	"os"
	"testing"
)

// deck200 is a 200-slide Vietnamese deck with notes, steps and code, shared with the
// presenter's benchmarks.
func deck200(b *testing.B) []byte {
	data, err := os.ReadFile("testdata/deck200.md")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

func BenchmarkParseDeck200(b *testing.B) {
	data := deck200(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, ps := Parse("lon.md", data)
		if len(d.Slides) != 200 || HasErrors(ps) {
			b.Fatalf("%d slides, %v", len(d.Slides), ps)
		}
	}
}

func BenchmarkRenderSlide(b *testing.B) {
	d, _ := Parse("lon.md", deck200(b))
	r, _ := NewRenderer(SlideWidth(120), Dark)
	for b.Loop() {
		if _, err := r.Render(d.Slides[7].Body()); err != nil {
			b.Fatal(err)
		}
	}
}
