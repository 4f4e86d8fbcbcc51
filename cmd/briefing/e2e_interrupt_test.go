package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestInterruptedImport: ctrl+c (SIGINT) during a roster import cancels the command's
// context: it exits 130 saying so, and nothing of the file is written.
func TestInterruptedImport(t *testing.T) {
	if testing.Short() || runtime.GOOS == "windows" {
		t.Skip("a large import, and SIGINT")
	}
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	var csv strings.Builder
	csv.WriteString("STT,HỌ VÀ TÊN,ĐƠN VỊ,Thành phần\n")
	for i := range 100000 {
		fmt.Fprintf(&csv, "%d,Nguyễn Văn %d,Phường %d,Nhân dân\n", i+1, i, i%15+1)
	}
	file := writeTestFile(t, dir, "lon.csv", csv.String())

	cmd := exec.Command(briefingBin(t), "--data", data, "roster", "import", file)
	cmd.Env = cleanEnv()
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// The database exists once main runs, and so does its ctrl+c handling.
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if _, err := os.Stat(filepath.Join(data, "briefing.db")); err == nil {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatal("no database after 30 s")
		}
	}
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	var ee *exec.ExitError
	if err == nil {
		t.Skip("the import ended before the signal")
	}
	if !errors.As(err, &ee) || ee.ExitCode() != 130 || !strings.Contains(stderr.String(), "đã dừng theo Ctrl+C") {
		t.Fatalf("import after SIGINT: %v\n%s", err, stderr.String())
	}
	if people := (checkinData{t: t, data: data}).people(); len(people) != 0 {
		t.Errorf("the interrupted import wrote %d people", len(people))
	}
}
