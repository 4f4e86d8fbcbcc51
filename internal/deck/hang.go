package deck

import (
	"regexp"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// itemStart is a rendered list item's first line: its indent and its marker.
var itemStart = regexp.MustCompile(`^( *)(• |\d{1,9}\. )`)

// hangItems rewraps each list item whose text runs over several lines so that the lines
// after the first hang under its text, not under its marker: glamour wraps an item's marker
// and text as one paragraph.
func hangItems(lines []string, width int) []string {
	out := make([]string, 0, len(lines))
	for i := 0; i < len(lines); {
		plain := ansi.Strip(lines[i])
		m := itemStart.FindStringSubmatch(plain)
		if m == nil {
			out = append(out, lines[i])
			i++
			continue
		}
		indent := len(m[1])
		hang := indent + ansi.StringWidth(m[2])
		j := i + 1
		for j < len(lines) {
			p := ansi.Strip(lines[j])
			if strings.TrimSpace(p) == "" || len(p)-len(strings.TrimLeft(p, " ")) != indent || itemStart.MatchString(p) {
				break
			}
			j++
		}
		if j == i+1 || width-hang < 10 {
			out = append(out, lines[i:j]...)
			i = j
			continue
		}
		words := make([]string, 0, j-i)
		for k := i; k < j; k++ {
			from := indent
			if k == i {
				from = hang
			}
			if w := textOf(lines[k], from); strings.TrimSpace(ansi.Strip(w)) != "" {
				words = append(words, w)
			}
		}
		wrapped := strings.Split(ansi.Wrap(strings.Join(words, " "), width-hang, ""), "\n")
		out = append(out, ansi.Truncate(lines[i], hang, "")+wrapped[0])
		for _, w := range wrapped[1:] {
			out = append(out, strings.Repeat(" ", hang)+w)
		}
		i = j
	}
	return out
}

// textOf is a rendered line from cell from on, without the spaces that pad it to the width.
func textOf(line string, from int) string {
	end := ansi.StringWidth(strings.TrimRight(ansi.Strip(line), " "))
	return ansi.Cut(line, from, max(end, from))
}
