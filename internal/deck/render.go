package deck

import (
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
	Width int
	style Style
	tr    *glamour.TermRenderer
}

// NewRenderer builds a renderer for a column width (at least 10).
func NewRenderer(width int, style Style) (*Renderer, error) {
	width = max(width, 10)
	tr, err := glamour.NewTermRenderer(glamour.WithStyles(styleConfig(style)), glamour.WithWordWrap(width))
	if err != nil {
		return nil, err
	}
	return &Renderer{Width: width, style: style, tr: tr}, nil
}

// Render renders Markdown. Lines never exceed the width, measured as a terminal does
// (combining marks take no column, wide characters two); blank lines around are trimmed.
func (r *Renderer) Render(md string) (string, error) {
	out, err := r.tr.Render(md)
	if err != nil {
		return "", err
	}
	if r.style == Plain {
		out = ansi.Strip(out)
	}
	lines := strings.Split(out, "\n")
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
