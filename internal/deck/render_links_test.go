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

// TestLongLinkLinear: a link's address far past any real one is shown as text, not as a
// terminal hyperlink. Wrapping wrote the whole hyperlink again on each line: a 3,900-byte
// address took 350 ms and 2.6 MB at width 10, and a deck of such slides 42 s and 1 GB in
// `deck render` (a hostile-input trial). A usual address stays a hyperlink.
func TestLongLinkLinear(t *testing.T) {
	r, err := NewRenderer(MinRenderWidth, Dark)
	if err != nil {
		t.Fatal(err)
	}
	long := "https://a.vn/" + strings.Repeat("(", 3900)
	for _, md := range []string{"# S\n\n" + long + "\n", "# S\n\n[x](" + strings.Repeat("b", 3900) + ")\n"} {
		out, err := r.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		if len(out) > 200<<10 {
			t.Errorf("%d bytes for a slide of %d", len(out), len(md))
		}
		if strings.Contains(out, "\x1b]8;id=") {
			t.Error("a 3,900-byte address made a hyperlink")
		}
	}
	out, err := r.Render("Xem https://vanban.chinhphu.vn/?pageid=27160&docid=212840\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "\x1b]8;id=") {
		t.Errorf("a usual address is not a hyperlink:\n%q", out)
	}
}
