package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"briefing/internal/sqlitedb"
	"briefing/internal/store"
)

// dbWithAttendance is a data directory with a roster of n people, an open session and
// every one of them checked in, its database checkpointed into the main file.
func dbWithAttendance(t *testing.T, n int) (data string, ids []string) {
	t.Helper()
	data = t.TempDir()
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Đơn vị;Chức vụ;Thành phần\n")
	for i := range n {
		b.WriteString(strings.Join([]string{"1", "Nguyễn Văn Người" + string(rune('A'+i%26)) + strings.Repeat("x", i%7) + " " + string(rune('a'+i/26)), "Phường 4", "", "Nhân dân"}, ";") + "\n")
	}
	roster := filepath.Join(t.TempDir(), "ds.csv")
	if err := os.WriteFile(roster, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, "--data", data, "roster", "import", roster)
	mustCLI(t, "--data", data, "session", "start", "nq57-toan-van", "--title", "Hội nghị")
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(data, store.FileName)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT id FROM person ORDER BY rowid`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		rows.Scan(&id)
		ids = append(ids, id)
	}
	rows.Close()
	return data, ids
}

// flipPage inverts 20 bytes at the start of the last leaf page of table in the database
// of data: its page header and cell pointers, as a failing disk or a bad copy does.
func flipPage(t *testing.T, data, table string) {
	t.Helper()
	path := filepath.Join(data, store.FileName)
	db, err := sql.Open("sqlite", sqlitedb.DSN(path))
	if err != nil {
		t.Fatal(err)
	}
	var page int
	err = db.QueryRow(`SELECT MAX(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'`, table).Scan(&page)
	if err == nil {
		_, err = db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	db.Close()
	if err != nil || page == 0 {
		t.Fatalf("a leaf page of %s: %d %v", table, page, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b := make([]byte, 20)
	at := int64(page-1) * 4096
	f.ReadAt(b, at)
	for i := range b {
		b[i] ^= 0xff
	}
	if _, err := f.WriteAt(b, at); err != nil {
		t.Fatal(err)
	}
}

// With a damaged page, no command answers ✓ or a partial list: each says the database is
// damaged, names the file and what to do, and exits 1.
func TestDamagedDatabaseIsRefused(t *testing.T) {
	t.Parallel()
	data, ids := dbWithAttendance(t, 120)
	mustCLI(t, "--data", data, "checkin", "--person", ids[0])
	flipPage(t, data, "person")
	path := filepath.Join(data, store.FileName)
	for _, args := range [][]string{
		{"checkin", "--person", ids[1]},
		{"attendance", "list"},
		{"session", "list"},
		{"present"}, // its check runs beside its start (issue 16): still refused
		{"follow"},
	} {
		r := runCLI(t, append([]string{"--data", data}, args...)...)
		if r.code != 1 || strings.Contains(r.stdout, "✓") || !strings.Contains(r.stderr, "bị hỏng") ||
			!strings.Contains(r.stderr, path) || strings.Contains(r.stderr, "malformed") {
			t.Errorf("briefing %s on a damaged database: %s", strings.Join(args, " "), r)
		}
	}
}

// An empty briefing.db is refused, not started anew with a new device id; a missing
// one is still a new device.
func TestEmptyDatabaseIsRefused(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	path := filepath.Join(data, store.FileName)
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--data", data, "session", "list")
	if r.code != 1 || !strings.Contains(r.stderr, "trống (0 byte)") || !strings.Contains(r.stderr, path) {
		t.Fatalf("an empty database: %s", r)
	}
	if st, _ := os.Stat(path); st.Size() != 0 {
		t.Fatalf("the empty file was made a database of %d bytes", st.Size())
	}
	os.WriteFile(path, []byte("# Biên bản\n"), 0o600)
	if r := runCLI(t, "--data", data, "--lang", "en", "session", "list"); r.code != 1 || !strings.Contains(r.stderr, "not a briefing database") {
		t.Fatalf("a Markdown file as the database: %s", r)
	}
	os.Remove(path)
	mustCLI(t, "--data", data, "session", "list")
}

// Read-only commands answer at once while another process writes; a command that writes
// says after a second that it waits, then gives up with exit 1 and a message that names
// the file, not SQLite's text.
func TestCommandsBesideAWriter(t *testing.T) {
	t.Parallel()
	data, ids := dbWithAttendance(t, 10)
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(data, store.FileName)))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), `ROLLBACK`)

	for _, args := range [][]string{{"session", "list"}, {"attendance", "list"}, {"question", "list"}, {"sync", "status"}, {"deck", "list"}} {
		start := time.Now()
		r := runCLI(t, append([]string{"--data", data}, args...)...)
		if d := time.Since(start); r.code != 0 || d > 5*time.Second {
			t.Errorf("briefing %s beside a writer: %v\n%s", strings.Join(args, " "), d, r)
		}
	}

	start := time.Now()
	cmd := exec.Command(briefingBin(t), "--data", data, "checkin", "--person", ids[0])
	cmd.Env = cleanEnv()
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	d := time.Since(start)
	r := cliResult{stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
	if err == nil || r.code != 1 || d > 25*time.Second {
		t.Fatalf("checkin beside a writer: %v after %v\n%s", err, d, r)
	}
	path := filepath.Join(data, store.FileName)
	if !strings.Contains(r.stderr, "đang chờ…") || !strings.Contains(r.stderr, "đã thôi chờ") ||
		!strings.Contains(r.stderr, path) || strings.Contains(r.stderr, "SQLITE_BUSY") || strings.Contains(r.stdout, "✓") {
		t.Fatalf("checkin beside a writer said:\n%s", r)
	}
	// This test's process holds the lock; Linux tells who it is.
	if runtime.GOOS == "linux" && !strings.Contains(r.stderr, fmt.Sprintf("tiến trình %d: ", os.Getpid())) {
		t.Fatalf("checkin does not name the process holding the lock:\n%s", r)
	}
}

// On a full disk (a 2 MB tmpfs; root only, else skipped) an import says so in the
// interface language with what to do, not SQLite's "database or disk is full (13)".
func TestFullDiskIsTold(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("mounting a tiny tmpfs needs root on Linux; dbProblem's mapping is tested by TestDBProblemMessages")
	}
	data := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", data).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", data).Run() })
	mustCLI(t, "--data", data, "session", "list")
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Đơn vị;Chức vụ;Thành phần\n")
	for i := range 20000 {
		fmt.Fprintf(&b, "%d;Nguyễn Văn Người %d;Phường 4;;Nhân dân\n", i+1, i)
	}
	roster := filepath.Join(t.TempDir(), "ds.csv")
	if err := os.WriteFile(roster, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--data", data, "roster", "import", roster)
	if r.code != 1 || !strings.Contains(r.stderr, "đã đầy") || strings.Contains(r.stderr, "(13)") {
		t.Fatalf("an import onto a full disk: %s", r)
	}
}

// A data directory on a read-only disk (a read-only bind mount; root only, else skipped:
// chmod does not stop root) is told in the interface language with what to do, whether
// the database is there or still to be made.
func TestReadOnlyDataDirIsTold(t *testing.T) {
	t.Parallel()
	if runtime.GOOS != "linux" || os.Geteuid() != 0 {
		t.Skip("a read-only bind mount needs root on Linux; the mapping is tested by TestDBProblemMessages")
	}
	data := t.TempDir()
	mustCLI(t, "--data", data, "session", "list")
	if out, err := exec.Command("mount", "--bind", data, data).CombinedOutput(); err != nil {
		t.Skipf("cannot bind-mount: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", data).Run() })
	if out, err := exec.Command("mount", "-o", "remount,ro,bind", data).CombinedOutput(); err != nil {
		t.Skipf("cannot make the mount read-only: %v %s", err, out)
	}
	for _, dir := range []string{data, filepath.Join(data, "moi")} {
		r := runCLI(t, "--data", dir, "checkin", "--query", "Lan")
		if r.code != 1 || !strings.Contains(r.stderr, "--data THƯ_MỤC") || strings.Contains(r.stderr, "read-only file system") ||
			strings.Contains(r.stderr, "(14)") || strings.Contains(r.stderr, "unable to open") {
			t.Errorf("checkin in read-only %s: %s", dir, r)
		}
	}
}
