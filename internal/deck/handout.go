package deck

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"

	"briefing/internal/i18n"
	"briefing/internal/paper"
)

// HandoutDoc lays the deck out as a handout to print: its title, then each
// slide under "Trang n/N" with its whole text (every step revealed) and,
// when notes is true, the presenter's notes after it.
func HandoutDoc(d *Deck, notes bool, l i18n.Lang) paper.Doc {
	doc := paper.Doc{Title: d.Meta.Title}
	add := func(b ...paper.Block) { doc.Blocks = append(doc.Blocks, b...) }
	add(paper.Para{Runs: paper.Bold(d.Meta.Title), Align: paper.Center, Size: 15})
	var sub []string
	if d.Meta.Audience != "" {
		sub = append(sub, d.Meta.Audience)
	}
	if d.Meta.Duration > 0 {
		sub = append(sub, l.T("handout.duration", d.Meta.Duration))
	}
	if len(sub) > 0 {
		add(paper.Para{Runs: []paper.Run{{Text: strings.Join(sub, " · "), Italic: true}}, Align: paper.Center})
	}
	for i, s := range d.Slides {
		add(paper.Para{Runs: paper.Bold(l.T("handout.slide", i+1, len(d.Slides))), Before: 12, Size: 11, KeepNext: true})
		add(markdownBlocks(s.Body())...)
		if notes && strings.TrimSpace(s.Notes) != "" {
			add(paper.Para{Runs: []paper.Run{{Text: l.T("handout.notes") + ": ", Bold: true, Italic: true}, {Text: strings.TrimSpace(s.Notes), Italic: true}},
				Align: paper.Justify, Before: 4})
		}
	}
	return doc
}

// HandoutNotes is a slide's presenter notes as text for the terminal, under
// a "Ghi chú" line and wrapped to width; "" when the slide has none.
func HandoutNotes(s Slide, width int, l i18n.Lang) string {
	notes := strings.TrimSpace(s.Notes)
	if notes == "" {
		return ""
	}
	// Two columns in, as the rendered slide above it.
	var b strings.Builder
	b.WriteString("  " + l.T("handout.notes") + ":\n")
	for _, para := range strings.Split(notes, "\n") {
		for _, line := range strings.Split(wrapWords(strings.TrimSpace(para), max(width-2, 20)), "\n") {
			b.WriteString("  " + line + "\n")
		}
	}
	return b.String()
}

// wrapWords wraps s at spaces into lines of at most width characters (a
// longer word stands alone).
func wrapWords(s string, width int) string {
	var b strings.Builder
	n := 0
	for _, w := range strings.Fields(s) {
		wl := len([]rune(w))
		if n > 0 && n+1+wl > width {
			b.WriteString("\n")
			n = 0
		}
		if n > 0 {
			b.WriteString(" ")
			n++
		}
		b.WriteString(w)
		n += wl
	}
	return b.String()
}

// markdownBlocks is a slide's Markdown as paragraphs for print: headings in
// bold, lists with their bullets or numbers (indented by depth), quotes and
// code as paragraphs, emphasis kept; HTML (the pause marks) dropped.
func markdownBlocks(md string) []paper.Block {
	src := []byte(md)
	root := goldmark.DefaultParser().Parse(text.NewReader(src))
	var out []paper.Block
	var block func(n ast.Node, prefix string, depth int)
	block = func(n ast.Node, prefix string, depth int) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Heading:
				size := 13.0
				if c.Level == 1 {
					size = 14
				}
				out = append(out, paper.Para{Runs: boldRuns(inlineRuns(c, src)), Size: size, Before: 4})
			case *ast.Paragraph, *ast.TextBlock:
				runs := inlineRuns(c, src)
				if len(runs) > 0 {
					out = append(out, paper.Para{Runs: runs, Bullet: prefix, Left: float64(depth) * 7})
				}
				prefix = "" // a second paragraph of an item: no second mark
			case *ast.List:
				i := c.Start
				for item := c.FirstChild(); item != nil; item = item.NextSibling() {
					mark := "•"
					if c.IsOrdered() {
						mark = fmt.Sprintf("%d.", i)
						i++
					}
					block(item, mark, depth+1)
				}
			case *ast.Blockquote:
				block(c, prefix, depth+1)
			case *ast.FencedCodeBlock, *ast.CodeBlock:
				var b strings.Builder
				lines := c.Lines()
				for j := 0; j < lines.Len(); j++ {
					seg := lines.At(j)
					b.Write(seg.Value(src))
				}
				out = append(out, paper.Para{Runs: paper.Text(strings.TrimRight(b.String(), "\n")), Size: 11})
			case *ast.HTMLBlock, *ast.ThematicBreak:
			default:
				block(c, prefix, depth)
			}
		}
	}
	block(root, "", 0)
	return out
}

// inlineRuns is the text of n's inline children as styled runs.
func inlineRuns(n ast.Node, src []byte) []paper.Run {
	var runs []paper.Run
	var walk func(n ast.Node, bold, italic bool)
	walk = func(n ast.Node, bold, italic bool) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				runs = append(runs, paper.Run{Text: string(c.Segment.Value(src)), Bold: bold, Italic: italic})
				switch {
				case c.HardLineBreak():
					runs = append(runs, paper.Run{Text: "\n"})
				case c.SoftLineBreak():
					runs = append(runs, paper.Run{Text: " "})
				}
			case *ast.String:
				runs = append(runs, paper.Run{Text: string(c.Value), Bold: bold, Italic: italic})
			case *ast.Emphasis:
				walk(c, bold || c.Level >= 2, italic || c.Level == 1)
			case *ast.CodeSpan:
				walk(c, bold, italic)
			case *ast.RawHTML:
			default:
				walk(c, bold, italic)
			}
		}
	}
	walk(n, false, false)
	return runs
}

func boldRuns(runs []paper.Run) []paper.Run {
	for i := range runs {
		runs[i].Bold = true
	}
	return runs
}
