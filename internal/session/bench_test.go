package session

import (
	"context"
	"testing"
)

// BenchmarkGoTo is one durable slide change: a write transaction with an
// fsync at commit (synchronous=FULL).
func BenchmarkGoTo(b *testing.B) {
	ctx := context.Background()
	s := New(openStore(b, b.TempDir()), nil)
	id := start(b, s).ID
	slide := 0
	for b.Loop() {
		slide = (slide + 1) % nq57.Slides
		if err := s.GoTo(ctx, id, slide, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPosition is one poll of the follower.
func BenchmarkPosition(b *testing.B) {
	ctx := context.Background()
	s := New(openStore(b, b.TempDir()), nil)
	id := start(b, s).ID
	goTo(b, s, id, 3, 1)
	for b.Loop() {
		if _, err := s.Position(ctx, id); err != nil {
			b.Fatal(err)
		}
	}
}
