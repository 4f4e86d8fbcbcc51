package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestE2ESessionsBeforeEnrolmentAreHeld: a laptop recorded a session for
// Phường 7 before it was enrolled for Phường 4. Its sync goes through (the
// hub holds that session instead of refusing every push after it), the
// clerk is told, the district sees it in hub held, accepts it with what was
// recorded under it, and the report then counts it.
func TestE2ESessionsBeforeEnrolmentAreHeld(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a hub process; runs without -short")
	}
	hub := startRealHub(t)
	data := t.TempDir()
	cli := func(args ...string) string {
		t.Helper()
		return mustCLI(t, append([]string{"--data", data}, args...)...)
	}
	// Before enrolment: a session for another ward, with one check-in.
	cli("session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 7", "--unit", "Phường 7")
	cli("checkin", "--walk-in", "--name", "Lê Văn Cường", "--unit", "Phường 7", "--group", "viên chức")
	cli("session", "end")

	out := strings.TrimSpace(hub.cli(t, "enroll", "--unit", "Phường 4"))
	cli("enroll", hub.url, out[strings.LastIndex(out, "\n")+1:])
	cli("session", "start", "nq57-toan-van", "--title", "Hội nghị Phường 4", "--unit", "Phường 4")
	cli("checkin", "--walk-in", "--name", "Nguyễn Văn An", "--unit", "Phường 4", "--group", "cán bộ")

	sync := cli("sync")
	if !strings.Contains(sync, "giữ lại") || !strings.Contains(sync, "phiên «Hội nghị Phường 7» ngày") {
		t.Fatalf("sync did not say what the hub held:\n%s", sync)
	}
	var st syncStatusJSON
	json.Unmarshal([]byte(cli("sync", "status", "--json")), &st)
	if st.Pending != 0 || st.Held == 0 {
		t.Fatalf("status after sync: pending %d, held %d", st.Pending, st.Held)
	}
	if !strings.Contains(cli("sync", "status"), "Máy chủ giữ lại") {
		t.Errorf("sync status does not show the held records")
	}

	var held []struct {
		ID, Entity, Unit, Title, Reason string
	}
	if err := json.Unmarshal([]byte(hub.cli(t, "held", "--json")), &held); err != nil || len(held) == 0 {
		t.Fatalf("hub held: %v %+v", err, held)
	}
	if h := held[0]; h.Entity != "session" || h.Unit != "Phường 7" || h.Title != "Hội nghị Phường 7" || h.Reason != "scope" {
		t.Fatalf("first held record %+v", h)
	}
	if list := hub.cli(t, "held"); !strings.Contains(list, "Hội nghị Phường 7") || !strings.Contains(list, "phiên") {
		t.Errorf("hub held lists:\n%s", list)
	}
	if report := hub.cli(t, "report", "--by", "unit", "--format", "csv"); strings.Contains(report, "Phường 7") {
		t.Fatalf("a held session is in the report:\n%s", report)
	}

	// A retry changes nothing; the district accepts the session.
	if out := hub.cli(t, "held", "retry"); !strings.Contains(out, "Đã đưa vào 0 bản ghi") {
		t.Fatalf("retry said %q", out)
	}
	if out := hub.cli(t, "held", "accept", held[0].ID, "--by", "Phòng VHKHTT"); !strings.Contains(out, "trong số đã chọn còn giữ lại 0") {
		t.Fatalf("accept said %q", out)
	}
	if out := hub.cli(t, "held"); !strings.Contains(out, "không giữ lại bản ghi nào") {
		t.Fatalf("held after accepting:\n%s", out)
	}
	if report := hub.cli(t, "report", "--by", "unit", "--format", "csv"); !strings.Contains(report, "Phường 7") {
		t.Fatalf("the accepted session is not in the report:\n%s", report)
	}
	// The laptop learns it at its next sync, with nothing to push.
	cli("sync")
	json.Unmarshal([]byte(cli("sync", "status", "--json")), &st)
	if st.Held != 0 {
		t.Errorf("held after the district accepted: %d", st.Held)
	}
	if r := runCLI(t, "hub", "held", "accept", held[0].ID, "--db", hub.db); r.code == 0 || !strings.Contains(r.stderr, "đã xử lý") {
		t.Errorf("accepting again: %s", r)
	}
}
