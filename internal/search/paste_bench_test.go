package search_test

import (
	"strings"
	"testing"
)

// BenchmarkPastedQuery100k: a paste cut at the search box's 400 characters,
// dozens of repeated words, searched over 100,000 names.
func BenchmarkPastedQuery100k(b *testing.B) {
	x := index100k()
	for name, q := range map[string]string{
		"pham_thi_hostile": strings.Repeat("Phạm Thị Hostile ", 30)[:400],
		"nguyen_van_an":    strings.Repeat("nguyen van an ", 40)[:400],
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				x.Search(q, 50)
			}
		})
	}
}
