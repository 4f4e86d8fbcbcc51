package slides

import (
	"testing"
	"time"

	"briefing/internal/deck"
)

// testDeck has three slides; the second reveals in three steps.
func testDeck(t *testing.T) *deck.Deck {
	d, ps := deck.Parse("t.md", []byte("---\nid: t\ntitle: T\n---\n# Một\n---\n# Hai\n- a\n<!-- pause -->\n- b\n<!-- pause -->\n- c\n---\n# Ba: Tầm nhìn\nĐặng Văn Ấn\n"))
	if deck.HasErrors(ps) || len(d.Slides) != 3 {
		t.Fatalf("%v %d", ps, len(d.Slides))
	}
	return d
}

func TestNavigate(t *testing.T) {
	d := testDeck(t)
	tests := []struct {
		name string
		move func(Pos) Pos
		from Pos
		want Pos
	}{
		{"next into steps", func(p Pos) Pos { return Next(d, p) }, Pos{0, 0}, Pos{1, 0}},
		{"next reveals a step", func(p Pos) Pos { return Next(d, p) }, Pos{1, 0}, Pos{1, 1}},
		{"next after last step", func(p Pos) Pos { return Next(d, p) }, Pos{1, 2}, Pos{2, 0}},
		{"next stays at the end", func(p Pos) Pos { return Next(d, p) }, Pos{2, 0}, Pos{2, 0}},
		{"prev hides a step", func(p Pos) Pos { return Prev(d, p) }, Pos{1, 2}, Pos{1, 1}},
		{"prev shows the previous slide whole", func(p Pos) Pos { return Prev(d, p) }, Pos{2, 0}, Pos{1, 2}},
		{"prev stays at the start", func(p Pos) Pos { return Prev(d, p) }, Pos{0, 0}, Pos{0, 0}},
		{"first", func(Pos) Pos { return First(d) }, Pos{2, 0}, Pos{0, 0}},
		{"last", func(Pos) Pos { return Last(d) }, Pos{0, 0}, Pos{2, 0}},
		{"clamp past the end", func(p Pos) Pos { return Clamp(d, p) }, Pos{9, 9}, Pos{2, 0}},
		{"clamp negative", func(p Pos) Pos { return Clamp(d, p) }, Pos{-1, -1}, Pos{0, 0}},
		{"clamp a step", func(p Pos) Pos { return Clamp(d, p) }, Pos{1, 7}, Pos{1, 2}},
	}
	for _, tt := range tests {
		if got := tt.move(tt.from); got != tt.want {
			t.Errorf("%s: from %v got %v, want %v", tt.name, tt.from, got, tt.want)
		}
	}
	if p, ok := Jump(d, 2); !ok || p != (Pos{1, 0}) {
		t.Errorf("Jump(2) = %v %v", p, ok)
	}
	for _, n := range []int{0, 4, -1} {
		if _, ok := Jump(d, n); ok {
			t.Errorf("Jump(%d) accepted", n)
		}
	}
}

func TestSearchIgnoresDiacritics(t *testing.T) {
	idx := NewIndex(testDeck(t))
	tests := []struct {
		q    string
		from int
		want int
		ok   bool
	}{
		{"tam nhin", 0, 2, true},
		{"TẦM NHÌN", 0, 2, true},
		{"dang van an", 0, 2, true},
		{"mot", 0, 0, true}, // wraps around
		{"khong co", 0, 0, false},
		{"   ", 0, 0, false},
	}
	for _, tt := range tests {
		got, ok := idx.Search(tt.q, tt.from)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Search(%q, %d) = %d %v, want %d %v", tt.q, tt.from, got, ok, tt.want, tt.ok)
		}
	}
}

func TestClock(t *testing.T) {
	for d, want := range map[time.Duration]string{0: "0:00", 75 * time.Second: "1:15", -time.Second: "0:00", 3725 * time.Second: "1:02:05"} {
		if got := Clock(d); got != want {
			t.Errorf("Clock(%v) = %q, want %q", d, got, want)
		}
	}
}
