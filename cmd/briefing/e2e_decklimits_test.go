package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCLIDeckCheckLimits: decks built to blow up (a list nested 400 levels took 25 s and
// 1 GB, 1,000 pause steps froze the presenter; a duplicate front-matter key and an unknown
// lang passed) are refused by deck check at once, each problem at its line, and present
// refuses them the same way.
func TestCLIDeckCheckLimits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	head := "---\nid: x\ntitle: X\nlang: vi\n---\n"
	var nested, steps strings.Builder
	for i := range 400 {
		nested.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	for range 1000 {
		steps.WriteString("- b\n<!-- pause -->\n")
	}
	files := map[string]struct{ src, want string }{
		"nested.md": {head + "# S\n" + nested.String(), ":6: "},
		"dashes.md": {head + "# S\n" + strings.Repeat("- ", 400) + "a\n", ":7: "},
		"steps.md":  {head + "# S\n" + steps.String(), ":46: "},
		"dup.md":    {"---\nid: x\ntitle: X\ntitle: Y\nlang: fr\n---\n# a\n", ":4: "},
		"lang.md":   {"---\nid: x\ntitle: X\nlang: fr\n---\n# a\n", ":4: "},
	}
	for name, f := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(f.src), 0o600); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, "--data", t.TempDir(), "deck", "check", path)
		if r.code != 1 || !strings.Contains(r.stdout, path+f.want) {
			t.Errorf("deck check %s: %s\nwant exit 1 and %q", name, r, path+f.want)
		}
		r = runCLI(t, "--data", t.TempDir(), "session", "start", path, "--title", "T")
		if r.code != 1 || !strings.Contains(r.stderr, path+f.want) {
			t.Errorf("session start %s: %s\nwant it refused with %q", name, r, path+f.want)
		}
	}
}

// TestCLIDeckRenderWidth: a width no screen has is refused, not rendered for ever.
func TestCLIDeckRenderWidth(t *testing.T) {
	t.Parallel()
	r := runCLI(t, "--data", t.TempDir(), "deck", "render", nq57(t).id, "--width", "99999999")
	if r.code != 1 || !strings.Contains(r.stderr, "--width 99999999") {
		t.Fatalf("deck render --width 99999999: %s", r)
	}
}

// TestCLIDeckListNoEscapes: a deck's title cannot retitle the terminal's window or write its
// clipboard through deck list.
func TestCLIDeckListNoEscapes(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	mustCLI(t, "--data", data, "session", "list")
	if err := os.MkdirAll(filepath.Join(data, "decks"), 0o700); err != nil {
		t.Fatal(err)
	}
	src := "---\nid: evil\ntitle: \"Bộ\\e]0;PWNED\\a \\e]52;c;SGVsbG8=\\a\u202e\"\nlang: vi\n---\n# Trang\x1b[2J\n"
	if err := os.WriteFile(filepath.Join(data, "decks", "evil.md"), []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"deck", "list"}, {"deck", "render", "evil"}} {
		r := runCLI(t, append([]string{"--data", data}, args...)...)
		if strings.ContainsAny(r.stdout+r.stderr, "\x1b\x07\u202e") || !strings.Contains(r.stdout, "evil") && args[1] == "list" {
			t.Errorf("%s: %q", strings.Join(args, " "), r.stdout)
		}
	}
}

// TestE2EPresentRefusesDeckPastLimits: present on a list nested 400 levels froze the
// terminal for 47 s at 2 GB; it is refused at once, with the line, as deck check says.
func TestE2EPresentRefusesDeckPastLimits(t *testing.T) {
	t.Parallel()
	tm := newTmux(t)
	var b strings.Builder
	b.WriteString("---\nid: x\ntitle: X\nlang: vi\n---\n# S\n")
	for i := range 400 {
		b.WriteString(strings.Repeat("  ", i) + "- a\n")
	}
	path := filepath.Join(tm.tmp, "sau.md")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	p := tm.startWatched("a", 100, 24, "present", path)
	if code := p.waitExit(); code != "1" {
		t.Fatalf("present exited %q, want 1; screen:\n%s", code, frame(p.screen()))
	}
	if s := p.screen(); !strings.Contains(s, "sau.md:6:") {
		t.Fatalf("no problem at line 6 on the screen:\n%s", frame(s))
	}
}

// TestCLIDeckFileNameNoEscapes: a deck file whose name holds escape codes (a folder from a
// USB stick) is named without them by deck check and deck list.
func TestCLIDeckFileNameNoEscapes(t *testing.T) {
	t.Parallel()
	data := t.TempDir()
	mustCLI(t, "--data", data, "session", "list")
	dir := filepath.Join(data, "decks")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	name := filepath.Join(dir, "a\x1b]0;PWNED\x07\u202e.md")
	if err := os.WriteFile(name, []byte("---\nid: ten\ntitle: T\ntitle: U\n---\n# a\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"deck", "check", dir}, {"deck", "list"}, {"deck", "list", "--json"}} {
		r := runCLI(t, append([]string{"--data", data}, args...)...)
		if strings.ContainsAny(r.stdout+r.stderr, "\x1b\x07\u202e") || !strings.Contains(r.stdout, "]0;PWNED") {
			t.Errorf("%s: %q %q", strings.Join(args, " "), r.stdout, r.stderr)
		}
	}
	// A line break in the name: each problem is still one PATH:LINE: line.
	if err := os.Rename(name, filepath.Join(dir, "b\nc.md")); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--data", data, "deck", "check", dir)
	for _, line := range strings.Split(strings.TrimSpace(r.stdout), "\n") {
		if !strings.Contains(line, ".md:") {
			t.Errorf("deck check printed a line without its file: %q in\n%s", line, r.stdout)
		}
	}
}
