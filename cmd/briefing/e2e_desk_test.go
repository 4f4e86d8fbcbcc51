package main

// End-to-end tests of the clerk's desk and the attendance commands.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

const deskRosterCSV = "\ufeffDANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ\r\n" +
	"STT;Họ và tên;Đơn vị;Chức vụ;Thành phần;Số điện thoại;Số CCCD\r\n" +
	"1;Nguyễn Văn An;Phường 7;Chuyên viên;Công chức;0912345678;079203001234\r\n" +
	"2;Đặng Thị Bình;Phường 7;;Nhân dân;;\r\n" +
	"3;Trần Minh Châu;Phường 3;Bí thư chi bộ;Cán bộ;0987654321;\r\n" +
	"4;Nguyễn Văn Anh;Phường 3;;Hội viên/đoàn viên;;\r\n"

// cardPayload is what a scanner types for Nguyễn Văn An's card.
const cardPayload = "079203001234|272345678|Nguyễn Văn An|01021990|Nam|12 Lý Thường Kiệt, Phường 7, Tân Bình, TP.HCM|15082021"

type attendee struct {
	PersonID string `json:"person_id"`
	Name     string `json:"name"`
	Unit     string `json:"unit"`
	Group    string `json:"group"`
	Method   string `json:"method"`
}

func (tm *tmuxServer) attendance() []attendee {
	tm.t.Helper()
	var list []attendee
	out := mustCLI(tm.t, "--data", tm.data, "attendance", "list", "--json")
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		tm.t.Fatalf("attendance list --json: %v\n%s", err, out)
	}
	return list
}

func (tm *tmuxServer) importRoster(text string) {
	tm.t.Helper()
	path := filepath.Join(tm.tmp, "danh-sach.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		tm.t.Fatal(err)
	}
	mustCLI(tm.t, "--data", tm.data, "roster", "import", path)
}

// TestE2EDesk: search without diacritics, check in, a second check-in that
// changes nothing, undo, a walk-in, and an ID card scan, at 80x24.
func TestE2EDesk(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	tm.importRoster(deskRosterCSV)
	tm.startSession("nq57-toan-van")
	p := tm.start("desk", 80, 24, "desk")
	waitFor(t, p, "— gõ để tìm", waitTimeout)

	p.typeText("dang")
	s := waitFor(t, p, "Đặng Thị Bình", waitTimeout)
	if strings.Contains(s, "Nguyễn Văn An") {
		t.Fatalf("dang matched Nguyễn Văn An:\n%s", frame(s))
	}
	p.send("Enter")
	waitFor(t, p, "✓ Đã điểm danh: Đặng Thị Bình · Phường 7", waitTimeout)
	waitFor(t, p, "Có mặt 1/4", waitTimeout)
	if list := tm.attendance(); len(list) != 1 || list[0].Name != "Đặng Thị Bình" || list[0].Method != "roster" {
		t.Fatalf("attendance after one check-in: %+v", list)
	}

	// Best matches first: the whole name before Nguyễn Văn Anh.
	p.typeText("nguyen van an")
	s = waitFor(t, p, "Nguyễn Văn Anh", waitTimeout)
	if i, j := strings.Index(s, "Nguyễn Văn An "), strings.Index(s, "Nguyễn Văn Anh"); i < 0 || i > j {
		t.Fatalf("Nguyễn Văn An should be listed first:\n%s", frame(s))
	}
	p.send("Enter")
	waitFor(t, p, "✓ Đã điểm danh: Nguyễn Văn An", waitTimeout)
	p.typeText("nguyen van an")
	waitFor(t, p, "Nguyễn Văn Anh", waitTimeout)
	p.send("Enter")
	waitFor(t, p, "đã điểm danh lúc", waitTimeout)
	if n := len(tm.attendance()); n != 2 {
		t.Fatalf("a second check-in changed the attendance: %d people", n)
	}

	// Undo from the list of recent check-ins: esc clears, esc again goes to the list.
	p.send("Escape")
	p.waitUntil("an empty search box", waitTimeout, func(s string) bool { return strings.Contains(s, "— gõ để tìm") })
	p.send("Escape")
	waitFor(t, p, "u huỷ điểm danh", waitTimeout)
	p.send("u")
	waitFor(t, p, "Nhấn u lần nữa để huỷ điểm danh Nguyễn Văn An", waitTimeout)
	p.send("u")
	waitFor(t, p, "↶ Đã huỷ điểm danh: Nguyễn Văn An", waitTimeout)
	waitFor(t, p, "Có mặt 1/4", waitTimeout)

	// In the list, a name typed out of habit is a search: "quang" neither
	// quits (q) nor undoes (u) nor opens a form (n).
	p.send("Escape")
	waitFor(t, p, "esc xoá/danh sách", waitTimeout) // the search box's help
	p.send("Escape")
	waitFor(t, p, "u u huỷ điểm danh", waitTimeout) // the list's
	p.typeText("quang")
	waitFor(t, p, "Tìm: quang", waitTimeout)
	waitFor(t, p, "Có mặt 1/4", waitTimeout)
	p.send("Escape")
	waitFor(t, p, "Tìm: gõ họ tên", waitTimeout)

	// A walk-in, with a warning for a likely duplicate first.
	p.send("C-n")
	waitFor(t, p, "Đăng ký tại chỗ", waitTimeout)
	p.typeText("Trần Minh Châu")
	p.send("Tab")
	p.typeText("Phường 3")
	p.send("Enter")
	waitFor(t, p, "Đã có Trần Minh Châu", waitTimeout)
	p.send("Escape") // alone: Escape and a key sent together read as alt+key
	p.waitGone("Đăng ký tại chỗ")
	p.send("C-n")
	waitFor(t, p, "Đăng ký tại chỗ", waitTimeout)
	p.typeText("Hồ Thị Khách")
	p.send("Tab")
	// A unit the catalog does not know is flagged (and would be kept as typed);
	// p9 is Phường 9, shown so once saved.
	p.typeText("Khu phố 99")
	waitFor(t, p, "Chưa có trong danh mục đơn vị", waitTimeout)
	p.send("C-u")
	p.typeText("p9")
	p.waitGone("Chưa có trong danh mục đơn vị")
	p.send("Tab")
	p.typeText("Nhân dân")
	p.send("Enter")
	waitFor(t, p, "✓ Đã điểm danh: Hồ Thị Khách · Phường 9", waitTimeout)
	waitFor(t, p, "Có mặt 2/4", waitTimeout)

	// A scanner types the card of someone on the roster.
	p.typeText(cardPayload)
	p.send("Enter")
	waitFor(t, p, "✓ Đã điểm danh: Nguyễn Văn An", waitTimeout)
	s = waitFor(t, p, "Có mặt 3/4", waitTimeout)
	if !strings.Contains(s, "Nhân dân: 2") || !strings.Contains(s, "Công chức: 1") {
		t.Fatalf("the counters by group are wrong:\n%s", frame(s))
	}
	methods := map[string]string{}
	for _, a := range tm.attendance() {
		methods[a.Name] = a.Method
	}
	if methods["Nguyễn Văn An"] != "qr" || methods["Hồ Thị Khách"] != "walk_in" || methods["Đặng Thị Bình"] != "roster" {
		t.Fatalf("how each was registered: %v", methods)
	}
	p.send("C-c")
	p.waitExit()
	assertNoCitizenID(t, tm.data, "079203001234")
}

// TestE2EDeskCardNotOnRoster: a card of someone not on the roster, read by a
// scanner on a non-US layout, opens the walk-in form with what could be read.
func TestE2EDeskCardNotOnRoster(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	tm.startSession("nq57-toan-van")
	p := tm.start("desk", 100, 30, "desk")
	waitFor(t, p, "— gõ để tìm", waitTimeout)
	p.typeText("001099012345<<Ph?m Th? Lan<20111985<N?<5 Nguy?n Du, Ph??ng 3<01022022")
	p.send("Enter")
	s := waitFor(t, p, "Đăng ký từ thẻ CCCD …2345", waitTimeout)
	if !strings.Contains(s, "có thể sai dấu") {
		t.Fatalf("a garbled name must be flagged for the clerk to check:\n%s", frame(s))
	}
	// The clerk corrects the name and saves.
	p.send("C-u")
	p.typeText("Phạm Thị Lan")
	p.send("Enter")
	waitFor(t, p, "✓ Đã điểm danh: Phạm Thị Lan", waitTimeout)
	list := tm.attendance()
	if len(list) != 1 || list[0].Method != "qr" {
		t.Fatalf("attendance: %+v", list)
	}
	// The same card again finds her by the hash.
	p.typeText("001099012345|Pham Thi Lan|20111985|Nữ|5 Nguyễn Du|01022022")
	p.send("Enter")
	waitFor(t, p, "Phạm Thị Lan đã điểm danh lúc", waitTimeout)
	p.send("C-c")
	p.waitExit()
	assertNoCitizenID(t, tm.data, "001099012345")
}

// assertNoCitizenID: the full number is in no file of the data directory
// (database, WAL, shared memory).
func assertNoCitizenID(t *testing.T, dir, number string) {
	t.Helper()
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.Contains(data, []byte(number)) {
			t.Errorf("%s holds the full citizen-ID number", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

var confirmedRe = regexp.MustCompile(`✓ Đã điểm danh: (Người Thử \d{3})`)

// TestE2EDeskKillDuringBurst: the desk is killed (SIGKILL) at a random moment
// in a burst of check-ins; every check-in the screen confirmed is in the
// database after restart.
func TestE2EDeskKillDuringBurst(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	var sb strings.Builder
	sb.WriteString("Họ và tên,Đơn vị\n")
	const n = 60
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&sb, "Người Thử %03d,Phường %d\n", i, i%15+1)
	}
	tm.importRoster(sb.String())
	tm.startSession("nq57-toan-van")

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 57))
	confirmed := map[string]bool{}
	next := 1
	for round := 0; round < 3 && next <= n; round++ {
		p := tm.start(fmt.Sprintf("desk%d", round), 80, 24, "desk")
		waitFor(t, p, "— gõ để tìm", waitTimeout)
		killAt := next + 3 + rng.IntN(12)
		for first := true; next <= n && next < killAt; next++ {
			p.typeText(fmt.Sprintf("nguoi thu %03d", next))
			p.send("Enter")
			if first { // on a loaded machine the burst could outrun every confirmation
				waitFor(t, p, fmt.Sprintf("✓ Đã điểm danh: Người Thử %03d", next), waitTimeout)
				first = false
			}
			for _, m := range confirmedRe.FindAllStringSubmatch(p.screen(), -1) {
				confirmed[m[1]] = true
			}
		}
		// The last look at the screen, then the kill at once.
		for _, m := range confirmedRe.FindAllStringSubmatch(p.screen(), -1) {
			confirmed[m[1]] = true
		}
		if err := syscall.Kill(p.pid(), syscall.SIGKILL); err != nil {
			t.Fatal(err)
		}
		p.waitUntil("the desk to die", waitTimeout, func(string) bool { return p.dead() })
	}
	if len(confirmed) == 0 {
		t.Fatal("no check-in was ever confirmed on screen")
	}
	present := map[string]bool{}
	for _, a := range tm.attendance() {
		present[a.Name] = true
	}
	for name := range confirmed {
		if !present[name] {
			t.Errorf("%s was confirmed on screen but is not in the database after kill -9", name)
		}
	}
	// And the restarted desk counts them.
	p := tm.start("after", 80, 24, "desk")
	waitFor(t, p, fmt.Sprintf("Có mặt %d/%d", len(present), n), waitTimeout)
	t.Logf("%d check-ins confirmed on screen, %d in the database", len(confirmed), len(present))
}

// TestCLICheckIn: checkin by query, twice, by card, walk-in, the ambiguous
// and unknown cases, attendance list, session show and export.
func TestCLICheckIn(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	path := filepath.Join(t.TempDir(), "ds.csv")
	os.WriteFile(path, []byte(deskRosterCSV), 0o600)
	cli := func(args ...string) cliResult { return runCLI(t, append([]string{"--data", data}, args...)...) }

	if r := cli("roster", "import", path); r.code != 0 || !strings.Contains(r.stdout, "Mới: 4") {
		t.Fatalf("import: %s", r)
	}
	if r := cli("roster", "import", path); r.code != 0 || !strings.Contains(r.stdout, "không đổi: 4") {
		t.Fatalf("second import: %s", r)
	}
	if r := cli("checkin", "--query", "dang"); r.code != 1 || !strings.Contains(r.stderr, "chưa có phiên nào") {
		t.Fatalf("checkin with no session: %s", r)
	}
	id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "--title", "Hội nghị Phường 7"))

	if r := cli("checkin", "--query", "dang"); r.code != 0 || !strings.Contains(r.stdout, "✓ Đã điểm danh: Đặng Thị Bình") {
		t.Fatalf("checkin --query dang: %s", r)
	}
	if r := cli("checkin", "--query", "dang"); r.code != 0 || !strings.Contains(r.stdout, "đã điểm danh lúc") {
		t.Fatalf("second checkin: %s", r)
	}
	if r := cli("checkin", "--query", "nguyen van"); r.code != 1 || !strings.Contains(r.stderr, "Nguyễn Văn Anh") {
		t.Fatalf("ambiguous query: %s", r)
	}
	if r := cli("checkin", "--query", "nguyen van an"); r.code != 0 || !strings.Contains(r.stdout, "Nguyễn Văn An ·") {
		t.Fatalf("the exact name among several: %s", r)
	}
	if r := cli("checkin", "--query", "xyz"); r.code != 1 || !strings.Contains(r.stderr, "--walk-in") {
		t.Fatalf("no match: %s", r)
	}
	if r := cli("checkin", "--walk-in", "--name", "Lê Văn Mới", "--group", "doanh nghiệp", "--phone", "0901 234 567"); r.code != 0 {
		t.Fatalf("walk-in: %s", r)
	}
	if r := cli("checkin", "--walk-in", "--name", "Lê Văn Sai", "--phone", "12"); r.code != 2 || !strings.Contains(r.stderr, "Số điện thoại") {
		t.Fatalf("walk-in with a bad phone: %s", r)
	}
	if r := cli("checkin", "--qr", strings.Replace(cardPayload, "079203001234", "079203009999", 1)); r.code != 0 || !strings.Contains(r.stdout, "Chỉ lưu họ tên") {
		t.Fatalf("checkin --qr of a new card: %s", r)
	}
	if r := cli("checkin", "--query", "x", "--walk-in"); r.code != 2 {
		t.Fatalf("two ways at once: %s", r)
	}
	r := cli("attendance", "list")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 5 || !strings.Contains(r.stdout, "Quét CCCD") {
		t.Fatalf("attendance list: %s", r)
	}
	r = cli("session", "show", id[:12])
	if r.code != 0 || !strings.Contains(r.stdout, "Có mặt: 4") || !strings.Contains(r.stdout, "Doanh nghiệp") {
		t.Fatalf("session show: %s", r)
	}
	out := filepath.Join(t.TempDir(), "diem-danh.xlsx")
	if r := cli("session", "export", id, "--format", "xlsx", "-o", out); r.code != 0 {
		t.Fatalf("export xlsx: %s", r)
	}
	if b, err := os.ReadFile(out); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
		t.Fatalf("the xlsx file is not a zip: %v", err)
	}
	r = cli("session", "export", id, "--format", "csv")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "\ufeff") || !strings.Contains(r.stdout, "Lê Văn Mới") {
		t.Fatalf("export csv: %s", r)
	}
	if r := cli("session", "export", id, "--format", "odt"); r.code != 2 {
		t.Fatalf("export odt: %s", r)
	}
	assertNoCitizenID(t, data, "079203001234")
	assertNoCitizenID(t, data, "079203009999")
}

// TestCLIRosterImportErrors: invalid rows are reported as FILE:LINE and
// nothing is imported; a file that is not what its name says is refused.
func TestCLIRosterImportErrors(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	dir := t.TempDir()
	bad := filepath.Join(dir, "loi.csv")
	os.WriteFile(bad, []byte("Họ và tên,Thành phần,Số CCCD\nAn,Nhân dân,\n,Nhân dân,\nBình,học sinh,\nChâu,,12345\n"), 0o600)
	r := runCLI(t, "--data", data, "roster", "import", bad)
	if r.code != 1 {
		t.Fatalf("import of invalid rows: %s", r)
	}
	for _, line := range []string{bad + ":3:", bad + ":4:", bad + ":5:"} {
		if !strings.Contains(r.stderr, line) {
			t.Errorf("stderr lacks %q:\n%s", line, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "--skip-invalid") {
		t.Errorf("stderr should say how to import the valid rows:\n%s", r.stderr)
	}
	r = runCLI(t, "--data", data, "roster", "import", bad, "--skip-invalid", "--json")
	var res struct {
		Imported, Rejected int
		Applied            bool
	}
	if err := json.Unmarshal([]byte(r.stdout), &res); err != nil || res.Imported != 1 || res.Rejected != 3 || !res.Applied {
		t.Fatalf("--skip-invalid --json: %v %s", err, r)
	}
	fake := filepath.Join(dir, "not-really.csv")
	os.WriteFile(fake, []byte("PK\x03\x04 this is a zip"), 0o600)
	if r := runCLI(t, "--data", data, "roster", "import", fake); r.code != 1 || !strings.Contains(r.stderr, "not-really.csv") {
		t.Fatalf("a zip named .csv: %s", r)
	}
}
