package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"briefing/internal/i18n"
	"briefing/internal/record"
	"briefing/internal/unit"
)

// sampleMinutes is a fixed session: the attendance of sample(), a timeline
// with an unknown slide title, a title with a "|" and more than an hour on
// one slide, and a question of every kind: named, anonymous, press,
// several lines with a "|", every status, forwarded to the district and to
// the spokesperson, and one on a slide whose title is unknown. Units count
// through a small catalog: "P.02" is Phường 2, "+Phường 4" is Phường 4, and
// the company is not in it.
func sampleMinutes() Minutes {
	a := sample()
	a.Attendees[2].Unit = "P.02"
	start := a.Session.StartedAt
	at := func(min int) time.Time { return start.Add(time.Duration(min) * time.Minute) }
	ptr := func(t time.Time) *time.Time { return &t }
	s := a.Session
	s.Form = "Hội nghị trực tiếp"
	s.DeckVersion = "3f2a9c1b7d4e5a6b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d"
	return Minutes{
		Session: s, DeckID: "nq57-toan-van", Slides: 27, PlannedMin: 45,
		Timeline: []SlideTime{
			{Number: 1, Title: "Nghị quyết 57-NQ/TW: những nội dung chính", Views: 1, Spent: 2*time.Minute + 10*time.Second},
			{Number: 2, Title: "Thông tin chung về Nghị quyết", Views: 1, Spent: 3*time.Minute + 5*time.Second},
			{Number: 9, Title: "Mục tiêu đến năm 2030 (1): tiềm lực và thứ hạng", Views: 2, Spent: 6*time.Minute + 40*time.Second},
			{Number: 10, Title: "Mục tiêu đến năm 2030 (2): tăng trưởng, kinh tế số", Views: 1, Spent: 4 * time.Minute},
			{Number: 12, Title: "Mục tiêu đến năm 2030 (4): đầu tư cho nghiên cứu", Views: 1, Spent: 5*time.Minute + 30*time.Second},
			{Number: 14, Title: "", Views: 1, Spent: 45 * time.Second},
			{Number: 27, Title: "Tóm tắt | Cảm ơn, mời đặt câu hỏi", Views: 1, Spent: 62*time.Minute + 15*time.Second},
		},
		Attendees: a.Attendees,
		Units:     sampleCatalog(),
		Questions: []Question{
			{SlideTitle: "Mục tiêu đến năm 2030 (4): đầu tư cho nghiên cứu", Question: record.Question{
				Number: 1, Slide: 11,
				Text:      "Nghị quyết đặt mục tiêu chi cho nghiên cứu và phát triển đạt 2% GDP. Phường có được bố trí kinh phí riêng cho chuyển đổi số không?",
				AskerName: "Nguyễn Văn An", AskerUnit: "Phường 10", Status: "answered",
				Answer:     "Ngân sách phường năm 2025 đã bố trí kinh phí cho chuyển đổi số theo kế hoạch của quận; Ủy ban nhân dân phường sẽ thông báo cụ thể tại cuộc họp giao ban.",
				AnsweredBy: "Trần Thị Bích", AnsweredAt: ptr(at(40)), CreatedAt: at(38),
			}},
			{SlideTitle: "Tóm tắt | Cảm ơn, mời đặt câu hỏi", Question: record.Question{
				Number: 2, Slide: 26,
				Text: "Tôi có hai ý:\r\n1. Người cao tuổi không dùng điện thoại thông minh thì làm thủ tục trực tuyến thế nào?\r\n" +
					"2. Mục tiêu dịch vụ công trực tuyến là \"trên 80%\" | hay \"đạt 80%\"?\r\n\r\n- Xin cảm ơn.",
				Status: "open", CreatedAt: at(70),
			}},
			{SlideTitle: "", Question: record.Question{
				Number: 3, Slide: 13,
				Text:      "Quận Tân Bình có số liệu về tỷ lệ người dân sử dụng dịch vụ công trực tuyến trong quý I/2025 không?",
				AskerName: "Lê Minh Khoa", AskerUnit: "Báo Tuổi Trẻ", Press: true,
				Status: "forwarded", ForwardedTo: "spokesperson", ForwardedAt: ptr(at(78)), CreatedAt: at(75),
			}},
			{SlideTitle: "Mục tiêu đến năm 2030 (2): tăng trưởng, kinh tế số", Question: record.Question{
				Number: 4, Slide: 9,
				Text:      "Doanh nghiệp nhỏ muốn được hỗ trợ chuyển đổi số thì liên hệ cơ quan nào của quận?",
				AskerName: "Phạm Hữu Đức", AskerUnit: "Công ty TNHH Ánh Dương, Tân Bình",
				Status: "forwarded", ForwardedTo: "district", ForwardedAt: ptr(at(95)), CreatedAt: at(80),
			}},
			{SlideTitle: "Mục tiêu đến năm 2030 (1): tiềm lực và thứ hạng", Question: record.Question{
				Number: 5, Slide: 8,
				Text:      "Tài liệu tuyên truyền về Nghị quyết có bản in để phát cho các khu phố không?",
				AskerUnit: "Phường 2", Status: "answered_later", ForwardedTo: "district",
				Answer:     "Phòng Văn hóa, Khoa học và Thông tin quận đã tiếp nhận; tài liệu in sẽ được gửi về các phường trong tháng 4/2025.",
				AnsweredBy: "Phòng Văn hóa, Khoa học và Thông tin", AnsweredAt: ptr(time.Date(2025, 3, 17, 7, 20, 0, 0, time.UTC)),
				CreatedAt: at(85),
			}},
		},
	}
}

// sampleCatalog is a unit catalog with a few of the plan's wards.
func sampleCatalog() *unit.Catalog {
	return unit.NewCatalog([]unit.Unit{
		{Meta: record.Meta{ID: "w2"}, Name: "Phường 2", Kind: unit.Ward, SortOrder: 2},
		{Meta: record.Meta{ID: "w4"}, Name: "Phường 4", Kind: unit.Ward, SortOrder: 4},
		{Meta: record.Meta{ID: "w10"}, Name: "Phường 10", Kind: unit.Ward, SortOrder: 10},
		{Meta: record.Meta{ID: "k"}, Name: "Khác", Kind: unit.Other, SortOrder: 1000},
	}, nil)
}

// TestMinutesMarkdown compares the Markdown minutes with
// testdata/TestMinutesMarkdown/*.golden (go test -update rewrites them).
func TestMinutesMarkdown(t *testing.T) {
	open := sampleMinutes()
	open.Session.EndedAt = nil
	for _, c := range []struct {
		name string
		m    Minutes
		l    i18n.Lang
	}{
		{"vi", sampleMinutes(), i18n.VI},
		{"en", sampleMinutes(), i18n.EN},
		{"vi_open", open, i18n.VI},
	} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteMinutesMarkdown(&buf, c.m, c.l, ict); err != nil {
				t.Fatal(err)
			}
			got := buf.String()
			if !norm.NFC.IsNormalString(got) {
				t.Error("not NFC")
			}
			golden.RequireEqual(t, got)
		})
	}
}

// TestMinutesMarkdownSafe: text from the floor cannot break the tables,
// the quotes or the headings, and comes out in NFC.
func TestMinutesMarkdownSafe(t *testing.T) {
	m := sampleMinutes()
	m.Session.Unit = "UBND Phu\u031bo\u031b\u0300ng | 4\n# x" // "Phường" decomposed (NFD)
	m.Timeline = []SlideTime{{Number: 3, Title: "a | b\nc", Views: 1, Spent: time.Minute}}
	m.Attendees = []Attendee{{Name: "X", Unit: "Tổ | 1\n## y", Group: "can_bo"}}
	m.Questions = []Question{{Question: record.Question{
		Number: 1, Slide: 2, Text: "# Tiêu đề\n- mục\n1. một\n> trích\n\x1b[31mđỏ\x1b[0m\n```\n<script>",
		AskerName: "*Lan*", Status: "open", CreatedAt: m.Session.StartedAt,
	}}}
	var buf bytes.Buffer
	if err := WriteMinutesMarkdown(&buf, m, i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	if !norm.NFC.IsNormalString(got) {
		t.Error("not NFC")
	}
	if strings.ContainsRune(got, '\x1b') {
		t.Error("an escape character got through")
	}
	for _, want := range []string{
		"**UBND PHƯỜNG \\| 4 \\# X**",
		"| 3 | a \\| b c | 1 | 01:00 |",
		"| Tổ \\| 1 \\#\\# y (chưa có trong danh mục) | 1 |",
		"> \\# Tiêu đề\\\n> \\- mục\\\n> 1\\. một\\\n> \\> trích\\\n> \\[31mđỏ\\[0m\\\n> \\`\\`\\`\\\n> \\<script\\>\n",
		"- Người hỏi: \\*Lan\\*\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	// Every table row has as many cells as its header.
	for _, line := range strings.Split(got, "\n") {
		if strings.HasPrefix(line, "|") {
			cells := strings.Count(strings.ReplaceAll(line, "\\|", ""), "|") - 1
			if cells != 2 && cells != 4 {
				t.Errorf("row with %d cells: %q", cells, line)
			}
		}
	}
}

func TestMinutesCSV(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMinutesCSV(&buf, sampleMinutes(), i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	got := buf.String()
	if !strings.HasPrefix(got, "\uFEFF") {
		t.Errorf("no BOM")
	}
	for _, line := range strings.SplitAfter(got, "\n") {
		if line != "" && !strings.HasSuffix(line, "\r\n") {
			t.Errorf("line does not end in CRLF: %q", line)
		}
	}
	records, err := readCSV(got)
	if err != nil {
		t.Fatal(err)
	}
	// Part titles (one cell each), in order.
	var titles []string
	for _, r := range records {
		if len(r) == 1 {
			titles = append(titles, r[0])
		}
	}
	want := []string{"Thông tin chung", "Thời gian theo trang", "Tổng hợp theo thành phần", "Tổng hợp theo đơn vị", "Điểm danh", "Câu hỏi"}
	if !slices.Equal(titles, want) {
		t.Errorf("parts %q\nwant  %q", titles, want)
	}
	golden.RequireEqual(t, strings.ReplaceAll(got, "\r\n", "\n"))
}

// TestMinutesCSVFormulaInjection: text from the session that a spreadsheet
// would run is escaped in every part.
func TestMinutesCSVFormulaInjection(t *testing.T) {
	m := Minutes{
		Session:  Session{Title: "=1+1", Venue: "@A1"},
		Timeline: []SlideTime{{Number: 1, Title: "+cmd", Views: 1}},
		Questions: []Question{{Question: record.Question{
			Number: 1, Slide: 0, Text: "=HYPERLINK(\"http://x.example\")", AskerName: "-Lan", AskerUnit: "+84",
			Status: "=bad", Answer: "@x", AnsweredBy: "=y",
		}}},
	}
	var buf bytes.Buffer
	if err := WriteMinutesCSV(&buf, m, i18n.EN, ict); err != nil {
		t.Fatal(err)
	}
	records, err := readCSV(buf.String())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range records {
		for _, c := range r {
			if c != "" && strings.IndexByte("=+-@", c[0]) >= 0 {
				t.Errorf("cell %q is not escaped (row %q)", c, r)
			}
		}
	}
	last := records[len(records)-1]
	if last[7] != "'=HYPERLINK(\"http://x.example\")" || last[4] != "'-Lan" || last[8] != "'=bad" {
		t.Errorf("question row %q", last)
	}
}

func readCSV(s string) ([][]string, error) {
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(s, "\uFEFF")))
	r.FieldsPerRecord = -1
	return r.ReadAll()
}

func writeMinutesXLSX(t *testing.T, m Minutes, l i18n.Lang) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMinutesXLSX(&buf, m, l, ict); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestMinutesXLSX(t *testing.T) {
	m := sampleMinutes()
	long := ""
	for utf8.RuneCountInString(long) < 10_000 {
		long += "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia. "
	}
	long = string([]rune(long)[:10_000])
	m.Questions[1].Text = long
	f := writeMinutesXLSX(t, m, i18n.VI)

	sheets := []string{"Thông tin chung", "Thời gian theo trang", "Điểm danh", "Tổng hợp", "Câu hỏi"}
	if got := f.GetSheetList(); !slices.Equal(got, sheets) {
		t.Fatalf("sheets %q", got)
	}
	info, slides, att, totals, qs := sheets[0], sheets[1], sheets[2], sheets[3], sheets[4]

	for ref, want := range map[string]string{
		"A1": "BIÊN BẢN — Hội nghị quán triệt Nghị quyết 57-NQ/TW",
		"A3": "Tên hội nghị", "B3": "Hội nghị quán triệt Nghị quyết 57-NQ/TW",
		"A7": "Thời gian bắt đầu", "B7": "08:00:00 15/03/2025",
		"A8": "Thời gian kết thúc", "B8": "10:30:00 15/03/2025",
		"A9": "Thời lượng thực tế", "B9": "2:30:00",
		"A11": "Số người tham dự", "B11": "6",
		"A14": "Phiên bản (mã nội dung)", "B14": m.Session.DeckVersion,
		"A19": "Số câu hỏi", "B19": "5",
		"A20": "Chưa trả lời", "B20": "1",
		"A22": "Đã chuyển", "B22": "2",
		"A24": "Mã phiên", "B24": m.Session.ID,
	} {
		if got := cell(t, f, info, ref); got != want {
			t.Errorf("%s!%s = %q, want %q", info, ref, got, want)
		}
	}

	if got := row(t, f, slides, 1); !slices.Equal(got, []string{"Trang", "Tiêu đề", "Số lần", "Thời lượng"}) {
		t.Errorf("slides header %q", got)
	}
	if got := row(t, f, slides, 8); !slices.Equal(got, []string{"27", "Tóm tắt | Cảm ơn, mời đặt câu hỏi", "1", "62:15"}) {
		t.Errorf("slides row 8 %q", got)
	}
	if got := row(t, f, slides, 9); !slices.Equal(got, []string{"Tổng cộng", "", "8", "84:25"}) {
		t.Errorf("slides total %q", got)
	}

	// The attendance and totals sheets are those of the attendance workbook.
	if got := cell(t, f, att, "C4"); got != "08:00 – 10:30, ngày 15/03/2025" {
		t.Errorf("attendance time %q", got)
	}
	if got := row(t, f, att, 8); got[1] != "Nguyễn Văn An" {
		t.Errorf("attendance row 8 %q", got)
	}
	if got := row(t, f, totals, 11); !slices.Equal(got, []string{"Tổng cộng", "6"}) {
		t.Errorf("totals %q", got)
	}
	// Units count through the catalog; the attendance keeps them as typed.
	byUnit := [][]string{
		{"Đơn vị", "Số người"}, {"Phường 2", "2"}, {"Phường 4", "1"}, {"Phường 10", "1"},
		{"Công ty TNHH Ánh Dương, Tân Bình (chưa có trong danh mục)", "1"}, {"Chưa ghi đơn vị", "1"}, {"Tổng cộng", "6"},
	}
	for i, want := range byUnit {
		if got := row(t, f, totals, 13+i); !slices.Equal(got, want) {
			t.Errorf("totals row %d %q, want %q", 13+i, got, want)
		}
	}
	if got := row(t, f, att, 10); got[2] != "P.02" {
		t.Errorf("attendance row 10 %q: want the unit as typed", got)
	}

	header := []string{"STT", "Trang", "Tiêu đề trang", "Thời điểm hỏi", "Người hỏi", "Đơn vị", "Báo chí",
		"Nội dung câu hỏi", "Tình trạng", "Trả lời", "Người trả lời", "Thời điểm trả lời", "Hướng xử lý", "Thời điểm chuyển"}
	if got := row(t, f, qs, 1); !slices.Equal(got, header) {
		t.Errorf("questions header %q", got)
	}
	wantRows := map[int][]string{
		2: {"1", "12", "Mục tiêu đến năm 2030 (4): đầu tư cho nghiên cứu", "08:38:00 15/03/2025", "Nguyễn Văn An", "Phường 10", "",
			m.Questions[0].Text, "Đã trả lời", m.Questions[0].Answer, "Trần Thị Bích", "08:40:00 15/03/2025"},
		4: {"3", "14", "", "09:15:00 15/03/2025", "Lê Minh Khoa", "Báo Tuổi Trẻ", "Có",
			m.Questions[2].Text, "Đã chuyển", "", "", "", "Chuyển người phát ngôn", "09:18:00 15/03/2025"},
		6: {"5", "9", "Mục tiêu đến năm 2030 (1): tiềm lực và thứ hạng", "09:25:00 15/03/2025", "Ẩn danh", "Phường 2", "",
			m.Questions[4].Text, "Đã trả lời sau", m.Questions[4].Answer, "Phòng Văn hóa, Khoa học và Thông tin", "14:20:00 17/03/2025", "Chuyển Phòng Văn hóa, Khoa học và Thông tin quận"},
	}
	for n, want := range wantRows {
		if got := row(t, f, qs, n); !slices.Equal(got, want) {
			t.Errorf("questions row %d\n got %q\nwant %q", n, got, want)
		}
	}
	if got := cell(t, f, qs, "H3"); got != long {
		t.Errorf("the 10,000-character question has %d characters", utf8.RuneCountInString(got))
	}
	if s := style(t, f, qs, "H3"); s.Alignment == nil || !s.Alignment.WrapText {
		t.Error("question text does not wrap")
	}
	if typ, _ := f.GetCellType(qs, "D2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("asked-at is %v, want a date", typ)
	}
	for _, sheet := range []string{slides, qs} {
		if panes, err := f.GetPanes(sheet); err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v %v", sheet, panes, err)
		}
	}
}

func TestMinutesXLSXEnglishOpen(t *testing.T) {
	m := sampleMinutes()
	m.Session.EndedAt = nil
	f := writeMinutesXLSX(t, m, i18n.EN)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Session", "Time per slide", "Attendance", "Totals", "Questions"}) {
		t.Fatalf("sheets %q", got)
	}
	if got := cell(t, f, "Session", "B8"); got != "not ended yet" {
		t.Errorf("end %q", got)
	}
	if got := row(t, f, "Questions", 3); got[4] != "Anonymous" || got[8] != "Not answered" {
		t.Errorf("row 3 %q", got)
	}
}

// TestMinutesXLSXCellLimit: a text over Excel's limit is cut visibly, and
// the file still opens.
func TestMinutesXLSXCellLimit(t *testing.T) {
	m := sampleMinutes()
	m.Questions[0].Text = strings.Repeat("ẫ", 40_000)
	f := writeMinutesXLSX(t, m, i18n.VI)
	got := cell(t, f, "Câu hỏi", "H2")
	if n := utf8.RuneCountInString(got); n != maxCellChars || !strings.HasSuffix(got, "…") {
		t.Errorf("cut text has %d characters, ends %q", n, got[len(got)-6:])
	}
}

// TestMinutesNoPanic: empty and odd input gives a file, not a panic.
func TestMinutesNoPanic(t *testing.T) {
	end := time.Time{}
	huge := strings.Repeat("x\n", 50_000)
	cases := map[string]Minutes{
		"empty": {},
		"odd": {
			Session:   Session{EndedAt: &end, Title: "\xff\xfe", DeckVersion: strings.Repeat("ab", 40)},
			Slides:    -1,
			Timeline:  []SlideTime{{Number: -2, Views: -1, Spent: -time.Hour}},
			Attendees: []Attendee{{Group: "?"}},
			Questions: []Question{
				{Question: record.Question{Status: "", ForwardedTo: "moon", AnsweredAt: &end, Text: huge, Answer: huge}},
				{Question: record.Question{Number: -1, Slide: -5, Status: "weird", CreatedAt: time.Date(1, 1, 1, 0, 0, 1, 0, time.UTC)}},
				{Question: record.Question{Slide: 999}},
			},
		},
	}
	for name, m := range cases {
		for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
			t.Run(fmt.Sprintf("%s/%s", name, l), func(t *testing.T) {
				var md, c, x bytes.Buffer
				if err := WriteMinutesMarkdown(&md, m, l, nil); err != nil {
					t.Fatal(err)
				}
				if err := WriteMinutesCSV(&c, m, l, nil); err != nil {
					t.Fatal(err)
				}
				if err := WriteMinutesXLSX(&x, m, l, nil); err != nil {
					t.Fatal(err)
				}
				if _, err := excelize.OpenReader(&x); err != nil {
					t.Fatal(err)
				}
				if !utf8.Valid(md.Bytes()) || !utf8.Valid(c.Bytes()) {
					t.Error("invalid UTF-8")
				}
			})
		}
	}
}

func TestMinutesSheetNames(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.VI, i18n.EN} {
		for _, key := range []string{"minutes.sheet.info", "minutes.sheet.slides", "minutes.sheet.questions"} {
			name := l.T(key)
			if name == key || len([]rune(name)) > 31 || strings.ContainsAny(name, `[]:*?/\`) ||
				strings.HasPrefix(name, "'") || strings.HasSuffix(name, "'") {
				t.Errorf("%s %s: %q is not a valid sheet name", l, key, name)
			}
		}
	}
}

func TestMinutesHelpers(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0: "00:00", 59*time.Second + 600*time.Millisecond: "01:00", 75 * time.Minute: "75:00", -time.Second: "00:00",
	} {
		if got := clock(d); got != want {
			t.Errorf("clock(%v) = %q, want %q", d, got, want)
		}
	}
	for d, want := range map[time.Duration]string{
		45 * time.Minute: "45 phút", time.Hour: "1 giờ", 150 * time.Minute: "2 giờ 30 phút",
	} {
		if got := humanDuration(d, i18n.VI); got != want {
			t.Errorf("humanDuration(%v) = %q, want %q", d, got, want)
		}
	}
	for v, want := range map[string]string{
		"3f2a9c1b7d4e": "3f2a9c1b7d4e", "3F2A9C1B7D4E5A6B": "3F2A9C1B7D4E", "2025.1": "2025.1", "": "",
	} {
		if got := shortVersion(v); got != want {
			t.Errorf("shortVersion(%q) = %q, want %q", v, got, want)
		}
	}
	for _, c := range []struct {
		t    time.Time
		l    i18n.Lang
		want string
	}{
		{time.Date(2025, 3, 15, 0, 0, 0, 0, ict), i18n.VI, "Ngày 15 tháng 3 năm 2025"},
		{time.Date(2025, 2, 5, 0, 0, 0, 0, ict), i18n.VI, "Ngày 05 tháng 02 năm 2025"},
		{time.Date(2025, 3, 5, 0, 0, 0, 0, ict), i18n.EN, "Date: 05/03/2025"},
	} {
		if got := dateline(c.t, c.l); got != c.want {
			t.Errorf("dateline(%v, %s) = %q, want %q", c.t, c.l, got, c.want)
		}
	}
}

// TestMinutesXLSXColumnsInOrder: as for the attendance workbook, every
// sheet's <col> elements are in ascending order and no row has a style.
func TestMinutesXLSXColumnsInOrder(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMinutesXLSX(&buf, sampleMinutes(), i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	colMin := regexp.MustCompile(`<col min="(\d+)"`)
	for i := 1; i <= 5; i++ {
		name := fmt.Sprintf("xl/worksheets/sheet%d.xml", i)
		r, err := z.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		xml, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatal(err)
		}
		prev := 0
		for _, m := range colMin.FindAllSubmatch(xml, -1) {
			n, _ := strconv.Atoi(string(m[1]))
			if n <= prev {
				t.Errorf("%s: column %d after column %d", name, n, prev)
			}
			prev = n
		}
		if prev == 0 {
			t.Errorf("%s: no column widths", name)
		}
		if bytes.Contains(xml, []byte("customFormat")) {
			t.Errorf("%s: a row has a style", name)
		}
	}
}
