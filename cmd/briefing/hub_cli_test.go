package main

import (
	"path/filepath"
	"strings"
	"testing"

	bsync "briefing/internal/sync"
)

// An enrolment file is for a laptop that cannot ask where the hub is, so
// `hub enroll -o` refuses to write one without a usable address, and what
// it writes is what `briefing enroll FILE` reads.
func TestHubEnrollFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hub.db")
	file := filepath.Join(t.TempDir(), "ghi-danh.json")

	r := runCLI(t, "hub", "enroll", "--db", db, "--unit", "Phường 4", "-o", file)
	if r.code != 2 || !strings.Contains(r.stderr, "--url") {
		t.Fatalf("-o without --url: %s", r)
	}
	r = runCLI(t, "hub", "enroll", "--db", db, "--unit", "Phường 4", "-o", file, "--url", "http://hub.phuong4.vn:8443")
	if r.code != 2 || !strings.Contains(r.stderr, "https://") {
		t.Fatalf("-o with plain http off loopback: %s", r)
	}

	out := mustCLI(t, "hub", "enroll", "--db", db, "--unit", "Phường 4", "-o", file, "--url", "https://hub.phuong4.vn:8443")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	code := lines[len(lines)-1]
	ef, err := bsync.ReadEnrolmentFile(file)
	if err != nil {
		t.Fatalf("the file hub enroll wrote does not read: %v", err)
	}
	secret, pin := bsync.ParseCode(code)
	if ef.Code != secret || ef.Pin != pin || ef.URL != "https://hub.phuong4.vn:8443" || ef.Unit != "Phường 4" {
		t.Fatalf("file %+v, printed code %q", ef, code)
	}
}
