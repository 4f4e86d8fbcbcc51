package main

import (
	"archive/zip"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// pdfText is the text of a PDF file (pdftotext -raw), its spaces collapsed.
func pdfText(t *testing.T, file string) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed; .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	out, err := exec.Command(tool, "-raw", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", file, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// A ward's paper day as a clerk runs it: the sign-in sheet before, the
// chair and the secretary named at the start and corrected later, and the
// minutes as PDF and DOCX to print, sign and edit; -o with an extension no
// format has is refused and writes nothing (-o bienban.docx wrote Markdown).
func TestPaperMinutesAndSheet(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	cli := func(args ...string) string { return mustCLI(t, append([]string{"--data", data}, args...)...) }
	cli("roster", "import", filepath.Join("testdata", "units-roster.csv"))
	id := strings.TrimSpace(cli("session", "start", "nq57-toan-van", "--title", "Hội nghị phổ biến Nghị quyết 57",
		"--unit", "Phường 4", "--venue", "Hội trường UBND Phường 4", "--chair", "Trần Văn Chủ", "--secretary", "Lê Thị Thư"))

	// The sign-in sheet of one unit, as PDF and XLSX.
	sheetPDF := filepath.Join(dir, "ky-ten.pdf")
	cli("attendance", "sheet", "--unit", "P.4", "-o", sheetPDF)
	text := pdfText(t, sheetPDF)
	for _, want := range []string{"DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ", "Hội nghị phổ biến Nghị quyết 57", "STT Họ và tên Đơn vị Chức vụ Ký tên",
		"1 Nguyễn Văn Bốn Phường 4 Chuyên viên", "Hoàng Văn Bốn Phường 4 Phó Chủ tịch"} {
		if !strings.Contains(text, want) {
			t.Errorf("the sign-in sheet does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Đỗ Văn Hai") {
		t.Errorf("the sheet of Phường 4 lists someone of Phường 2:\n%s", text)
	}
	sheetXLSX := filepath.Join(dir, "ky-ten.xlsx")
	cli("attendance", "sheet", "--format", "xlsx", "-o", sheetXLSX)
	f, err := excelize.OpenFile(sheetXLSX)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(f.GetSheetName(0))
	f.Close()
	if len(rows) < 14 || strings.Join(rows[4], "|") != "STT|Họ và tên|Đơn vị|Chức vụ|Ký tên" {
		t.Errorf("the sheet's workbook: %q", rows)
	}
	if r := runCLI(t, "--data", data, "attendance", "sheet", "--unit", "Phường 77", "-o", filepath.Join(dir, "x.pdf")); r.code != 1 || !strings.Contains(r.stderr, "Phường 77") {
		t.Errorf("a sheet of a unit with no one: %s", r)
	}

	cli("checkin", "--query", "Nguyễn Văn Bốn")
	cli("question", "add", "--text", "Khi nào phường triển khai dịch vụ công trực tuyến toàn trình?", "--asker", "Trần Thị Bốn")
	cli("session", "edit", id, "--chair", "Nguyễn Thị Chủ Trì")
	cli("session", "end")

	// -o's extension picks the format; one no format has is refused.
	pdf := filepath.Join(dir, "bien-ban.pdf")
	cli("session", "export", id, "-o", pdf)
	text = pdfText(t, pdf)
	for _, want := range []string{"PHƯỜNG 4", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: …/BB-P4",
		"BIÊN BẢN", "Chủ trì: Nguyễn Thị Chủ Trì", "Thư ký: Lê Thị Thư", "Số người được mời: 9 người", "Số người tham dự: 1 người",
		"Số người vắng mặt: 8 người", "Câu 1", "Khi nào phường triển khai dịch vụ công trực tuyến toàn trình?", "THƯ KÝ", "CHỦ TRÌ"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF minutes do not say %q:\n%s", want, text)
		}
	}
	// The Markdown minutes count the invited and the absent too.
	md := cli("session", "export", id, "--format", "md")
	if want := "- Số người được mời: 9 người\n- Số người tham dự: 1 người\n- Số người vắng mặt: 8 người\n"; !strings.Contains(md, want) {
		t.Errorf("the Markdown minutes do not say %q:\n%s", want, md)
	}
	docx := filepath.Join(dir, "bien-ban.docx")
	cli("session", "export", id, "-o", docx)
	z, err := zip.OpenReader(docx)
	if err != nil {
		t.Fatalf("the DOCX is not a package: %v", err)
	}
	z.Close()
	for _, args := range [][]string{{"-o", filepath.Join(dir, "bien-ban.odt")}, {"--format", "pdf", "-o", filepath.Join(dir, "bien-ban.xlsx")},
		{"--format", "odt", "-o", filepath.Join(dir, "bien-ban")}} {
		r := runCLI(t, append([]string{"--data", data, "session", "export", id}, args...)...)
		if r.code != 2 || r.stdout != "" {
			t.Errorf("export %v: %s", args, r)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "bien-ban.odt")); err == nil {
		t.Error("a refused export wrote its file")
	}
	r := runCLI(t, "--lang", "en", "--data", data, "session", "export", id, "-o", filepath.Join(dir, "minutes.odt"))
	if r.code != 2 || !strings.Contains(r.stderr, "no format has the extension .odt") {
		t.Errorf("export -o .odt in English: %s", r)
	}
}

// The handout: deck render --notes prints each slide's notes; --format pdf
// writes the slides with them.
func TestHandout(t *testing.T) {
	data, dir := t.TempDir(), t.TempDir()
	out := mustCLI(t, "--data", data, "deck", "render", "nq57-toan-van", "--slide", "2", "--notes")
	if !strings.Contains(out, "Ghi chú:") || !strings.Contains(out, "Trưởng ban; việc thành lập") {
		t.Errorf("no notes:\n%s", out)
	}
	if out := mustCLI(t, "--data", data, "deck", "render", "nq57-toan-van", "--slide", "2"); strings.Contains(out, "Ghi chú") {
		t.Errorf("notes without --notes:\n%s", out)
	}
	pdf := filepath.Join(dir, "tai-lieu.pdf")
	mustCLI(t, "--data", data, "deck", "render", "nq57-toan-van", "--notes", "-o", pdf)
	text := pdfText(t, pdf)
	for _, want := range []string{"Trang 1/27", "Trang 27/27", "Ghi chú:", "Thông tin chung về Nghị quyết"} {
		if !strings.Contains(text, want) {
			t.Errorf("the handout does not say %q", want)
		}
	}
	if r := runCLI(t, "--data", data, "deck", "render", "nq57-toan-van", "-o", filepath.Join(dir, "x.odt")); r.code != 2 {
		t.Errorf("render -o x.odt: %s", r)
	}
}

// The start form asks for the chair and the secretary, at 80x24 and at
// 160x45, and the session keeps them for the minutes.
func TestE2EStartFormSigners(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		tm := newTmux(t)
		p := tm.start("a", size[0], size[1], "present", d.id, "--title", "Hội nghị thử")
		s := waitFor(t, p, formHeadingVI, waitTimeout)
		for _, label := range []string{"Chủ trì", "Thư ký", "Báo cáo viên"} {
			if !strings.Contains(s, label) {
				t.Fatalf("%dx%d: the form has no %q:\n%s", size[0], size[1], label, frame(s))
			}
		}
		// Title, unit, venue, form, rapporteur, then the chair.
		for range 5 {
			p.send("Tab")
		}
		p.typeText("Trần Văn Chủ")
		p.send("Tab")
		p.typeText("Lê Thị Thư")
		p.waitUntil("the secretary typed", waitTimeout, func(s string) bool { return strings.Contains(s, "Lê Thị Thư") })
		p.send("Enter")
		p.waitCounter(1, d.total())
		got := tm.waitSession("an open session", func(s sessionInfo) bool { return s.Open })
		out := mustCLI(t, "--data", tm.data, "session", "show", got.ID, "--json")
		if !strings.Contains(out, `"chair": "Trần Văn Chủ"`) || !strings.Contains(out, `"secretary": "Lê Thị Thư"`) {
			t.Errorf("%dx%d: the session does not keep them:\n%s", size[0], size[1], out)
		}
	}
}
