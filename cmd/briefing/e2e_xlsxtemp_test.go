package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// paddedBook writes a workbook of a few attendees whose sheet holds pad bytes of spaces too:
// within the import's limits, but large enough to be unzipped to a temporary file.
func paddedBook(t *testing.T, path string, pad int) {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"Họ và tên", "Đơn vị"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Nguyễn Văn An", "Phường 4"})
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		w, _ := zw.Create(zf.Name)
		if zf.Name != "xl/worksheets/sheet1.xml" {
			w.Write(b)
			continue
		}
		cut := bytes.Index(b, []byte("</sheetData>"))
		w.Write(b[:cut])
		spaces := bytes.Repeat([]byte(" "), 1<<20)
		for n := 0; n < pad; n += len(spaces) {
			w.Write(spaces)
		}
		w.Write(b[cut:])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCLIXLSXImportKilledLeavesNothing: an import killed with -9 while it unzips a large
// sheet (it left a 2.1 GB /tmp/excelize-* file of names and phones) leaves its temporary
// folder only until the next import, which removes it; an import that ends leaves nothing.
func TestCLIXLSXImportKilledLeavesNothing(t *testing.T) {
	if testing.Short() {
		t.Skip("unzips a 300 MB sheet")
	}
	t.Parallel()
	tmp, data := t.TempDir(), t.TempDir()
	mustCLI(t, "--data", data, "session", "list")
	big := filepath.Join(t.TempDir(), "lon.xlsx")
	paddedBook(t, big, 300<<20)
	small := filepath.Join(t.TempDir(), "nho.xlsx")
	paddedBook(t, small, 0)
	leftovers := func() []string {
		a, _ := filepath.Glob(filepath.Join(tmp, "briefing-xlsx-*"))
		b, _ := filepath.Glob(filepath.Join(tmp, "excelize-*"))
		return append(a, b...)
	}
	env := cleanEnv("TMPDIR=" + tmp)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, briefingBin(t), "--data", data, "roster", "import", big, "--dry-run")
	cmd.Env = env
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		files, _ := filepath.Glob(filepath.Join(tmp, "briefing-xlsx-*", "*"))
		loose, _ := filepath.Glob(filepath.Join(tmp, "excelize-*"))
		if len(files)+len(loose) > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Skip("the import never unzipped to a temporary file: nothing to kill it in")
		}
		time.Sleep(5 * time.Millisecond)
	}
	cmd.Process.Kill() // kill -9
	cmd.Wait()
	if len(leftovers()) == 0 {
		t.Fatal("nothing left behind by a killed import: the test kills too late")
	}

	next := exec.CommandContext(ctx, briefingBin(t), "--data", data, "roster", "import", small, "--dry-run")
	next.Env = env
	if out, err := next.CombinedOutput(); err != nil {
		t.Fatalf("the next import: %v\n%s", err, out)
	}
	if left := leftovers(); len(left) > 0 {
		t.Fatalf("after the next import, still left: %s", strings.Join(left, ", "))
	}

	// SIGTERM (and ctrl+c) while it unzips: the import stops and removes its files itself.
	term := exec.CommandContext(ctx, briefingBin(t), "--data", data, "roster", "import", big, "--dry-run")
	term.Env = env
	if err := term.Start(); err != nil {
		t.Fatal(err)
	}
	for len(leftovers()) == 0 && time.Now().Before(deadline.Add(30*time.Second)) {
		time.Sleep(5 * time.Millisecond)
	}
	term.Process.Signal(syscall.SIGTERM)
	term.Wait()
	if left := leftovers(); len(left) > 0 {
		t.Fatalf("after SIGTERM, left: %s", strings.Join(left, ", "))
	}
}
