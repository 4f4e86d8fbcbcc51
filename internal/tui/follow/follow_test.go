package follow

import (
	"testing"
	"time"
)

func TestPace(t *testing.T) {
	tests := []struct {
		dur, slides, slide int
		elapsed, want      time.Duration
	}{
		{45, 27, 0, 0, 0},                                // at the start, on time
		{30, 15, 5, 10 * time.Minute, 0},                 // a third through, a third of the time
		{30, 15, 5, 14 * time.Minute, 4 * time.Minute},   // behind
		{30, 15, 10, 15 * time.Minute, -5 * time.Minute}, // ahead
		{0, 15, 5, 10 * time.Minute, 0},                  // no plan, no pace
	}
	for _, tt := range tests {
		if got := Pace(tt.dur, tt.slides, tt.slide, tt.elapsed); got != tt.want {
			t.Errorf("Pace(%d min, %d slides, slide %d, %v) = %v, want %v", tt.dur, tt.slides, tt.slide, tt.elapsed, got, tt.want)
		}
	}
}
