package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"briefing/internal/i18n"
	"briefing/internal/record"
	"briefing/internal/unit"
)

// paperMinutes is sampleMinutes with what only the paper minutes show: the
// chair, the secretary, the roster (two of those present, three absent)
// and a host unit under the district.
func paperMinutes() Minutes {
	m := sampleMinutes()
	m.Session.Chair, m.Session.Secretary = "Nguyễn Thị Chủ Trì", "Lê Văn Thư Ký"
	m.Units = unit.NewCatalog([]unit.Unit{
		{Meta: record.Meta{ID: "q"}, Name: "UBND quận Tân Bình", Kind: unit.Other, SortOrder: 1},
		{Meta: record.Meta{ID: "w2"}, Name: "Phường 2", Kind: unit.Ward, SortOrder: 2, ParentID: "q"},
		{Meta: record.Meta{ID: "w4"}, Name: "Phường 4", Kind: unit.Ward, SortOrder: 4, ParentID: "q"},
		{Meta: record.Meta{ID: "w10"}, Name: "Phường 10", Kind: unit.Ward, SortOrder: 10, ParentID: "q"},
	}, nil)
	for i := range m.Attendees {
		m.Attendees[i].PersonID = "p" + strconv.Itoa(i)
	}
	m.Invited = []Attendee{
		{PersonID: "p0", Name: "Nguyễn Văn An", Unit: "Phường 10"},
		{PersonID: "p1", Name: "Lê Thị Ánh Tuyết", Unit: "Phường 2"},
		{PersonID: "x1", Name: "Hồ Văn Vắng", Unit: "P.2"},
		{PersonID: "x2", Name: "Đinh Thị Vắng", Unit: "Phường 4"},
		{PersonID: "x3", Name: "Mai Văn Vắng", Unit: "Phường 4"},
	}
	return m
}

// need skips the test when a poppler tool is missing (.ci/run installs
// poppler-utils).
func need(t testing.TB, tool string) string {
	t.Helper()
	path, err := exec.LookPath(tool)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed; .ci/run installs poppler-utils", tool)
		}
		t.Skipf("%s is not installed (apt-get install poppler-utils)", tool)
	}
	return path
}

// pdfTool runs a poppler tool on pdf (written to a file) and returns what
// it printed.
func pdfTool(t testing.TB, pdf []byte, tool string, args ...string) string {
	t.Helper()
	path := need(t, tool)
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	args = append(args, file)
	if tool == "pdftotext" {
		args = append(args, "-") // to standard output
	}
	out, err := exec.Command(path, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", tool, err, out)
	}
	return string(out)
}

// checkPDF checks what a printed document needs: every font embedded and
// Liberation Serif, and every page rendering to a picture (pdftoppm).
func checkPDF(t *testing.T, pdf []byte) {
	t.Helper()
	fonts := pdfTool(t, pdf, "pdffonts")
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	if len(lines) < 3 {
		t.Fatalf("no fonts:\n%s", fonts)
	}
	for _, line := range lines[2:] {
		f := strings.Fields(line)
		if !strings.HasPrefix(strings.ToLower(f[0]), "utf8liberationserif") || f[len(f)-5] != "yes" {
			t.Errorf("a font not Liberation Serif or not embedded: %s", line)
		}
	}
	pages := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(pdfTool(t, pdf, "pdfinfo"))
	if pages == nil {
		t.Fatal("pdfinfo gives no page count")
	}
	dir := t.TempDir()
	file := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(need(t, "pdftoppm"), "-r", "40", "-png", file, filepath.Join(dir, "page")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "page-*.png"))
	if strconv.Itoa(len(pngs)) != pages[1] {
		t.Errorf("%d pages rendered of %s", len(pngs), pages[1])
	}
	for _, p := range pngs {
		if st, err := os.Stat(p); err != nil || st.Size() < 1000 {
			t.Errorf("page %s did not render", p)
		}
	}
}

// pdfText is the text of pdf as pdftotext lays it out, without the page
// breaks' form feeds.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	return strings.ReplaceAll(pdfTool(t, pdf, "pdftotext", "-layout", "-enc", "UTF-8"), "\f", "\n")
}

// TestMinutesPDF prints the minutes and compares their text with
// testdata/TestMinutesPDF/*.golden (go test -update rewrites them): the
// header of Decree 30/2020, the chair and the secretary, the participants
// by unit, every question, the signature blocks.
func TestMinutesPDF(t *testing.T) {
	open := paperMinutes()
	open.Session.EndedAt = nil
	for _, c := range []struct {
		name string
		m    Minutes
		l    i18n.Lang
	}{{"vi", paperMinutes(), i18n.VI}, {"en", paperMinutes(), i18n.EN}, {"vi_open", open, i18n.VI}} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteMinutesPDF(&buf, c.m, c.l, ict); err != nil {
				t.Fatal(err)
			}
			checkPDF(t, buf.Bytes())
			golden.RequireEqual(t, pdfText(t, buf.Bytes()))
		})
	}
}

// The header and the signatures say what the decree asks, whatever
// pdftotext's layout: checked word for word on the Vietnamese minutes.
func TestMinutesPDFSays(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMinutesPDF(&buf, paperMinutes(), i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	text := pdfTool(t, buf.Bytes(), "pdftotext", "-raw", "-enc", "UTF-8")
	for _, want := range []string{
		"UBND QUẬN TÂN BÌNH", "PHƯỜNG 4", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
		"Số: …/BB-P4", "Phường 4, ngày 15 tháng 3 năm 2025", "BIÊN BẢN",
		"Chủ trì: Nguyễn Thị Chủ Trì", "Thư ký: Lê Văn Thư Ký", "Số người được mời: 5 người", "Số người vắng mặt: 3 người",
		"Câu 3", "Chuyển người phát ngôn", "Hội nghị kết thúc lúc 10:30 ngày 15/03/2025.",
		"THƯ KÝ", "CHỦ TRÌ", "(Ký, ghi rõ họ tên)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, text)
		}
	}
}

// docxText is the text of each paragraph of a DOCX's document, one a line,
// after checking that every part of the package is well-formed XML and
// that the parts the content types name are there.
func docxText(t *testing.T, data []byte) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range z.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(r)
		r.Close()
		parts[f.Name] = b
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := d.Token()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
		}
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "word/header1.xml", "docProps/core.xml"} {
		if parts[name] == nil {
			t.Errorf("no part %s", name)
		}
	}
	var out strings.Builder
	d := xml.NewDecoder(bytes.NewReader(parts["word/document.xml"]))
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "t"
			if tok.Name.Local == "tab" {
				out.WriteString("\t")
			}
		case xml.EndElement:
			inText = false
			switch tok.Name.Local {
			case "p":
				out.WriteString("\n")
			case "tc":
				out.WriteString(" | ")
			}
		case xml.CharData:
			if inText {
				out.Write(tok)
			}
		}
	}
	return out.String()
}

// TestMinutesDOCX writes the minutes as DOCX: a valid package whose text
// is testdata/TestMinutesDOCX/*.golden.
func TestMinutesDOCX(t *testing.T) {
	for _, c := range []struct {
		name string
		l    i18n.Lang
	}{{"vi", i18n.VI}, {"en", i18n.EN}} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteMinutesDOCX(&buf, paperMinutes(), c.l, ict); err != nil {
				t.Fatal(err)
			}
			golden.RequireEqual(t, docxText(t, buf.Bytes()))
		})
	}
}

// Participation counts the invited, present and absent by unit, the
// spellings of one unit together; a walk-in is present, not invited.
func TestParticipation(t *testing.T) {
	got := Participation(paperMinutes(), i18n.VI)
	want := []UnitTally{
		{"Phường 2", 2, 2, 1, 1},
		{"Phường 4", 2, 1, 1, 2},
		{"Phường 10", 1, 1, 0, 0},
		{"Công ty TNHH Ánh Dương, Tân Bình", 0, 1, 1, 0},
		{"Chưa ghi đơn vị", 0, 1, 1, 0},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
}

// The participants add up, line by line and in total: invited = present
// - not invited + absent. An invited person counts on the line they were
// invited under even when their check-in gives another unit, and once
// however often they checked in. Units the catalog does not know print as
// written, in numeric order, not by count.
func TestParticipationAddsUp(t *testing.T) {
	m := paperMinutes()
	m.Invited = []Attendee{
		{PersonID: "a", Unit: "Khu phố 10"}, {PersonID: "b", Unit: "Khu phố 10"}, {PersonID: "c", Unit: "Khu phố 10"},
		{PersonID: "d", Unit: "Khu phố 2"},
		{PersonID: "e", Unit: "Khu phố 3"}, {PersonID: "f", Unit: "Khu phố 3"},
	}
	m.Attendees = []Attendee{
		{PersonID: "a", Unit: "Khu phố 10"},
		{PersonID: "a", Unit: "Khu phố 10"}, // checked in twice
		{PersonID: "e", Unit: "Khu phố 2"},  // moved since the roster was read
		{PersonID: "w", Unit: "Khu phố 3"},  // a walk-in
		{Unit: "Khu phố 3"},                 // a walk-in not on the roster at all
	}
	got := Participation(m, i18n.VI)
	want := []UnitTally{
		{"Khu phố 2", 1, 0, 0, 1},
		{"Khu phố 3", 2, 3, 2, 1},
		{"Khu phố 10", 3, 2, 1, 2},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got  %v\nwant %v", got, want)
	}
	for _, u := range got {
		if u.Invited != u.Present-u.NotInvited+u.Absent {
			t.Errorf("%s does not add up: %+v", u.Label, u)
		}
	}

	var buf bytes.Buffer
	if err := WriteMinutesPDF(&buf, m, i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	text := pdfTool(t, buf.Bytes(), "pdftotext", "-raw", "-enc", "UTF-8")
	for _, want := range []string{
		"Số người được mời: 6 người", "Số người tham dự: 5 người, trong đó 3 người không có trong danh sách mời", "Số người vắng mặt: 4 người",
		"Khu phố 2 1 0 0 1", "Khu phố 3 2 3 2 1", "Khu phố 10 3 2 1 2", "Tổng cộng 6 5 3 4",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF does not say %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "danh mục") {
		t.Errorf("the official minutes mark a unit as not in the catalog:\n%s", text)
	}
}

// BenchmarkMinutesPDF300 prints the minutes of a 300-person session with
// 40 questions, the roster of 300 invited.
func BenchmarkMinutesPDF300(b *testing.B) {
	m := manyMinutes(300, 40)
	m.Session.Chair, m.Session.Secretary = "Nguyễn Thị Chủ Trì", "Lê Văn Thư Ký"
	for i := range m.Attendees {
		m.Attendees[i].PersonID = strconv.Itoa(i)
	}
	m.Invited = m.Attendees
	b.ReportAllocs()
	for b.Loop() {
		if err := WriteMinutesPDF(io.Discard, m, i18n.VI, ict); err != nil {
			b.Fatal(err)
		}
	}
}

// The Markdown minutes name the chair and the secretary too, and sign
// under their names.
func TestMinutesMarkdownSigners(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMinutesMarkdown(&buf, paperMinutes(), i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"- Chủ trì: Nguyễn Thị Chủ Trì\n", "- Thư ký: Lê Văn Thư Ký\n", "| THƯ KÝ | CHỦ TRÌ |", "| **Lê Văn Thư Ký** | **Nguyễn Thị Chủ Trì** |"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("no %q in:\n%s", want, buf.String())
		}
	}
}

// The Markdown minutes give the invited, the present (with those not
// invited) and the absent as the PDF does, when the invited are known.
func TestMinutesMarkdownInvited(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteMinutesMarkdown(&buf, paperMinutes(), i18n.VI, ict); err != nil {
		t.Fatal(err)
	}
	want := "- Số người được mời: 5 người\n- Số người tham dự: 6 người, trong đó 4 người không có trong danh sách mời\n- Số người vắng mặt: 3 người\n"
	if !strings.Contains(buf.String(), want) {
		t.Errorf("no %q in:\n%s", want, buf.String())
	}
}
