package ansi

import (
	"io"
)

// A CodeBlockElement is used to render code blocks.
type CodeBlockElement struct {
	Code     string
	Language string
}

// Render renders a CodeBlockElement.
//
// briefing's patch: code is drawn in the code block's style without syntax
// highlighting, so that chroma is not linked: its lexer registry is built at
// every process start (about 20 ms and, with its styles, 25 MB of pages),
// and briefing's decks are prose. See third_party/README.md.
func (e *CodeBlockElement) Render(w io.Writer, ctx RenderContext) error {
	bs := ctx.blockStack

	var indentation uint
	var margin uint
	rules := ctx.options.Styles.CodeBlock
	if rules.Indent != nil {
		indentation = *rules.Indent
	}
	if rules.Margin != nil {
		margin = *rules.Margin
	}

	iw := NewIndentWriter(w, int(indentation+margin), func(_ io.Writer) {
		_, _ = renderText(w, bs.Current().Style.StylePrimitive, " ")
	})
	defer iw.Close() //nolint:errcheck

	el := &BaseElement{
		Token: e.Code,
		Style: rules.StylePrimitive,
	}
	return el.Render(iw, ctx)
}
