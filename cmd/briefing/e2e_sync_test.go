package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	gosync "sync"
	"sync/atomic"
	"testing"
	"time"
)

// slowLink forwards TCP connections to the hub, delivering what the hub
// sends only after a delay (a slow link): a reply the hub has committed and
// sent is still on its way when cut drops every connection, so the device
// never receives it.
type slowLink struct {
	ln    net.Listener
	to    string
	delay time.Duration
	cut   atomic.Bool
	mu    gosync.Mutex
	conns []net.Conn
}

func newSlowLink(t *testing.T, to string, delay time.Duration) *slowLink {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	l := &slowLink{ln: ln, to: to, delay: delay}
	t.Cleanup(func() { ln.Close(); l.drop() })
	go l.accept()
	return l
}

func (l *slowLink) accept() {
	for {
		c, err := l.ln.Accept()
		if err != nil {
			return
		}
		h, err := net.Dial("tcp", l.to)
		if err != nil {
			c.Close()
			continue
		}
		l.mu.Lock()
		l.conns = append(l.conns, c, h)
		l.mu.Unlock()
		go func() { io.Copy(h, c); h.Close() }()
		go l.slowCopy(c, h)
	}
}

// slowCopy writes what the hub sends to the device delay after it came,
// unless the link was cut meanwhile.
func (l *slowLink) slowCopy(dst, src net.Conn) {
	type chunk struct {
		at   time.Time
		data []byte
	}
	ch := make(chan chunk, 1024)
	go func() {
		defer close(ch)
		buf := make([]byte, 32<<10)
		for {
			n, err := src.Read(buf)
			if n > 0 {
				ch <- chunk{time.Now(), bytes.Clone(buf[:n])}
			}
			if err != nil {
				return
			}
		}
	}()
	for c := range ch {
		time.Sleep(time.Until(c.at.Add(l.delay)))
		if l.cut.Load() {
			dst.Close()
			return
		}
		if _, err := dst.Write(c.data); err != nil {
			return
		}
	}
	dst.Close()
}

// drop closes every connection: what is still on its way is lost.
func (l *slowLink) drop() {
	l.cut.Store(true)
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, c := range l.conns {
		c.Close()
	}
	l.conns = nil
}

// restartHub starts `hub serve` again on the same address and database
// (the same certificate, beside the database) after its process died.
func restartHub(t *testing.T, h *realHub) {
	t.Helper()
	u, _ := url.Parse(h.url)
	h.cmd = exec.Command(briefingBin(t), "hub", "serve", "--db", h.db, "--addr", u.Host)
	h.cmd.Env = cleanEnv()
	h.log.Reset()
	h.cmd.Stdout, h.cmd.Stderr = h.log, h.log
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(20 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", u.Host, time.Second)
		if err == nil {
			c.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("hub serve did not start again: %v\n%s", err, h.log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// hubInt reads one number from the hub's database beside the running hub.
func hubInt(t *testing.T, hub *realHub, query string, args ...any) int64 {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+hub.db+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n sql.NullInt64
	if err := db.QueryRow(query, args...).Scan(&n); err != nil && !strings.Contains(err.Error(), "no such table") {
		t.Fatal(err)
	}
	return n.Int64
}

// TestE2EHubKilledBetweenCommitAndReply: the hub commits a laptop's push and
// is killed (-9) before its reply reaches the laptop; it is started again and
// the laptop syncs again: every record is at the hub exactly once, nothing is
// pending, nothing quarantined.
func TestE2EHubKilledBetweenCommitAndReply(t *testing.T) {
	if testing.Short() {
		t.Skip("kills and restarts a hub process; runs without -short")
	}
	hub := startRealHub(t)
	data := hub.enrol(t, "Phường 4")
	cli := func(args ...string) string {
		t.Helper()
		return mustCLI(t, append([]string{"--data", data}, args...)...)
	}
	const people = 3000
	var b strings.Builder
	b.WriteString("STT;Họ và tên;Đơn vị;Chức vụ;Thành phần\n")
	for i := 1; i <= people; i++ {
		fmt.Fprintf(&b, "%d;Người thứ %d;Phường 4;;Nhân dân\n", i, i)
	}
	roster := filepath.Join(t.TempDir(), "danh-sach.csv")
	if err := os.WriteFile(roster, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cli("roster", "import", roster)
	cli("session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 4", "--unit", "Phường 4")
	cli("checkin", "--walk-in", "--name", "Nguyễn Văn An", "--unit", "Phường 4", "--group", "cán bộ")
	cli("question", "add", "--text", "Khi nào phường có wifi công cộng?")
	cli("question", "forward", "1")

	var st syncStatusJSON
	json.Unmarshal([]byte(cli("sync", "status", "--json")), &st)
	if st.Pending == 0 {
		t.Fatal("nothing to push")
	}
	u, _ := url.Parse(hub.url)
	link := newSlowLink(t, u.Host, 400*time.Millisecond)
	viaLink := "https://" + link.ln.Addr().String()

	cmd := exec.Command(briefingBin(t), "--data", data, "sync", "--hub", viaLink)
	cmd.Env = cleanEnv()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	var ackedAtKill int64
	for {
		if ackedAtKill = hubInt(t, hub, `SELECT MAX(acked) FROM device_epoch WHERE device_id = ?`, st.Device); ackedAtKill > 0 {
			break
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the hub never committed the push:\n%s\nhub log:\n%s", &out, hub.log)
		}
		time.Sleep(2 * time.Millisecond)
	}
	// Committed; the reply is still on the slow link.
	hub.cmd.Process.Kill()
	hub.cmd.Wait()
	link.drop()
	var mid syncStatusJSON
	json.Unmarshal([]byte(cli("sync", "status", "--json")), &mid)
	if mid.Acked >= ackedAtKill {
		t.Fatalf("the laptop had the reply (acked %d, the hub %d): the kill was not between commit and reply", mid.Acked, ackedAtKill)
	}
	t.Logf("the hub committed up to %d and died; the laptop holds acked %d", ackedAtKill, mid.Acked)

	// The hub is back and the link carries again: the sync that lost the
	// reply sends the same batch again, and the hub acknowledges it again.
	restartHub(t, hub)
	link.cut.Store(false)
	if err := cmd.Wait(); err != nil {
		t.Logf("the interrupted sync gave up (%v)", err)
	}
	t.Logf("the interrupted sync said:\n%s", &out)
	if out := cli("sync"); !strings.Contains(out, "Đã gửi") {
		t.Fatalf("the sync after the restart said %q", out)
	}
	json.Unmarshal([]byte(cli("sync", "status", "--json")), &st)
	if st.Pending != 0 || st.LastResult != "ok" {
		t.Fatalf("status after the sync %+v", st)
	}
	for table, want := range map[string]int64{"person": people + 1, "attendance": 1, "question": 1, "session": 1, "quarantine": 0} {
		if got := hubInt(t, hub, `SELECT COUNT(*) FROM `+table); got != want {
			t.Errorf("the hub holds %d rows of %s, want %d", got, table, want)
		}
	}
	if got := hubInt(t, hub, `SELECT COUNT(*) FROM change_in WHERE device_id = ?`, st.Device); got != st.Acked {
		t.Errorf("the hub holds %d changes of the laptop, want %d once each", got, st.Acked)
	}
}

// runCLIEnv is runCLI with variables added to the environment.
func runCLIEnv(t *testing.T, env []string, args ...string) cliResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, briefingBin(t), args...)
	cmd.Env = cleanEnv(env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := cliResult{stdout: stdout.String(), stderr: stderr.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("briefing %s: %v", strings.Join(args, " "), err)
	}
	return r
}

// wallOf is the wall time of a stamp ("<unix ms>-<counter>-<device>").
func wallOf(t *testing.T, hlc string) time.Time {
	t.Helper()
	ms, err := strconv.ParseInt(hlc[:strings.IndexByte(hlc, '-')], 10, 64)
	if err != nil {
		t.Fatalf("stamp %q: %v", hlc, err)
	}
	return time.UnixMilli(ms)
}

// TestE2EDeviceClockAYearAhead: a laptop whose clock is a year ahead syncs:
// the hub flags its stamps and keeps its own clock (the district's answer is
// stamped with the hub's time), and `briefing sync` shows the hub's time. The
// district's answer command refuses a question never forwarded and does not
// write the same answer twice.
func TestE2EDeviceClockAYearAhead(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a hub process; runs without -short")
	}
	hub := startRealHub(t)
	data := hub.enrol(t, "Phường 4")
	ahead := []string{clockOffsetEnv + "=8760h"}
	cli := func(args ...string) string {
		t.Helper()
		r := runCLIEnv(t, ahead, append([]string{"--data", data}, args...)...)
		if r.code != 0 {
			t.Fatalf("briefing %s: %s", strings.Join(args, " "), r)
		}
		return r.stdout
	}
	cli("session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 4", "--unit", "Phường 4")
	cli("checkin", "--walk-in", "--name", "Nguyễn Văn An", "--unit", "Phường 4", "--group", "cán bộ")
	cli("question", "add", "--text", "Khi nào phường có wifi công cộng?")
	cli("question", "forward", "1")
	cli("question", "add", "--text", "Câu hỏi trả lời tại chỗ?")
	var st syncStatusJSON
	json.Unmarshal([]byte(cli("sync", "status", "--json")), &st)

	before := time.Now()
	out := cli("sync")
	if !strings.Contains(out, "đi trước giờ máy chủ") {
		t.Errorf("sync did not say the hub flagged the stamps:\n%s", out)
	}
	if !strings.Contains(out, "Giờ máy chủ: "+before.Format("2006-01-02")) || !strings.Contains(out, "lệch") {
		t.Errorf("sync did not show the hub's time (today, %s):\n%s", before.Format("2006-01-02"), out)
	}
	if flagged := hubInt(t, hub, `SELECT COUNT(*) FROM change_in WHERE device_id = ? AND clock_ahead = 1`, st.Device); flagged < st.Pending-1 || flagged == 0 {
		t.Errorf("the hub flagged %d of %d changes", flagged, st.Pending)
	}

	// The district answers: its stamp is the hub's time, not the laptop's.
	var qs []hubQuestion
	if err := json.Unmarshal([]byte(hub.cli(t, "questions", "--json")), &qs); err != nil || len(qs) != 2 {
		t.Fatalf("questions at the hub: %v %+v", err, qs)
	}
	var fwd, open string
	for _, q := range qs {
		if q.Status == "forwarded" {
			fwd = q.ID
		} else {
			open = q.ID
		}
	}
	r := runCLI(t, "hub", "answer", open, "--text", "Trả lời.", "--db", hub.db)
	if r.code == 0 || !strings.Contains(r.stderr, "chưa được chuyển lên") {
		t.Errorf("hub answer of a question never forwarded: %s", r)
	}
	hub.cli(t, "answer", fwd, "--text", "Quý I năm sau.", "--by", "Phòng VHKHTT")
	if out := hub.cli(t, "answer", fwd, "--text", "Quý I năm sau.", "--by", "Phòng VHKHTT"); !strings.Contains(out, "không ghi thêm phiên bản") {
		t.Errorf("the same answer again said %q", out)
	}
	db, err := sql.Open("sqlite", "file:"+hub.db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var hlc, clock string
	var versions int
	if err := db.QueryRow(`SELECT MAX(hlc), COUNT(*) FROM question_version WHERE question_id = ? AND origin = (SELECT value FROM hub_meta WHERE key = 'hub_id')`, fwd).
		Scan(&hlc, &versions); err != nil {
		t.Fatal(err)
	}
	db.QueryRow(`SELECT value FROM hub_meta WHERE key = 'clock'`).Scan(&clock)
	if versions != 1 {
		t.Errorf("the hub holds %d answer versions, want 1", versions)
	}
	after := time.Now()
	if w := wallOf(t, clock); w.Before(before.Add(-time.Minute)) || w.After(after.Add(time.Minute)) {
		t.Errorf("the hub's clock is %s (%v): it followed the laptop's clock", clock, w)
	}
	// The answer comes after the question it answers, stamps ahead or not:
	// the hub lists it answered, and the laptop shows it answered.
	if w := wallOf(t, hlc); w.Before(after.Add(300 * 24 * time.Hour)) {
		t.Errorf("the answer's stamp %s (%v) is before the laptop's last edit of the question, a year ahead", hlc, w)
	}
	if out := hub.cli(t, "questions", "--status", "forwarded"); strings.Contains(out, "Khi nào") || strings.Contains(out, fwd) {
		t.Errorf("the answered question is still listed as forwarded:\n%s", out)
	}
	if out := cli("sync"); !strings.Contains(out, "1 câu trả lời") {
		t.Errorf("the answer was not pulled:\n%s", out)
	}
	if out := cli("question", "show", "1"); !strings.Contains(out, "Quý I năm sau.") || !strings.Contains(strings.SplitN(out, "\n", 2)[0], "Đã trả lời sau") {
		t.Errorf("the laptop does not show the question answered:\n%s", out)
	}
}
