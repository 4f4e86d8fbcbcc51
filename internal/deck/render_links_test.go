package deck

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Links, web addresses and inline HTML on a slide go through goldmark's linkify and
// HTML parsers, which third_party/goldmark builds on first use (issue 16): a slide
// with them still shows the addresses and the text, never the tags.
func TestRenderLinksAndInlineHTML(t *testing.T) {
	r, err := NewRenderer(80, Dark)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render("Xem https://chinhphu.vn/nq57 và www.most.gov.vn, hỏi lienhe@most.gov.vn.\n\n" +
		"Chữ <b>đậm</b> giữa <span class=\"x\">dòng</span>.\n\n<div>\nKhối HTML\n</div>\n\n[Nghị quyết][NQ]\n\n[nq]: https://example.vn/nq\n")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(ansi.Strip(out)), " ")
	for _, want := range []string{"https://chinhphu.vn/nq57", "www.most.gov.vn", "lienhe@most.gov.vn", "đậm", "dòng", "https://example.vn/nq"} {
		if !strings.Contains(text, want) {
			t.Errorf("slide lacks %q:\n%s", want, text)
		}
	}
	for _, tag := range []string{"<b>", "<span", "<div>"} {
		if strings.Contains(text, tag) {
			t.Errorf("slide shows the tag %q:\n%s", tag, text)
		}
	}
}
