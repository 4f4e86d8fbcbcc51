package deck

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/glamour/v2"
	glamouransi "charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/charmbracelet/x/ansi"
)

// Style is how slides are coloured.
type Style string

const (
	Dark         Style = "dark"
	Light        Style = "light"
	HighContrast Style = "high-contrast"
	Plain        Style = "plain" // no escape codes at all: pipes, files, NO_COLOR
)

// ParseStyle reads a --theme value.
func ParseStyle(s string) (Style, error) {
	switch Style(s) {
	case Dark, Light, HighContrast, Plain:
		return Style(s), nil
	case "contrast", "hc":
		return HighContrast, nil
	}
	return "", fmt.Errorf("%q", s)
}

// Renderer turns slide Markdown into terminal text of at most Width columns.
// It is not safe for concurrent use; make one per goroutine.
type Renderer struct {
	Width  int
	style  Style
	byWrap map[int]*glamour.TermRenderer // glamour renderers by word-wrap width
}

// ErrOverLimit: Markdown past a slide's limits (limits.go), which Render refuses rather than
// spend minutes and gigabytes on it.
var ErrOverLimit = errors.New("slide over its limits")

// warmDeck is a deck of one slide with the elements slides use most.
const warmDeck = "---\nid: warm\ntitle: Khởi động\nversion: \"1\"\nlang: vi\nduration: 1\n---\n\n## Nghị quyết 57\n\n- Khoa học, **công nghệ** và _đổi mới_ `sáng tạo`\n\n> Trích dẫn\n\n" +
	"| Mục tiêu | 2030 |\n|---|---|\n| Kinh tế số | 30% GDP |\n\n```\nmã\n```\n"

// Warm reads a small deck and renders its slide once, and throws them away. Run beside the
// presenter's start (on the other core, while the database opens and the deck
// is read), it takes the renderer's first-use costs off the first frame: the
// program's code and tables met for the first time (the front matter's YAML
// reader too), about 7 of the 7.5 ms the first slide took (issue 16). The
// renderer is not shared: a renderer is used by one goroutine.
func Warm(style Style) {
	d, _ := Parse("warm", []byte(warmDeck))
	if r, err := NewRenderer(80, style); err == nil && d != nil && len(d.Slides) > 0 {
		_, _ = r.Render(d.Slides[0].Body())
	}
}

// NewRenderer builds a renderer for a column width, brought within MinRenderWidth and
// MaxRenderWidth.
func NewRenderer(width int, style Style) (*Renderer, error) {
	r := &Renderer{Width: min(max(width, MinRenderWidth), MaxRenderWidth), style: style, byWrap: map[int]*glamour.TermRenderer{}}
	if _, err := r.glamour(r.Width); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *Renderer) glamour(wrap int) (*glamour.TermRenderer, error) {
	if tr, ok := r.byWrap[wrap]; ok {
		return tr, nil
	}
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(styleConfig(r.style)), glamour.WithWordWrap(wrap))
	if err != nil {
		return nil, err
	}
	r.byWrap[wrap] = tr
	return tr, nil
}

// Render renders Markdown. Lines never exceed the width, measured as a terminal does
// (combining marks take no column, wide characters two); blank lines around are trimmed.
// Markdown past a slide's limits is refused with ErrOverLimit.
func (r *Renderer) Render(md string) (string, error) {
	if len(md) > MaxSlideBytes || nestingBeyond(md) >= 0 {
		return "", ErrOverLimit
	}
	// Glamour wraps text before it adds list and quote indents, so an indented block can
	// come out wider than asked: render again, narrower by the excess, before cutting words.
	// A tab is as wide as the terminal makes it, and a screen that measures text gives it no
	// width (code indented with tabs lost its indent on the presenter): four spaces, as
	// Markdown reads an indent.
	md = unquote(joinSoftBreaks(strings.ReplaceAll(md, "\t", "    ")))
	var lines, before []string
	widestBefore := -1
	for wrap, try := r.Width, 0; try < 4 && wrap >= 10; try++ {
		tr, err := r.glamour(wrap)
		if err != nil {
			return "", err
		}
		out, err := tr.Render(md)
		if err != nil {
			return "", err
		}
		if r.style == Plain {
			out = ansi.Strip(out)
		}
		lines = strings.Split(out, "\n")
		widest := 0
		for _, l := range lines {
			if r.style == Plain {
				l = strings.TrimRight(l, " ")
			}
			widest = max(widest, ansi.StringWidth(l))
		}
		if widest <= r.Width {
			break
		}
		if widestBefore >= 0 && widest >= widestBefore {
			// Wrapping narrower did not narrow the widest line: it is code or one long
			// word, which glamour does not wrap. Keep the wrapping before (a 140-column
			// code line had every line of its slide wrapped at 10 columns); the line is
			// cut below.
			lines = before
			break
		}
		widestBefore, before = widest, lines
		wrap -= widest - r.Width
	}
	lines = hangItems(lines, r.Width)
	for i, l := range lines {
		if r.style == Plain {
			l = strings.TrimRight(l, " ")
		}
		if ansi.StringWidth(l) > r.Width {
			l = ansi.Hardwrap(l, r.Width, true)
		}
		lines[i] = l
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[0])) == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && strings.TrimSpace(ansi.Strip(lines[len(lines)-1])) == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n"), nil
}

// styleConfig adapts glamour's styles to slides: headings without their "##" marks, and a
// high-contrast variant (bright white and yellow on the terminal's black) for weak projectors.
func styleConfig(s Style) glamouransi.StyleConfig {
	var c glamouransi.StyleConfig
	switch s {
	case Light:
		c = styles.LightStyleConfig
	default:
		c = styles.DarkStyleConfig
	}
	for _, h := range []*glamouransi.StyleBlock{&c.H2, &c.H3, &c.H4, &c.H5, &c.H6} {
		h.Prefix = ""
	}
	// The # title starts where the text below it starts; its background, if any, still
	// runs one cell past its end.
	c.H1.Prefix = ""
	if s == HighContrast || s == Plain {
		white, yellow := "15", "11"
		c.Document.Color = &white
		c.Paragraph.Color = &white
		c.Text.Color = &white
		c.List.Color = &white
		c.Heading.Color = &yellow
		c.H1.Color = &yellow
		c.H1.BackgroundColor = nil
		c.Strong.Color = &yellow
		c.Emph.Color = &yellow
		c.Code.Color = &yellow
		c.Code.BackgroundColor = nil
	}
	return c
}

// joinSoftBreaks turns soft line breaks (a paragraph or list item continued on the next
// line) into spaces. Glamour keeps them as line breaks, so a hand-wrapped bullet would
// come out with ragged lines on a screen of another width.
func joinSoftBreaks(md string) string {
	lines := strings.Split(md, "\n")
	out := make([]string, 0, len(lines))
	var fences fenceTracker
	joinable := false // the previous output line is text that a continuation may join
	for _, l := range lines {
		if fences.step(l) || fences.open() {
			out = append(out, l)
			joinable = false
			continue
		}
		t := strings.TrimSpace(l)
		if prevQuote := len(out) > 0 && strings.HasPrefix(strings.TrimSpace(out[len(out)-1]), ">"); prevQuote &&
			strings.HasPrefix(t, ">") && joinable {
			// A quote continued on the next "> " line: the same soft break, inside a quote.
			if rest := strings.TrimSpace(t[1:]); rest != "" && !startsBlock(rest) && !strings.HasSuffix(out[len(out)-1], "  ") {
				out[len(out)-1] += " " + rest
				continue
			}
		}
		if joinable && t != "" && !startsBlock(t) {
			prev := out[len(out)-1]
			if !strings.HasSuffix(prev, "  ") && !strings.HasSuffix(prev, "\\") {
				out[len(out)-1] = prev + " " + strings.TrimLeft(l, " \t")
				continue
			}
		}
		out = append(out, l)
		joinable = t != "" && t != ">" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "|") && !strings.HasPrefix(t, "<")
	}
	return strings.Join(out, "\n")
}

// startsBlock reports whether a trimmed line opens a new Markdown block.
func startsBlock(t string) bool {
	switch {
	case strings.HasPrefix(t, "#"), strings.HasPrefix(t, ">"), strings.HasPrefix(t, "|"),
		strings.HasPrefix(t, "<"), strings.HasPrefix(t, "- "), strings.HasPrefix(t, "* "),
		strings.HasPrefix(t, "+ "), t == "-", t == "*":
		return true
	}
	i := 0
	for i < len(t) && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')')
}

// unquote shows block-quote paragraphs as italic paragraphs: glamour wraps quote text
// before it adds the "│ " bar and leaves orphan words on lines of their own, which is worse
// on a projector than a quote without its bar.
func unquote(md string) string {
	lines := strings.Split(md, "\n")
	var fences fenceTracker
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if fences.step(l) || fences.open() || !strings.HasPrefix(t, ">") {
			continue
		}
		text := strings.TrimSpace(strings.TrimLeft(t, ">"))
		if text != "" && !startsBlock(text) && !strings.ContainsAny(text, "*_") {
			text = "*" + text + "*"
		}
		lines[i] = text
	}
	return strings.Join(lines, "\n")
}
