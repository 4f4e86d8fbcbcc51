package main

import (
	"strings"
	"testing"
)

// Command-line mistakes that used to pass: a global flag given twice (which
// folder did the script mean?), BRIEFING_DATA set to spaces (as --data " "
// is refused), and help on no such command (it exited 0).
func TestCommandLineMistakesAreRefused(t *testing.T) {
	if r := runCLI(t, "--data", t.TempDir(), "--data", t.TempDir(), "session", "list"); r.code == 0 || !strings.Contains(r.stderr, "--data") {
		t.Errorf("--data twice: %s", r)
	}
	if r := runCLI(t, "--lang", "en", "--lang", "vi", "session", "list", "--data", t.TempDir()); r.code == 0 {
		t.Errorf("--lang twice: %s", r)
	}
	if r := runCLIEnv(t, []string{"BRIEFING_DATA=   "}, "session", "list"); r.code != 2 || !strings.Contains(r.stderr, "BRIEFING_DATA") {
		t.Errorf("BRIEFING_DATA of spaces: %s", r)
	}
	if r := runCLI(t, "help", "bogus"); r.code == 0 || !strings.Contains(r.stderr, "bogus") {
		t.Errorf("help bogus: %s", r)
	}
	if r := runCLI(t, "help", "session", "list"); r.code != 0 {
		t.Errorf("help session list: %s", r)
	}
}
