package main

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// realHub is `briefing hub serve` running as its own process on a free
// loopback port, with its self-signed certificate.
type realHub struct {
	url, db string
	cmd     *exec.Cmd
	log     *bytes.Buffer
}

func startRealHub(t *testing.T) *realHub {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	h := &realHub{url: "https://" + addr, db: filepath.Join(t.TempDir(), "hub.db"), log: &bytes.Buffer{}}
	h.cmd = exec.Command(briefingBin(t), "hub", "serve", "--db", h.db, "--addr", addr)
	h.cmd.Env = cleanEnv()
	h.cmd.Stdout, h.cmd.Stderr = h.log, h.log
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.cmd.Process.Kill(); h.cmd.Wait() })
	// Only readiness is asked here, so the certificate is not checked; the
	// device's pinning is what the test exercises.
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := client.Get(h.url + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return h
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("hub serve did not answer /healthz: %v\n%s", err, h.log)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (h *realHub) cli(t *testing.T, args ...string) string {
	t.Helper()
	return mustCLI(t, append(append([]string{"hub"}, args...), "--db", h.db)...)
}

// enrol makes a code at the hub for unit and enrols a fresh data directory with it.
func (h *realHub) enrol(t *testing.T, unit string) string {
	t.Helper()
	out := strings.TrimSpace(h.cli(t, "enroll", "--unit", unit))
	code := out[strings.LastIndex(out, "\n")+1:]
	data := t.TempDir()
	if out := mustCLI(t, "--data", data, "enroll", h.url, code); !strings.Contains(out, unit) {
		t.Fatalf("enroll said %q", out)
	}
	// The code is one-time: another laptop cannot reuse it.
	if r := runCLI(t, "--data", t.TempDir(), "enroll", h.url, code); r.code == 0 {
		t.Fatalf("a used code enrolled a second laptop: %s", r)
	}
	return data
}

type hubQuestion struct {
	ID, Status, Unit, Text string
}

// TestE2ERealHub: two wards' laptops enrol with a real hub over HTTPS (the
// certificate pinned by the code), record sessions, sync; the district sees
// the records once, answers a forwarded question, and the answer reaches the
// laptop that asked it. A second sync moves nothing; a revoked laptop keeps
// its records.
func TestE2ERealHub(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a hub process; runs without -short")
	}
	hub := startRealHub(t)
	ward4 := hub.enrol(t, "Phường 4")
	ward7 := hub.enrol(t, "Phường 7")
	cli := func(data string, args ...string) string {
		t.Helper()
		return mustCLI(t, append([]string{"--data", data}, args...)...)
	}

	cli(ward4, "session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 4", "--unit", "P.4")
	cli(ward4, "checkin", "--walk-in", "--name", "Nguyễn Văn An", "--unit", "P4", "--group", "cán bộ")
	cli(ward4, "checkin", "--walk-in", "--name", "Trần Thị Bình", "--unit", "Phường 4", "--group", "Nhân dân")
	cli(ward4, "question", "add", "--text", "Khi nào phường có wifi công cộng?")
	cli(ward4, "question", "forward", "1")
	cli(ward7, "session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 7", "--unit", "Phường 7")
	cli(ward7, "checkin", "--walk-in", "--name", "Lê Văn Cường", "--unit", "Phường 7", "--group", "viên chức")

	for _, data := range []string{ward4, ward7} {
		if out := cli(data, "sync"); !strings.Contains(out, "Đã gửi") {
			t.Fatalf("sync said %q", out)
		}
		var st syncStatusJSON
		json.Unmarshal([]byte(cli(data, "sync", "status", "--json")), &st)
		if st.Pending != 0 || st.LastResult != "ok" {
			t.Fatalf("status after sync %+v", st)
		}
		// Nothing new: the second sync pushes nothing and changes nothing.
		if out := cli(data, "sync"); !strings.Contains(out, "Đã gửi 0 thay đổi") {
			t.Fatalf("second sync said %q", out)
		}
	}

	// The district: the forwarded question, answered.
	var qs []hubQuestion
	if err := json.Unmarshal([]byte(hub.cli(t, "questions", "--status", "forwarded", "--json")), &qs); err != nil || len(qs) != 1 {
		t.Fatalf("forwarded questions at the hub: %v %+v", err, qs)
	}
	if qs[0].Text != "Khi nào phường có wifi công cộng?" {
		t.Fatalf("question at the hub %+v", qs[0])
	}
	hub.cli(t, "answer", qs[0].ID, "--text", "Quý I năm sau, tại nhà văn hóa khu phố.", "--by", "Phòng VHKHTT")
	if out := cli(ward4, "sync"); !strings.Contains(out, "1 câu trả lời") || strings.Contains(out, "chưa được máy chủ xác nhận") {
		t.Fatalf("the answer was not pulled, or its new state was left pending: %q", out)
	}
	if out := cli(ward4, "question", "show", "1"); !strings.Contains(out, "Quý I năm sau") || !strings.Contains(out, "Phòng VHKHTT") {
		t.Fatalf("the answer did not reach the asking laptop:\n%s", out)
	}
	if out := cli(ward7, "sync"); strings.Contains(out, "1 câu trả lời") {
		t.Fatalf("another ward received the answer: %q", out)
	}

	// The report: each ward's attendance once, under the catalog's names.
	report := hub.cli(t, "report", "--by", "unit", "--format", "csv")
	for _, want := range []string{"Phường 4", "Phường 7"} {
		if !strings.Contains(report, want) {
			t.Fatalf("report by unit lacks %s:\n%s", want, report)
		}
	}
	if strings.Contains(report, "P.4") {
		t.Errorf("report by unit keeps the spelling P.4 instead of the catalog's name:\n%s", report)
	}

	// Revoked: a clear refusal, and the laptop keeps what it recorded.
	var devs []struct {
		ID   string `json:"id"`
		Unit string `json:"unit"`
	}
	if err := json.Unmarshal([]byte(hub.cli(t, "devices", "--json")), &devs); err != nil || len(devs) != 2 {
		t.Fatalf("hub devices: %v %+v", err, devs)
	}
	var st syncStatusJSON
	json.Unmarshal([]byte(cli(ward7, "sync", "status", "--json")), &st)
	hub.cli(t, "revoke", st.Device)
	cli(ward7, "checkin", "--walk-in", "--name", "Phạm Thị Dung", "--unit", "Phường 7", "--group", "Nhân dân")
	r := runCLI(t, "--data", ward7, "sync")
	if r.code == 0 || !strings.Contains(r.stderr, "thu hồi") {
		t.Fatalf("a revoked laptop synced: %s", r)
	}
	if out := cli(ward7, "attendance", "list"); !strings.Contains(out, "Phạm Thị Dung") {
		t.Fatalf("a record was lost on revocation:\n%s", out)
	}
	// A code for a new laptop does not enrol a known one again (a device id
	// is no secret); a code the district makes for this laptop does, and
	// what it recorded while revoked reaches the hub.
	newCode := strings.TrimSpace(hub.cli(t, "enroll", "--unit", "Phường 7"))
	newCode = newCode[strings.LastIndex(newCode, "\n")+1:]
	if r := runCLI(t, "--data", ward7, "enroll", hub.url, newCode); r.code == 0 || !strings.Contains(r.stderr, "--device") {
		t.Fatalf("a known laptop enrolled with a new laptop's code: %s", r)
	}
	again := strings.TrimSpace(hub.cli(t, "enroll", "--device", st.Device[:13]))
	if !strings.Contains(again, st.Device) || !strings.Contains(again, "Phường 7") {
		t.Fatalf("hub enroll --device said:\n%s", again)
	}
	cli(ward7, "enroll", hub.url, again[strings.LastIndex(again, "\n")+1:])
	if out := cli(ward7, "sync"); !strings.Contains(out, "Đã gửi") {
		t.Fatalf("sync after re-enrolment said %q", out)
	}
	json.Unmarshal([]byte(cli(ward7, "sync", "status", "--json")), &st)
	if st.Pending != 0 {
		t.Fatalf("pending %d after re-enrolment", st.Pending)
	}
}
