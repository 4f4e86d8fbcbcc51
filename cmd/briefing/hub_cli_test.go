package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	bsync "briefing/internal/sync"
)

// An enrolment file is for a laptop that cannot ask where the hub is: with
// --url it carries an address the laptop can use (a plain-HTTP one off
// loopback is refused), and always what enrolling without the hub needs
// (issue 15: a laptop never online); what it writes is what `briefing
// enroll FILE` reads.
func TestHubEnrollFile(t *testing.T) {
	db := filepath.Join(t.TempDir(), "hub.db")
	file := filepath.Join(t.TempDir(), "ghi-danh.json")

	mustCLI(t, "hub", "enroll", "--db", db, "--unit", "Phường 4", "-o", file)
	if ef, err := bsync.ReadEnrolmentFile(file); err != nil || ef.URL != "" || !ef.Offline() {
		t.Fatalf("-o without --url: %+v %v; want a file for offline enrolment", ef, err)
	}
	r := runCLI(t, "hub", "enroll", "--db", db, "--unit", "Phường 4", "-o", file, "--url", "http://hub.phuong4.vn:8443")
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
	if ef.Code != secret || ef.Pin != pin || ef.URL != "https://hub.phuong4.vn:8443" || ef.Unit != "Phường 4" || !ef.Offline() {
		t.Fatalf("file %+v, printed code %q", ef, code)
	}
}

// `hub report -o bao-cao.xlsx` writes a workbook: the format follows the
// file's extension, as session export's does, and a --format that says
// otherwise is refused rather than writing text into a .xlsx.
func TestHubReportFormatFollowsTheFile(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "hub.db")
	xlsx := filepath.Join(dir, "bao-cao.xlsx")
	mustCLI(t, "hub", "report", "--db", db, "-o", xlsx)
	data, err := os.ReadFile(xlsx)
	if err != nil || !bytes.HasPrefix(data, []byte("PK\x03\x04")) {
		t.Fatalf("bao-cao.xlsx is not a workbook: %v %q", err, data[:min(len(data), 40)])
	}
	if r := runCLI(t, "hub", "report", "--db", db, "-o", xlsx, "--format", "md"); r.code != 2 || !strings.Contains(r.stderr, ".md") {
		t.Fatalf("--format md into a .xlsx: %s", r)
	}
	mustCLI(t, "hub", "report", "--db", db, "-o", filepath.Join(dir, "bao-cao.csv"))
	if data, _ := os.ReadFile(filepath.Join(dir, "bao-cao.csv")); !bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		t.Fatalf("bao-cao.csv is not the CSV (no BOM): %q", data[:min(len(data), 40)])
	}
}
