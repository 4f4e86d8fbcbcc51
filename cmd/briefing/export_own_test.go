package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/store"
)

// The minutes are never written over the program's own files nor over what
// is not a regular file: `-o DATA/briefing.db` replaced the live database
// with Markdown and said it had written the minutes.
func TestExportRefusesOwnFilesAndDevices(t *testing.T) {
	data := t.TempDir()
	id := strings.TrimSpace(mustCLI(t, "--data", data, "session", "start", "nq57-toan-van", "--title", "Hội nghị"))
	db := filepath.Join(data, store.FileName)
	before, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{db, filepath.Join(data, "device-keys.json"), os.DevNull} {
		if _, err := os.Stat(out); err != nil {
			continue // no keys file before enrolment
		}
		r := runCLI(t, "--data", data, "session", "export", id, "-o", out, "--format", "md")
		if r.code != 2 {
			t.Errorf("export -o %s: %s", out, r)
		}
	}
	after, _ := os.ReadFile(db)
	if len(after) < len(before)/2 || strings.HasPrefix(string(after), "#") {
		t.Fatalf("the database was overwritten")
	}
	if out := mustCLI(t, "--data", data, "session", "show", id); !strings.Contains(out, "Hội nghị") {
		t.Fatalf("the session is gone:\n%s", out)
	}
	// The hub's report is not written over the hub's database either.
	hubDB := filepath.Join(t.TempDir(), "hub.db")
	mustCLI(t, "hub", "report", "--db", hubDB)
	if r := runCLI(t, "hub", "report", "--db", hubDB, "-o", hubDB, "--format", "md"); r.code != 2 {
		t.Errorf("hub report -o hub.db: %s", r)
	}
}
