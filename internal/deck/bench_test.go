package deck

import (
	"fmt"
	"strings"
	"testing"
)

// deck200 is a 200-slide Vietnamese deck with notes, steps and code.
func deck200() []byte {
	var b strings.Builder
	b.WriteString("---\nid: lon\ntitle: Bộ trình chiếu 200 trang\nversion: \"1\"\nlang: vi\nduration: 240\naudience: Cán bộ, công chức\n---\n")
	for i := 1; i <= 200; i++ {
		fmt.Fprintf(&b, "\n## Trang %d: Đột phá phát triển khoa học, công nghệ\n\n", i)
		b.WriteString("- Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu\n")
		b.WriteString("- Người dân và doanh nghiệp là trung tâm, là chủ thể\n<!-- pause -->\n")
		b.WriteString("- Kinh tế số đạt tối thiểu 30% GDP vào năm 2030\n\n```text\nví dụ --- không tách trang\n```\n")
		b.WriteString("\n???\nGhi chú cho báo cáo viên: đọc chậm, nhấn mạnh các con số, mời người nghe đặt câu hỏi.\n\n---\n")
	}
	return []byte(b.String())
}

func BenchmarkParseDeck200(b *testing.B) {
	data := deck200()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d, ps := Parse("lon.md", data)
		if len(d.Slides) != 200 || HasErrors(ps) {
			b.Fatalf("%d slides, %v", len(d.Slides), ps)
		}
	}
}

func BenchmarkRenderSlide(b *testing.B) {
	d, _ := Parse("lon.md", deck200())
	r, _ := NewRenderer(SlideWidth(120), Dark)
	for b.Loop() {
		if _, err := r.Render(d.Slides[7].Body()); err != nil {
			b.Fatal(err)
		}
	}
}
