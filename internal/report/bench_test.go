package report

import (
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"briefing/internal/i18n"
	"briefing/internal/record"
)

func BenchmarkAttendanceXLSX500(b *testing.B) {
	a := many(500)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAttendanceXLSX(io.Discard, a, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAttendanceCSV500(b *testing.B) {
	a := many(500)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteAttendanceCSV(io.Discard, a, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}

// manyMinutes is a long session: n attendees (as many) and q questions with
// Vietnamese names and text, one in ten of them long and one in fifty at
// the 10,000-character limit.
func manyMinutes(n, q int) Minutes {
	a := many(n)
	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"}
	middles := []string{"Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Quốc", "Đức", "Thị Ánh", "Hoàng"}
	givens := []string{"An", "Bình", "Châu", "Dũng", "Hà", "Hạnh", "Hùng", "Khánh", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Sơn", "Thảo", "Trang", "Tuấn", "Uyên", "Vy"}
	for i := range a.Attendees {
		a.Attendees[i].Name = families[i%len(families)] + " " + middles[i/3%len(middles)] + " " + givens[i/7%len(givens)]
	}
	texts := []string{
		"Nghị quyết đặt mục tiêu chi cho nghiên cứu và phát triển đạt 2% GDP. Phường có được bố trí kinh phí riêng cho chuyển đổi số không?",
		"Người cao tuổi không dùng điện thoại thông minh thì làm thủ tục hành chính trực tuyến thế nào?\nPhường có bố trí người hướng dẫn tại bộ phận một cửa không?",
		"Doanh nghiệp nhỏ muốn được hỗ trợ chuyển đổi số thì liên hệ cơ quan nào của quận?",
		"Tỷ lệ giao dịch không dùng tiền mặt đạt 80% vào năm 2030 thì các chợ truyền thống trên địa bàn sẽ được hỗ trợ ra sao?",
	}
	sentence := "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu, là động lực chính để phát triển nhanh lực lượng sản xuất hiện đại. "
	start := a.Session.StartedAt
	tl := make([]SlideTime, 27)
	for i := range tl {
		tl[i] = SlideTime{Number: i + 1, Title: fmt.Sprintf("Mục tiêu đến năm 2030 (%d): nội dung trang %d", i%5+1, i+1), Views: 1 + i%3, Spent: time.Duration(60+i*17) * time.Second}
	}
	qs := make([]Question, q)
	for i := range qs {
		text := texts[i%len(texts)]
		switch {
		case i%50 == 49:
			text = string([]rune(strings.Repeat(sentence, 70))[:10_000])
		case i%10 == 9:
			text = strings.Repeat(sentence, 12)
		}
		asked := start.Add(time.Duration(30+i/4) * time.Minute)
		qq := Question{Question: record.Question{
			Number: i + 1, Slide: i % 27, Text: text, AskerUnit: fmt.Sprintf("Phường %d", i%15+1),
			Status: record.QuestionStatus(statusCodes[i%len(statusCodes)]), CreatedAt: asked,
		}, SlideTitle: tl[i%27].Title}
		if i%3 != 0 {
			qq.AskerName = a.Attendees[i%n].Name
		}
		if i%25 == 0 {
			qq.Press, qq.AskerUnit = true, "Báo Sài Gòn Giải Phóng"
		}
		switch qq.Status {
		case "answered", "answered_later":
			at := asked.Add(3 * time.Minute)
			qq.Answer, qq.AnsweredBy, qq.AnsweredAt = strings.Repeat(sentence, 1+i%4), "Trần Thị Bích", &at
		}
		if qq.Status == "forwarded" || qq.Status == "answered_later" {
			qq.ForwardedTo = "district"
			if qq.Press {
				qq.ForwardedTo = "spokesperson"
			}
		}
		qs[i] = qq
	}
	return Minutes{Session: a.Session, DeckID: "nq57-toan-van", Slides: 27, PlannedMin: 45, Timeline: tl, Attendees: a.Attendees, Questions: qs}
}

func BenchmarkSessionExportXLSX(b *testing.B) {
	m := manyMinutes(500, 200)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMinutesXLSX(io.Discard, m, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSessionExportMarkdown(b *testing.B) {
	m := manyMinutes(500, 200)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMinutesMarkdown(io.Discard, m, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSessionExportCSV(b *testing.B) {
	m := manyMinutes(500, 200)
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMinutesCSV(io.Discard, m, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}
