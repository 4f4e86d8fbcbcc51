package main

import (
	"bufio"
	"database/sql"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	_ "modernc.org/sqlite"
)

// TestE2ESyncKilledMidPush: a laptop's sync is killed (-9) after its first
// batch reached the hub; the next sync sends the rest, and every person of
// a 30,000-row roster is at the hub exactly once.
func TestE2ESyncKilledMidPush(t *testing.T) {
	if testing.Short() {
		t.Skip("a 30,000-row roster through a hub process; runs without -short")
	}
	hub := startRealHub(t)
	data := hub.enrol(t, "Phường 4")

	families := []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Lâm", "Mai", "Trương"}
	middles := []string{"Văn", "Thị", "Hữu", "Minh", "Thanh", "Ngọc", "Quốc", "Thu", "Đức", "Kim", "Xuân", "Hoài", "Công", "Bảo", "Gia"}
	givens := []string{"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hòa", "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Nhung", "Phong",
		"Phúc", "Quang", "Quyên", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Tiến", "Trang", "Trung", "Tú", "Tuấn", "Uyên", "Vân", "Việt", "Vinh", "Xuân", "Yến", "Hiếu"}
	units := []string{"Phường 4", "Phường 7", "Phường 9"}
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Đơn vị;Chức vụ;Thành phần\n")
	n := 0
	for _, u := range units {
		for _, f := range families {
			for _, m := range middles {
				for _, g := range givens {
					n++
					fmt.Fprintf(&b, "%d;%s %s %s;%s;;Nhân dân\n", n, f, m, g, u)
				}
			}
		}
	}
	roster := filepath.Join(t.TempDir(), "danh-sach.csv")
	if err := os.WriteFile(roster, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, "--data", data, "roster", "import", roster)

	// The first sync, killed once a batch is acknowledged.
	cmd := exec.Command(briefingBin(t), "--data", data, "sync")
	cmd.Env = cleanEnv()
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := bufio.NewScanner(out)
	killed := false
	for lines.Scan() {
		var sent, total int
		if _, err := fmt.Sscanf(lines.Text(), "đã gửi %d/%d", &sent, &total); err == nil && sent > 0 {
			cmd.Process.Kill()
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("sync printed no progress line after a batch to kill it at")
	}
	t.Logf("killed after %q; the hub held %d people then", lines.Text(), hubCount(t, hub, "person"))

	if out := mustCLI(t, "--data", data, "sync"); !strings.Contains(out, "Đã gửi") {
		t.Fatalf("the second sync said %q", out)
	}
	if got := hubCount(t, hub, "person"); got != n {
		t.Fatalf("the hub holds %d people, want each of %d exactly once", got, n)
	}
	if out := mustCLI(t, "--data", data, "sync", "status"); !strings.Contains(out, "Chưa gửi:          0") {
		t.Fatalf("changes still pending after the second sync:\n%s", out)
	}
}

// hubCount counts a table's rows in the hub's database, read-only beside the
// running hub.
func hubCount(t *testing.T, hub *realHub, table string) int {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+hub.db+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
