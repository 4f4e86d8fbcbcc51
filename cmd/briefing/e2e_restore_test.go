package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copyDir copies the files of a data directory (the database and its WAL).
func copyDir(t *testing.T, from, to string) {
	t.Helper()
	os.RemoveAll(to)
	if err := os.MkdirAll(to, 0o700); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestE2ERestoredLaptopSyncsOn: a laptop's data directory is restored from
// an older copy after it synced more (a dead disk, a backup). Its log now
// uses again numbers the hub holds with other changes. Sync does not stop
// for good: it starts a new numbering epoch and sends the whole log; the
// hub keeps what the restore lost and takes what came after.
func TestE2ERestoredLaptopSyncsOn(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a hub process; runs without -short")
	}
	hub := startRealHub(t)
	data := hub.enrol(t, "Phường 4")
	cli := func(args ...string) string {
		t.Helper()
		return mustCLI(t, append([]string{"--data", data}, args...)...)
	}
	cli("session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 4", "--unit", "Phường 4")
	cli("checkin", "--walk-in", "--name", "Nguyễn Văn An", "--unit", "Phường 4", "--group", "cán bộ")
	cli("sync")
	backup := filepath.Join(t.TempDir(), "backup")
	copyDir(t, data, backup)

	cli("checkin", "--walk-in", "--name", "Trần Thị Bình", "--unit", "Phường 4", "--group", "Nhân dân")
	cli("sync") // the hub has Bình; the copy does not

	copyDir(t, backup, data)
	cli("checkin", "--walk-in", "--name", "Lê Văn Cường", "--unit", "Phường 4", "--group", "Nhân dân")
	out := cli("sync")
	if !strings.Contains(out, "đánh số lượt 2") {
		t.Fatalf("sync after the restore said:\n%s", out)
	}
	var st syncStatusJSON
	json.Unmarshal([]byte(cli("sync", "status", "--json")), &st)
	if st.Pending != 0 || st.LastResult != "ok" {
		t.Fatalf("status after the restore: %+v", st)
	}
	report := hub.cli(t, "report", "--by", "unit", "--format", "csv")
	// Three people checked in to the one session: An, Bình (only at the
	// hub now) and Cường.
	if !strings.Contains(report, "Phường 4") || !strings.Contains(report, ",3,") {
		t.Fatalf("the report after the restore:\n%s", report)
	}
	if out := cli("sync"); strings.Contains(out, "đánh số lượt") {
		t.Fatalf("a second sync started another epoch:\n%s", out)
	}
	// Restored from the same copy again: its epoch (1) is behind the hub's
	// (2); the new one follows the hub's, in one sync.
	copyDir(t, backup, data)
	cli("checkin", "--walk-in", "--name", "Đặng Thị Dung", "--unit", "Phường 4", "--group", "Nhân dân")
	if out := cli("sync"); !strings.Contains(out, "đánh số lượt 3") {
		t.Fatalf("sync after the second restore said:\n%s", out)
	}
}
