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
	// A command's own flag given twice (checkin --query a --query b checked
	// in b; session start --title x --title y made "y").
	data := t.TempDir()
	for _, args := range [][]string{
		{"checkin", "--query", "a", "--query", "b"},
		{"session", "start", "nq57-toan-van", "--title", "x", "--title", "y"},
		{"question", "add", "--text", "first", "--text", "second"},
	} {
		if r := runCLI(t, append([]string{"--data", data}, args...)...); r.code == 0 || !strings.Contains(r.stderr, "--"+args[len(args)-2][2:]) {
			t.Errorf("%v: %s", args, r)
		}
	}
	if r := runCLI(t, "--data", data, "session", "list"); r.code != 0 || strings.Contains(r.stdout, "nq57") {
		t.Errorf("a refused command started a session anyway: %s", r)
	}
	if r := runCLI(t, "help", "session", "list"); r.code != 0 {
		t.Errorf("help session list: %s", r)
	}
}
