package main

// session show, end and export on the command line.

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"briefing/internal/attendance"
	"briefing/internal/i18n"
	"github.com/charmbracelet/x/ansi"
)

// TestSessionCLI: session show's counters under headings, in one column width; session end
// with no open session; export's --format in any case, inferred from -o, and checked
// against it; -o naming a folder, or in a folder that does not exist.
func TestSessionCLI(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	roster := writeTestFile(t, dir, "ds.csv", "STT,HỌ VÀ TÊN,ĐƠN VỊ,Thành phần\n1,An,,\n2,Bình,Phường 7,Nhân dân\n")
	runIn(t, "", "--data", data, "roster", "import", roster).expect(t, "import", 0, nil, nil)
	start := runIn(t, "", "--data", data, "session", "start", "--title", "Hội nghị")
	start.expect(t, "session start", 0, nil, nil)
	id := strings.TrimSpace(start.stdout)
	for _, q := range []string{"an", "binh"} {
		runIn(t, "", "--data", data, "checkin", "--query", q).expect(t, "checkin "+q, 0, nil, nil)
	}

	r := runIn(t, "", "--data", data, "session", "show", id)
	r.expect(t, "session show", 0, []string{"Tên phiên:", "Có mặt: 2\nTheo thành phần:\n  Nhân dân:", "\nTheo đơn vị:\n  Phường 7:", "\n  (chưa ghi đơn vị): 1\n"}, []string{"buổi"})
	var counts []string
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "  ") && strings.HasSuffix(line, " 1") {
			counts = append(counts, line)
		}
	}
	if len(counts) != 4 {
		t.Fatalf("session show: %d count lines, want 4:\n%s", len(counts), r.stdout)
	}
	for _, line := range counts {
		if ansi.StringWidth(line) != ansi.StringWidth(counts[0]) {
			t.Errorf("session show: counts not aligned:\n%s", strings.Join(counts, "\n"))
			break
		}
	}
	runIn(t, "en", "--data", data, "session", "show", id).expect(t, "session show en", 0, []string{"Present: 2\nBy group:\n", "\nBy unit:\n"}, nil)
	runIn(t, "", "--data", data, "session", "list").expect(t, "session list", 0, []string{"TÊN PHIÊN"}, []string{"BUỔI"})

	// Export.
	out := filepath.Join(dir, "bien-ban.CSV")
	runIn(t, "", "--data", data, "session", "export", id, "--format", "CSV", "-o", out).expect(t, "--format CSV", 0, []string{"Đã ghi biên bản"}, nil)
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Errorf("--format CSV: %v %q", err, b)
	}
	inferred := filepath.Join(dir, "bien-ban.xlsx")
	runIn(t, "", "--data", data, "session", "export", id, "-o", inferred).expect(t, "-o .xlsx", 0, nil, nil)
	if b, err := os.ReadFile(inferred); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Errorf("-o x.xlsx is not an xlsx file: %v", err)
	}
	mismatch := filepath.Join(dir, "out.xlsx")
	runIn(t, "", "--data", data, "session", "export", id, "--format", "md", "-o", mismatch).expect(t, "--format md -o .xlsx", 2,
		[]string{"-o " + mismatch + " có đuôi của định dạng xlsx nhưng --format là md"}, nil)
	if _, err := os.Stat(mismatch); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the refused export wrote %s", mismatch)
	}
	runIn(t, "", "--data", data, "session", "export", id, "--format", "odt").expect(t, "--format odt", 2, []string{`định dạng "odt" không có`}, nil)
	nodir := filepath.Join(dir, "nodir", "x.csv")
	runIn(t, "", "--data", data, "session", "export", id, "--format", "csv", "-o", nodir).expect(t, "-o in no folder", 1,
		[]string{"không ghi được " + nodir + ": thư mục " + filepath.Dir(nodir) + " không tồn tại"}, []string{".x.csv.", "no such file"})
	runIn(t, "en", "--data", data, "session", "export", id, "--format", "csv", "-o", dir).expect(t, "-o a folder", 2,
		[]string{"-o " + dir + " is a folder; give a file name, for example: -o " + filepath.Join(dir, "bien-ban-")}, []string{"rename", "file exists"})

	// End, twice.
	runIn(t, "", "--data", data, "session", "end").expect(t, "session end", 0, []string{"đã kết thúc phiên"}, nil)
	runIn(t, "", "--data", data, "session", "end").expect(t, "session end with none open", 1,
		[]string{"không có phiên nào đang mở, không có gì để kết thúc", "briefing session list"}, []string{"briefing present"})
}

func TestExportFormat(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		format string
		given  bool
		out    string
		want   string
		code   int
	}{
		{"", false, "", "md", 0},
		{"", false, "-", "md", 0},
		{"", false, "x.CSV", "csv", 0},
		{"", false, "x.markdown", "md", 0},
		{"", false, "x.pdf", "pdf", 0},
		{"", false, "x.DOCX", "docx", 0},
		{"", false, "x.odt", "", 2},
		{"pdf", true, "x.odt", "", 2},
		{"odt", true, "", "", 2},
		{"XLSX", true, "x.xlsx", "xlsx", 0},
		{" Csv ", true, "", "csv", 0},
		{"md", true, "x.txt", "md", 0},
		{"md", true, "x.xlsx", "", 2},
		{"pdf", true, "x.pdf", "pdf", 0},
		{"", true, "x.md", "", 2},
	} {
		got, err := exportFormat(i18n.VI, c.format, c.given, c.out)
		var ee exitError
		if got != c.want || (c.code == 0) != (err == nil) || (err != nil && (!errors.As(err, &ee) || ee.code != c.code)) {
			t.Errorf("exportFormat(%q, %v, %q) = %q, %v", c.format, c.given, c.out, got, err)
		}
	}
	// A failed write names the file, never the temporary one beside it.
	for _, c := range []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/d/.x.csv.123", Err: syscall.EACCES}, "không có quyền ghi vào thư mục /d"},
		{&fs.PathError{Op: "write", Path: "/d/.x.csv.123", Err: syscall.ENOSPC}, "không ghi được /d/x.csv: no space left on device; tệp cũ"},
		{&os.LinkError{Op: "rename", Old: "/d/.x.csv.123", New: "/d/x.csv", Err: syscall.EXDEV}, "không ghi được /d/x.csv: invalid cross-device link"},
	} {
		if got := writeProblem(i18n.VI, "/d/x.csv", c.err); !strings.Contains(got, c.want) || strings.Contains(got, ".123") {
			t.Errorf("writeProblem(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

// TestWriteCounts: the two lists share one column width, whatever their labels.
func TestWriteCounts(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	writeCounts(&b, i18n.VI, attendance.Counts{
		Present: 12,
		ByGroup: []attendance.Count{{Key: "nhan_dan", Count: 10}, {Key: "", Count: 2}},
		ByUnit:  []attendance.Count{{Key: "Phường 7", Count: 11}, {Key: "P.2 cũ", Count: 3, Unknown: true}, {Key: "", Count: 1}},
	})
	want := "Có mặt: 12\n" +
		"Theo thành phần:\n" +
		"  Nhân dân:          10\n" +
		"  Chưa phân loại:    2\n" +
		"Theo đơn vị:\n" +
		"  Phường 7:          11\n" +
		"  P.2 cũ *:          3\n" +
		"  (chưa ghi đơn vị): 1\n" +
		"* chưa có trong danh mục đơn vị; thêm cách viết này bằng: briefing unit alias \"CÁCH VIẾT\" \"ĐƠN VỊ\" (xem briefing unit list --unknown)\n"
	if b.String() != want {
		t.Errorf("writeCounts:\n%s\nwant:\n%s", b.String(), want)
	}
	b.Reset()
	writeCounts(&b, i18n.EN, attendance.Counts{})
	if b.String() != "Present: 0\n" {
		t.Errorf("no one present: %q", b.String())
	}
}
