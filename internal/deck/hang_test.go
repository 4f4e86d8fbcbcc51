package deck

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// TestRenderHangsItems: a bullet that wraps goes on under its text, not under its marker, in
// every style, nested and numbered items too; and no line passes the width.
func TestRenderHangsItems(t *testing.T) {
	md := "# Nghị quyết 57 về khoa học\n\nĐoạn mở đầu.\n\n- Một gạch đầu dòng rất dài để thấy dòng thứ hai có thụt vào dưới chữ hay không\n- Ngắn\n  1. con số một dài dài dài dài dài dài dài dài dài dài dài\n"
	for _, style := range []Style{Plain, Dark, Light, HighContrast} {
		r, err := NewRenderer(40, style)
		if err != nil {
			t.Fatal(err)
		}
		out, err := r.Render(md)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(ansi.Strip(out), "\n")
		var got []string
		for _, l := range lines {
			if ansi.StringWidth(l) > 40 {
				t.Errorf("%s: line wider than 40: %q", style, l)
			}
			got = append(got, strings.TrimRight(l, " "))
		}
		text := strings.Join(got, "\n")
		for _, want := range []string{
			"\n  • Một gạch đầu dòng rất dài để thấy\n    dòng thứ hai",
			"\n    1. con số một dài dài dài dài dài\n       dài dài",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: want %q in:\n%s", style, want, text)
			}
		}
		// The # title starts in the column the text below starts in.
		if !strings.HasPrefix(got[0], "  Nghị quyết") || !strings.HasPrefix(got[2], "  Đoạn") {
			t.Errorf("%s: the title does not align with the body:\n%s", style, text)
		}
	}
}
