package deck

import (
	"os"
	"strings"
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

// BenchmarkParseDeck2000 parses ten copies of the 200-slide deck as one deck: what the
// presenter reads at its start for a session of a 2,000-slide deck (issue 16).
func BenchmarkParseDeck2000(b *testing.B) {
	data := string(deck200(b))
	front, body, _ := strings.Cut(strings.TrimPrefix(data, "---\n"), "\n---\n")
	big := "---\n" + front + "\n---\n" + strings.Repeat(body+"\n---\n", 9) + body
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		d, _ := Parse("lon.md", []byte(big))
		if len(d.Slides) != 2000 {
			b.Fatalf("%d slides", len(d.Slides))
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

// BenchmarkCheckAtLimits: deck check of a deck at its limits: slides of MaxSlideBytes with
// lists nested MaxNesting levels, as many as MaxRenderBytes allows (8 under -short). The
// limits bound what check, and the presenter's background render, spend on any deck.
func BenchmarkCheckAtLimits(b *testing.B) {
	var slide strings.Builder
	slide.WriteString("# Trang\n")
	for i := 0; slide.Len() < MaxSlideBytes-100; i++ {
		slide.WriteString(strings.Repeat("  ", i%MaxNesting) + "- Nội dung đổi mới sáng tạo\n")
	}
	n := MaxRenderBytes / slide.Len()
	if testing.Short() {
		n = 8
	}
	data := []byte(limitsHead + strings.Repeat(slide.String()+"---\n", n))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, ps := Check("x.md", data)
		if HasErrors(ps) || len(d.Slides) != n {
			b.Fatalf("%d slides: %v", len(d.Slides), messages(ps))
		}
	}
}
