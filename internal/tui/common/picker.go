package common

import (
	"strconv"
	"strings"

	"briefing/internal/textvi"
	"briefing/internal/tui/theme"
	"github.com/charmbracelet/x/ansi"
)

// Picker is a field's choices shown as a list under it: what was typed
// filters them (case and diacritics aside, anywhere in the choice), ↑↓ put
// one in the field. The zero Picker has no choices.
type Picker struct {
	all     []string
	folded  []string
	matches []int // indexes into all
	sel     int   // into matches; -1: none picked since the text was typed
}

// NewPicker offers choices, in their order.
func NewPicker(choices []string) Picker {
	p := Picker{sel: -1}
	for _, c := range choices {
		if strings.TrimSpace(c) != "" {
			p.all = append(p.all, c)
			p.folded = append(p.folded, textvi.Fold(c))
		}
	}
	p.Filter("")
	return p
}

// Len is how many choices there are.
func (p Picker) Len() int { return len(p.all) }

// Filter keeps the choices that contain typed.
func (p *Picker) Filter(typed string) {
	want := textvi.Fold(strings.TrimSpace(typed))
	p.matches, p.sel = p.matches[:0], -1
	for i, f := range p.folded {
		if strings.Contains(f, want) {
			p.matches = append(p.matches, i)
		}
	}
}

// Select puts the choice spelled s (folded) under the cursor, if shown.
func (p *Picker) Select(s string) {
	want := textvi.Fold(strings.TrimSpace(s))
	for k, i := range p.matches {
		if p.folded[i] == want {
			p.sel = k
			return
		}
	}
}

// Move picks the next (step 1) or previous (-1) choice shown and returns it.
func (p *Picker) Move(step int) (string, bool) {
	if len(p.matches) == 0 {
		return "", false
	}
	switch {
	case p.sel < 0 && step > 0:
		p.sel = 0
	case p.sel < 0:
		p.sel = len(p.matches) - 1
	default:
		p.sel = (p.sel + step + len(p.matches)) % len(p.matches)
	}
	return p.all[p.matches[p.sel]], true
}

// View is at most rows lines of the choices shown, around the one picked,
// each cut to width; the last says how many more there are.
func (p Picker) View(s *theme.Styles, rows, width int) string {
	if len(p.matches) == 0 || rows < 1 {
		return ""
	}
	first := 0
	if p.sel >= rows {
		first = p.sel - rows + 1
	}
	var b strings.Builder
	for k := first; k < len(p.matches) && k < first+rows; k++ {
		line := ansi.Truncate(p.all[p.matches[k]], max(width-2, 1), "…")
		if k == p.sel {
			b.WriteString(s.Selected.Render("› "+line) + "\n")
		} else {
			b.WriteString(s.Dim.Render("  "+line) + "\n")
		}
	}
	if last := min(first+rows, len(p.matches)); last < len(p.matches) || first > 0 {
		// which of how many are shown: "5–8/20"
		b.WriteString(s.Dim.Render("  " + strconv.Itoa(first+1) + "–" + strconv.Itoa(last) + "/" + strconv.Itoa(len(p.matches))))
	}
	return strings.TrimRight(b.String(), "\n")
}
