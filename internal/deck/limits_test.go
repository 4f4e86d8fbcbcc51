package deck

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unsafe"

	"github.com/charmbracelet/x/ansi"
)

const limitsHead = "---\nid: x\ntitle: X\nlang: vi\n---\n" // the body starts at line 6

// nestedList is a list nested n levels by indentation, one item per line.
func nestedList(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	return b.String()
}

// pauses is a slide revealed in n+1 steps.
func pauses(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "- b%d\n<!-- pause -->\n", i)
	}
	return b.String() + "- end\n"
}

// TestLimitsAreProblems: decks built to blow up the renderer (a list nested 400 levels took
// 25 s and 1 GB in deck check; 1,000 steps 69 s and 1.5 GB in the presenter) are errors at
// the line of the breach, found without rendering anything.
func TestLimitsAreProblems(t *testing.T) {
	tests := []struct {
		name, body string
		key        string
		line       int
	}{
		{"list nested 400 levels (161 KB)", "# S\n" + nestedList(400), "deck.limit.slide", 6},
		{"list nested one level too deep", "# S\n" + nestedList(MaxNesting+1), "deck.limit.nesting", 7 + MaxNesting},
		{"list nested on one line", "# S\n" + strings.Repeat("- ", 400) + "a\n", "deck.limit.nesting", 7},
		{"quotes nested 1,500 levels", "# S\n" + strings.Repeat("> ", 1500) + "a\n", "deck.limit.nesting", 7},
		{"too much to render", strings.Repeat("# s\n"+strings.Repeat("chữ ", 500)+"\n<!-- pause -->\nb\n---\n", 200), "deck.limit.render", 6 + 5*(MaxRenderBytes/6009)}, // 6,009 bytes to render a slide
		{"quote in a list nested", "# S\n\ntext\n\n" + strings.Repeat("- > ", 5) + "a\n", "deck.limit.nesting", 10},
		{"1,000 steps", "# S\n" + pauses(1000), "deck.limit.steps", 7 + 2*MaxSteps - 1},
		{"20 KB on one line", "# S\n" + strings.Repeat("chữ ", 5000) + "\n", "deck.limit.slide", 6},
		{"too many slides", strings.Repeat("# s\n---\n", MaxSlides+3), "deck.limit.slides", 6 + 2*MaxSlides},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ps := Parse("x.md", []byte(limitsHead+tt.body))
			var found *Problem
			for i, p := range ps {
				if p.Key == tt.key {
					found = &ps[i]
				}
			}
			if found == nil || found.Severity != Error || found.Line != tt.line {
				t.Fatalf("want an error %s at line %d, got:\n%s", tt.key, tt.line, messages(ps))
			}
			for _, s := range d.Slides {
				if len(s.Steps) > MaxSteps {
					t.Errorf("a slide past the limit keeps %d steps", len(s.Steps))
				}
			}
		})
	}
}

// TestWithinLimits: what a real deck does (nesting and steps up to the limit) is no problem.
func TestWithinLimits(t *testing.T) {
	body := "# S\n" + nestedList(MaxNesting) + "\n---\n# P\n" + pauses(MaxSteps-1) + "\n---\n" +
		"# Q\n" + strings.Repeat("> ", MaxNesting) + "a\n"
	d, ps := Check("x.md", []byte(limitsHead+body))
	for _, p := range ps {
		if p.Severity == Error {
			t.Fatalf("problems:\n%s", messages(ps))
		}
	}
	if got := len(d.Slides[1].Steps); got != MaxSteps {
		t.Errorf("%d steps, want %d", got, MaxSteps)
	}
}

// TestStepsShareTheSlide: steps are parts of the slide's text, not copies of it, so that a
// deck's steps take no more memory than its file.
func TestStepsShareTheSlide(t *testing.T) {
	d, _ := Parse("x.md", []byte(limitsHead+"# S\n"+pauses(MaxSteps-1)))
	s := d.Slides[0]
	full := s.Body()
	for i, st := range s.Steps {
		if !strings.HasPrefix(full, st) {
			t.Fatalf("step %d is not a prefix of the slide: %q", i, st)
		}
		if unsafe.StringData(st) != unsafe.StringData(full) {
			t.Fatalf("step %d is a copy of the slide's text", i)
		}
	}
}

// TestRenderRefusesOverLimit: the renderer itself refuses Markdown past the limits, so a deck
// that got past Parse's problems (an old snapshot) still cannot take minutes to draw.
func TestRenderRefusesOverLimit(t *testing.T) {
	r, err := NewRenderer(80, Plain)
	if err != nil {
		t.Fatal(err)
	}
	for _, md := range []string{strings.Repeat("- ", 400) + "a", nestedList(30), strings.Repeat("x", MaxSlideBytes+1)} {
		if _, err := r.Render(md); !errors.Is(err, ErrOverLimit) {
			t.Errorf("Render(%.20q...) = %v, want ErrOverLimit", md, err)
		}
	}
	if r, _ := NewRenderer(99999999, Plain); r.Width != MaxRenderWidth {
		t.Errorf("width %d, want it brought down to %d", r.Width, MaxRenderWidth)
	}
	if ValidWidth(99999999) || ValidWidth(0) || !ValidWidth(80) {
		t.Error("ValidWidth")
	}
}

// TestFrontMatterDuplicateAndLang: a key given twice and a lang the program does not know are
// errors at their lines.
func TestFrontMatterDuplicateAndLang(t *testing.T) {
	_, ps := Parse("x.md", []byte("---\nid: x\ntitle: X\ntitle: Y\nlang: fr\n---\n# a\n"))
	want := map[string]int{"deck.frontmatter.duplicate": 4, "deck.frontmatter.lang": 5}
	for _, p := range ps {
		if line, ok := want[p.Key]; ok && line == p.Line && p.Severity == Error {
			delete(want, p.Key)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v in:\n%s", want, messages(ps))
	}
	for _, lang := range []string{"vi", "en"} {
		_, ps := Parse("x.md", []byte("---\nid: x\ntitle: X\nlang: "+lang+"\n---\n# a\n"))
		if HasErrors(ps) {
			t.Errorf("lang %s: %s", lang, messages(ps))
		}
	}
}

// parseWarned parses src, which must have no errors, and gives the lines that have the
// deck.control warning.
func parseWarned(t *testing.T, src string) (*Deck, []Problem, map[int]bool) {
	t.Helper()
	d, ps := Parse("x.md", []byte(src))
	if HasErrors(ps) {
		t.Fatalf("problems:\n%s", messages(ps))
	}
	warned := map[int]bool{}
	for _, p := range ps {
		if p.Key == "deck.control" {
			warned[p.Line] = true
		}
	}
	return d, ps, warned
}

// TestControlCharactersStripped: escape sequences (OSC 0 window title, OSC 52 clipboard, OSC
// 8 links, CSI, SGR), C1 controls, bidi overrides and zero-width characters never leave
// Parse, from any field, so no print path (render, list, present, follow, hub, snapshots)
// can pass them to a terminal. Tabs stay: they indent Markdown.
func TestControlCharactersStripped(t *testing.T) {
	src := "---\nid: x\ntitle: \"T\\e]0;PWNED\\a\"\naudience: A\x1b[31mB\n---\n" +
		"# Tiêu\x1b]0;title\x07 đề\n\x1b]52;c;SGVsbG8=\x07 văn \u202ebản\u200b \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ \u009b31m\n" +
		"```\n\tcode\n```\n<!-- pause -->\nmore \x1b[2J\n???\nghi \x1b[41mchú\r\x7f\n"
	d, ps, warned := parseWarned(t, src)
	for _, line := range []int{4, 6, 7, 12, 14} {
		if !warned[line] {
			t.Errorf("no warning at line %d: %s", line, messages(ps))
		}
	}
	texts := []string{d.Meta.Title, d.Meta.Audience}
	for _, s := range d.Slides {
		texts = append(append(texts, s.Title, s.Notes), s.Steps...)
	}
	for _, s := range texts {
		if i := strings.IndexFunc(s, func(r rune) bool {
			return r != '\n' && r != '\t' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r))
		}); i >= 0 {
			t.Errorf("control character left in %q", s)
		}
	}
	if d.Meta.Title != "T ]0;PWNED" || d.Slides[0].Title != "Tiêu]0;title đề" {
		t.Errorf("title %q, slide title %q", d.Meta.Title, d.Slides[0].Title)
	}
	if !strings.Contains(d.Slides[0].Body(), "\tcode") {
		t.Errorf("tab lost in code: %q", d.Slides[0].Body())
	}
	if d.Version != VersionOf([]byte(src)) {
		t.Error("the version must hash the file as written")
	}
}

// TestShallowIsABound: the quick scan that spares most slides the parse never calls a
// nesting past the limit shallow, however it is written.
func TestShallowIsABound(t *testing.T) {
	deep := MaxNesting + 1
	var tabs, ordered, mixed strings.Builder
	for i := range deep {
		tabs.WriteString(strings.Repeat("\t", i) + "- a\n")
		ordered.WriteString(strings.Repeat("   ", i) + "1. a\n")
		if i%2 == 0 {
			mixed.WriteString("> ")
		} else {
			mixed.WriteString("- ")
		}
	}
	mixed.WriteString("a\n")
	for _, md := range []string{nestedList(deep), tabs.String(), ordered.String(), mixed.String(),
		strings.Repeat("+ ", deep) + "a", "- a\n\n  - b\n\n" + strings.Repeat("  ", 2) + strings.Repeat("* ", deep-2) + "c"} {
		if deepAt(md) < 0 {
			t.Errorf("goldmark finds no nesting past %d in %q", MaxNesting, md)
		}
		if shallow(md) {
			t.Errorf("shallow(%q), nested %d deep", md, deep)
		}
	}
	if !shallow(nestedList(3) + "2025 là năm\n| a | b |\n") {
		t.Error("a plain slide is not shallow")
	}
}

// TestReferencesToControlsStripped: a character reference to a control or format character
// (&#27;, &#x1b;, &#x9b;, &#7;, &Tab;, &#x202e;, &ZeroWidthSpace;) is taken out at Parse, with
// the same warning as the character itself: the Markdown reader decodes references after
// Parse's check, and `deck render` wrote them to the terminal raw (an OSC 52 clipboard
// write, a screen clear). References to shown characters stay and are decoded.
func TestReferencesToControlsStripped(t *testing.T) {
	src := "---\nid: x\ntitle: T\n---\n" +
		"# Tiêu &#27;]0;PWNED&#7; đề\n" +
		"Đoạn &#27;[2J&#27[H xoá, &#x1b;]52;c;aGVsbG8=&#x07; ghi, &#X9B;31m, a&Tab;b, &#x202e;ngược&ZeroWidthSpace;, &#033;[1m &#x0000000000001b;[4m &&#27;#27;[7m\n\n" +
		"| Cột &#x1B;[31m | B |\n|---|---|\n| [x](http://a.vn/&#27;) | `mã &#27;[5m` |\n\n" +
		"Giữ: &amp; &#273; &copy; &#0; &#x110000; &#12345678; &nosuch; & ; &amp;#27;\n" +
		"???\nghi &#27;[41mchú\n"
	d, ps, warned := parseWarned(t, src)
	for _, line := range []int{5, 6, 8, 10, 14} {
		if !warned[line] {
			t.Errorf("no warning at line %d: %s", line, messages(ps))
		}
	}
	if warned[12] {
		t.Errorf("a warning at line 12, whose references are all shown: %s", messages(ps))
	}
	hidden := func(r rune) bool { return r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Cf, r)) }
	for _, style := range []Style{Plain, Dark} {
		r, err := NewRenderer(80, style)
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Render(d.Slides[0].Body())
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"\x1b]52", "\x1b]0", "\x1b[2J", "\x1b[H", "\x1b[1m", "\x1b[4m", "\x1b[5m", "\x1b[7m", "\x1b[31m", "\x07", "\u009b", "\u202e", "\u200b", "\t"} {
			if bad == "\x07" && style != Plain {
				continue // the renderer's own links (OSC 8) end with BEL; a stray one is caught below
			}
			if strings.Contains(out, bad) {
				t.Errorf("%s: %q reaches the terminal:\n%q", style, bad, out)
			}
		}
		for rest := out; strings.Contains(rest, "\x1b"); {
			// The renderer writes colours (CSI) and links (OSC 8); an escape of the deck's
			// would sit against one of them, as "\x1b\x1b[m".
			rest = rest[strings.Index(rest, "\x1b")+1:]
			if !strings.HasPrefix(rest, "[") && !strings.HasPrefix(rest, "]8;") {
				t.Errorf("%s: a stray escape before %q", style, rest[:min(len(rest), 12)])
				break
			}
		}
		if i := strings.IndexFunc(ansi.Strip(out), hidden); i >= 0 {
			t.Errorf("%s: control character left: %q", style, ansi.Strip(out))
		}
		for _, want := range []string{"Giữ: & đ ©", "\ufffd", "&nosuch;", "&#27;", "ngược"} {
			if !strings.Contains(ansi.Strip(out), want) {
				t.Errorf("%s: %q missing from\n%s", style, want, ansi.Strip(out))
			}
		}
	}
	if strings.ContainsFunc(d.Slides[0].Notes, hidden) || !strings.Contains(d.Slides[0].Notes, "[41mchú") {
		t.Errorf("notes %q", d.Slides[0].Notes)
	}
}
