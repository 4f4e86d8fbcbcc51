package main

// roster import: the file, and the summary of what the import did or would do.

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"briefing/internal/i18n"
	"briefing/internal/store"
)

const oneRejected = "STT,HỌ VÀ TÊN,ĐƠN VỊ,Thành phần\n1,A,P5,cb\n2,B,P5,xyz\n3,C,P5,cc\n"

// TestRosterImportSummary: the counts say what the import did, or with nothing written
// (a rejected row without --skip-invalid, or --dry-run) what the file would do.
func TestRosterImportSummary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	csv := writeTestFile(t, dir, "c.csv", oneRejected)

	runIn(t, "", "--data", data, "roster", "import", csv).expect(t, "a rejected row", 1,
		[]string{csv + ":3:", csv + " sẽ nhập mới: 2, sẽ cập nhật: 0, không đổi: 0, bị từ chối: 1 — chưa nhập gì", "--skip-invalid"},
		[]string{"Đã nhập", "Mới: 2"})
	runIn(t, "", "--lang", "en", "--data", data, "roster", "import", csv).expect(t, "a rejected row, en", 1,
		[]string{csv + " would add 2 new, update 0, leave 0 unchanged, reject 1 — nothing was imported", "--skip-invalid"},
		[]string{"Imported"})

	r := runIn(t, "", "--data", data, "roster", "import", csv, "--json")
	r.expect(t, "a rejected row, --json", 1, []string{"sẽ nhập mới: 2"}, nil)
	var res struct {
		Applied            bool
		DryRun             bool `json:"dry_run"`
		Imported, Rejected int
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.Applied || res.Imported != 2 || res.Rejected != 1 {
		t.Errorf("--json of a rejected import: %v %+v\n%s", err, res, r)
	}

	// A dry run in a data directory with no database yet creates none.
	fresh := filepath.Join(dir, "fresh")
	runIn(t, "", "--data", fresh, "roster", "import", csv, "--dry-run", "--skip-invalid").expect(t, "--dry-run --skip-invalid", 0,
		[]string{"Chạy thử, chưa ghi gì — " + csv + " sẽ nhập mới: 2, sẽ cập nhật: 0, không đổi: 0, bị từ chối: 1"}, []string{"Đã nhập"})
	if _, err := os.Stat(fresh); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a dry run created the data directory: %v", err)
	}
	empty := t.TempDir()
	runIn(t, "", "--data", empty, "roster", "import", csv, "--dry-run", "--skip-invalid").expect(t, "--dry-run in an empty folder", 0, nil, nil)
	if _, err := os.Stat(filepath.Join(empty, store.FileName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a dry run created the database: %v", err)
	}
	runIn(t, "", "--data", fresh, "roster", "import", csv, "--dry-run").expect(t, "--dry-run with a rejected row", 1,
		[]string{"sẽ nhập mới: 2", "chưa nhập gì"}, nil)

	runIn(t, "", "--data", data, "roster", "import", csv, "--skip-invalid").expect(t, "--skip-invalid", 0,
		[]string{"Đã nhập " + csv + " — Mới: 2, cập nhật: 0, không đổi: 0; bỏ qua 1 dòng bị từ chối"}, []string{"sẽ", "chưa nhập"})
	// A dry run where there is a database counts against it.
	runIn(t, "", "--data", data, "roster", "import", csv, "--dry-run", "--skip-invalid").expect(t, "--dry-run again", 0,
		[]string{"sẽ nhập mới: 0, sẽ cập nhật: 0, không đổi: 2, bị từ chối: 1"}, nil)

	good := writeTestFile(t, dir, "good.csv", "STT,HỌ VÀ TÊN,ĐƠN VỊ\n1,D,P5\n")
	runIn(t, "", "--lang", "en", "--data", data, "roster", "import", good).expect(t, "all valid, en", 0,
		[]string{"Imported " + good + " — new: 1, updated: 0, unchanged: 0"}, []string{"skipped", "would"})
	r = runIn(t, "", "--data", data, "roster", "import", good, "--json")
	if err := json.Unmarshal([]byte(r.stdout), &res); r.code != 0 || err != nil || !res.Applied {
		t.Errorf("--json of an import: %v %+v\n%s", err, res, r)
	}
}

// TestRosterImportNothing: a file with no data rows, and one with no valid row even with
// --skip-invalid, exit 1 and say so, naming the file.
func TestRosterImportNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	header := writeTestFile(t, dir, "header.csv", "STT,HỌ VÀ TÊN,ĐƠN VỊ\n")
	for _, extra := range [][]string{nil, {"--dry-run"}, {"--json"}} {
		args := append([]string{"--data", data, "roster", "import", header}, extra...)
		runIn(t, "", args...).expect(t, "header only "+strings.Join(extra, " "), 1,
			[]string{header + " không có dòng dữ liệu nào dưới dòng tiêu đề"}, []string{"Mới: 0"})
	}
	runIn(t, "en", "--data", data, "roster", "import", header).expect(t, "header only, en", 1,
		[]string{header + " has no data rows under its header"}, nil)

	bad := writeTestFile(t, dir, "bad.csv", "STT,HỌ VÀ TÊN,ĐƠN VỊ,Thành phần\n1,A,P5,xyz\n2,B,P5,abc\n")
	for _, extra := range [][]string{nil, {"--skip-invalid"}, {"--skip-invalid", "--dry-run"}} {
		args := append([]string{"--data", data, "roster", "import", bad}, extra...)
		runIn(t, "", args...).expect(t, "no valid row "+strings.Join(extra, " "), 1,
			[]string{bad + ":2:", bad + ":3:", bad + " không có dòng hợp lệ nào (2 dòng bị từ chối); chưa nhập gì"}, []string{"Đã nhập", "Mới: 0"})
	}
	r := runIn(t, "", "--data", data, "roster", "import", bad, "--skip-invalid", "--json")
	var res struct{ Applied bool }
	if err := json.Unmarshal([]byte(r.stdout), &res); r.code != 1 || err != nil || res.Applied {
		t.Errorf("--skip-invalid --json with no valid row: %v %+v\n%s", err, res, r)
	}
}

// TestRosterImportFile: a file that is not there or is a folder is told in the interface
// language, naming it and what to do.
func TestRosterImportFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	missing := filepath.Join(dir, "missing.csv")
	runIn(t, "", "--data", data, "roster", "import", missing).expect(t, "missing", 1,
		[]string{"không có tệp " + missing + "; kiểm tra lại đường dẫn"}, []string{"no such file"})
	runIn(t, "en", "--data", data, "roster", "import", missing).expect(t, "missing, en", 1,
		[]string{missing + " does not exist; check the path"}, nil)
	folder := filepath.Join(dir, "folder.csv")
	os.Mkdir(folder, 0o700)
	runIn(t, "", "--data", data, "roster", "import", folder).expect(t, "a folder", 1,
		[]string{folder + " là một thư mục, không phải tệp"}, nil)
	afile := writeTestFile(t, dir, "afile", "x")
	runIn(t, "", "--data", data, "roster", "import", filepath.Join(afile, "x.csv")).expect(t, "under a file", 1,
		[]string{"không có tệp " + filepath.Join(afile, "x.csv")}, []string{"not a directory"})

	// Permissions: the test may run as root, who reads everything; the errors then.
	denied := &fs.PathError{Op: "open", Path: "ds.csv", Err: syscall.EACCES}
	for _, c := range []struct {
		l         i18n.Lang
		err       error
		want, not string
	}{
		{i18n.VI, denied, "không có quyền đọc tệp ds.csv; kiểm tra quyền của tệp (ví dụ: chmod u+r ds.csv)", "permission denied"},
		{i18n.EN, denied, "no permission to read ds.csv; check the file's permissions", "denied"},
		{i18n.VI, &fs.PathError{Op: "open", Path: "ds.csv", Err: syscall.EIO}, "không mở được tệp ds.csv: input/output error", "open ds.csv"},
	} {
		got := openProblem(c.l, "ds.csv", c.err)
		if !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("openProblem(%v) = %q, want %q", c.err, got, c.want)
		}
	}
}

// TestRosterImportWardFile: a ward's list that a clerk would call fine (a
// name in capitals, groups by association, two phones in a cell, an ID cut
// to 11 digits, a row pasted twice, a total row) imports whole without
// --skip-invalid, each change said as FILE:LINE.
func TestRosterImportWardFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	src, err := os.ReadFile("../../internal/roster/testdata/phuong7-ward.csv")
	if err != nil {
		t.Fatal(err)
	}
	csv := writeTestFile(t, dir, "phuong7.csv", string(src))
	runIn(t, "", "--data", data, "roster", "import", csv).expect(t, "a ward's file", 0,
		[]string{
			"Mới: 5, cập nhật: 0, không đổi: 0",
			csv + ":3: họ tên viết hoa",
			csv + ":4: ô điện thoại có nhiều số: giữ số 0912345602",
			csv + ":5: thành phần \"Cựu chiến binh\" được ghi nhận là \"Hội viên/đoàn viên\"",
			csv + ":7: dòng này giống hệt dòng 6",
			csv + ":9: dòng tổng cộng",
		},
		[]string{"bị từ chối", "Tổng cộng: 6 người\t"})
	out := runIn(t, "", "--data", data, "roster", "import", csv, "--dry-run")
	out.expect(t, "again", 0, []string{"sẽ nhập mới: 0, sẽ cập nhật: 0, không đổi: 5"}, nil)
}
