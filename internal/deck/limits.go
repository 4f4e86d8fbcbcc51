package deck

import (
	"html"
	"strings"

	"briefing/internal/textvi"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits a deck must keep. A deck is read from a file anyone may hand over on a USB stick,
// from the hub and from a session's snapshot: past these, rendering grows without bound (a
// list nested 400 levels took 25 s and 1 GB; a slide of 1,000 steps 69 s and 1.5 GB) while
// no real slide comes near them. Parse reports a breach as an error at its line, so deck
// check, present and hub deck publish refuse the deck alike.
const (
	// MaxFileBytes is the largest deck file read: a 2,000-slide deck is about
	// 1 MB; /dev/zero or a video renamed .md is not a deck.
	MaxFileBytes = 8 << 20
	// MaxSlides is the most slides in a deck: a 45-minute talk has fewer than 100.
	MaxSlides = 500
	// MaxSlideBytes is the most text a slide may hold, notes aside: an 80x24 screen shows
	// about 2 KB of it.
	MaxSlideBytes = 4 << 10
	// MaxRenderBytes is the most slide text a deck may give to render, each slide counted
	// once per step (the presenter renders every step): a 45-minute deck has about 60 KB;
	// at the limit, rendering the whole deck takes a few seconds, in the background.
	MaxRenderBytes = 512 << 10
	// MaxSteps is the most steps ("<!-- pause -->" plus one) a slide is revealed in.
	MaxSteps = 20
	// MaxNesting is how deep lists and block quotes may nest in one another.
	MaxNesting = 6
	// MinRenderWidth and MaxRenderWidth bound the column width slides are rendered at.
	MinRenderWidth = 10
	MaxRenderWidth = 400
)

// ValidWidth reports whether slides can be rendered at width columns.
func ValidWidth(width int) bool { return width >= MinRenderWidth && width <= MaxRenderWidth }

// nestingBeyond returns the byte offset in md of the first list or block quote nested deeper
// than MaxNesting, or -1. md must be at most MaxSlideBytes: parsing is quadratic in depth.
func nestingBeyond(md string) int {
	if shallow(md) {
		return -1
	}
	return deepAt(md)
}

// deepAt is nestingBeyond measured on goldmark's parse of md (the parser glamour renders).
func deepAt(md string) int {
	src := []byte(md)
	doc := goldmark.DefaultParser().Parse(text.NewReader(src))
	at, depth := -1, 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Kind() != ast.KindList && n.Kind() != ast.KindBlockquote {
			return ast.WalkContinue, nil
		}
		if !entering {
			depth--
			return ast.WalkContinue, nil
		}
		if depth++; depth > MaxNesting {
			at = max(firstText(n), 0)
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	return at
}

// shallow reports, without parsing, that no list or quote in md can nest deeper than
// MaxNesting: a container opens on a line whose start holds, for each container around it, a
// ">" or the two or more columns of a list item's indent, and its own marker. A line's bound
// is its markers plus half its columns of indent; most slides have no line near the limit.
func shallow(md string) bool {
	for line := range strings.SplitSeq(md, "\n") {
		markers, cols := 0, 0
	scan:
		for i := 0; i < len(line); i++ {
			switch c := line[i]; {
			case c == ' ':
				cols++
			case c == '\t':
				cols += 4
			case c == '>' || c == '-' || c == '*' || c == '+':
				markers++
			case c >= '0' && c <= '9':
				for i+1 < len(line) && line[i+1] >= '0' && line[i+1] <= '9' {
					i++
				}
				markers++
			case c == '.' || c == ')':
			default:
				break scan
			}
		}
		if markers+cols/2 > MaxNesting {
			return false
		}
	}
	return true
}

// firstText is the offset of the first line of text in a block, -1 when it has none.
func firstText(n ast.Node) int {
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if at := firstText(c); at >= 0 {
			return at
		}
	}
	return -1
}

// printable is a line of a deck as it is shown: without control characters, bidi overrides
// or zero-width characters (textvi.Printable), which would reach the terminal raw, retitle
// its window or write its clipboard; tabs stay, since they indent Markdown. Nor with a
// character reference that stands for one (&#27;, &#x9b;, &Tab;): the Markdown reader
// decodes those after this. ok is false when the line had any.
func printable(line string) (clean string, ok bool) {
	if strings.IndexByte(line, '&') >= 0 {
		if c := withoutHiddenRefs(line); c != line {
			// Again: taking one out can join a new one ("&&#27;#27;" leaves "&#27;").
			clean, _ := printable(c)
			return clean, false
		}
	}
	if !textvi.HasInvisible(line) { // one scan, the common case: nothing to clean
		return line, true
	}
	if !strings.Contains(line, "\t") {
		clean = textvi.Printable(line)
		return clean, clean == line
	}
	parts := strings.Split(line, "\t")
	ok = true
	for i, p := range parts {
		if c := textvi.Printable(p); c != p {
			parts[i], ok = c, false
		}
	}
	if ok {
		return line, true
	}
	return strings.Join(parts, "\t"), false
}

// withoutHiddenRefs is line without its character references to a character Printable
// takes out (&#27;, &#x1b, &#033;, &Tab;). Two readers decode them, each its own way, and a
// reference goes when either would make such a character of it:
//   - goldmark (links): &#N; and &#xH; with the ';', a leading 0 read as octal, 0x80-0x9f
//     the C1 controls;
//   - glamour (text, code): Go's html.UnescapeString, the ';' optional, any number of
//     digits.
func withoutHiddenRefs(line string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(line); i++ {
		if line[i] != '&' {
			continue
		}
		end := refEnd(line, i)
		if end < 0 {
			continue
		}
		ref := line[i:end]
		byGoldmark := string(util.ResolveNumericReferences(util.ResolveEntityNames([]byte(ref))))
		byGlamour := html.UnescapeString(ref)
		if textvi.Printable(byGoldmark) == byGoldmark && textvi.Printable(byGlamour) == byGlamour {
			continue
		}
		b.WriteString(line[last:i])
		last = end
		i = end - 1
	}
	if last == 0 {
		return line
	}
	b.WriteString(line[last:])
	return b.String()
}

// refEnd is the end of what may be a character reference at line[i] ('&'): &#digits or
// &#xhex, with its ';' if it has one, or &name; (-1: none there).
func refEnd(line string, i int) int {
	j := i + 1
	isRefByte, numeric := util.IsAlphaNumeric, false
	if j < len(line) && line[j] == '#' {
		j++
		isRefByte, numeric = util.IsNumeric, true
		if j < len(line) && (line[j] == 'x' || line[j] == 'X') {
			j++
			isRefByte = util.IsHexDecimal
		}
	}
	start := j
	for j < len(line) && isRefByte(line[j]) {
		j++
	}
	switch {
	case j == start:
		return -1
	case j < len(line) && line[j] == ';':
		return j + 1
	case numeric:
		return j
	}
	return -1
}
