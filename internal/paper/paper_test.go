package paper

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// text is the text pdftotext reads from pdf, its words one space apart.
func text(t *testing.T, pdf []byte) string {
	t.Helper()
	tool, err := exec.LookPath("pdftotext")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("pdftotext is not installed; .ci/run installs poppler-utils")
		}
		t.Skip("pdftotext is not installed (apt-get install poppler-utils)")
	}
	file := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(file, pdf, 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// Nothing is lost in the layout: a word longer than a line is broken, not
// cut; a control character (an escape) does not reach the file; markup
// characters stay text; every word of a long justified paragraph and of a
// table of more rows than a page holds is printed.
func TestNothingLost(t *testing.T) {
	long := strings.Repeat("Ngữ", 80)
	body := strings.Repeat("Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số là đột phá quan trọng hàng đầu. ", 30)
	rows := make([][]string, 120)
	for i := range rows {
		rows[i] = []string{"Hàng " + strings.Repeat("x", i%7), "Phường <4> & \"5\""}
	}
	d := Doc{Blocks: []Block{
		Para{Runs: Text(long)},
		Para{Runs: []Run{{Text: "Nhãn: ", Bold: true}, {Text: "giá\x1b[31m trị"}}},
		Para{Runs: Text(body), Align: Justify, Indent: true},
		Table{Widths: []float64{1, 1}, Head: []string{"A", "B"}, Rows: rows, Foot: []string{"Tổng", "120"}},
		Para{Runs: Text("• mục"), Bullet: "1.", Left: 7},
		Signatures{{Title: "THƯ KÝ", Hint: "(Ký)", Name: "Lê Thị Thư"}},
	}}
	var pdf bytes.Buffer
	if err := WritePDF(&pdf, d); err != nil {
		t.Fatal(err)
	}
	got := text(t, pdf.Bytes())
	if strings.Contains(got, "\x1b") {
		t.Error("an escape character reached the PDF")
	}
	if n := strings.Count(strings.ReplaceAll(got, " ", ""), "Ngữ"); n != 80 {
		t.Errorf("the long word kept %d of its 80 parts", n)
	}
	if n := strings.Count(got, "đột phá quan trọng hàng đầu"); n != 30 {
		t.Errorf("the paragraph kept %d of its 30 sentences", n)
	}
	if n := strings.Count(got, "Phường <4> & \"5\""); n != 120 {
		t.Errorf("the table kept %d of its 120 rows", n)
	}
	for _, want := range []string{"Nhãn: giá[31m trị", "Tổng 120", "1. • mục", "THƯ KÝ (Ký) Lê Thị Thư"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q is missing from:\n%s", want, got)
		}
	}

	var docx bytes.Buffer
	if err := WriteDOCX(&docx, d); err != nil {
		t.Fatal(err)
	}
	z, err := zip.NewReader(bytes.NewReader(docx.Bytes()), int64(docx.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		r, _ := f.Open()
		dec := xml.NewDecoder(r)
		for {
			if _, err := dec.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s is not well-formed: %v", f.Name, err)
			}
		}
		r.Close()
	}
}

// A character the font cannot draw (an emoji past U+FFFF, which made fpdf
// panic; CJK, which printed blank) prints as a replacement mark, in
// running text, in a table and in a title; the Vietnamese around it stays.
func TestCharactersTheFontLacks(t *testing.T) {
	d := Doc{Title: "Hội nghị 👍", Blocks: []Block{
		Para{Runs: Text("Xin hỏi 👍 về 中文 và 𠀀 nhé")},
		Table{Widths: []float64{1, 1}, Head: []string{"Đơn vị", "Số"}, Rows: [][]string{{"中文单位 😀", "1"}}},
		Signatures{{Title: "CHỦ TRÌ", Name: "Ông 😀 Test"}},
	}}
	var pdf bytes.Buffer
	if err := WritePDF(&pdf, d); err != nil {
		t.Fatal(err)
	}
	got := text(t, pdf.Bytes())
	// Liberation Serif has no U+FFFD: a question mark stands in.
	for _, want := range []string{"Xin hỏi ? về ?? và ? nhé", "???? ?", "Ông ? Test"} {
		if !strings.Contains(got, want) {
			t.Errorf("%q is missing from:\n%s", want, got)
		}
	}
}
