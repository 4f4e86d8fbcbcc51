package deck

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"briefing/internal/i18n"
	"github.com/charmbracelet/x/ansi"
)

func parseFile(t *testing.T, name string) (*Deck, []Problem) {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return Check(name, data)
}

func messages(ps []Problem) string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString(p.Format("x.md", i18n.EN) + "\n")
	}
	return b.String()
}

func TestParseGood(t *testing.T) {
	d, ps := parseFile(t, "good.md")
	if len(ps) != 0 {
		t.Fatalf("problems:\n%s", messages(ps))
	}
	if d.Meta.ID != "mau" || d.Meta.Title != "Bộ mẫu" || d.Meta.Duration != 10 || d.Meta.Audience != "Nhân dân" {
		t.Errorf("meta = %+v", d.Meta)
	}
	if len(d.Slides) != 3 {
		t.Fatalf("got %d slides, want 3 (a --- inside a code fence must not split)", len(d.Slides))
	}
	want := []struct {
		title string
		steps int
		notes string
		line  int
	}{
		{"Trang một", 1, "Ghi chú trang một.", 10},
		{"Trang hai", 3, "Ghi chú trang hai.", 19},
		{"Mã", 1, "Dấu --- trong khối mã không tách trang.", 32},
	}
	for i, w := range want {
		s := d.Slides[i]
		if s.Title != w.title || len(s.Steps) != w.steps || s.Notes != w.notes || s.Line != w.line {
			t.Errorf("slide %d = {%q, %d steps, %q, line %d}, want %+v", i+1, s.Title, len(s.Steps), s.Notes, s.Line, w)
		}
	}
	steps := d.Slides[1].Steps
	if strings.Contains(steps[0], "ý hai") || !strings.Contains(steps[1], "ý hai") || strings.Contains(steps[1], "ý ba") || !strings.Contains(steps[2], "ý ba") {
		t.Errorf("steps do not reveal in order: %q", steps)
	}
	if strings.Contains(d.Slides[1].Body(), "pause") || strings.Contains(d.Slides[0].Body(), "Ghi chú") {
		t.Errorf("markers or notes leaked into the body: %q", d.Slides[1].Body())
	}
	if !strings.Contains(d.Slides[2].Body(), "---\nb: 2") {
		t.Errorf("code block lost its ---: %q", d.Slides[2].Body())
	}
}

func TestParseCRLF(t *testing.T) {
	d, ps := parseFile(t, "crlf.md")
	if HasErrors(ps) {
		t.Fatalf("problems:\n%s", messages(ps))
	}
	if len(d.Slides) != 2 || d.Slides[1].Notes != "ghi chú" || strings.Contains(d.Slides[0].Body(), "\r") {
		t.Errorf("CRLF deck parsed wrong: %+v", d.Slides)
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		file string
		want string // in the English messages
	}{
		{"unknown-key.md", `x.md:4: unknown key "author"`},
		{"unterminated-fence.md", "x.md:7: code block opened here is never closed"},
		{"empty.md", "the deck has no slides"},
		{"nfd.md", "x.md:5: warning: text is not in Unicode NFC"},
		{"tcvn3.md", "x.md:3: not UTF-8: it looks like the legacy Vietnamese encoding TCVN3 (ABC)"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			_, ps := parseFile(t, tt.file)
			if got := messages(ps); !strings.Contains(got, tt.want) {
				t.Errorf("messages:\n%s\nwant one containing %q", got, tt.want)
			}
		})
	}
}

func TestNFCNormalised(t *testing.T) {
	d, ps := parseFile(t, "nfd.md")
	if HasErrors(ps) {
		t.Fatal(messages(ps))
	}
	if d.Slides[0].Title != "Nguyễn" {
		t.Errorf("title %q is not NFC", d.Slides[0].Title)
	}
}

func TestFrontMatterErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"# no front matter\n", "x.md:1: missing front matter"},
		{"---\nid: a\ntitle: b\n", "x.md:1: front matter has no closing --- line"},
		{"---\nid: a\ntitle: [b\n---\n# s\n", "front matter is not valid YAML"},
		{"---\nid: a\n  title: b\n---\n# s\n", "x.md:3: front matter is not valid YAML"},
		{"---\nid: A B\ntitle: b\n---\n# s\n", `x.md:2: id "A B" is not valid`},
		{"---\nid: a\ntitle: b\nduration: soon\n---\n# s\n", `x.md:4: duration "soon" must be a positive whole number`},
		{"---\ntitle: b\n---\n# s\n", "x.md:2: front matter lacks the key id"},
		{"---\nid: a\ntitle: b\n---\n", "the deck has no slides"},
		{"---\n- a\n---\n# s\n", `must be "key: value" lines`},
		{"---\nid: a\ntitle:\n  x: 1\n---\n# s\n", "key title must have a single value"},
		{"\xff\xfe---\n", "x.md:1: not UTF-8 text"},
	}
	for _, tt := range tests {
		_, ps := Parse("x.md", []byte(tt.src))
		if got := messages(ps); !strings.Contains(got, tt.want) || !HasErrors(ps) {
			t.Errorf("Parse(%q):\n%s\nwant an error containing %q", tt.src, got, tt.want)
		}
	}
}

func TestVietnameseMessages(t *testing.T) {
	_, ps := parseFile(t, "unknown-key.md")
	if got := ps[0].Format("x.md", i18n.VI); got != `x.md:4: khoá không hợp lệ "author"; chỉ dùng: id, title, version, lang, duration, audience` {
		t.Errorf("got %q", got)
	}
}

func TestOverflowWarning(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\nid: tall\ntitle: Cao\n---\n# Trang dài\n\n")
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, "- dòng %d\n", i)
	}
	_, ps := Check("x.md", []byte(b.String()))
	if HasErrors(ps) || !strings.Contains(messages(ps), "x.md:5: warning: slide 1 is") {
		t.Errorf("want an overflow warning at line 5, got:\n%s", messages(ps))
	}
}

func TestVersionIsContentHash(t *testing.T) {
	a, _ := Parse("a", []byte("---\nid: a\ntitle: b\n---\n# s\n"))
	b, _ := Parse("b", []byte("---\r\nid: a\r\ntitle: b\r\n---\r\n# s\r\n"))
	c, _ := Parse("c", []byte("---\nid: a\ntitle: b\n---\n# t\n"))
	if a.Version != b.Version {
		t.Error("line endings changed the version")
	}
	if a.Version == c.Version || len(a.Version) != 12 {
		t.Errorf("versions %q %q", a.Version, c.Version)
	}
}

func TestRenderWidth(t *testing.T) {
	md := "## Chuyển đổi số quốc gia\n\n- Một dòng rất dài với từ ngữ tiếng Việt có dấu: khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia\n- https://example.com/một-đường-dẫn-rất-dài-không-có-khoảng-trắng-nào-cả-để-ngắt\n- 中文宽字符测试中文宽字符测试中文宽字符测试\n"
	for _, style := range []Style{Plain, Dark, Light, HighContrast} {
		for _, w := range []int{20, 40, 80} {
			r, err := NewRenderer(w, style)
			if err != nil {
				t.Fatal(err)
			}
			out, err := r.Render(md)
			if err != nil {
				t.Fatal(err)
			}
			for _, line := range strings.Split(out, "\n") {
				if got := ansi.StringWidth(line); got > w {
					t.Errorf("%s at %d: line is %d wide: %q", style, w, got, line)
				}
			}
			if style == Plain && strings.Contains(out, "\x1b") {
				t.Errorf("plain output has escape codes")
			}
			if style == Plain && strings.Contains(out, "##") {
				t.Errorf("heading marks shown: %q", out)
			}
		}
	}
}

// A code line wider than the slide is cut, and only it: the text around keeps its
// width (a 140-column code line had every line of its slide wrapped at 10 columns). Code
// indented with tabs keeps its indent, in spaces a screen can measure.
func TestRenderLongCodeLineAndTabs(t *testing.T) {
	md := "## Mã không ngôn ngữ\n\nMột đoạn văn đủ dài để thấy nó được ngắt đúng chỗ ở chiều rộng của trang chiếu.\n\n```\nfunc main() {\n\tfmt.Println(1)\n}\ndòng rất dài " + strings.Repeat("-", 140) + " hết\n```\n"
	r, err := NewRenderer(100, Plain)
	if err != nil {
		t.Fatal(err)
	}
	out, err := r.Render(md)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Một đoạn văn đủ dài để thấy nó được ngắt đúng chỗ ở chiều rộng của trang chiếu.") {
		t.Errorf("the paragraph was wrapped narrower than the slide:\n%s", out)
	}
	if !strings.Contains(out, "    fmt.Println(1)") || strings.Contains(out, "\t") {
		t.Errorf("the tab indent is lost or left as a tab:\n%s", out)
	}
	for _, line := range strings.Split(out, "\n") {
		if w := ansi.StringWidth(line); w > 100 {
			t.Errorf("a line is %d wide: %q", w, line)
		}
	}
}

func TestLibraryFind(t *testing.T) {
	lib := Library(os.DirFS("testdata"), "")
	e, err := Find(lib, "mau")
	if err != nil || e.Deck.Meta.ID != "mau" || !e.Embedded {
		t.Fatalf("Find(mau) = %+v, %v", e, err)
	}
	if _, err := Find(lib, "khong-co"); err != ErrNotFound {
		t.Errorf("unknown id: %v", err)
	}
	e, err = Find(lib, "testdata/good.md")
	if err != nil || e.Deck.Meta.ID != "mau" {
		t.Errorf("by path: %+v %v", e, err)
	}
	if _, err := Find(lib, "testdata/none.md"); err == nil {
		t.Error("missing path found")
	}
	if d := FindVersion(lib, "mau", "nope"); d == nil || d.Meta.ID != "mau" {
		t.Error("FindVersion should fall back to the same id")
	}
}

func TestSoftBreaksJoined(t *testing.T) {
	md := "## T\n\n- một hai\n  ba bốn\n- năm\n\nđoạn\nvăn  \nngắt\n\n> trích\n> dẫn\n>\n> đoạn hai\n\n```\nmã\ndòng\n```\n"
	want := "## T\n\n- một hai ba bốn\n- năm\n\nđoạn văn  \nngắt\n\n> trích dẫn\n>\n> đoạn hai\n\n```\nmã\ndòng\n```\n"
	if got := joinSoftBreaks(md); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// TestQuoteNoOrphans: a quote wraps like a paragraph, with no word left alone on a line.
func TestQuoteNoOrphans(t *testing.T) {
	md := "## Q\n\n> \"Phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia\n> là đột phá quan trọng hàng đầu, là động lực chính để phát triển nhanh lực\n> lượng sản xuất hiện đại.\"\n"
	for _, w := range []int{30, 40, 50, 62, 76, 100} {
		r, _ := NewRenderer(w, Plain)
		out, _ := r.Render(md)
		lines := strings.Split(out, "\n")
		for _, l := range lines[2 : len(lines)-1] {
			if len(strings.Fields(l)) < 2 {
				t.Errorf("width %d: orphan line %q\n%s", w, l, out)
			}
		}
	}
}
