package main

// End-to-end tests of the personal data: where the citizen-ID hash key is
// kept, and that a roster dry run writes nothing anywhere.

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"briefing/internal/sqlitedb"
	"briefing/internal/store"
	bsync "briefing/internal/sync"
)

// runBin runs the built program with extra environment (TMPDIR) and returns
// what it printed and its exit code.
func runBin(t *testing.T, env []string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, briefingBin(t), args...)
	cmd.Env = cleanEnv(env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := cliResult{stdout: stdout.String(), stderr: stderr.String()}
	var ee *exec.ExitError
	switch {
	case err == nil:
	case errors.As(err, &ee) && ee.Exited():
		res.code = ee.ExitCode()
	default:
		t.Fatalf("briefing %s: %v\n%s", strings.Join(args, " "), err, res)
	}
	return res
}

// filesIn lists every file under dir with its size and modification time.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, fmt.Sprintf("%s %d %d", rel, info.Size(), info.ModTime().UnixNano()))
		return nil
	})
	sort.Strings(out)
	return out
}

// The citizen-ID hash key is the installation's own, random, in a file
// beside the database: the hash in the database is under it (not the d0
// key once built into the program), the key is in neither the database nor
// its exports, and a copy of the database without the key file cannot tell
// whether a guessed number is the one on file.
func TestCitizenIDKeyStaysOutOfTheDatabase(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	cli := func(args ...string) cliResult { return runBin(t, nil, append([]string{"--data", data}, args...)...) }
	started := cli("session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 7", "--unit", "Phường 7")
	if started.code != 0 {
		t.Fatal(started)
	}
	id := strings.TrimSpace(started.stdout)
	if r := cli("checkin", "--qr", cardPayload); r.code != 0 || !strings.Contains(r.stdout, "Nguyễn Văn An") {
		t.Fatalf("checkin --qr: %s", r)
	}
	raw, err := os.ReadFile(filepath.Join(data, bsync.OwnIDKeyFile))
	if err != nil {
		t.Fatalf("no key file beside the database: %v", err)
	}
	if info, _ := os.Stat(filepath.Join(data, bsync.OwnIDKeyFile)); info.Mode().Perm()&0o077 != 0 {
		t.Errorf("the key file is readable by others: %v", info.Mode())
	}
	var kf struct{ Key string }
	if err := json.Unmarshal(raw, &kf); err != nil {
		t.Fatal(err)
	}
	key, err := base64.RawURLEncoding.DecodeString(kf.Key)
	if err != nil || len(key) != 32 {
		t.Fatalf("key %q: %v", kf.Key, err)
	}

	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(data, store.FileName)))
	if err != nil {
		t.Fatal(err)
	}
	var hash, last4 string
	err = db.QueryRow(`SELECT id_hash, id_last4 FROM person WHERE name = 'Nguyễn Văn An'`).Scan(&hash, &last4)
	db.Close()
	if err != nil || last4 != "1234" {
		t.Fatalf("person: %q %q, %v", hash, last4, err)
	}
	mac := hmac.New(sha256.New, key)
	mac.Write([]byte("079203001234"))
	if _, hex64, _ := strings.Cut(hash, ":"); hex64 != hex.EncodeToString(mac.Sum(nil)) || strings.HasPrefix(hash, "d0:") {
		t.Errorf("the stored hash %q is not the HMAC under the installation's key", hash)
	}
	old := hmac.New(sha256.New, []byte("briefing/tan-binh/citizen-id/d0"))
	old.Write([]byte("079203001234"))
	if strings.Contains(hash, hex.EncodeToString(old.Sum(nil))) {
		t.Error("the hash is still the one under the key once built into the program")
	}

	outs := map[string]string{}
	for _, format := range []string{"md", "csv"} {
		out := filepath.Join(t.TempDir(), "bien-ban."+format)
		if r := cli("session", "export", id, "--format", format, "-o", out); r.code != 0 {
			t.Fatalf("export %s: %s", format, r)
		}
		outs[out] = ""
	}
	for _, name := range []string{store.FileName, store.FileName + "-wal"} {
		outs[filepath.Join(data, name)] = ""
	}
	for path := range outs {
		b, err := os.ReadFile(path)
		if err != nil {
			continue
		}
		if bytes.Contains(b, key) || bytes.Contains(b, []byte(kf.Key)) || bytes.Contains(b, []byte(base64.StdEncoding.EncodeToString(key)[:40])) {
			t.Errorf("%s holds the citizen-ID key", path)
		}
	}

	// The database alone, copied elsewhere: the same number is not found.
	cp := t.TempDir()
	b, err := os.ReadFile(filepath.Join(data, store.FileName))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(cp, store.FileName), b, 0o600); err != nil {
		t.Fatal(err)
	}
	if r := cli("checkin", "--query", "079203001234"); r.code != 0 {
		t.Fatalf("with its key the device finds the card: %s", r)
	}
	r := runBin(t, nil, "--data", cp, "checkin", "--query", "079203001234")
	if r.code == 0 || strings.Contains(r.stdout, "Nguyễn Văn An") {
		t.Errorf("a copy of the database without the key file verified the number:\n%s", r)
	}
}

// A dry run writes nothing anywhere: no file in the data directory or in
// TMPDIR changes, and it finishes while another process holds the write
// lock. Its counts are the real import's.
func TestRosterDryRunWritesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	tmp := filepath.Join(dir, "tmp")
	os.Mkdir(tmp, 0o700)
	env := []string{"TMPDIR=" + tmp, "TMP=" + tmp, "TEMP=" + tmp}
	base := writeTestFile(t, dir, "base.csv", deskRosterCSV)
	if r := runBin(t, env, "--data", data, "roster", "import", base); r.code != 0 {
		t.Fatal(r)
	}
	var rows strings.Builder
	rows.WriteString("STT;Họ và tên;Đơn vị;Thành phần;Số điện thoại\r\n1;Nguyễn Văn An;Phường 7;Cán bộ;0912345678\r\n")
	for i := 2; i < 3000; i++ {
		fmt.Fprintf(&rows, "%d;Người Thứ %d;Phường %d;Nhân dân;09%08d\r\n", i, i, i%15+1, i)
	}
	big := writeTestFile(t, dir, "big.csv", rows.String())

	// Alone: not a file made, changed or removed, the folders' times included.
	beforeData, beforeTmp := filesIn(t, data), filesIn(t, tmp)
	if r := runBin(t, env, "--data", data, "roster", "import", big, "--dry-run"); r.code != 0 {
		t.Fatal(r)
	}
	if after := filesIn(t, data); strings.Join(after, "\n") != strings.Join(beforeData, "\n") {
		t.Errorf("the dry run changed the data directory:\nbefore %q\nafter  %q", beforeData, after)
	}
	if after := filesIn(t, tmp); strings.Join(after, "\n") != strings.Join(beforeTmp, "\n") {
		t.Errorf("the dry run wrote to TMPDIR: %q", after)
	}

	// Beside another process in the middle of a write transaction.
	db, err := sql.Open("sqlite", sqlitedb.DSN(filepath.Join(data, store.FileName)))
	if err != nil {
		t.Fatal(err)
	}
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.ExecContext(context.Background(), `BEGIN IMMEDIATE`); err != nil {
		t.Fatal(err)
	}
	beforeData, beforeTmp = filesIn(t, data), filesIn(t, tmp)
	start := time.Now()
	r := runBin(t, env, "--data", data, "roster", "import", big, "--dry-run", "--json")
	took := time.Since(start)
	afterData, afterTmp := filesIn(t, data), filesIn(t, tmp)
	conn.ExecContext(context.Background(), `ROLLBACK`)
	conn.Close()
	db.Close()
	if r.code != 0 {
		t.Fatalf("dry run beside a writer (%v): %s", took, r)
	}
	var dry struct{ Imported, Updated, Unchanged, Rejected int }
	if err := json.Unmarshal([]byte(r.stdout), &dry); err != nil {
		t.Fatal(err, r)
	}
	if strings.Join(afterData, "\n") != strings.Join(beforeData, "\n") {
		t.Errorf("the dry run changed the data directory:\nbefore %q\nafter  %q", beforeData, afterData)
	}
	if strings.Join(afterTmp, "\n") != strings.Join(beforeTmp, "\n") {
		t.Errorf("the dry run wrote to TMPDIR: %q", afterTmp)
	}
	real := runBin(t, env, "--data", data, "roster", "import", big, "--json")
	var done struct{ Imported, Updated, Unchanged, Rejected int }
	if err := json.Unmarshal([]byte(real.stdout), &done); real.code != 0 || err != nil || done != dry {
		t.Errorf("dry run %+v, the import %+v (%v)\n%s", dry, done, err, real)
	}
	if dry.Imported != 2998 || dry.Updated != 1 {
		t.Errorf("dry run %+v, want 2998 new and An updated", dry)
	}
}

// A dry run works in a data directory the user may only read.
func TestRosterDryRunReadOnlyDataDir(t *testing.T) {
	t.Parallel()
	if os.Geteuid() == 0 {
		t.Skip("root writes anywhere; TestRosterDryRunWritesNothing checks that nothing is written")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	base := writeTestFile(t, dir, "base.csv", deskRosterCSV)
	if r := runBin(t, nil, "--data", data, "roster", "import", base); r.code != 0 {
		t.Fatal(r)
	}
	if err := os.Chmod(data, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(data, 0o700)
	os.Chmod(filepath.Join(data, store.FileName), 0o400)
	defer os.Chmod(filepath.Join(data, store.FileName), 0o600)
	r := runBin(t, nil, "--data", data, "roster", "import", base, "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout+r.stderr, "không đổi: 4") {
		t.Fatalf("dry run in a read-only data directory:\n%s", r)
	}
}

// A damaged key file is told in the interface language, naming the file and
// what to do; nothing is written.
func TestDamagedIDKeyFile(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	runIn(t, "", "--data", data, "session", "start", "nq57-toan-van", "--title", "Hội nghị").expect(t, "session start", 0, nil, nil)
	keyFile := filepath.Join(data, bsync.OwnIDKeyFile)
	if err := os.WriteFile(keyFile, []byte(`{"key":"abc"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	runIn(t, "", "--data", data, "checkin", "--qr", cardPayload).expect(t, "checkin --qr", 1,
		[]string{"không đọc được khóa băm số CCCD: " + keyFile, "sao lưu"}, []string{"Đã điểm danh"})
	runIn(t, "en", "--data", data, "checkin", "--qr", cardPayload).expect(t, "checkin --qr, en", 1,
		[]string{"cannot read the citizen-ID hash key: " + keyFile, "backup"}, nil)
	runIn(t, "", "--data", data, "attendance", "list").expect(t, "attendance list", 0, nil, []string{"Nguyễn Văn An"})
}

// The key files are the program's own: an export or a hub report is not
// written over them (the cards kept so far would no longer be found).
func TestExportRefusesTheKeyFiles(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "nq57-toan-van", "--title", "Hội nghị"))
	mustCLI(t, "--data", data, "checkin", "--qr", cardPayload)
	keyFile := filepath.Join(data, bsync.OwnIDKeyFile)
	before, err := os.ReadFile(keyFile)
	if err != nil {
		t.Fatal(err)
	}
	if r := runCLI(t, "--data", data, "session", "export", id, "-o", keyFile, "--format", "md"); r.code != 2 {
		t.Errorf("export -o %s: %s", keyFile, r)
	}
	if after, _ := os.ReadFile(keyFile); !bytes.Equal(after, before) {
		t.Fatal("the key file was overwritten")
	}
	hubDB := filepath.Join(t.TempDir(), "hub.db")
	mustCLI(t, "hub", "report", "--db", hubDB)
	hubKey := filepath.Join(filepath.Dir(hubDB), "hub-id-key.json")
	if _, err := os.Stat(hubKey); err != nil {
		t.Fatalf("no hub key file beside hub.db: %v", err)
	}
	if r := runCLI(t, "hub", "report", "--db", hubDB, "-o", hubKey, "--format", "md"); r.code != 2 {
		t.Errorf("hub report -o %s: %s", hubKey, r)
	}
}
