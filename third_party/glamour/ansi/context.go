package ansi

import (
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
)

// RenderContext holds the current rendering options and state.
type RenderContext struct {
	options Options

	blockStack *BlockStack
	table      *TableElement
}

// NewRenderContext returns a new RenderContext.
func NewRenderContext(options Options) RenderContext {
	return RenderContext{
		options:    options,
		blockStack: &BlockStack{},
		table:      &TableElement{},
	}
}

// SanitizeHTML sanitizes HTML content: every tag is dropped and the text
// kept, as bluemonday's StrictPolicy did (briefing's patch: bluemonday's
// CSS tables cost up to 15 ms at every start; see third_party/README.md).
// The text of script and style elements is dropped too.
func (ctx RenderContext) SanitizeHTML(s string, trimSpaces bool) string {
	var b strings.Builder
	z := xhtml.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			out := b.String()
			if trimSpaces {
				out = strings.TrimSpace(out)
			}
			return out
		case xhtml.StartTagToken:
			if name, _ := z.TagName(); string(name) == "script" || string(name) == "style" {
				skip++
			}
		case xhtml.EndTagToken:
			if name, _ := z.TagName(); (string(name) == "script" || string(name) == "style") && skip > 0 {
				skip--
			}
		case xhtml.TextToken:
			if skip == 0 {
				b.WriteString(html.UnescapeString(string(z.Raw())))
			}
		}
	}
}
